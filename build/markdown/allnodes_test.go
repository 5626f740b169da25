package markdown_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/markdown"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/ from what the converter gives now")

// everyNode is a page body with every kind of node the converter meets:
// each kind of heading, block, inline, link and image, alerts, code,
// raw HTML, footnotes, definition lists, tables and shortcodes, alone on
// their lines and within them.
const everyNode = "# Title *one*\n\n" +
	"Intro with **strong**, *em*, ~~struck~~, `code & <b>`, \"quotes\", it's -- dashes... &amp; \\*escaped\\*.\n" +
	"A soft break and a hard one  \nand https://example.com/x?y=1, www.example.org and mail@example.com.\n\n" +
	"## Khách hàng là ai?\n\n" +
	"## Khách hàng là ai?\n\n" +
	"## See [the letter](../letters/2016.md) and `code` {#own-id}\n\n" +
	"### Third &amp; \"quoted\" level\n\n" +
	"#### Fourth level\n\n" +
	"Setext heading\nover two lines\n--------------\n\n" +
	"Links: [page](../principles/customer-obsession.md#khach-hang-la-ai), [anchor here](#own-id), [missing anchor](#nowhere),\n" +
	"[site path](/principles/customer-obsession/), [other language](/fr/principles/customer-obsession.md), [relative](sub/file.txt),\n" +
	"[external](https://example.com), [static](/css/style.css), [resource](diagram.png), [reference][ref], [broken](../nope.md),\n" +
	"![image](diagram.png \"a title\"), <https://autolink.example>, <mail@example.com>.\n\n" +
	"[ref]: ../letters/2016.md#ngay-2\n\n" +
	"> A plain quote with [a link](#own-id).\n>\n> > Nested quote.\n\n" +
	"> [!WARNING] Mind the step\n> Alert *body* with [link](#khach-hang-la-ai).\n\n" +
	"> [!NOTE]\n> Just a note.\n\n" +
	"> [!TIP] See [first line](#nowhere-tip)\n> Then *more*.\n\n" +
	"> [!CAUTION] #nowhere-caution\n> [](#nowhere-caution)\n\n" +
	"- tight item with [x](../letters/2016.md)\n- second\n  1. nested ordered\n  2. two\n\n" +
	"- [ ] task\n- [x] done\n\n" +
	"1. loose\n\n2. list\n\n" +
	"| Head | **Bold** |\n|:-----|-----:|\n| cell [l](#own-id) | `c` |\n\n" +
	"```go\nfunc main() { fmt.Println(\"hi\") }\n```\n\n" +
	"```nosuchlanguage\nplain <code>\n```\n\n" +
	"```\nno language\n```\n\n" +
	"    indented code\n\n" +
	"<div class=\"raw\">raw block</div>\n\n" +
	"Inline <span>raw</span> HTML.\n\n" +
	"Footnote here[^1] and there[^2].\n\n[^1]: The note, with [a link](#own-id).\n\n" +
	"[^2]: ## A heading in a footnote\n\n[^unused]: ## An unused footnote's heading [x](#nowhere-unused)\n\n" +
	"Term\n: Definition of the term.\n\n" +
	"Term *two*\n: Another.\n\n" +
	"***\n\n" +
	"{{< note >}}\nShortcode **note** with [a link](#own-id).\n{{< /note >}}\n\n" +
	"Inline {{< param title >}} shortcode and {{< badge >}}badge{{< /badge >}}.\n\n" +
	"## {{< param title >}} in a heading\n\n" +
	"## ![](diagram.png)\n\n" +
	"##\n\n" +
	"Last line without a newline"

// TestEveryNodeResults converts a page of every kind of node, on the
// handbook's site, in French and on a Hugo site with ids for terms, and
// compares all the conversion gives (HTML, contents, anchors, links,
// text, diagnostics) with what it gave when the golden files were
// written: a rewrite of the converter's passes over the tree must give
// the same.
func TestEveryNodeResults(t *testing.T) {
	files := siteFiles()
	files["layouts/shortcodes/badge.html"] = `<span class="badge">{{ .Inner | markdownify }}</span>`
	hugo := hugoSite("[markup.goldmark.parser]\nautoDefinitionTermID = true\n")
	hugo["layouts/shortcodes/badge.html"] = files["layouts/shortcodes/badge.html"]
	handbook, hugoFx := newFixture(t, files, config.Overrides{}), newFixture(t, hugo, config.Overrides{})
	cases := []struct {
		name, lang string
		fx         *fixture
	}{
		{"handbook-vi", "vi", handbook},
		{"handbook-fr", "fr", handbook},
		{"hugo-en", "en", hugoFx},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, r, diags := tc.fx.convert(t, tc.lang, everyNode)
			got := dumpResult(r, diags)
			golden := filepath.Join("testdata", "everynode-"+tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("the conversion differs from %s:\n%s", golden, firstDifference(got, string(want)))
			}
		})
	}
}

// dumpResult writes out every field of a conversion, and its
// diagnostics, which name the links to anchors it found.
func dumpResult(r markdown.Result, diags []diag.Diagnostic) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== HTML\n%s\n== TOC\n", r.HTML)
	for _, h := range r.TOC {
		fmt.Fprintf(&b, "%d %q %q\n", h.Level, h.ID, h.Text)
	}
	fmt.Fprintf(&b, "== Anchors\n%q\n== LinksTo\n", []string(r.Anchors))
	for _, p := range r.LinksTo {
		fmt.Fprintln(&b, p.URL)
	}
	b.WriteString("== RelativeLinks\n")
	for _, l := range r.RelativeLinks {
		fmt.Fprintf(&b, "%d %q\n", l.Line, l.Dest)
	}
	fmt.Fprintf(&b, "== Text\n%s\n== AnchorRefs %d\n== Diagnostics\n", r.Text, len(r.AnchorRefs))
	for _, d := range diags {
		fmt.Fprintln(&b, d.String())
	}
	noAnchors := func(*content.Page) markdown.Anchors { return nil }
	unchecked := &diag.List{}
	markdown.CheckAnchors(r.AnchorRefs, noAnchors, unchecked)
	b.WriteString("== Every link to an anchor\n")
	for _, d := range unchecked.Sorted() {
		fmt.Fprintln(&b, d.String())
	}
	return b.String()
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1, gl, wl)
		}
	}
	return "(no line differs)"
}
