package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"handbook/build/shortcode"
)

var kindCallout = ast.NewNodeKind("Callout")

// callout is a GitHub alert: a quote whose first line is [!NOTE] (or
// TIP, IMPORTANT, WARNING, CAUTION), with an optional title after it.
type callout struct {
	ast.BaseBlock
	kind, title string
}

func (n *callout) Kind() ast.NodeKind { return kindCallout }

func (n *callout) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"kind": n.kind, "title": n.title}, nil)
}

// githubAlerts turns GitHub's alerts into the callouts that shortcodes
// such as {{< note >}} render, so both read alike.
type githubAlerts struct{}

func (githubAlerts) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(githubAlerts{}, 100)))
}

// replaceAlerts replaces each alert's quote with a callout holding the
// quote's content without its first line's marker; quotes are the
// document's quotes, in its order, as collectTree found them. It
// reports whether any quote was an alert.
func replaceAlerts(quotes []*ast.Blockquote, src []byte) bool {
	replaced := false
	for _, q := range quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		kind, title, ok := alertMarker(first.Value(src))
		if !ok {
			continue
		}
		dropFirstLine(para, first.Stop)
		if para.ChildCount() == 0 {
			q.RemoveChild(q, para)
		}
		c := &callout{kind: kind, title: title}
		for q.FirstChild() != nil {
			child := q.FirstChild()
			q.RemoveChild(q, child)
			c.AppendChild(c, child)
		}
		q.Parent().ReplaceChild(q.Parent(), q, c)
		replaced = true
	}
	return replaced
}

// alertMarker reads "[!KIND] optional title".
func alertMarker(line []byte) (kind, title string, ok bool) {
	line = bytes.TrimSpace(line)
	if !bytes.HasPrefix(line, []byte("[!")) {
		return "", "", false
	}
	end := bytes.IndexByte(line, ']')
	if end < 0 {
		return "", "", false
	}
	word := strings.ToLower(string(line[2:end]))
	switch word {
	case "note", "tip", "important", "warning", "caution":
		return word, strings.TrimSpace(string(line[end+1:])), true
	}
	return "", "", false
}

// dropFirstLine removes the inline nodes of a paragraph's first line,
// which ends at stop.
func dropFirstLine(para *ast.Paragraph, stop int) {
	for c := para.FirstChild(); c != nil; {
		if firstTextStart(c) >= stop {
			return
		}
		next := c.NextSibling()
		para.RemoveChild(para, c)
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			return
		}
		c = next
	}
}

// firstTextStart is where the first text of n starts in the source, or
// -1 when it has none (then it is on the line of what came before).
func firstTextStart(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := firstTextStart(c); s >= 0 {
			return s
		}
	}
	return -1
}

func (githubAlerts) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCallout, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		c := n.(*callout)
		if entering {
			_, _ = w.WriteString(string(shortcode.CalloutOpen(c.kind, c.title)))
			_ = w.WriteByte('\n')
		} else {
			_, _ = w.WriteString(string(shortcode.CalloutClose))
			_ = w.WriteByte('\n')
		}
		return ast.WalkContinue, nil
	})
}
