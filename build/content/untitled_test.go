package content

import (
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

func TestHugoPagesWithoutTitleAreNamedAfterTheirFile(t *testing.T) {
	root := writeSite(t, map[string]string{
		"hugo.toml":                       "title = \"Glossary\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\ntitle = \"Glossar\"\n",
		"content/_index.md":               "---\ntitle: Home\n---\n",
		"content/_index.de.md":            "---\ndescription: Start\n---\n",
		"content/vertical-scaling.md":     "---\ndescription: d\n---\nText.\n",
		"content/docs/_index.md":          "---\n---\n",
		"content/docs/my_bundle/index.md": "Bundle text.\n",
		"content/docs/titled.md":          "---\ntitle: Titled\n---\n",
	})
	set, _ := loadSite(t, root, config.Overrides{})
	for _, c := range []struct{ lang, rel, title string }{
		{"de", "_index.md", "Glossar"},
		{"en", "vertical-scaling.md", "Vertical scaling"},
		{"en", "docs/_index.md", "Docs"},
		{"en", "docs/my_bundle/index.md", "My bundle"},
	} {
		p := page(t, set, c.lang, c.rel)
		if p.Title != c.title || !p.TitleFromFile {
			t.Errorf("%s %s: title %q (from file %v), want %q from the file", c.lang, c.rel, p.Title, p.TitleFromFile, c.title)
		}
	}
	if p := page(t, set, "en", "docs/titled.md"); p.Title != "Titled" || p.TitleFromFile {
		t.Errorf("a page with a title: %q (from file %v)", p.Title, p.TitleFromFile)
	}
}

func TestHandbookPagesWithoutTitleStayUntitled(t *testing.T) {
	root := writeSite(t, map[string]string{
		"handbook.toml":          "title = \"H\"\n[languages.vi]\nweight = 1\n",
		"content/vi/_index.md":   "---\ntitle: Nhà\n---\n",
		"content/vi/no-title.md": "Text.\n",
	})
	set, _ := loadSite(t, root, config.Overrides{})
	if p := page(t, set, "vi", "no-title.md"); p.Title != "" || p.TitleFromFile {
		t.Errorf("a handbook page without title got %q (from file %v)", p.Title, p.TitleFromFile)
	}
}

// The preview reads a changed page again: it is named as the build names it.
func TestReadPageNamesAnUntitledHugoPage(t *testing.T) {
	root := writeSite(t, map[string]string{"hugo.toml": hugoTwoLanguages, "content/day_one.fr.md": "Texte.\n"})
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := ReadPage(cfg, "fr", "day_one.fr.md", &diags)
	if p == nil || p.Title != "Day one" || !p.TitleFromFile {
		t.Errorf("ReadPage = %+v, want the title Day one, from the file", p)
	}
}
