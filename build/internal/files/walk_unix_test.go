//go:build unix

package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestWalkerFollowsLinkedFoldersAndStopsAtLoops(t *testing.T) {
	work := t.TempDir()
	root := filepath.Join(work, "site")
	for name, body := range map[string]string{
		"site/static/a.txt":      "a",
		"site/static/.hidden":    "h",
		"site/static/deep/b.txt": "b",
		"shared/logo.png":        "PNG",
		"shared/inner/c.txt":     "c",
	} {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"site/static/shared":       filepath.Join("..", "..", "shared"),
		"shared/inner/back":        "..", // a loop only when reached through the shared folder
		"site/static/deep/up":      "..",
		"site/static/nowhere.png":  "missing.png",
		"site/static/deep/b-again": "b.txt",
	} {
		if err := os.Symlink(target, filepath.Join(work, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	var visited, bad []string
	w := &Walker{
		Root: root,
		Skip: func(name string) bool { return strings.HasPrefix(name, ".") },
		Visit: func(p string, d fs.DirEntry) {
			rel, _ := filepath.Rel(root, p)
			visited = append(visited, filepath.ToSlash(rel)+" "+d.Type().String())
		},
		Bad: func(p string, err error) {
			rel, _ := filepath.Rel(root, p)
			bad = append(bad, filepath.ToSlash(rel)+": "+err.Error())
			if strings.Contains(err.Error(), "loop") && !errors.Is(err, ErrLinkLoop) {
				t.Errorf("a loop's error is not ErrLinkLoop: %v", err)
			}
		},
	}
	if err := w.Walk(filepath.Join(root, "static")); err != nil {
		t.Fatal(err)
	}
	wantVisited := []string{
		"static/a.txt ----------",
		"static/deep/b-again ----------",
		"static/deep/b.txt ----------",
		"static/shared/inner/c.txt ----------",
		"static/shared/logo.png ----------",
	}
	sort.Strings(visited)
	if !reflect.DeepEqual(visited, wantVisited) {
		t.Errorf("visited %q, want %q", visited, wantVisited)
	}
	sort.Strings(bad)
	wantBad := []string{
		"static/deep/up: a symbolic link loop: it leads back to static, a folder that holds it; it is not followed",
		"static/nowhere.png: a symbolic link that leads nowhere: no such file or directory",
		"static/shared/inner/back: a symbolic link loop: it leads back to " + mustReal(t, filepath.Join(work, "shared")) + ", a folder that holds it; it is not followed",
	}
	if !reflect.DeepEqual(bad, wantBad) {
		t.Errorf("reported %q, want %q", bad, wantBad)
	}
	if err := w.Walk(filepath.Join(root, "missing")); err != nil {
		t.Errorf("walking a missing folder: %v", err)
	}
}

func mustReal(t *testing.T, p string) string {
	t.Helper()
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return real
}
