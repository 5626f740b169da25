package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// pageTree is the goldmark transformer that makes the converter's changes
// to a page's tree from one walk over it: it rewrites the links and images, turns GitHub's alerts into
// callouts and, on a Hugo site, gives headings and terms Hugo's ids. A
// snippet of Markdown a shortcode renders, which is on no page, only
// has its alerts turned.
type pageTree struct {
	links *pageLinks
	// hugo is nil on a handbook's site.
	hugo *hugoHeadings
}

func (t *pageTree) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(t, 500)))
}

// Transform changes the tree of a document as pageTree says, in the
// order it always has: alerts and Hugo's ids first, then the links, so
// that the links of an alert's first line, which its callout leaves out,
// are not the page's.
func (t *pageTree) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	found := collectTree(doc, src)
	state, _ := pc.Get(stateKey).(*pageState)
	if replaceAlerts(found.quotes, src) && state != nil {
		// The texts around the links of a callout's first paragraph
		// have changed, which is where their lines are searched from.
		found.links = collectTree(doc, src).links
	}
	if state == nil {
		return
	}
	if t.hugo != nil {
		t.hugo.giveIDs(state, found.marks, src)
	}
	t.links.rewriteAll(state, found.links, src)
}
