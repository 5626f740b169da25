package markdown_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/markdown"
)

// FuzzConvert converts arbitrary Markdown bodies for a page of a small
// site. Conversion must never panic, and every problem it reports must
// point into the page's file, on a line of its body.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"[rel](../letters/2016.md)",
		"[root](/principles/customer-obsession.md)",
		"[site](/principles/customer-obsession/) [home](/) [fr](/fr/)",
		"[other](/fr/principles/customer-obsession.md#qui-est-le-client)",
		"[anchor](../principles/customer-obsession.md#khach-hang-la-ai) [local](#a)\n\n## A\n",
		"[ext](https://example.com/a.md) [mail](mailto:a@b.c) [cdn](//host/x.md)",
		"[x](%zz) [y](<>) [z](<a b.md>) [w](\\.md) [v](?q) [u](#)",
		"![img](diagram.png) ![abs](/notes/diagram.png) ![css](/css/style.css)",
		"[![nested](diagram.png)](../letters/2016.md)",
		"[ref][r]\n\n[r]: ../letters/1999.md\n",
		"[](nowhere.md)[](nowhere.md)\n*[](nowhere.md)*",
		"| a | [b](x.md) |\n|---|---|\n| [c](/y/) | d |\n",
		"## Khách hàng là ai?\n## Khách hàng là ai?\n## {#}\n#\n",
		"```go\nfunc main() {}\n```\n```\n<x>\n```",
		"<script>alert(1)</script>\n\n<span>x</span>",
		"Note[^1].\n\n[^1]: [in a note](missing.md)\n",
		"- [ ] task [link](../letters/2016.md)\n\nTerm\n: [def](#nope)\n",
		"[a](..) [b](../) [c](/..) [d](/../../x.md) [e](/.md) [f](.md)",
		"\x00\xff [x](\xff.md)",
	} {
		f.Add(seed)
	}
	fx := newFixture(f, siteFiles(), config.Overrides{BaseURL: "https://intranet.example/handbook/"})
	f.Fuzz(func(t *testing.T, body string) {
		const bodyLine = 4
		p := &content.Page{
			Lang: "vi", File: "content/vi/notes/test.md", RelPath: "notes/test.md",
			BodyLine: bodyLine, TranslationKey: "notes/test", URL: "/vi/notes/test/",
		}
		diags := &diag.List{}
		var buf bytes.Buffer
		r := fx.conv.Convert(p, []byte(body), &buf, diags)
		markdown.CheckAnchors(r.AnchorRefs, fx.anchorsOf(p, r), diags)
		lastLine := bodyLine + strings.Count(body, "\n")
		for _, d := range diags.Sorted() {
			if d.File != p.File || d.Line < bodyLine || d.Line > lastLine {
				t.Errorf("diagnostic outside the body (lines %d–%d): %v", bodyLine, lastLine, d)
			}
		}
		if !slices.IsSorted(r.Anchors) {
			t.Errorf("Anchors not sorted: %v", r.Anchors)
		}
	})
}
