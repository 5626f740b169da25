package content

import (
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

// hugoTwoLanguages is a Hugo configuration whose languages share content/.
const hugoTwoLanguages = "title = \"Docs\"\ndefaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"

func TestTranslationByFileName(t *testing.T) {
	root := writeSite(t, map[string]string{
		"hugo.toml":                       hugoTwoLanguages,
		"content/_index.md":               "---\ntitle: Home\n---\n",
		"content/_index.fr.md":            "---\ntitle: Accueil\n---\n",
		"content/docs/_index.md":          "---\ntitle: Docs\n---\n",
		"content/docs/_index.fr.md":       "---\ntitle: Docs FR\n---\n",
		"content/docs/page.md":            "---\ntitle: Page\n---\n",
		"content/docs/page.FR.md":         "---\ntitle: La page\n---\n",
		"content/docs/only-en.md":         "---\ntitle: English only\n---\n",
		"content/docs/v1.2.md":            "---\ntitle: Not a language\n---\n",
		"content/docs/bundle/index.md":    "---\ntitle: Bundle\n---\n",
		"content/docs/bundle/index.fr.md": "---\ntitle: Paquet\n---\n",
		"content/docs/bundle/image.png":   "PNG",
		"content/docs/bundle/plan.fr.pdf": "PDF",
	})
	set, diags := loadSite(t, root, config.Overrides{})
	if got := diagStrings(diags); len(got) > 0 {
		t.Fatalf("diagnostics: %q", got)
	}
	fr := page(t, set, "fr", "docs/page.md")
	if fr.File != "content/docs/page.FR.md" || fr.URL != "/fr/docs/page/" || fr.Title != "La page" {
		t.Errorf("French page = %s %s %q", fr.File, fr.URL, fr.Title)
	}
	en := page(t, set, "en", "docs/page.md")
	if len(en.Translations) != 1 || en.Translations[0] != fr {
		t.Errorf("the English page's translations = %v, want the French page", en.Translations)
	}
	if home := set.Lang("fr").Home; home == nil || home.Title != "Accueil" || !home.IsSection {
		t.Errorf("French home = %+v", home)
	}
	if p := page(t, set, "fr", "docs/_index.md"); !p.IsSection || p.URL != "/fr/docs/" {
		t.Errorf("French section = %+v", p)
	}
	if p := page(t, set, "fr", "docs/bundle/index.md"); p.URL != "/fr/docs/bundle/" || p.Title != "Paquet" {
		t.Errorf("French bundle = %s %q", p.URL, p.Title)
	}
	page(t, set, "en", "docs/v1.2.md") // "2" is no language: the name stays whole
	if p := set.Lang("fr").ByRelPath("docs/only-en.md"); p != nil {
		t.Errorf("a file without a language's code is French too: %s", p.File)
	}
	// A bundle's file without a code is every language's; one with a
	// code, that language's alone, under the name without it.
	want := "/en/docs/bundle/image.png /fr/docs/bundle/image.png /fr/docs/bundle/plan.pdf"
	if got := strings.Join(resourceList(set), " "); got != want {
		t.Errorf("resources %q, want %q", got, want)
	}
}

func TestFileNameCodesOnAHandbookSite(t *testing.T) {
	// On a handbook.toml site, each language has its folder: a dot in a
	// file's name is part of its name.
	root := writeSite(t, map[string]string{
		"handbook.toml":          twoLanguages,
		"content/vi/_index.md":   "---\ntitle: Trang chủ\n---\n",
		"content/vi/notes.fr.md": "---\ntitle: Ghi chú\n---\n",
		"content/fr/_index.md":   "---\ntitle: Accueil\n---\n",
	})
	set, _ := loadSite(t, root, config.Overrides{})
	if p := page(t, set, "vi", "notes.fr.md"); p.URL != "/vi/notes.fr/" {
		t.Errorf("URL = %s", p.URL)
	}
}

func TestLocateByFileName(t *testing.T) {
	root := writeSite(t, map[string]string{"hugo.toml": hugoTwoLanguages, "content/a.fr.md": "x", "content/a.md": "x"})
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{"a.fr.md": "fr", "a.md": "en"} {
		lang, rel, ok := Locate(cfg, root+"/content/"+file)
		if !ok || lang != want || rel != file {
			t.Errorf("Locate(%s) = %s %s %v, want %s", file, lang, rel, ok, want)
		}
		p, _ := ReadPage(cfg, lang, rel, &diags)
		if p == nil || p.RelPath != "a.md" {
			t.Errorf("ReadPage(%s, %s) = %+v, want the page at a.md", lang, rel, p)
		}
	}
}
