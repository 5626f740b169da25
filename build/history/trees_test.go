package history

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// TestTreesAreComparedAsGitLogDoes: the commits read by comparing
// their trees here are those git log --raw lists, with the same files
// in the same order: edits, a mode and a type changed, a file become a
// folder, folders added and deleted whole, names that order differently
// as paths and as tree entries, renames, a change undone, commits
// outside the content or empty; all commits compared at once or a few
// at a time; for a site at the repository's top or
// in a folder of it, the whole history or a range, and both object
// formats; the objects loose, packed as deltas (read in this process),
// or replaced (git replace: read through git).
func TestTreesAreComparedAsGitLogDoes(t *testing.T) {
	for _, format := range []string{"sha1", "sha256"} {
		for _, storage := range []string{"loose", "packed", "replaced"} {
			t.Run(format+" "+storage, func(t *testing.T) {
				testTreesAsGitLog(t, format, storage)
			})
		}
	}
}

func testTreesAsGitLog(t *testing.T, format, storage string) {
	r := &testRepo{t: t, dir: t.TempDir()}
	sitetest.GitInit(t, r.dir)
	if format == "sha256" {
		if out, err := gitInitFormat(r.dir, format); err != nil {
			t.Skipf("git cannot make a %s repository: %v\n%s", format, err, out)
		}
	}
	makeTreeHistory(r)
	switch storage {
	case "packed":
		r.git("repack", "-adfq", "--depth=4")
	case "replaced":
		r.git("replace", strings.TrimSpace(r.git("rev-parse", "HEAD:top.md")), strings.TrimSpace(r.git("rev-parse", "HEAD:site/other/o.md")))
	}
	if store := openObjects(r.dir, len(strings.TrimSpace(r.git("rev-parse", "HEAD")))/2); (store != nil) == (storage == "replaced") {
		t.Fatalf("%s objects: the store is %v", storage, store)
	} else if store != nil {
		store.Close()
	}
	since := strings.TrimSpace(r.git("rev-parse", "HEAD~4"))
	for _, c := range []struct {
		root string
		dirs []string
	}{
		{"site", []string{"content/vi", "content/fr"}},
		{".", []string{"site/content/vi", "site/content/fr"}},
		{"site", []string{"."}},
		{".", []string{"."}},
		{"site", []string{"content/vi/a", "content/none"}},
		{"site", []string{"content/vi/x"}}, // a file, then a folder
	} {
		root := filepath.Join(r.dir, c.root)
		for _, rev := range []string{"HEAD", since + "..HEAD"} {
			want, err := readParts(root, [][]string{{rev}}, c.dirs, func(*commit) {})
			if err != nil {
				t.Fatal(err)
			}
			for _, perRound := range []int{commitsPerRound, 2} {
				var handed []*commit
				got, ok, err := readTreesInRounds(context.Background(), root, rev, c.dirs, perRound, func(c *commit) { handed = append(handed, c) })
				if err != nil || !ok {
					t.Fatalf("%s %v %s: %v, %v", c.root, c.dirs, rev, ok, err)
				}
				if len(want) == 0 && rev == "HEAD" || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(handed, want) {
					t.Errorf("%s %v %s, %d commits a round: trees compared give\n%s\ngit log gives\n%s", c.root, c.dirs, rev, perRound, listCommits(got), listCommits(want))
				}
			}
		}
	}
}

// gitInitFormat makes dir, a repository with no commit yet, one of the
// object format.
func gitInitFormat(dir, format string) ([]byte, error) {
	if err := os.RemoveAll(filepath.Join(dir, ".git")); err != nil {
		return nil, err
	}
	cmd := exec.Command("git", "init", "-q", "-b", "main", "--object-format="+format)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}

// makeTreeHistory commits the history TestTreesAreComparedAsGitLogDoes
// reads, in the folder site of r.
func makeTreeHistory(r *testRepo) {
	t := r.t
	body := "Một đoạn văn đủ dài để git nhận ra việc đổi tên tệp này.\n\nĐoạn thứ hai cũng vậy.\n"
	r.git("config", "user.name", "Writer")
	r.git("config", "user.email", "writer@example.com")
	r.git("config", "commit.gpgsign", "false")
	files := map[string]string{
		"site/content/vi/a.md":             page("A", "", body),
		"site/content/vi/a.b":              "a.b\n",
		"site/content/vi/a-b.md":           page("A-B", "", "a-b\n"),
		"site/content/vi/a/b.md":           page("AB", "", "a/b\n"),
		"site/content/vi/x":                "x\n",
		"site/content/vi/sub/deep/b.md":    page("B", "", body+"B.\n"),
		"site/content/vi/tên có dấu.md":    page("Tên", "", "tên\n"),
		"site/content/fr/c.md":             page("C", "", body+"C.\n"),
		"site/other/o.md":                  "outside\n",
		"top.md":                           "top\n",
		"site/content/vi/sub/deep/more.md": "more\n",
	}
	sitetest.WriteFiles(t, r.dir, files)
	r.commit("2026-01-01T08:00:00+07:00", "Start")
	r.write("site/content/vi/a.md", page("A", "", body+"Thêm.\n"))
	if err := os.Chmod(filepath.Join(r.dir, "site/content/fr/c.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	r.commit("2026-01-02T08:00:00+07:00", "Edit A and make C executable")
	r.write("site/other/o.md", "outside, changed\n")
	r.write("top.md", "top, changed\n")
	r.commit("2026-01-03T08:00:00Z", "Outside the content")
	r.git("rm", "-q", "site/content/vi/x")
	r.write("site/content/vi/x/y.md", page("Y", "", "y\n"))
	r.git("rm", "-q", "site/content/vi/a.b")
	if err := os.Symlink("a.md", filepath.Join(r.dir, "site/content/vi/a.b")); err != nil {
		t.Fatal(err)
	}
	r.commit("2026-01-04T08:00:00Z", "A file becomes a folder, another a link")
	r.git("rm", "-q", "-r", "site/content/vi/sub")
	r.write("site/content/fr/new/deep/z.md", page("Z", "", "z\n"))
	r.write("site/content/vi/a/b.md", page("AB", "", "a/b, changed\n"))
	r.commit("2026-01-05T08:00:00Z", "A folder deleted, another added")
	r.git("mv", "site/content/fr/c.md", "site/content/fr/moved.md")
	r.commit("2026-01-06T08:00:00Z", "Rename C as it was")
	r.git("mv", "site/content/fr/moved.md", "site/content/fr/changed.md")
	r.write("site/content/fr/changed.md", page("C", "", body+"C, changed.\n"))
	r.commit("2026-01-07T08:00:00Z", "Rename C and change it")
	r.write("site/content/vi/a.md", page("A", "", body))
	r.commit("2026-01-08T08:00:00Z", "Undo the edit of A")
	r.commit("2026-01-09T08:00:00Z", "Nothing")
	r.write("site/content/vi/tên có dấu.md", page("Tên", "", "tên, đổi\n"))
	r.commit("2026-01-10T08:00:00Z", "Sửa tên")
}

// TestLongNamesInPackedListings: entries longer than the bytes first
// read past a change (names of hundreds of bytes, which git stores
// though no file system allows them), in listings packed as long
// chains of deltas, are compared as git log --raw compares them.
func TestLongNamesInPackedListings(t *testing.T) {
	r := newTestRepo(t)
	git := func(input string, args ...string) string {
		t.Helper()
		var in []byte
		if input != "" {
			in = []byte(input)
		}
		out, err := runGit(r.dir, in, args...)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	blobs := make([]string, 12)
	for i := range blobs {
		blobs[i] = git(fmt.Sprintf("---\ntitle: %d\n---\nVersion %d.\n", i, i), "hash-object", "-w", "--stdin")
	}
	names := make([]string, 150)
	for i := range names {
		names[i] = fmt.Sprintf("%03d-%s.md", i, strings.Repeat("tên-rất-dài-", 20+i%40))
	}
	slices.Sort(names)
	version := make([]int, len(names))
	parent := ""
	for c := range 30 {
		if c > 0 {
			version[(c*37)%len(names)] = c % len(blobs)
		}
		var listing strings.Builder
		for i, name := range names {
			if c >= 20 && i == c {
				continue // deleted
			}
			fmt.Fprintf(&listing, "100644 blob %s\t%s\n", blobs[version[i]], name)
		}
		vi := git(listing.String(), "mktree")
		content := git("040000 tree "+vi+"\tvi\n", "mktree")
		top := git("040000 tree "+content+"\tcontent\n", "mktree")
		args := []string{"commit-tree", top, "-m", fmt.Sprintf("change %d", c)}
		if parent != "" {
			args = append(args, "-p", parent)
		}
		parent = git("", args...)
	}
	git("", "update-ref", "refs/heads/main", parent)
	git("", "repack", "-adfq", "--depth=50", "--window=50")
	dirs := []string{"content/vi"}
	want, err := readParts(r.dir, [][]string{{"HEAD"}}, dirs, func(*commit) {})
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := readTreesInRounds(context.Background(), r.dir, "HEAD", dirs, commitsPerRound, func(*commit) {})
	if err != nil || !ok {
		t.Fatalf("%v, %v", ok, err)
	}
	if len(want) < 25 || !reflect.DeepEqual(got, want) {
		t.Errorf("trees compared give\n%s\ngit log gives\n%s", listCommits(got), listCommits(want))
	}
}
