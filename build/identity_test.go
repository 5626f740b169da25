package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/config"
)

// handbookWording is what the default theme says only of the Day 1
// handbook.
var handbookWording = []string{
	"Sổ tay Ngày 1", "Tìm trong sổ tay", "Day 1 handbook", "Search the handbook",
	"Print the whole handbook", "In toàn bộ sổ tay", "manuel du Jour 1", "Rechercher dans le manuel",
}

// builtHTML builds files and returns every HTML page of the site, by path.
func builtHTML(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Build(Options{Source: writeSite(t, files), Overrides: config.Overrides{Dest: dest}})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, s.Diags)
	}
	for _, d := range s.Diags.Sorted() {
		if strings.Contains(d.Message, "print") {
			t.Errorf("diagnostic about print pages: %v", d)
		}
	}
	out := map[string]string{}
	err = filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dest, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestHugoSiteHasItsOwnIdentity(t *testing.T) {
	pages := builtHTML(t, map[string]string{
		"hugo.toml": "title = \"Cloud Glossary\"\nbaseURL = \"https://glossary.example/\"\ndefaultContentLanguage = \"en\"\n" +
			"[params]\ndescription = \"Terms of the cloud, explained\"\n" +
			"[languages.en]\ncontentDir = \"content/en\"\nweight = 1\nlanguageName = \"English\"\n" +
			"[languages.vi]\ncontentDir = \"content/vi\"\nweight = 2\nlanguageName = \"Tiếng Việt\"\ntitle = \"Thuật ngữ đám mây\"\n" +
			"[languages.vi.params]\ndescription = \"Thuật ngữ điện toán đám mây\"\n",
		"content/en/_index.md":       "---\ntitle: Cloud Glossary\n---\n\nWelcome.\n",
		"content/vi/_index.md":       "---\ntitle: Thuật ngữ\n---\n\nChào.\n",
		"content/en/terms/_index.md": "---\ntitle: Terms\n---\n",
		"content/en/terms/api.md":    "---\ntitle: API\n---\n\nAn interface.\n",
		// A page of the site's own where the handbook keeps its print page.
		"content/en/print.md": "---\ntitle: Print styles\n---\n\nOur print guide.\n",
	})
	for name, html := range pages {
		for _, w := range handbookWording {
			if strings.Contains(html, w) {
				t.Errorf("%s says %q, the handbook's wording", name, w)
			}
		}
		if strings.Contains(html, "print-link") {
			t.Errorf("%s links to a print page", name)
		}
	}
	home := pages["en/index.html"]
	mustContain(t, "en home", home,
		`<title>Cloud Glossary</title>`,
		`<meta name="description" content="Terms of the cloud, explained">`,
		`placeholder="Search Cloud Glossary"`,
		`<footer class="site-footer"><p>Terms of the cloud, explained</p></footer>`)
	mustContain(t, "vi home", pages["vi/index.html"],
		`<title>Thuật ngữ đám mây</title>`,
		`placeholder="Tìm trong Thuật ngữ đám mây"`,
		`<footer class="site-footer"><p>Thuật ngữ điện toán đám mây</p></footer>`)
	mustContain(t, "en/print", pages["en/print/index.html"], "Our print guide.")
	mustContain(t, "en/terms/api", pages["en/terms/api/index.html"], `<title>API · Cloud Glossary</title>`, `<meta property="og:locale" content="en_US">`)
	mustContain(t, "vi home", pages["vi/index.html"], `<meta property="og:locale" content="vi_VN">`)
}

func TestPlainSiteNamesItselfAndPrintsOnRequest(t *testing.T) {
	// A handbook.toml site with no page of the handbook's model is named
	// by its title (it has no description); [print] enable = true brings the
	// print pages back, with a link that does not say "handbook".
	files := map[string]string{
		"handbook.toml":         "title = \"Onboarding\"\ndefaultLanguage = \"en\"\n[languages.en]\nname = \"English\"\n",
		"content/en/_index.md":  "---\ntitle: Onboarding\n---\n",
		"content/en/day-one.md": "---\ntitle: Your first day\n---\n\nHello.\n",
	}
	pages := builtHTML(t, files)
	mustContain(t, "home", pages["en/index.html"], `<footer class="site-footer"><p>Onboarding</p></footer>`, `placeholder="Search Onboarding"`)
	if _, ok := pages["en/print/index.html"]; ok {
		t.Error("a site that is not the handbook's model has a print page it did not ask for")
	}
	files["handbook.toml"] += "\n[print]\nenable = true\n"
	pages = builtHTML(t, files)
	mustContain(t, "print", pages["en/print/index.html"], "Your first day")
	mustContain(t, "home", pages["en/index.html"], `<p class="meta print-link"><a href="/en/print/">Print everything</a></p>`)
}

func TestHandbookKeepsItsWording(t *testing.T) {
	pages := builtHTML(t, siteFiles())
	mustContain(t, "vi home", pages["vi/index.html"], `placeholder="Tìm trong sổ tay"`, `Sổ tay Ngày 1: nguyên tắc lãnh đạo`,
		`<a href="/vi/print/">In toàn bộ sổ tay</a>`)
	mustContain(t, "fr home", pages["fr/index.html"], `placeholder="Rechercher dans le manuel"`)
}
