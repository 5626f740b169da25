package markdown

import (
	"html"
	"maps"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// hugoHeadings gives a Hugo site's headings the ids Hugo gives them, as
// well as the handbook's: the site's links were written against Hugo's.
// The heading carries Hugo's id, and an empty element at its start the
// handbook's, when the two differ; both are anchors links may target.
// With terms, definition terms get ids too (Hugo's autoDefinitionTermID).
type hugoHeadings struct {
	idType string
	terms  bool
}

func (e *hugoHeadings) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 500)))
}

// giveIDs gives ids in the document's order, as Hugo does: a heading
// and a term with the same text are "x" and "x-1". marks are the
// document's headings and definition terms, in its order, as
// collectTree found them.
func (e *hugoHeadings) giveIDs(state *pageState, marks []ast.Node, src []byte) {
	ids := &hugoIDs{idType: e.idType, used: maps.Clone(state.ids.explicit)}
	if ids.used == nil {
		ids.used = map[string]bool{}
	}
	for _, n := range marks {
		switch n := n.(type) {
		case *ast.Heading:
			e.heading(n, ids, state.ids, src)
		case *east.DefinitionTerm:
			if e.terms {
				e.term(n, ids, state.ids, src)
			}
		}
	}
}

// heading puts Hugo's id on h, and the handbook's in an empty element
// at its start, when the two differ. An id written by hand is both.
func (e *hugoHeadings) heading(h *ast.Heading, ids *hugoIDs, own *headingIDs, src []byte) {
	v, _ := h.AttributeString("id")
	ownID, _ := v.([]byte)
	if own.explicit[string(ownID)] {
		return
	}
	id := ids.generate(hugoText(h, src), false)
	if id == string(ownID) || own.used[id] {
		// The same, or another heading's: an id is one element's.
		return
	}
	own.used[id] = true
	h.SetAttributeString("id", []byte(id))
	anchor := &headingAnchor{id: ownID}
	if first := h.FirstChild(); first != nil {
		h.InsertBefore(h, first, anchor)
	} else {
		h.AppendChild(h, anchor)
	}
}

// term gives a definition term Hugo's id.
func (e *hugoHeadings) term(t *east.DefinitionTerm, ids *hugoIDs, own *headingIDs, src []byte) {
	id := ids.generate(hugoText(t, src), true)
	if own.used[id] {
		return
	}
	own.used[id] = true
	t.SetAttributeString("id", []byte(id))
}

// hugoText is the text Hugo makes an id of: the plain text of the last
// line (a setext heading may have several).
func hugoText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(resolved(c, src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.Reset()
				}
			case *ast.String:
				// The typographer's "&rsquo;" is a mark, as "’" is.
				b.WriteString(html.UnescapeString(string(c.Value)))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// kindHeadingAnchor is the kind of headingAnchor.
var kindHeadingAnchor = ast.NewNodeKind("HeadingAnchor")

// headingAnchor is an empty element that carries a heading's second id.
type headingAnchor struct {
	ast.BaseInline
	id []byte
}

func (n *headingAnchor) Kind() ast.NodeKind { return kindHeadingAnchor }

func (n *headingAnchor) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"id": string(n.id)}, nil)
}

// RegisterFuncs renders headingAnchor.
func (e *hugoHeadings) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindHeadingAnchor, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span id="`)
			_, _ = w.Write(util.EscapeHTML(n.(*headingAnchor).id))
			_, _ = w.WriteString(`"></span>`)
		}
		return ast.WalkContinue, nil
	})
}
