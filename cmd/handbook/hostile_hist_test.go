package main

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"handbook/internal/sitetest"
)

// cachedSite makes the work folder's site a repository of one commit
// and points the history's cache at $WORK/cache; with filled, a build
// first fills the cache, then damage (unless nil) is done to each of its
// files.
func cachedSite(filled bool, damage func(t *testing.T, name string)) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		commitSite("Start the handbook in two languages")(t, work)
		cache := filepath.Join(work, "cache")
		t.Setenv("HANDBOOK_HISTORY_CACHE", cache)
		if !filled {
			return
		}
		if code, out, errOut := runCmd("build", "--source", filepath.Join(work, "site"), "--dest", filepath.Join(work, "first")); code != exitOK {
			t.Fatalf("the build filling the cache: exit %d\n%s%s", code, out, errOut)
		}
		names, _ := filepath.Glob(filepath.Join(cache, "*.gob"))
		if len(names) == 0 {
			t.Fatal("the build left no cache file")
		}
		for _, name := range names {
			if damage != nil {
				damage(t, name)
			}
		}
	}
}

// sameAsWithoutCache checks that the site built is the one a build
// without the cache writes.
func sameAsWithoutCache(t *testing.T, work string) {
	if page := readOutput(t, work, "vi/about/index.html"); !strings.Contains(page, `<time datetime="2026-03-05">`) {
		t.Errorf("the page shows no date from the history:\n%s", page)
	}
	t.Setenv("HANDBOOK_HISTORY_CACHE", "off")
	dest := filepath.Join(work, "nocache")
	if code, out, errOut := runCmd("build", "--source", filepath.Join(work, "site"), "--dest", dest); code != exitOK {
		t.Fatalf("the build without the cache: exit %d\n%s%s", code, out, errOut)
	}
	if got, want := hashTree(t, filepath.Join(work, "site", "public")), hashTree(t, dest); !maps.Equal(got, want) {
		t.Errorf("the site built with the cache differs from the one without:\n%v\n%v", got, want)
	}
}

// TestHostileHist: the history's cache, damaged, unwritable or off,
// never changes the site, fails a build, or writes into the site or its
// repository (the .git folder is in the work folder: every case checks
// it is left as it was).
func TestHostileHist(t *testing.T) {
	runHostile(t, []hostileCase{
		{
			name:    "the cache is kept outside the site and its repository",
			setup:   cachedSite(false, nil),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public", "cache"},
			after: func(t *testing.T, work string) {
				if names, _ := filepath.Glob(filepath.Join(work, "cache", "*.gob")); len(names) == 0 {
					t.Error("no cache file in the folder HANDBOOK_HISTORY_CACHE names")
				}
				sameAsWithoutCache(t, work)
			},
		},
		{
			name:    "a warm cache builds the same site",
			setup:   cachedSite(true, nil),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   sameAsWithoutCache,
		},
		{
			name: "a cache file cut short is read as none and written anew",
			setup: cachedSite(true, func(t *testing.T, name string) {
				data, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name, data[:len(data)/3], 0o600); err != nil {
					t.Fatal(err)
				}
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public", "cache"},
			after:   sameAsWithoutCache,
		},
		{
			name: "a cache file of something else is read as none",
			setup: cachedSite(true, func(t *testing.T, name string) {
				if err := os.WriteFile(name, []byte("\x00\xffnot a cache\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public", "cache"},
			after:   sameAsWithoutCache,
		},
		{
			name: "a cache folder that cannot be made leaves the build as it is",
			setup: func(t *testing.T, work string) {
				commitSite("Start the handbook in two languages")(t, work)
				if err := os.WriteFile(filepath.Join(work, "a-file"), []byte("x"), 0o600); err != nil {
					t.Fatal(err)
				}
				t.Setenv("HANDBOOK_HISTORY_CACHE", filepath.Join(work, "a-file", "cache"))
			},
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   sameAsWithoutCache,
		},
		{
			name:      "a repository lacking the versions of a file outside the content (a partial clone's) still dates the pages",
			setup:     lackingVersionsOutsideContent,
			args:      []string{"build", "--source", "$SITE"},
			code:      exitOK,
			notOutput: []string{"reading the git history"},
			written:   []string{"site/public", "cache"},
			after: func(t *testing.T, work string) {
				if page := readOutput(t, work, "vi/about/index.html"); !strings.Contains(page, `<time datetime="2026-03-05">`) {
					t.Errorf("the page shows no date from the history:\n%s", page)
				}
			},
		},
		{
			name:    "a long history, read in parts at once, dates each page by its last change, across renames and reformatting",
			setup:   longHistory,
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   datedAsLongHistory,
		},
		{
			name:    "a site in a folder of its repository, beside other work and with a submodule in its content, is dated by its own pages' commits",
			setup:   siteInRepositoryFolder("sha1"),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   datedAsRepositoryFolder,
		},
		{
			name:    "a repository of SHA-256 object names is dated as one of SHA-1",
			setup:   siteInRepositoryFolder("sha256"),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   datedAsRepositoryFolder,
		},
		{
			name: "HANDBOOK_HISTORY_CACHE=off keeps nothing",
			setup: func(t *testing.T, work string) {
				commitSite("Start the handbook in two languages")(t, work)
				t.Setenv("HANDBOOK_HISTORY_CACHE", "off")
			},
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
		},
	})
}

// siteInRepositoryFolder makes the work folder a repository of the
// object format whose folder site is the site, beside the writers'
// notes: the site is started on the first of March 2026, its
// Vietnamese about page edited on the 2nd, a submodule added to its
// content and the notes edited on the 3rd, the French about page only
// restamped on the 4th, and a page added to and removed from a folder
// of its own on the 5th and 6th.
func siteInRepositoryFolder(format string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Setenv("HANDBOOK_HISTORY_CACHE", "off")
		sitetest.Git(t, work, nil, "init", "-q", "-b", "main", "--object-format="+format)
		sitetest.Git(t, work, nil, "config", "user.name", "Writer")
		sitetest.Git(t, work, nil, "config", "user.email", "writer@example.com")
		sitetest.Git(t, work, nil, "config", "commit.gpgsign", "false")
		sitetest.WriteFiles(t, work, map[string]string{"notes/todo.md": "Notes.\n"})
		sitetest.GitCommit(t, work, "2026-03-01T10:00:00+07:00", "Start the handbook")
		sitetest.WriteFiles(t, work, map[string]string{"site/content/vi/about.md": "---\ntitle: Giới thiệu\n---\n\nVề sổ tay, rõ hơn.\n"})
		sitetest.GitCommit(t, work, "2026-03-02T10:00:00+07:00", "Say more about the handbook")
		head := strings.TrimSpace(sitetest.Git(t, work, nil, "rev-parse", "HEAD"))
		sitetest.Git(t, work, nil, "update-index", "--add", "--cacheinfo", "160000,"+head+",site/content/vi/vendor")
		sitetest.WriteFiles(t, work, map[string]string{"notes/todo.md": "Notes, more.\n"})
		// Committed without git add -A, which would drop the submodule
		// not checked out.
		sitetest.Git(t, work, nil, "add", "notes/todo.md")
		dated := []string{"GIT_AUTHOR_DATE=2026-03-03T10:00:00+07:00", "GIT_COMMITTER_DATE=2026-03-03T10:00:00+07:00"}
		sitetest.Git(t, work, dated, "commit", "-q", "-m", "Add a submodule and notes")
		if tree := sitetest.Git(t, work, nil, "ls-tree", "HEAD", "site/content/vi/vendor"); !strings.HasPrefix(tree, "160000 commit") {
			t.Fatalf("the submodule was not committed: %q", tree)
		}
		sitetest.WriteFiles(t, work, map[string]string{"site/content/fr/about.md": "---\ntitle: À propos\nsourceHash: abc\n---\n\nÀ propos du manuel.\n"})
		sitetest.GitCommit(t, work, "2026-03-04T10:00:00+07:00", "Restamp the French about page")
		sitetest.WriteFiles(t, work, map[string]string{"site/content/vi/more/deep/page.md": "---\ntitle: Thêm\n---\n\nThêm.\n"})
		sitetest.GitCommit(t, work, "2026-03-05T10:00:00+07:00", "Add a page deep in a folder")
		sitetest.Git(t, work, nil, "rm", "-q", "-r", "site/content/vi/more")
		sitetest.GitCommit(t, work, "2026-03-06T10:00:00+07:00", "Remove it")
	}
}

// datedAsRepositoryFolder checks the dates siteInRepositoryFolder's
// history gives the pages.
func datedAsRepositoryFolder(t *testing.T, work string) {
	for page, date := range map[string]string{"vi/about": "2026-03-02", "fr/about": "2026-03-01", "vi/principles/day-one": "2026-03-01"} {
		if got := readOutput(t, work, page+"/index.html"); !strings.Contains(got, `<time datetime="`+date+`">`) {
			t.Errorf("%s is not dated %s:\n%s", page, date, got)
		}
	}
}

// lackingVersionsOutsideContent commits the site, then moves and edits
// a file outside the content folders, and removes both versions of that
// file from the repository, as a partial clone lacks them: finding that
// rename would need them.
func lackingVersionsOutsideContent(t *testing.T, work string) {
	commitSite("Start the handbook in two languages")(t, work)
	t.Setenv("HANDBOOK_HISTORY_CACHE", filepath.Join(work, "cache"))
	site := filepath.Join(work, "site")
	notes := strings.Repeat("A line of the writers' notes.\n", 40)
	sitetest.WriteFiles(t, site, map[string]string{"notes/todo.txt": notes})
	sitetest.GitCommit(t, site, "2026-03-06T10:00:00+07:00", "Keep the writers' notes")
	sitetest.Git(t, site, nil, "mv", "notes/todo.txt", "notes/later.txt")
	sitetest.WriteFiles(t, site, map[string]string{"notes/later.txt": notes + "One more.\n"})
	sitetest.GitCommit(t, site, "2026-03-07T10:00:00+07:00", "Move the notes")
	for _, version := range []string{"HEAD~:notes/todo.txt", "HEAD:notes/later.txt"} {
		id := strings.TrimSpace(sitetest.Git(t, site, nil, "rev-parse", version))
		if err := os.Remove(filepath.Join(site, ".git", "objects", id[:2], id[2:])); err != nil {
			t.Fatal(err)
		}
	}
}

// longHistoryCommits is long enough for the history to be read by
// several git logs at once on a machine of two cores or more.
const longHistoryCommits = 2100

// longHistory gives the site a history of longHistoryCommits commits, one
// an hour from the first of January 2026, each adding a line to one of
// the pages p0 to p19 in turn, except that p5 stops changing after
// commit 100 and is reformatted at commit 2000, and p7 stops changing
// after commit 300 and is renamed moved7 at commit 1050, as it was: both
// dates lie before the middle of the history, older than the commits
// that touched them last.
func longHistory(t *testing.T, work string) {
	t.Setenv("HANDBOOK_HISTORY_CACHE", "off")
	site := filepath.Join(work, "site")
	sitetest.GitInit(t, site)
	var in strings.Builder
	files := map[string]string{}
	write := func(i int, subject string, changes map[string]string, deleted ...string) {
		when := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour).Unix()
		fmt.Fprintf(&in, "commit refs/heads/main\ncommitter Writer <writer@example.com> %d +0000\ndata %d\n%s\n", when, len(subject), subject)
		for _, name := range deleted {
			fmt.Fprintf(&in, "D %s\n", name)
		}
		for _, name := range slices.Sorted(maps.Keys(changes)) {
			fmt.Fprintf(&in, "M 100644 inline %s\ndata %d\n%s\n", name, len(changes[name]), changes[name])
			files[name] = changes[name]
		}
	}
	start := map[string]string{}
	for n := range 20 {
		start[fmt.Sprintf("content/vi/p%d.md", n)] = fmt.Sprintf("---\ntitle: Trang %d\n---\n\nMở đầu.\n", n)
	}
	write(0, "Start the handbook", start)
	for i := 1; i <= longHistoryCommits; i++ {
		n := i % 20
		name := fmt.Sprintf("content/vi/p%d.md", n)
		switch {
		case i == 1050:
			write(i, "Give page 7 a clearer name", map[string]string{"content/vi/moved7.md": files["content/vi/p7.md"]}, "content/vi/p7.md")
		case i == 2000:
			write(i, "Wrap the lines", map[string]string{"content/vi/p5.md": files["content/vi/p5.md"] + "\n\n"})
		case n == 5 && i > 100, n == 7 && i > 300:
			write(i, "Say nothing new", nil)
		default:
			write(i, "Say more", map[string]string{name: files[name] + fmt.Sprintf("Dòng %d.\n", i)})
		}
	}
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = site
	cmd.Stdin = strings.NewReader(in.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git fast-import: %v\n%s", err, out)
	}
	sitetest.Git(t, site, nil, "reset", "-q", "--hard")
}

// datedAsLongHistory checks the sitemap's dates of longHistory's pages.
func datedAsLongHistory(t *testing.T, work string) {
	sitemap := readOutput(t, work, "sitemap.xml")
	hour := func(i int) string {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour).Format(time.RFC3339)
	}
	want := map[string]string{"p5": hour(85), "moved7": hour(287)}
	for n := range 20 {
		if n != 5 && n != 7 {
			want[fmt.Sprintf("p%d", n)] = hour(longHistoryCommits - (longHistoryCommits-n)%20)
		}
	}
	for page, date := range want {
		entry := "/vi/" + page + "/</loc>\n  <lastmod>" + date + "</lastmod>"
		if !strings.Contains(sitemap, entry) {
			t.Errorf("the sitemap lacks %q", entry)
		}
	}
}
