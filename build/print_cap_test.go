package build

import (
	"fmt"
	"strings"
	"testing"

	"handbook/build/config"
)

// TestPrintPagesOverMaxPagesAreLeftOut builds the small handbook with
// [print] maxPages below a language's page count: the whole-handbook
// print pages are not written nor linked to, the sections' are, and one
// warning names the print pages left out and the setting.
func TestPrintPagesOverMaxPagesAreLeftOut(t *testing.T) {
	files := siteFiles()
	files["handbook.toml"] = siteConfig + "\n[print]\nmaxPages = 4\n"
	s, mem, err := renderMemory(t, writeSite(t, files), config.Overrides{})
	if err != nil {
		t.Fatalf("%v %v", err, diagsOf(s))
	}
	for _, gone := range []string{"vi/print/index.html", "fr/print/index.html"} {
		if _, ok := mem.File(gone); ok {
			t.Errorf("%s written, though it holds more than 4 pages", gone)
		}
	}
	section, ok := mem.File("vi/principles/print/index.html")
	if !ok || len(articles(string(section))) != 2 {
		t.Fatalf("vi/principles/print not written whole: %d articles", len(articles(string(section))))
	}
	home, _ := mem.File("vi/index.html")
	mustNotContain(t, "vi/", string(home), "/vi/print/")
	principles, _ := mem.File("vi/principles/index.html")
	mustContain(t, "vi/principles/", string(principles), `href="/vi/principles/print/"`)
	var warnings []string
	for _, d := range diagsOf(s) {
		if strings.Contains(d, "maxPages") {
			warnings = append(warnings, d)
		}
	}
	if len(warnings) != 1 {
		t.Fatalf("%d warnings about maxPages, want one: %v", len(warnings), warnings)
	}
	for _, want := range []string{"handbook.toml: warning: 2 print pages /vi/print/ (10 pages), /fr/print/ (", "left out: a print page holds at most 4 pages ([print] maxPages in handbook.toml)"} {
		if !strings.Contains(warnings[0], want) {
			t.Errorf("warning %q does not say %q", warnings[0], want)
		}
	}
}

// TestPrintPagesLeftOutOfAHugoSite builds a site read from hugo.toml whose
// handbook is longer than the default maxPages: the warning is not put on
// hugo.toml, which cannot set it.
func TestPrintPagesLeftOutOfAHugoSite(t *testing.T) {
	files := map[string]string{"hugo.toml": "title = \"x\"\n[params]\nprint = true\n", "content/_index.md": "---\ntitle: Home\n---\n"}
	for i := range config.DefaultPrintMaxPages {
		files[fmt.Sprintf("content/p%d.md", i)] = fmt.Sprintf("---\ntitle: P%d\n---\n", i)
	}
	s, mem, err := renderMemory(t, writeSite(t, files), config.Overrides{})
	if err != nil {
		t.Fatalf("%v %v", err, diagsOf(s))
	}
	if _, ok := mem.File("en/print/index.html"); ok {
		t.Error("en/print written, with more than 500 pages")
	}
	found := false
	for _, d := range diagsOf(s) {
		if strings.Contains(d, "maxPages") {
			found = true
			if strings.HasPrefix(d, "hugo.toml") {
				t.Errorf("warning on hugo.toml, which cannot set maxPages: %s", d)
			}
		}
	}
	if !found {
		t.Errorf("no warning about maxPages: %v", diagsOf(s))
	}
}
