package history

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo is a repository made by a test, whose commits have set dates
// and authors, so that every run makes the same history.
type gitRepo struct {
	t   *testing.T
	dir string
	n   int
}

// newGitRepo makes an empty repository in a temporary folder; the test
// is skipped where git is not installed (CI installs it).
func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed")
		}
		t.Skip("git is not installed: the history tests need it")
	}
	g := &gitRepo{t: t, dir: t.TempDir()}
	g.run("init", "-q", "-b", "main")
	return g
}

func (g *gitRepo) run(args ...string) string {
	g.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = g.dir
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=Lan", "GIT_AUTHOR_EMAIL=lan@example.com",
		"GIT_COMMITTER_NAME=Lan", "GIT_COMMITTER_EMAIL=lan@example.com",
		"GIT_AUTHOR_DATE=2026-03-0"+string(rune('1'+g.n%9))+"T10:00:00Z",
		"GIT_COMMITTER_DATE=2026-03-0"+string(rune('1'+g.n%9))+"T10:00:00Z",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		g.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (g *gitRepo) write(name, text string) {
	g.t.Helper()
	p := filepath.Join(g.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		g.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		g.t.Fatal(err)
	}
}

// commit commits everything, on the next day of March 2026.
func (g *gitRepo) commit(subject string) {
	g.t.Helper()
	g.run("add", "-A")
	g.run("commit", "-q", "-m", subject)
	g.n++
}

func TestVersionsFollowRenamesNewestFirst(t *testing.T) {
	g := newGitRepo(t)
	g.write("site/content/vi/a.md", "one\n")
	g.commit("add a")
	g.write("site/content/vi/a.md", "two\n")
	g.commit("edit a")
	g.run("mv", "site/content/vi/a.md", "site/content/vi/b.md")
	g.commit("rename a to b")
	ctx := context.Background()
	r, err := Open(ctx, filepath.Join(g.dir, "site"))
	if err != nil {
		t.Fatal(err)
	}
	vs, err := r.Versions(ctx, "content/vi/b.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		got = append(got, v.Subject+" "+v.Path+" "+v.Date.Format("01-02"))
	}
	want := "rename a to b content/vi/b.md 03-03|edit a content/vi/a.md 03-02|add a content/vi/a.md 03-01"
	if strings.Join(got, "|") != want {
		t.Fatalf("versions:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	v, text, ok, err := r.Find(ctx, vs, func(b []byte) bool { return string(b) == "one\n" })
	if err != nil || !ok || v.Subject != "add a" || string(text) != "one\n" {
		t.Fatalf("Find: %v %q %v %v", v, text, ok, err)
	}
	if _, _, ok, _ := r.Find(ctx, vs, func(b []byte) bool { return string(b) == "three\n" }); ok {
		t.Fatal("Find found a text no version has")
	}
}

func TestVersionsOfADeletedFile(t *testing.T) {
	g := newGitRepo(t)
	g.write("a.md", "one\n")
	g.commit("add a")
	g.run("rm", "-q", "a.md")
	g.commit("remove a")
	ctx := context.Background()
	r, err := Open(ctx, g.dir)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := r.Versions(ctx, "a.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || !vs[0].Deleted || vs[1].Deleted {
		t.Fatalf("versions: %+v", vs)
	}
	if _, text, ok, err := r.Find(ctx, vs, func([]byte) bool { return true }); !ok || err != nil || string(text) != "one\n" {
		t.Fatalf("Find skips the deletion: %q %v %v", text, ok, err)
	}
}

func TestUncommitted(t *testing.T) {
	g := newGitRepo(t)
	g.write("a.md", "one\n")
	g.commit("add a")
	ctx := context.Background()
	r, err := Open(ctx, g.dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		write, file string
		want        bool
	}{{"", "a.md", false}, {"a.md", "a.md", true}, {"new.md", "new.md", true}} {
		if step.write != "" {
			g.write(step.write, "changed\n")
		}
		if got, err := r.Uncommitted(ctx, step.file); err != nil || got != step.want {
			t.Errorf("Uncommitted(%s) after writing %q = %v, %v; want %v", step.file, step.write, got, err, step.want)
		}
	}
}

func TestOpenOutsideARepositoryAndShallow(t *testing.T) {
	g := newGitRepo(t)
	ctx := context.Background()
	if _, err := Open(ctx, t.TempDir()); !errors.Is(err, ErrNotRepository) {
		t.Fatalf("Open outside a repository: %v", err)
	}
	g.write("a.md", "one\n")
	g.commit("one")
	g.write("a.md", "two\n")
	g.commit("two")
	clone := filepath.Join(t.TempDir(), "clone")
	g.run("clone", "-q", "--depth", "1", "file://"+g.dir, clone)
	for dir, want := range map[string]bool{g.dir: false, clone: true} {
		r, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := r.Shallow(ctx); err != nil || got != want {
			t.Errorf("Shallow(%s) = %v, %v; want %v", dir, got, err, want)
		}
	}
}
