package render

import (
	"bytes"
	"fmt"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/markdown"
	"handbook/internal/sitetest"
	"handbook/themes"
)

// benchSite writes a handbook of n pages per language (vi and fr), a
// third of them translated, in the model's four sections, each page
// linking to the next, and returns its renderer and its pages with
// their converted bodies. extraConfig is appended to its handbook.toml.
func benchSite(tb testing.TB, n int, extraConfig string) (*Renderer, []*content.Page) {
	tb.Helper()
	files := map[string]string{
		"handbook.toml":        "title = \"Handbook\"\nbaseURL = \"https://intranet.example/docs/\"\ndefaultLanguage = \"vi\"\n[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n" + extraConfig,
		"content/vi/_index.md": "---\ntitle: Sổ tay\n---\nXin chào.\n",
		"content/fr/_index.md": "---\ntitle: Manuel\n---\nBonjour.\n",
	}
	sections := []string{"principles", "letters", "quotes", "exercises"}
	for _, lang := range []string{"vi", "fr"} {
		for _, s := range sections {
			files[fmt.Sprintf("content/%s/%s/_index.md", lang, s)] = fmt.Sprintf("---\ntitle: %s %s\n---\n", s, lang)
		}
		for i := range n {
			if lang == "fr" && i%3 != 0 {
				continue
			}
			s := sections[i%len(sections)]
			files[fmt.Sprintf("content/%s/%s/p-%05d.md", lang, s, i)] = fmt.Sprintf(
				"---\ntitle: \"Trang %d <&>\"\ndescription: Mô tả %d\ndate: 2020-01-%02d\ntranslationKey: k%d\n---\n\n## Một\n\nVăn bản [tiếp](../../%s/p-%05d.md).\n\n## Hai\n\nHết.\n",
				i, i, 1+i%28, i, sections[(i+1)%len(sections)], (i+1)%n)
		}
	}
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
	r, err := newRenderer(cfg, set, theme, func(p *content.Page) *markdown.Result { return results[p] }, diags, defaultTwins())
	if err != nil {
		tb.Fatal(err)
	}
	return r, set.Pages
}

// BenchmarkRenderPage executes the default theme's layouts for every page
// of a generated handbook, as a build does: the template execution alone,
// the bodies converted beforehand.
func BenchmarkRenderPage(b *testing.B) {
	r, pages := benchSite(b, 400, "")
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			buf.Reset()
			if err := r.RenderPage(p, &buf, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pages)), "ns/page")
}

// BenchmarkRenderPrintFragment makes every page's article of the print
// pages of a generated handbook, as a build does beside each page: the
// article template's execution and the rewriting of its ids and links.
func BenchmarkRenderPrintFragment(b *testing.B) {
	r, pages := benchSite(b, 400, "[print]\nenable = true\n")
	var buf bytes.Buffer
	made := 0
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			f, err := r.RenderPrintFragment(p, &buf, nil)
			if err != nil {
				b.Fatal(err)
			}
			if f != nil {
				made++
			}
		}
	}
	if made == 0 {
		b.Fatal("no page has a print article")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pages)), "ns/page")
}
