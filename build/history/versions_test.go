package history

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

func newGitRepo(t *testing.T) *sitetest.GitRepo {
	return sitetest.NewGitRepo(t, t.TempDir())
}

func TestVersionsFollowRenamesNewestFirst(t *testing.T) {
	g := newGitRepo(t)
	g.Write(map[string]string{"site/content/vi/a.md": "one\n"})
	g.Commit("add a")
	g.Write(map[string]string{"site/content/vi/a.md": "two\n"})
	g.Commit("edit a")
	g.Git("mv", "site/content/vi/a.md", "site/content/vi/b.md")
	g.Commit("rename a to b")
	ctx := context.Background()
	r, err := Open(ctx, filepath.Join(g.Dir, "site"))
	if err != nil {
		t.Fatal(err)
	}
	if vs, err := r.Versions(ctx, "content/vi/b.md"); err != nil || len(vs) != 1 {
		t.Fatalf("the versions at the path alone: %+v, %v", vs, err)
	}
	vs, err := r.VersionsFollowed(ctx, "content/vi/b.md")
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
	g.Write(map[string]string{"a.md": "one\n"})
	g.Commit("add a")
	g.Git("rm", "-q", "a.md")
	g.Commit("remove a")
	ctx := context.Background()
	r, err := Open(ctx, g.Dir)
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
	g.Write(map[string]string{"a.md": "one\n"})
	g.Commit("add a")
	ctx := context.Background()
	r, err := Open(ctx, g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		write, file string
		want        bool
	}{{"", "a.md", false}, {"a.md", "a.md", true}, {"new.md", "new.md", true}} {
		if step.write != "" {
			g.Write(map[string]string{step.write: "changed\n"})
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
	g.Write(map[string]string{"a.md": "one\n"})
	g.Commit("one")
	g.Write(map[string]string{"a.md": "two\n"})
	g.Commit("two")
	clone := filepath.Join(t.TempDir(), "clone")
	g.Git("clone", "-q", "--depth", "1", "file://"+g.Dir, clone)
	for dir, want := range map[string]bool{g.Dir: false, clone: true} {
		r, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := r.Shallow(ctx); err != nil || got != want {
			t.Errorf("Shallow(%s) = %v, %v; want %v", dir, got, err, want)
		}
	}
}

// TestVersionsOfAFileNamedLikeAPattern: the names git would read as
// patterns or magic are the files they name.
func TestVersionsOfAFileNamedLikeAPattern(t *testing.T) {
	g := newGitRepo(t)
	g.Write(map[string]string{"a[1].md": "bracket\n", "a1.md": "plain\n", "*.md": "star\n", ":(top)x.md": "magic\n", "x.md": "x\n", "b c.md": "space\n"})
	g.Commit("names")
	ctx := context.Background()
	r, err := Open(ctx, g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"a[1].md": "bracket\n", "*.md": "star\n", ":(top)x.md": "magic\n", "b c.md": "space\n"} {
		vs, err := r.Versions(ctx, name)
		if err != nil || len(vs) != 1 || vs[0].Path != name {
			t.Errorf("Versions(%q) = %+v, %v", name, vs, err)
			continue
		}
		if _, got, ok, err := r.Find(ctx, vs, func([]byte) bool { return true }); !ok || err != nil || string(got) != text {
			t.Errorf("Find(%q) = %q, %v, %v", name, got, ok, err)
		}
	}
}

// TestOpenARepositoryGitRefuses: a repository of another user, which
// git refuses to read, is not called "no repository": git's words say
// what to do.
func TestOpenARepositoryGitRefuses(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("giving the repository to another user needs root")
	}
	g := newGitRepo(t)
	err := filepath.WalkDir(g.Dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, 12345, 12345)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	_, err = Open(context.Background(), g.Dir)
	if err == nil || errors.Is(err, ErrNotRepository) || !strings.Contains(err.Error(), "dubious ownership") {
		t.Errorf("Open: %v, want git's refusal", err)
	}
}
