package history

import (
	"encoding/gob"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// cacheRepo is a repository of two languages with renames, restamps and
// recent changes, for the cache's tests.
func cacheRepo(t *testing.T) *testRepo {
	r := newTestRepo(t)
	body := "Một đoạn văn đủ dài để git nhận ra việc đổi tên tệp này.\n\nĐoạn thứ hai.\n"
	r.write("content/vi/a.md", page("A", "", body))
	r.write("content/fr/a.md", page("A", "", "Un paragraphe.\n"))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook in two languages")
	r.write("content/vi/a.md", page("A", "", body+"Thêm.\n"))
	r.commit("2026-02-01T08:00:00Z", "Say more on the first page")
	return r
}

// moreCommits adds a rename, a restamp and a new page on top of r.
func moreCommits(r *testRepo) {
	r.git("mv", "content/vi/a.md", "content/vi/b.md")
	r.commit("2026-03-01T08:00:00Z", "Rename the first page")
	r.write("content/fr/a.md", page("A", "h2", "Un paragraphe, et plus.\n"))
	r.commit("2026-03-02T08:00:00Z", "Bring the French page up to date")
	r.write("content/vi/c.md", page("C", "", "c\n"))
	r.commit("2026-03-03T08:00:00Z", "Add the page on hiring")
}

// sameLog fails the test unless the history read with the cache is the
// one read without it.
func sameLog(t *testing.T, r *testRepo, cacheDir string) *Log {
	t.Helper()
	dirs := []string{"content/vi", "content/fr"}
	cached, err := Read(r.dir, dirs, 6, cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Read(r.dir, dirs, 6, "")
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(cached.updated, whole.updated, func(a, b time.Time) bool { return a.Equal(b) }) ||
		!slices.Equal(cached.Changes, whole.Changes) || !cached.Newest.Equal(whole.Newest) {
		t.Errorf("with the cache:\n%v\n%+v\nwithout:\n%v\n%+v", cached.updated, cached.Changes, whole.updated, whole.Changes)
	}
	return cached
}

func TestCacheGivesTheHistoryGitGives(t *testing.T) {
	r := cacheRepo(t)
	cache := t.TempDir()
	sameLog(t, r, cache) // cold: fills the cache
	sameLog(t, r, cache) // warm, HEAD unchanged
	moreCommits(r)
	log := sameLog(t, r, cache) // the commits since the cached HEAD
	if len(log.Changes) != 5 {
		t.Errorf("%d changes, want 5: %+v", len(log.Changes), log.Changes)
	}
	if files, _ := filepath.Glob(filepath.Join(cache, "*.gob")); len(files) != 1 {
		t.Errorf("cache files %v, want one for the site's content folders", files)
	}
}

// TestCacheReadsOnlyTheNewCommits: the commits up to the cached HEAD
// come from the cache (a subject changed in it shows), the newer ones
// from git.
func TestCacheReadsOnlyTheNewCommits(t *testing.T) {
	r := cacheRepo(t)
	cache := t.TempDir()
	if _, err := Read(r.dir, []string{"content/vi"}, 6, cache); err != nil {
		t.Fatal(err)
	}
	fc := openCache(cache, r.dir, []string{"content/vi"})
	c, ok := fc.load()
	if !ok || len(c.Commits) != 2 {
		t.Fatalf("the cache holds %+v, want the two commits", c)
	}
	c.Commits[0].Subject = "Said in the cache alone"
	writeGob(t, fc.name, c)
	moreCommits(r)

	log, err := Read(r.dir, []string{"content/vi"}, 6, cache)
	if err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, ch := range log.Changes {
		subjects = append(subjects, ch.Subject)
	}
	want := []string{"Add the page on hiring", "Said in the cache alone", "Start the handbook in two languages"}
	if !slices.Equal(subjects, want) {
		t.Errorf("subjects %q, want %q: the new commits from git, the older from the cache", subjects, want)
	}
}

// TestCacheOfAnotherHistoryIsNotUsed: after a rebase or a force-push
// the cached HEAD is not under HEAD, and after a merge git log
// interleaves the branches: the history is read whole.
func TestCacheOfAnotherHistoryIsNotUsed(t *testing.T) {
	r := cacheRepo(t)
	cache := t.TempDir()
	r.git("checkout", "-q", "-b", "side")
	moreCommits(r)
	sameLog(t, r, cache) // cached at the side branch's HEAD
	r.git("checkout", "-q", "main")
	r.write("content/vi/d.md", page("D", "", "d\n"))
	r.commit("2026-02-15T08:00:00Z", "Add a page on main")
	sameLog(t, r, cache) // the cached HEAD is not an ancestor
	r.git("merge", "-q", "--no-edit", "side")
	sameLog(t, r, cache) // a merge since the cached HEAD
	r.git("reset", "-q", "--hard", "HEAD~1")
	sameLog(t, r, cache) // back to an older commit
}

// TestDamagedOrForeignCacheIsIgnored: a cache file that is not one, of
// another format, or of another site is read as no cache.
func TestDamagedOrForeignCacheIsIgnored(t *testing.T) {
	r := cacheRepo(t)
	cache := t.TempDir()
	sameLog(t, r, cache)
	fc := openCache(cache, r.dir, []string{"content/vi", "content/fr"})
	name := fc.name
	good, ok := fc.load()
	if !ok {
		t.Fatal("no cache written")
	}
	other := *good
	other.Root = "/another/site"
	older := *good
	older.Format = cacheFormat + 1
	badHead := *good
	badHead.Head = "--all"
	for what, write := range map[string]func(){
		"garbage":           func() { os.WriteFile(name, []byte("not a cache\x00\xff"), 0o600) },
		"cut short":         func() { data, _ := os.ReadFile(name); os.WriteFile(name, data[:len(data)/2], 0o600) },
		"another site's":    func() { writeGob(t, name, &other) },
		"another format":    func() { writeGob(t, name, &older) },
		"a head not a hash": func() { writeGob(t, name, &badHead) },
	} {
		t.Run(what, func(t *testing.T) {
			write()
			if _, ok := openCache(cache, r.dir, []string{"content/vi", "content/fr"}).load(); ok {
				t.Errorf("a cache file %s is read", what)
			}
			sameLog(t, r, cache)
			if _, ok := openCache(cache, r.dir, []string{"content/vi", "content/fr"}).load(); !ok {
				t.Errorf("the cache file %s was not written anew", what)
			}
		})
	}
}

func writeGob(t *testing.T, name string, c *cacheFile) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := gob.NewEncoder(f).Encode(c); err != nil {
		t.Fatal(err)
	}
}

// TestCacheKeepsTheComparedVersions: the verdicts on the versions a
// build compared, and the summaries of those git read, come from the
// cache in the next (made "unchanged" in it, the change they showed is
// not seen), since a blob's hash names its text.
func TestCacheKeepsTheComparedVersions(t *testing.T) {
	for _, byGit := range []bool{false, true} {
		r := cacheRepo(t)
		if byGit {
			// Objects git may replace are read by git, not the store.
			t.Setenv("GIT_REPLACE_REF_BASE", "refs/replace/")
		}
		cache := t.TempDir()
		if _, err := Read(r.dir, []string{"content/vi"}, 0, cache); err != nil {
			t.Fatal(err)
		}
		fc := openCache(cache, r.dir, []string{"content/vi"})
		c, ok := fc.load()
		switch {
		case !ok:
			t.Fatal("no cache written")
		case byGit && len(c.Blobs) != 2:
			t.Fatalf("the cache holds %+v, want the two versions of a.md read by git", c)
		case !byGit && (len(c.Pairs) != 1 || len(c.Blobs) != 0):
			t.Fatalf("the cache holds %+v, want the one comparison of a.md's versions", c)
		}
		for id := range c.Blobs {
			c.Blobs[id] = cachedSummary{Text: 1}
		}
		for i := range c.Pairs {
			c.Pairs[i].TextChanged = false
		}
		writeGob(t, fc.name, c)

		log, err := Read(r.dir, []string{"content/vi"}, 0, cache)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := log.Updated("content/vi/a.md"), mustTime(t, "2026-01-01T08:00:00Z"); !got.Equal(want) {
			t.Errorf("read by git %v: Updated = %v, want %v: the versions were compared again", byGit, got, want)
		}
	}
}

// TestOnlyTheComparedVersionsAreRead: the versions read, which the
// cache keeps, are those of each file's newest change, none of a file
// only added since.
func TestOnlyTheComparedVersionsAreRead(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "a\n"))
	r.write("content/vi/b.md", page("B", "", "b\n"))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook")
	r.write("content/vi/a.md", page("A", "", "a, b\n"))
	r.commit("2026-02-01T08:00:00Z", "Say more on page A")
	cache := t.TempDir()
	if _, err := Read(r.dir, []string{"content/vi"}, 0, cache); err != nil {
		t.Fatal(err)
	}
	c, ok := openCache(cache, r.dir, []string{"content/vi"}).load()
	if !ok {
		t.Fatal("no cache written")
	}
	want := cachedPair{Old: strings.TrimSpace(r.git("rev-parse", "HEAD~:content/vi/a.md")), New: strings.TrimSpace(r.git("rev-parse", "HEAD:content/vi/a.md")), TextChanged: true}
	if len(c.Pairs) != 1 || c.Pairs[0] != want || len(c.Blobs) != 0 {
		t.Errorf("versions compared: %+v and summaries %v, want a.md's two compared: %+v", c.Pairs, c.Blobs, want)
	}
}

// TestUnchangedCacheIsNotWrittenAgain: a build at the cached HEAD that
// compared no new version leaves the cache file as it was (writing it
// would cost a warm build more than reading it); a commit since makes
// it written anew.
func TestUnchangedCacheIsNotWrittenAgain(t *testing.T) {
	r := cacheRepo(t)
	cache := t.TempDir()
	dirs := []string{"content/vi", "content/fr"}
	if _, err := Read(r.dir, dirs, 6, cache); err != nil {
		t.Fatal(err)
	}
	name := openCache(cache, r.dir, dirs).name
	// A marker the encoder never writes: any rewrite drops it.
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	marked := append(data, "untouched"...)
	if err := os.WriteFile(name, marked, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(r.dir, dirs, 6, cache); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(name); string(got) != string(marked) {
		t.Error("the cache was written again at the same HEAD with nothing new in it")
	}
	moreCommits(r)
	if _, err := Read(r.dir, dirs, 6, cache); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(name); strings.HasSuffix(string(got), "untouched") {
		t.Error("the cache was not written after the commits since its HEAD")
	}
}
