package render

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/markdown"
	"handbook/internal/sitetest"
	"handbook/themes"
)

var updateGolden = flag.Bool("update", false, "rewrite the default theme's expected pages in testdata")

// convertedSite reads the site of files, with the default theme, and
// converts every page's body as a build does before rendering.
func convertedSite(tb testing.TB, files map[string]string) (*Renderer, *content.Set) {
	tb.Helper()
	return convertedSiteTwins(tb, files, defaultTwins())
}

// convertedSiteTwins is convertedSite rendering with twins.
func convertedSiteTwins(tb testing.TB, files map[string]string, twins []twin) (*Renderer, *content.Set) {
	tb.Helper()
	root := sitetest.Write(tb, files)
	diags := &diag.List{}
	cfg, err := config.Load(root, config.Overrides{}, diags)
	if err != nil {
		tb.Fatal(err, diags.Sorted())
	}
	set, err := content.Load(cfg, diags)
	if err != nil {
		tb.Fatal(err)
	}
	content.Link(set, cfg, diags)
	theme, err := NewTheme(root, "default", themes.Default())
	if err != nil {
		tb.Fatal(err)
	}
	conv := markdown.NewConverter(cfg, set, func(string) bool { return false })
	results := map[*content.Page]*markdown.Result{}
	var buf bytes.Buffer
	for _, p := range set.Pages {
		r := conv.Convert(p, set.Body(p), &buf, diags)
		results[p] = &r
	}
	r, err := newRenderer(cfg, set, theme, func(p *content.Page) *markdown.Result { return results[p] }, diags, twins)
	if err != nil {
		tb.Fatal(err)
	}
	return r, set
}

// goldenSite is a handbook in three languages with a page of every kind
// and what the default theme shows around it: translations, a page in
// one language only, a translation left behind by its original, related
// lists, a table of contents, neighbours, a date from history and text
// that must be escaped.
func goldenSite() map[string]string {
	page := func(front, body string) string { return "---\n" + front + "\n---\n" + body }
	return map[string]string{
		"handbook.toml": "title = \"Handbook <&>\"\ndescription = \"All of it\"\nbaseURL = \"https://intranet.example/docs/\"\ndefaultLanguage = \"vi\"\n" +
			"[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.en]\nweight = 3\n",
		"content/vi/_index.md":                 page("title: Sổ tay\ndescription: Mô tả \"trang\" chủ", "Xin chào.\n"),
		"content/fr/_index.md":                 page("title: Manuel", "Bonjour.\n"),
		"content/en/_index.md":                 page("title: Handbook", "Hello.\n"),
		"content/vi/principles/_index.md":      page("title: Nguyên tắc\ntranslationKey: principles", ""),
		"content/fr/principles/_index.md":      page("title: Principes\ntranslationKey: principles", ""),
		"content/vi/principles/a.md":           page("title: A <&> \"q\"\nkind: principle\nstatement: Luôn luôn 'x'\ntranslationKey: a\nweight: 1", "## Một\n\nVăn bản.\n\n## Hai\n\nHết.\n"),
		"content/fr/principles/a.md":           page("title: A fr\nkind: principle\nstatement: Toujours\ntranslationKey: a\nsourceHash: stale", "Texte.\n"),
		"content/en/principles/a.md":           page("title: A en\nkind: principle\ntranslationKey: a", "Text.\n"),
		"content/vi/principles/b.md":           page("title: B\nkind: principle\nweight: 2", "Chỉ tiếng Việt.\n"),
		"content/vi/letters/_index.md":         page("title: Thư", ""),
		"content/vi/letters/2016.md":           page("title: Thư 2016\nkind: letter\nyear: 2016\nprinciples: [a]", "Thư.\n"),
		"content/vi/quotes/_index.md":          page("title: Trích dẫn", ""),
		"content/vi/quotes/q.md":               page("title: Q\nkind: quote\ntext: Một câu <b>\nletter: 2016\nprinciples: [a, b]", ""),
		"content/vi/stories/_index.md":         page("title: Chuyện", ""),
		"content/vi/stories/s.md":              page("title: S\nkind: story\nyear: 2015\nprinciples: [a]", "Chuyện.\n"),
		"content/vi/exercises/_index.md":       page("title: Bài tập", ""),
		"content/vi/exercises/e.md":            page("title: E\nkind: exercise\nduration: 10 phút\nprinciples: [a]", "- [ ] Một\n"),
		"content/vi/about.md":                  page("title: Về\ndescription: Trang \"về\"\ndate: 2020-02-03\ntranslationKey: about", "## Một\n\n### Hai\n\nVăn bản.\n"),
		"content/fr/about.md":                  page("title: À propos\ntranslationKey: about", "Texte.\n"),
		"content/vi/principles/deep/_index.md": page("title: Sâu", ""),
		"content/vi/principles/deep/c.md":      page("title: C", "Sâu hơn.\n"),
	}
}

// TestDefaultThemeGolden renders every page of goldenSite with the
// default theme and compares it with the page kept in testdata, so that
// a change meant to make rendering cheaper cannot change a byte of what
// it writes; the preview's recording rendering writes the same.
func TestDefaultThemeGolden(t *testing.T) {
	r, set := convertedSite(t, goldenSite())
	updated := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	set.Lang("vi").ByURL("/vi/about/").Updated = updated
	dir := filepath.Join("testdata", "golden")
	for _, p := range set.Pages {
		var plain, recorded bytes.Buffer
		if err := r.RenderPage(p, &plain, nil); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		if err := r.RenderPage(p, &recorded, Reads{}); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		if plain.String() != recorded.String() {
			t.Errorf("%s: the preview renders\n%s\na build renders\n%s", p.URL, recorded.String(), plain.String())
		}
		file := filepath.Join(dir, strings.Trim(strings.ReplaceAll(p.URL, "/", "_"), "_")+".html")
		if *updateGolden {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, plain.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%s: %v (go test -update writes it)", p.URL, err)
		}
		if !bytes.Equal(plain.Bytes(), want) {
			t.Errorf("%s differs from %s:\n%s", p.URL, file, firstDifference(plain.String(), string(want)))
		}
	}
}

// firstDifference shows the first line where got and want part.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(g), len(w))
}
