package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileQuotesPage is a French page whose headings and text hold what
// a page's text is gathered from in several ways: an entity, code with
// and without one, the typographer's quotes and apostrophe, an empty
// heading, a heading in a quote, and code the text leaves out.
const hostileQuotesPage = "---\ntitle: Citations\n---\n\n" +
	"## « R&amp;D » et `a &lt; b` \"cité\"\n\nIl dit \"bonjour\" et `x&amp;y`.\n\n##\n\n" +
	"> ## Dans une citation\n>\n> Texte cité.\n\n```go\nfmt.Println(\"code\")\n```\n\n### Fin l'été\n\nDernier mot.\n"

// TestHostileGc: a page's text and its table of contents, now gathered
// in one buffer reused from page to page, are what they were: each
// heading once in the text, none of the code, the quotes as the
// typographer made them, the table of contents with every heading.
func TestHostileGc(t *testing.T) {
	files := withFiles(map[string]string{"content/fr/quotes.md": hostileQuotesPage})
	runHostile(t, []hostileCase{
		{
			name: "a page's text holds each heading once, the typographer's quotes and no code", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: func(t *testing.T, work string) {
				doc := hostileDoc(t, filepath.Join(work, "out/_search/fr/d"), "/fr/quotes/")
				want := "« R&D » et a &lt; b « cité » Il dit « bonjour » et x&amp;y. Dans une citation Texte cité. Fin l’été Dernier mot."
				if doc.Text != want {
					t.Errorf("the document's text is %q, want %q", doc.Text, want)
				}
			},
		},
		{
			name: "the table of contents lists every heading, the empty one too", files: files,
			args: []string{"build"}, code: exitOK, written: []string{"site/public"},
			after: outputShows("fr/quotes/index.html",
				"<li class=\"toc-level-2\"><a href=\"#r-amp-d-et-a-lt-b-cite\">« R&amp;D » et a &amp;lt; b «\u202fcité\u202f»</a></li>",
				`<li class="toc-level-2"><a href="#section"></a></li>`,
				`<li class="toc-level-2"><a href="#dans-une-citation">Dans une citation</a></li>`,
				`<li class="toc-level-3"><a href="#fin-l-ete">Fin l’été</a></li>`),
		},
		{
			name:  "a page of code alone has an empty text and no table of contents",
			files: withFiles(map[string]string{"content/fr/code.md": "---\ntitle: Code\n---\n\n```sh\necho \"## pas un titre\"\n```\n"}),
			args:  []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: func(t *testing.T, work string) {
				if doc := hostileDoc(t, filepath.Join(work, "out/_search/fr/d"), "/fr/code/"); doc.Text != "" {
					t.Errorf("the document's text is %q, want none", doc.Text)
				}
				html, err := os.ReadFile(filepath.Join(work, "out/fr/code/index.html"))
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(string(html), "toc-level") {
					t.Errorf("a page of code alone has a table of contents")
				}
			},
		},
	})
}
