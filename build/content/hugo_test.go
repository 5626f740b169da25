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
		p, _, _ := ReadPage(cfg, lang, rel, &diags)
		if p == nil || p.RelPath != "a.md" {
			t.Errorf("ReadPage(%s, %s) = %+v, want the page at a.md", lang, rel, p)
		}
	}
}

func TestHugoURLRules(t *testing.T) {
	root := writeSite(t, map[string]string{
		"hugo.toml":                 "title = \"Docs\"\n",
		"content/Docs/_index.md":    "---\ntitle: Docs\n---\n",
		"content/Docs/My Page.md":   "---\ntitle: A page with a long title\nlinkTitle: Short\n---\n",
		"content/Docs/Img.PNG":      "PNG",
		"content/slugged.md":        "---\ntitle: S\nslug: Nice Slug\n---\n",
		"content/a.md":              "---\ntitle: A\nurl: /Custom/Path\n---\n",
		"content/b.md":              "---\ntitle: B\nurl: /en/b-here/\n---\n",
		"content/c.md":              "---\ntitle: C\nurl: ../../etc\n---\n",
		"content/raw.html":          "---\ntitle: Raw\n---\n<p>x</p>\n",
		"content/Bundle/index.html": "<p>y</p>\n",
	})
	set, diags := loadSite(t, root, config.Overrides{})
	if got := diagStrings(diags); len(got) > 0 {
		t.Fatalf("diagnostics: %q", got)
	}
	for rel, want := range map[string]string{
		"Docs/_index.md":    "/en/docs/",
		"Docs/My Page.md":   "/en/docs/my-page/",
		"slugged.md":        "/en/nice-slug/",
		"a.md":              "/en/Custom/Path/", // url is kept as written
		"b.md":              "/en/b-here/",
		"c.md":              "/en/etc/",
		"raw.html":          "/en/raw/",
		"Bundle/index.html": "/en/bundle/",
	} {
		if p := page(t, set, "en", rel); p.URL != want {
			t.Errorf("%s: URL %s, want %s", rel, p.URL, want)
		}
	}
	if p := page(t, set, "en", "raw.html"); !p.IsHTML {
		t.Error("raw.html is not an HTML page")
	}
	if p := page(t, set, "en", "Docs/My Page.md"); p.LinkTitle() != "Short" || p.Title != "A page with a long title" {
		t.Errorf("LinkTitle, Title = %q, %q", p.LinkTitle(), p.Title)
	}
	if p := page(t, set, "en", "a.md"); p.LinkTitle() != "A" {
		t.Errorf("LinkTitle without linkTitle = %q, want the title", p.LinkTitle())
	}
	if got, want := strings.Join(resourceList(set), " "), "/en/docs/Img.PNG"; got != want {
		t.Errorf("resources %q, want %q", got, want)
	}
}

func TestHandbookURLsKeepTheirCase(t *testing.T) {
	root := writeSite(t, map[string]string{
		"handbook.toml":        twoLanguages,
		"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
		"content/vi/Upper.md":  "---\ntitle: U\nurl: /elsewhere/\n---\n",
		"content/vi/page.html": "<p>x</p>",
		"content/fr/_index.md": "---\ntitle: Accueil\n---\n",
	})
	set, _ := loadSite(t, root, config.Overrides{})
	p := page(t, set, "vi", "Upper.md")
	if p.URL != "/vi/Upper/" || p.Params.Get("url") != "/elsewhere/" {
		t.Errorf("URL %s, params %v: want the handbook's rules, url a parameter", p.URL, p.Params)
	}
	if set.Lang("vi").ByRelPath("page.html") != nil {
		t.Error("an .html file is a page of a handbook site")
	}
}

func TestHugoURLWithControlCharacter(t *testing.T) {
	root := writeSite(t, map[string]string{"hugo.toml": "title = \"x\"\n", "content/a.md": "---\ntitle: A\n\nurl: \"/a\\u0007b/\"\n---\n"})
	_, diags := loadSite(t, root, config.Overrides{})
	want := `content/a.md:4: url "/a\ab/" holds a control character`
	if got := diagStrings(diags); len(got) != 1 || got[0] != want {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
}

func TestHugoAliasClashIsAWarning(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"hugo.toml":             "title = \"x\"\n",
		"content/a.md":          "---\ntitle: A\naliases: [/old/]\n---\n",
		"content/b.md":          "---\ntitle: B\naliases: [/old/, /b-old/]\n---\n",
		"content/c.md":          "---\ntitle: C\naliases: [/sub/]\n---\n",
		"content/Self.md":       "---\ntitle: Self\naliases: [/self/]\n---\n",
		"content/sub/deep/x.md": "---\ntitle: X\n---\n",
	}), config.Overrides{})
	got := diagStrings(diags)
	want := []string{
		"content/b.md:3: warning: the alias /en/old/ is not written: content/a.md:3 (the alias /en/old/) is written there",
		"content/c.md:3: warning: the alias /en/sub/ is not written: the page /en/sub/ (made for a folder without _index.md) is written there",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p := page(t, set, "en", "Self.md"); len(p.Aliases) != 0 {
		t.Errorf("an alias of the page's own path is kept: %q", p.Aliases)
	}
	if b := page(t, set, "en", "b.md"); strings.Join(b.Aliases, " ") != "/b-old/" {
		t.Errorf("b's aliases %q, want the one that is written", b.Aliases)
	}
}
