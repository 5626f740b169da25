package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/check"
	"handbook/internal/sitetest"
)

// stampPage loads the site at root and stamps its page of fr at rel.
func stampPage(t *testing.T, root, rel string) (bool, error) {
	t.Helper()
	site, err := build.Load(build.Options{Source: root})
	if err != nil {
		t.Fatal(err)
	}
	p := site.Pages.Lang("fr").ByRelPath(rel)
	if p == nil {
		t.Fatalf("no page fr/%s", rel)
	}
	return check.StampFile(site, p)
}

func TestStampFileKeepsLoneCREndings(t *testing.T) {
	files := siteFiles()
	files["content/fr/about.md"] = "---\rtitle: À propos\rdescription: Le manuel.\r---\rTexte.\r"
	root := sitetest.Write(t, files)
	changed, err := stampPage(t, root, "about.md")
	if err != nil || !changed {
		t.Fatalf("changed %v, %v", changed, err)
	}
	data, _ := os.ReadFile(filepath.Join(root, "content", "fr", "about.md"))
	if strings.Contains(string(data), "\n") || strings.Count(string(data), "---") != 2 || !strings.Contains(string(data), "\rsourceHash: \"") {
		t.Errorf("stamped file %q, want one block of front matter with the stamp, every line ending a CR", data)
	}
}

func TestStampFileRefusesALink(t *testing.T) {
	files := siteFiles()
	original := files["content/fr/about.md"]
	delete(files, "content/fr/about.md")
	files["shared/about.md"] = original
	root := sitetest.Write(t, files)
	link := filepath.Join(root, "content", "fr", "about.md")
	if err := os.Symlink(filepath.Join("..", "..", "shared", "about.md"), link); err != nil {
		t.Fatal(err)
	}
	_, err := stampPage(t, root, "about.md")
	if err == nil || !strings.Contains(err.Error(), "content/fr/about.md: a symbolic link") {
		t.Errorf("stamping a link: %v, want a refusal naming it", err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "shared", "about.md")); string(data) != original {
		t.Errorf("the file the link leads to changed: %q", data)
	}
}
