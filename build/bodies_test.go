package build

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/output"
)

// TestBuildHoldsNoBodies: the site a build loads holds no page's
// Markdown, reads each body when it converts the page, and writes the
// site Load and Render write, byte for byte: the site's root and 404
// pages too, which show the home's headings after every page is written.
func TestBuildHoldsNoBodies(t *testing.T) {
	files := siteFiles()
	files["content/vi/_index.md"] = "---\ntitle: Sổ tay\n---\n\n## Ngày 1\n\nChào mừng.\n\n## Cách dùng\n\nĐọc.\n"
	root := writeSite(t, files)
	s, err := load(Options{Source: root}, false, nil, nil)
	if err != nil {
		t.Fatalf("load: %v\n%v", err, diagsOf(s))
	}
	for _, p := range s.Pages.Pages {
		if b := s.Pages.Body(p); b != nil {
			t.Errorf("%s: the loaded site holds its body %q", p.RelPath, b)
		}
	}
	s.DropMarkdown = true
	lean := output.NewMemory()
	if err := s.Render(lean); err != nil {
		t.Fatalf("Render: %v\n%v", err, diagsOf(s))
	}
	held, err := Load(Options{Source: root})
	if err != nil {
		t.Fatalf("Load: %v\n%v", err, diagsOf(held))
	}
	want := output.NewMemory()
	if err := held.Render(want); err != nil {
		t.Fatalf("Render: %v\n%v", err, diagsOf(held))
	}
	paths := want.Paths()
	if got := lean.Paths(); strings.Join(got, "\n") != strings.Join(paths, "\n") {
		t.Fatalf("the build wrote %d files, Load and Render %d", len(got), len(paths))
	}
	for _, p := range paths {
		a, _ := lean.File(p)
		b, _ := want.File(p)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from what Load and Render write", p)
		}
	}
}

// TestBuildOfAFileChangedWhileBuilding: a page's file changed between
// the reading of the site and the rendering of the page fails the build,
// naming the file, and the output folder keeps what it had.
func TestBuildOfAFileChangedWhileBuilding(t *testing.T) {
	root := writeSite(t, siteFiles())
	dest := filepath.Join(t.TempDir(), "public")
	s, err := load(Options{Source: root, Overrides: config.Overrides{Dest: dest}}, false, nil, nil)
	if err != nil {
		t.Fatalf("load: %v\n%v", err, diagsOf(s))
	}
	about := filepath.Join(root, "content", "vi", "about.md")
	data, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(about, append(data, "Một đoạn mới.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	dir, err := output.NewDir(dest, s.guard(false))
	if err != nil {
		t.Fatal(err)
	}
	s.DropMarkdown = true
	if err := s.Render(dir); !errors.Is(err, diag.ErrContent) {
		t.Fatalf("Render = %v, want a content error", err)
	}
	dir.Abort()
	var found bool
	for _, d := range s.Diags.Sorted() {
		if d.File == "content/vi/about.md" && d.Severity == diag.Error &&
			strings.Contains(d.Message, "changed while the site was being built: build again") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error names the changed file: %v", diagsOf(s))
	}
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the failed build left an output folder: %v", err)
	}
}
