package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/internal/sitetest"
	"handbook/themes"
)

// loadPrintSite loads a small site under a sub-path, drafts included, and
// returns its renderer and the page the articles are made of.
func loadPrintSite(t testing.TB) (*Renderer, *content.Page) {
	t.Helper()
	root := t.TempDir()
	sitetest.WriteFiles(t, root, map[string]string{
		"handbook.toml":                    "baseURL = \"https://intranet.example/docs/\"\n[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/vi/_index.md":             "---\ntitle: Sổ tay\n---\n",
		"content/vi/principles/_index.md":  "---\ntitle: Nguyên tắc\n---\n",
		"content/vi/principles/day-one.md": "---\ntitle: Ngày 1\n---\n",
		"content/vi/principles/other.md":   "---\ntitle: Khác\n---\n",
		"content/vi/letters/2016.md":       "---\ntitle: Thư 2016\n---\n",
		"content/vi/draft-page.md":         "---\ntitle: Nháp\ndraft: true\n---\n",
		"content/fr/principles/day-one.md": "---\ntitle: Jour 1\n---\n",
	})
	diags := &diag.List{}
	cfg, err := config.Load(root, config.Overrides{Drafts: true}, diags)
	if err != nil {
		t.Fatal(err, diags.Sorted())
	}
	set, err := content.Load(cfg, diags)
	if err != nil {
		t.Fatal(err)
	}
	content.Link(set, cfg, diags)
	theme, err := NewTheme(root, "default", themes.Default())
	if err != nil {
		t.Fatal(err)
	}
	r, err := newRenderer(cfg, set, theme, nil, diags, defaultTwins())
	if err != nil {
		t.Fatal(err)
	}
	return r, set.Lang("vi").ByRelPath("principles/day-one.md")
}

// assemble writes a fragment as the print page at u shows it.
func assemble(f *PrintFragment, u string) string {
	var buf bytes.Buffer
	f.appendTo(&buf, u)
	return buf.String()
}

func TestPrintArticleRewritesIDsAndLinks(t *testing.T) {
	r, p := loadPrintSite(t)
	src := `<h2 id="giai-thich">Giải thích</h2>
<p><a href="#giai-thich">above</a> <a href="/docs/vi/letters/2016/#ngay-2">letter</a> <a href="/docs/vi/principles/other/">other</a>
<a href="/docs/fr/principles/day-one/">fr</a> <a href="https://example.com/x#y">ext</a> <a href="mailto:a@example.com">mail</a>
<a href="../img.png">rel</a> <img src="pic.png" alt="x"> <a href='/docs/vi/' title="a > b">home</a> <a href=/docs/vi/letters/2016/>unquoted</a>
<a href="/docs/vi/draft-page/">draft</a> <a href="/docs/vi/letters/2016/?x=1&amp;y=2">query</a> <a href="/docs/vi/principles/missing/">missing</a>
<img src="/docs/vi/principles/chart.png"></p>
<section aria-labelledby="a b"><h2 id="a">A</h2><label for="b">B</label></section>
<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup>
<!-- <a href="#comment" id="c"> -->
<script>var a = '<a href="#x" id="y">';</script>
<code>&lt;a href=&quot;#x&quot; id=&quot;z&quot;&gt;</code> a < b
`
	// The template's output, in two pieces around the page's HTML.
	f := r.printRewriter(p).article(p, []string{`<header id="top"><a href="#top">`, `</a></header>`}, src)
	whole := assemble(f, "/vi/print/")
	for _, want := range []string{
		`<article class="print-page kind-page" id="vi/principles/day-one/">` + "\n" +
			`<header id="vi/principles/day-one/top"><a href="#vi/principles/day-one/top"><h2 id="vi/principles/day-one/giai-thich">`,
		"a < b\n</a></header></article>\n",
		`<h2 id="vi/principles/day-one/giai-thich">`,
		`<a href="#vi/principles/day-one/giai-thich">above</a>`,
		`<a href="#vi/letters/2016/ngay-2">letter</a>`,
		`<a href="#vi/principles/other/">other</a>`,
		`<a href="/docs/fr/principles/day-one/">fr</a>`,
		`<a href="https://example.com/x#y">ext</a>`,
		`<a href="mailto:a@example.com">mail</a>`,
		`<a href="/docs/vi/principles/img.png">rel</a>`,
		`<img src="/docs/vi/principles/day-one/pic.png" alt="x">`,
		`<a href="#vi/" title="a > b">home</a>`,
		`<a href="#vi/letters/2016/">unquoted</a>`,
		`<a href="/docs/vi/draft-page/">draft</a>`,
		`<a href="#vi/letters/2016/">query</a>`,
		`<a href="/docs/vi/principles/missing/">missing</a>`,
		`<img src="/docs/vi/principles/chart.png">`,
		`<section aria-labelledby="vi/principles/day-one/a vi/principles/day-one/b"><h2 id="vi/principles/day-one/a">A</h2><label for="vi/principles/day-one/b">`,
		`<sup id="vi/principles/day-one/fnref:1"><a href="#vi/principles/day-one/fn:1" class="footnote-ref">`,
		`<!-- <a href="#comment" id="c"> -->`,
		`<script>var a = '<a href="#x" id="y">';</script>`,
		`<code>&lt;a href=&quot;#x&quot; id=&quot;z&quot;&gt;</code> a < b`,
		"</article>\n",
	} {
		if !strings.Contains(whole, want) {
			t.Errorf("the whole handbook's print page lacks %s\n%s", want, whole)
		}
	}

	// The section's print page holds the principles, not the letters.
	section := assemble(f, "/vi/principles/print/")
	for _, want := range []string{
		`<a href="/docs/vi/letters/2016/#ngay-2">letter</a>`,
		`<a href="#vi/principles/other/">other</a>`,
		`<a href="/docs/vi/" title="a > b">home</a>`,
		`<a href="/docs/vi/letters/2016/?x=1&amp;y=2">query</a>`,
		`<a href="/docs/vi/letters/2016/">unquoted</a>`,
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the section's print page lacks %s\n%s", want, section)
		}
	}
}

// TestPrintArticleSkipsScripts checks that the contents of scripts and
// styles are left alone, whatever the case of their closing tags and
// whatever text they hold, and that the HTML after them is rewritten.
func TestPrintArticleSkipsScripts(t *testing.T) {
	r, p := loadPrintSite(t)
	src := `<script>"<a href=#in>"</SCRIPT><a href="#one">` +
		`<style>İİİİİİİİİİİİİİİİİİİİ"<a href=#in>"</style><a href="#two">` +
		strings.Repeat(`<script>x</script>`, 1000) + `<a href="#three"><script>"<a href=#open>"`
	out := assemble(r.printRewriter(p).article(p, []string{src}, ""), "/vi/print/")
	for _, want := range []string{
		`<script>"<a href=#in>"</SCRIPT><a href="#vi/principles/day-one/one">`,
		`<style>İİİİİİİİİİİİİİİİİİİİ"<a href=#in>"</style><a href="#vi/principles/day-one/two">`,
		`</script><a href="#vi/principles/day-one/three"><script>"<a href=#open>"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("article lacks %s\n%s", want, out)
		}
	}
}

func TestPrintFragmentEqual(t *testing.T) {
	r, p := loadPrintSite(t)
	a := r.printRewriter(p).article(p, []string{`<a href="/docs/vi/">x</a>`}, "")
	b := r.printRewriter(p).article(p, []string{`<a href="/docs/vi/">x</a>`}, "")
	c := r.printRewriter(p).article(p, []string{`<a href="/docs/vi/principles/">x</a>`}, "")
	if !a.Equal(b) || a.Equal(c) || a.Equal(nil) || !(*PrintFragment)(nil).Equal(nil) {
		t.Error("Equal compares the articles")
	}
}

// Whatever HTML a page has, even broken, its article is made whole.
func FuzzPrintRewrite(f *testing.F) {
	f.Add(`<p id="a" class='b'>x <a href=#c>y</a></p>`)
	f.Add(`<a href="../z"><img src=q.png></a><!-- c --><script>"<a href=x>"</script>`)
	f.Add(`<a href="/docs/vi/letters/2016/#h" x y=z>`)
	f.Add(`< a <b <c d="`)
	f.Add(`<a href='/docs/vi/principles/other/`)
	r, p := loadPrintSite(f)
	f.Fuzz(func(t *testing.T, src string) {
		out := assemble(r.printRewriter(p).article(p, []string{src}, ""), "/vi/print/")
		if !strings.HasPrefix(out, `<article class="print-page kind-page" id="vi/principles/day-one/">`) || !strings.HasSuffix(out, "</article>\n") {
			t.Errorf("not an article:\n%s", out)
		}
	})
}

// BenchmarkPrintArticle makes the article of a page of many short scripts,
// and of as many links to anchors, at two sizes, so that growth faster
// than the page shows.
func BenchmarkPrintArticle(b *testing.B) {
	r, p := loadPrintSite(b)
	for _, n := range []int{2000, 20000} {
		for _, tc := range []struct{ name, unit string }{
			{"scripts", "<p>text</p>\n<script>x</script>\n"},
			{"anchors", `<h2 id="a">A</h2><p><a href="#a">a</a></p>` + "\n"},
		} {
			src := strings.Repeat(tc.unit, n)
			b.Run(fmt.Sprintf("%s/n=%d", tc.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					r.printRewriter(p).article(p, []string{src}, "")
				}
			})
		}
	}
}

// TestPrintArticleReadsFieldsWithoutWalks renders every page's article of
// a generated handbook and bounds its allocations: the article's template
// reads the layout's data itself, whose fields text/template finds at
// once, where a struct embedding it cost a walk and its allocations for
// each field read (about 215 allocations an article of this site, against about 120).
func TestPrintArticleReadsFieldsWithoutWalks(t *testing.T) {
	r, pages := benchSite(t, 40, "[print]\nenable = true\n")
	// The template's own article, as a theme's that is not the default
	// theme's runs, not its twin.
	r.printArticle = nil
	var buf bytes.Buffer
	made := 0
	allocs := testing.AllocsPerRun(5, func() {
		made = 0
		for _, p := range pages {
			f, err := r.RenderPrintFragment(p, &buf, nil)
			if err != nil {
				t.Fatal(err)
			}
			if f != nil {
				made++
			}
		}
	})
	if made == 0 {
		t.Fatal("no page has a print article")
	}
	if perArticle := allocs / float64(made); perArticle > 160 {
		t.Errorf("a print article takes %.0f allocations, want at most 160", perArticle)
	}
}
