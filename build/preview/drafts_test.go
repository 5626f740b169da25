package preview

import (
	"os"
	"path/filepath"
	"testing"

	"handbook/build"
)

// In the preview, as in a build, a draft's folder stays private: a page
// added in a draft bundle's folder, or a bundle that becomes a draft,
// rebuilds the whole site, which leaves the folder out.
func TestLiveDraftFoldersStayPrivate(t *testing.T) {
	files := siteFiles()
	files["content/vi/secret/index.md"] = "---\ntitle: Bí mật\ndraft: true\n---\n"
	files["content/vi/secret/plan.pdf"] = "PDF"
	files["content/vi/open/index.md"] = "---\ntitle: Mở\n---\n"
	files["content/vi/open/photo.png"] = "PNG"
	root := writeSite(t, files)
	l, err := NewLive(build.Options{Source: root}, nil)
	if err != nil {
		t.Fatalf("%v %v", err, l.Diagnostics())
	}
	absent := func(l *Live, paths ...string) {
		t.Helper()
		for _, p := range paths {
			if _, ok := l.Output().File(p); ok {
				t.Errorf("%s is served", p)
			}
		}
	}
	absent(l, "vi/secret/plan.pdf", "vi/secret/index.html")
	if _, ok := l.Output().File("vi/open/photo.png"); !ok {
		t.Fatal("a public bundle's image is not served")
	}

	notes := filepath.Join(root, "content", "vi", "secret", "notes.md")
	if err := os.WriteFile(notes, []byte("---\ntitle: Ghi chú\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := l.UpdateContent([]string{notes}); !NeedsFullBuild(err) {
		t.Errorf("a page added in a draft's folder: %v, want a full build", err)
	}
	absent(l, "vi/secret/notes/index.html")

	open := filepath.Join(root, "content", "vi", "open", "index.md")
	editFile(t, open, "title: Mở", "title: Mở\ndraft: true")
	if _, err := l.UpdateContent([]string{open}); !NeedsFullBuild(err) {
		t.Errorf("a bundle made a draft: %v, want a full build", err)
	}
	l, err = NewLive(build.Options{Source: root}, l)
	if err != nil {
		t.Fatal(err)
	}
	absent(l, "vi/open/photo.png", "vi/open/index.html", "vi/secret/notes/index.html")
}
