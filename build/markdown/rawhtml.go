package markdown

import (
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// escapedHTML shows raw HTML written in Markdown as text instead of
// dropping it, so a writer sees what they wrote and readers never run it.
// It is off when the site allows raw HTML.
type escapedHTML struct{ enabled bool }

func (e *escapedHTML) Extend(m goldmark.Markdown) {
	if e.enabled {
		m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
	}
}

// RegisterFuncs takes over goldmark's raw-HTML renderers.
func (e *escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, e.inline)
	reg.Register(ast.KindHTMLBlock, e.block)
}

func (e *escapedHTML) inline(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
	}
	return ast.WalkSkipChildren, nil
}

func (e *escapedHTML) block(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	b := n.(*ast.HTMLBlock)
	if entering {
		_, _ = w.WriteString("<p class=\"raw-html\">")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
		}
		if b.HasClosure() {
			_, _ = w.WriteString(html.EscapeString(string(b.ClosureLine.Value(src))))
		}
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}
