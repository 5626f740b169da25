package markdown_test

import (
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

// hugoSite is a small Hugo site in three languages, English first, whose
// pages are not all translated.
func hugoSite(parser string) map[string]string {
	return map[string]string{
		"hugo.toml": "title = \"Docs\"\ndefaultContentLanguage = \"en\"\n" +
			"[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n[languages.fr]\nweight = 2\ncontentDir = \"content/fr\"\n[languages.vi]\nweight = 3\ncontentDir = \"content/vi\"\n" + parser,
		"content/en/_index.md":            "---\ntitle: Docs\n---\n",
		"content/en/guide/_index.md":      "---\ntitle: Guide\n---\n",
		"content/en/guide/install.md":     "---\ntitle: Install\n---\n\n## Smileys & Emotion\n\nText.\n",
		"content/en/guide/only-en.md":     "---\ntitle: Only in English\n---\n",
		"content/fr/_index.md":            "---\ntitle: Docs\n---\n",
		"content/fr/guide/_index.md":      "---\ntitle: Guide\n---\n",
		"content/fr/guide/install.md":     "---\ntitle: Installer\n---\n",
		"content/vi/_index.md":            "---\ntitle: Tài liệu\n---\n",
		"content/vi/guide/_index.md":      "---\ntitle: Hướng dẫn\n---\n",
		"content/vi/guide/fr-and-vi.md":   "---\ntitle: Hai thứ tiếng\n---\n",
		"content/fr/guide/fr-and-vi.md":   "---\ntitle: Deux langues\n---\n",
		"content/en/guide/fr-and-vi.md":   "---\ntitle: Two languages\n---\n",
		"content/vi/guide/install.md":     "---\ntitle: Cài đặt\n---\n",
		"content/en/reference/_index.md":  "---\ntitle: Reference\n---\n",
		"content/en/reference/options.md": "---\ntitle: Options\n---\n\nbaseURL\n: The address.\n",
	}
}

// A site path the page's language lacks leads to the default language's
// page, as Hugo resolves it; one the page's language has stays in it.
func TestSitePathFallsBackToTheDefaultLanguage(t *testing.T) {
	f := newFixture(t, hugoSite(""), config.Overrides{})
	for _, lang := range []string{"fr", "vi"} {
		html, _, diags := f.convert(t, lang, "[a](/guide/only-en/) [b](/guide/fr-and-vi/) [c](/guide/only-en/#x) [d](/reference/)\n")
		if len(diags) != 1 || diags[0].Code != diag.CodeMissingAnchor {
			t.Errorf("%s: want only the missing #x reported, got %v", lang, diags)
		}
		for _, want := range []string{`href="/en/guide/only-en/"`, `href="/` + lang + `/guide/fr-and-vi/"`, `href="/en/reference/"`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: no %s in %s", lang, want, html)
			}
		}
	}
	_, _, diags := f.convert(t, "fr", "[gone](/guide/nowhere/)\n")
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "no page at /fr/guide/nowhere/") {
		t.Errorf("a path no language has: got %v", diags)
	}
}

// On a Hugo site a link that leads nowhere is a warning, as Hugo builds
// the site anyway; on the handbook's own it stays an error.
func TestHugoSiteBrokenLinksWarn(t *testing.T) {
	body := "[a](/nowhere/) [b](nowhere.md) [c](#nope)\n"
	hugo := newFixture(t, hugoSite(""), config.Overrides{})
	_, _, diags := hugo.convert(t, "en", body)
	if len(diags) != 3 {
		t.Fatalf("want three diagnostics, got %v", diags)
	}
	for _, d := range diags {
		if d.Severity != diag.Warning {
			t.Errorf("on a Hugo site %v is an error", d)
		}
	}
	own := newFixture(t, siteFiles(), config.Overrides{})
	_, _, diags = own.convert(t, "vi", body)
	if len(diags) != 3 {
		t.Fatalf("want three diagnostics, got %v", diags)
	}
	for _, d := range diags {
		if d.Severity != diag.Error {
			t.Errorf("on the handbook's site %v is a warning", d)
		}
	}
}

// A Hugo site's headings carry Hugo's id and the handbook's, so links
// written against either lead to them; a term gets an id only when the
// site asks for them.
func TestHugoHeadingIDs(t *testing.T) {
	body := "## Smileys & Emotion\n\n## Khách hàng là ai?\n\n## Kept {#by-hand}\n\n" +
		"## Example [link](https://example.com/) in a heading\n\n## Same\n\nSame\n: A term named as a heading.\n\n" +
		"Base Name\n: Once.\n\nFirst line\nSecond line\n-----------\n\n" +
		"[1](#smileys--emotion) [2](#smileys-emotion) [3](#khách-hàng-là-ai) [4](#khach-hang-la-ai) [5](#by-hand) " +
		"[6](#example-link-in-a-heading) [7](#same-1) [8](#base-name) [9](#second-line)\n"
	f := newFixture(t, hugoSite("[markup.goldmark.parser]\nautoDefinitionTermID = true\n"), config.Overrides{})
	html, p, diags := f.convert(t, "en", body)
	if len(diags) > 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
	for _, want := range []string{
		`<h2 id="smileys--emotion"><span id="smileys-emotion"></span>Smileys`,
		`<h2 id="khách-hàng-là-ai"><span id="khach-hang-la-ai"></span>`,
		`<h2 id="by-hand">Kept</h2>`,
		`<h2 id="same">Same</h2>`,
		`<dt id="same-1">Same</dt>`,
		`<dt id="base-name">Base Name</dt>`,
		`<h2 id="second-line">First line`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
	if p.TOC[0].ID != "smileys--emotion" {
		t.Errorf("the contents lead to %q, want Hugo's id", p.TOC[0].ID)
	}

	f = newFixture(t, hugoSite("[markup.goldmark.parser]\nautoIDType = \"github-ascii\"\n"), config.Overrides{})
	html, _, diags = f.convert(t, "en", "## Khách hàng, là ai?\n\nTerm\n: No id.\n\n[a](#khach-hang-la-ai) [b](#term)\n")
	if !strings.Contains(html, `<h2 id="khach-hang-la-ai">Khách`) || !strings.Contains(html, "<dt>Term</dt>") {
		t.Errorf("github-ascii: got\n%s", html)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "#term") {
		t.Errorf("github-ascii: want #term alone reported, got %v", diags)
	}
}

// The handbook's own site keeps its ids alone.
func TestHandbookSiteHasNoHugoIDs(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	html, _, _ := f.convert(t, "vi", "## Smileys & Emotion\n\nTerm\n: x\n")
	if !strings.Contains(html, `<h2 id="smileys-emotion">Smileys`) || strings.Contains(html, "<span") || !strings.Contains(html, "<dt>Term</dt>") {
		t.Errorf("got\n%s", html)
	}
}
