package markdown_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/markdown"
)

// pathological are page bodies built to make per-page work grow faster
// than the page: each is n repeats of something a page can hold many of.
var pathological = []struct {
	name string
	body func(n int) string
}{
	{"identical-headings", func(n int) string { return strings.Repeat("## A\n\n", n) }},
	{"colliding-headings", func(n int) string {
		// "a", then headings whose text is what the repeats of "a" are
		// given ("a-1", "a-2", ...), and hand-written ids among them.
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "## A\n\n## A %d\n\n## B {#a-%d}\n\n", i, i+n)
		}
		return b.String()
	}},
	{"links-same-anchor", func(n int) string {
		return "## A\n\n" + strings.Repeat("See [a](#a).\n", n)
	}},
	{"links-different-anchors", func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "## H %d\n\n[h](#h-%d) [page](../letters/2016.md#ngay-2)\n\n", i, i)
		}
		return b.String()
	}},
	{"links-one-paragraph", func(n int) string {
		return strings.Repeat("[](#a)", n) + "\n\n## A\n"
	}},
	{"heading-of-links", func(n int) string { return "## " + strings.Repeat("[a](#b) ", n) + "\n\n## B\n" }},
	{"reference-links", func(n int) string {
		var links, defs strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&links, "[x][r%d]\n", i)
			fmt.Fprintf(&defs, "[r%d]: #a\n", i)
		}
		return "## A\n\n" + links.String() + "\n" + defs.String()
	}},
	{"list-items", func(n int) string { return strings.Repeat("- item [x](#a)\n", n) + "\n## A\n" }},
	{"nested-quotes", func(n int) string { return strings.Repeat(">", min(n, 1000)) + " deep\n" }},
	{"nested-lists", func(n int) string {
		var b strings.Builder
		for i := 0; i < min(n, 1000); i++ {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}},
	{"table", func(n int) string {
		return "| a | b | c |\n|---|---|---|\n" + strings.Repeat("| x | [y](#a) | z |\n", n) + "\n## A\n"
	}},
	{"long-line", func(n int) string { return strings.Repeat("word *em* ", n) + "\n" }},
	{"footnotes", func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "Note[^%d].\n\n", i)
		}
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[^%d]: Text %d.\n", i, i)
		}
		return b.String()
	}},
	{"definition-lists", func(n int) string { return strings.Repeat("Term\n: Definition\n\n", n) }},
	{"links-in-nested-emphasis", func(n int) string {
		return strings.Repeat("*[x](#a) ", n) + strings.Repeat("x* ", n) + "\n\n## A\n"
	}},
	{"emphasis-delimiters", func(n int) string { return strings.Repeat("*a **b ", n) + "\n" }},
}

// BenchmarkPathological converts each pathological body at two sizes, with
// handbook's converter and with goldmark alone, so that both the growth
// from one size to the other and the ratio to goldmark show. goldmark runs
// with the same extensions but its own heading ids left off, since those
// are what handbook replaces. "hugo" is handbook's converter on a Hugo
// site, which gives headings and terms Hugo's ids too.
func BenchmarkPathological(b *testing.B) {
	fx := newFixture(b, siteFiles(), config.Overrides{})
	hugo := newFixture(b, hugoSite("[markup.goldmark.parser]\nautoDefinitionTermID = true\n"), config.Overrides{})
	plain := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	for _, tc := range pathological {
		for _, n := range []int{2000, 20000} {
			body := []byte(tc.body(n))
			b.Run(fmt.Sprintf("%s/n=%d/goldmark", tc.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					if err := plain.Convert(body, io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s/n=%d/handbook", tc.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				var buf bytes.Buffer
				for b.Loop() {
					p := benchPage()
					diags := &diag.List{}
					r := fx.conv.Convert(p, body, &buf, diags)
					markdown.CheckAnchors(r.AnchorRefs, fx.anchorsOf(p, r), diags)
				}
			})
			b.Run(fmt.Sprintf("%s/n=%d/hugo", tc.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				var buf bytes.Buffer
				for b.Loop() {
					p := benchPage()
					p.Lang, p.File, p.URL = "en", "content/en/notes/test.md", "/en/notes/test/"
					diags := &diag.List{}
					r := hugo.conv.Convert(p, body, &buf, diags)
					markdown.CheckAnchors(r.AnchorRefs, hugo.anchorsOf(p, r), diags)
				}
			})
		}
	}
}

// benchPage is a page of the fixture's site, whose body starts on line 4.
func benchPage() *content.Page {
	return &content.Page{
		Lang: "vi", File: "content/vi/notes/test.md", RelPath: "notes/test.md",
		BodyLine: 4, TranslationKey: "notes/test", URL: "/vi/notes/test/",
	}
}

// BenchmarkConvertSite converts every page of the site named by
// HANDBOOK_BENCH_SITE (a corpus made by the benchmark corpus generator;
// see the README) once per iteration, with the converter a build uses
// ("handbook") and with goldmark's GFM alone ("goldmark"), which is what
// the build's floor runs. The difference is the conversion's own
// overhead. Each iteration makes its converter, as a build does, so that
// no code block is highlighted from the last iteration's cache. It is
// skipped when the variable is unset.
func BenchmarkConvertSite(b *testing.B) {
	root := os.Getenv("HANDBOOK_BENCH_SITE")
	if root == "" {
		b.Skip("set HANDBOOK_BENCH_SITE to a corpus folder to run this benchmark")
	}
	diags := &diag.List{}
	cfg, err := config.Load(root, config.Overrides{}, diags)
	if err != nil {
		b.Fatal(err)
	}
	set, err := content.Load(cfg, diags)
	if err != nil {
		b.Fatal(err)
	}
	content.Link(set, cfg, diags)
	bodies := make([][]byte, len(set.Pages))
	size := 0
	for i, p := range set.Pages {
		if bodies[i], err = set.ReadBody(p); err != nil {
			b.Fatal(err)
		}
		size += len(bodies[i])
	}
	static := func(string) bool { return false }
	floor := goldmark.New(goldmark.WithExtensions(extension.GFM))
	perPage := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bodies)), "ns/page")
	}
	b.Run("goldmark", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			for _, body := range bodies {
				buf.Reset()
				if err := floor.Convert(body, &buf); err != nil {
					b.Fatal(err)
				}
			}
		}
		perPage(b)
	})
	b.Run("handbook", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			conv := markdown.NewConverter(cfg, set, static)
			for i, p := range set.Pages {
				conv.Convert(p, bodies[i], &buf, &diag.List{})
			}
		}
		perPage(b)
	})
}
