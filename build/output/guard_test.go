package output_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"handbook/build/output"
)

// siteGuard writes a site's folders (content, a theme, a config file, a
// .git folder) under a new folder and returns the folder and its guard.
func siteGuard(t *testing.T) (string, output.Guard) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "site")
	writeTree(t, root, map[string]string{
		"handbook.toml":        "title = 'x'",
		"content/vi/_index.md": "---\ntitle: x\n---\n",
		"themes/mine/a.html":   "a",
		".git/HEAD":            "ref: refs/heads/main\n",
		"index.html":           "<html>x</html>",
	})
	g := output.Guard{Root: root, Sources: []string{
		filepath.Join(root, "content", "vi"),
		filepath.Join(root, "themes"),
		filepath.Join(root, "handbook.toml"),
		filepath.Join(root, ".git"),
	}}
	return root, g
}

func TestGuardRefusesTheSitesOwnFiles(t *testing.T) {
	root, g := siteGuard(t)
	link := filepath.Join(filepath.Dir(root), "link-to-site")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ dest, reason string }{
		{root, "it is the site's own folder"},
		{root + "/.", "it is the site's own folder"},
		{filepath.Join(root, "content", ".."), "it is the site's own folder"},
		{filepath.Dir(root), "it holds the site's folder"},
		{"/", "it holds the site's folder"},
		{link, "it is the site's own folder"},
		{filepath.Join(root, "content"), "it holds " + filepath.Join(root, "content", "vi")},
		{filepath.Join(root, "content", "vi"), "which the build reads"},
		{filepath.Join(root, "content", "vi", "public"), "it is inside"},
		{filepath.Join(root, "themes", "mine"), "it is inside"},
		{filepath.Join(root, "handbook.toml"), "it is " + filepath.Join(root, "handbook.toml")},
		{filepath.Join(root, ".git"), "which the build reads"},
		{filepath.Join(root, ".git", "out"), "it is inside"},
		{filepath.Join(link, "content", "vi", "x"), "it is inside"},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			before, beside := snapshot(t, root), names(t, filepath.Dir(root))
			_, err := output.NewDir(tt.dest, g)
			var unsafe *output.UnsafeDestError
			if !errors.As(err, &unsafe) || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("NewDir(%s) = %v, want a refusal saying %q", tt.dest, err, tt.reason)
			}
			// Force never lets a build replace the site's own files.
			g := g
			g.Force = true
			if _, err := output.NewDir(tt.dest, g); !errors.As(err, &unsafe) {
				t.Errorf("NewDir(%s) with Force = %v, want a refusal", tt.dest, err)
			}
			if after := snapshot(t, root); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused destination changed the site")
			}
			if after := names(t, filepath.Dir(root)); !reflect.DeepEqual(after, beside) {
				t.Errorf("a refused destination left %v beside the site", after)
			}
		})
	}
}

func TestGuardRefusesAnotherRepository(t *testing.T) {
	repo := t.TempDir()
	writeTree(t, repo, map[string]string{".git/HEAD": "ref: x\n", output.StampFile: "built"})
	_, err := output.NewDir(repo, output.Guard{Force: true})
	if err == nil || !strings.Contains(err.Error(), "it holds a .git folder") {
		t.Fatalf("NewDir(a git repository) = %v, want a refusal", err)
	}
}

func TestGuardAllowsTheOutputInsideTheSite(t *testing.T) {
	root, g := siteGuard(t)
	for _, dest := range []string{filepath.Join(root, "public"), filepath.Join(root, "out", "site"), filepath.Join(t.TempDir(), "elsewhere")} {
		d, err := output.NewDir(dest, g)
		if err != nil {
			t.Fatalf("NewDir(%s) = %v", dest, err)
		}
		d.Abort()
	}
}

func TestForceReplacesAFolderNoBuildWrote(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	writeTree(t, dest, map[string]string{"notes.txt": "mine", "img/a.png": "A"})
	if _, err := output.NewDir(dest, output.Guard{}); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("NewDir(unstamped folder) = %v, want a refusal naming --force", err)
	}
	d, err := output.NewDir(dest, output.Guard{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if d.Replaced != 2 {
		t.Errorf("Replaced = %d, want 2", d.Replaced)
	}
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".": "<dir>", "index.html": "new", output.StampFile: stampText(t, dest)}
	if got := snapshot(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("after Commit: %v, want %v", got, want)
	}
	// Once stamped, the folder is replaced without Force.
	d, err = output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatalf("NewDir(stamped folder) = %v", err)
	}
	d.Abort()
}

func TestSymlinkedDestinationIsBuiltIntoItsTarget(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "real")
	writeTree(t, target, map[string]string{"index.html": "old", output.StampFile: "built"})
	link := filepath.Join(parent, "public")
	if err := os.Symlink("real", link); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"first", "second"} {
		d, err := output.NewDir(link, output.Guard{})
		if err != nil {
			t.Fatal(err)
		}
		if err := d.WriteFile("index.html", []byte(body)); err != nil {
			t.Fatal(err)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if got, err := os.Readlink(link); err != nil || got != "real" {
			t.Fatalf("the link became %q, %v; want it to stay a link to real", got, err)
		}
		if data, _ := os.ReadFile(filepath.Join(target, "index.html")); string(data) != body {
			t.Errorf("target's index.html = %q, want %q", data, body)
		}
	}
	if got := names(t, parent); !reflect.DeepEqual(got, []string{"public", "real"}) {
		t.Errorf("left beside: %v", got)
	}
}

func TestNextBuildRemovesLeftoverStaging(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	// A build killed mid-way leaves its staging folder, and one killed
	// while removing the previous site leaves that.
	writeTree(t, parent, map[string]string{
		".public.building-123/vi/index.html":      "half",
		".public.building-456.old/index.html":     "old",
		".other.building-789/keep.txt":            "another destination's",
		"public/" + output.StampFile:              "built",
		"public/.public.building-9/vi/index.html": "in place, half",
	})
	running, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer running.Abort()
	got := names(t, parent)
	if len(got) != 3 || got[0] != ".other.building-789" || !strings.HasPrefix(got[1], ".public.building-") || got[2] != "public" {
		t.Errorf("beside the destination: %v, want the other destination's folder, this build's staging and public", got)
	}
	if got := names(t, dest); !reflect.DeepEqual(got, []string{output.StampFile}) {
		t.Errorf("inside the destination: %v", got)
	}
	// A second build while the first runs leaves the first's staging
	// folder alone.
	second, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	if err := running.WriteFile("index.html", []byte("first")); err != nil {
		t.Errorf("the running build lost its staging folder: %v", err)
	}
	second.Abort()
}

func TestAbortWhileWriting(t *testing.T) {
	parent := t.TempDir()
	d, err := output.NewDir(filepath.Join(parent, "public"), output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				_ = d.WriteFile(filepath.Join("vi", string(rune('a'+w)), string(rune('a'+i%26)), "index.html"), []byte("x"))
			}
		}()
	}
	d.Abort()
	wg.Wait()
	if got := names(t, parent); len(got) != 0 {
		t.Errorf("an aborted build left %v", got)
	}
}

func TestWriteErrorsNameTheDestination(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	staging := filepath.Join(parent, names(t, parent)[0])
	if err := os.Chmod(staging, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(staging, 0o755)
	err = d.WriteFile("vi/index.html", []byte("x"))
	if err == nil || strings.Contains(err.Error(), ".building-") || !strings.Contains(err.Error(), filepath.Join(dest, "vi")) {
		t.Errorf("error = %v, want one naming %s and not the staging folder", err, filepath.Join(dest, "vi"))
	}
}
