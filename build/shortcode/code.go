package shortcode

import (
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// span is a range of bytes of a page's body.
type span struct{ start, end int }

// codeSpans are the parts of src that are code: fenced and indented code
// blocks (their fence lines too) and inline code, in order. Shortcodes
// there are left as written, as the Markdown stage shows code as written.
func codeSpans(src []byte, p parser.Parser) []span {
	doc := p.Parse(text.NewReader(src))
	var spans []span
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			spans = append(spans, fencedSpan(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				spans = append(spans, span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			if s, ok := inlineSpan(n); ok {
				spans = append(spans, s)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	return spans
}

// fencedSpan is a fenced block from its opening fence's line to the end
// of its closing fence's line (or of the body, when it has none).
func fencedSpan(n *ast.FencedCodeBlock, src []byte) span {
	s := span{start: len(src), end: 0}
	if n.Info != nil {
		s.start = n.Info.Segment.Start
	}
	if lines := n.Lines(); lines.Len() > 0 {
		s.start = min(s.start, lines.At(0).Start)
		s.end = lines.At(lines.Len() - 1).Stop
	}
	if s.start == len(src) {
		return span{}
	}
	// The opening fence's line starts before the first line of code or
	// the info string; the closing fence follows the last line.
	for s.start > 0 && src[s.start-1] != '\n' {
		s.start--
	}
	end := s.end
	for end < len(src) && isFenceOrSpace(src[end]) {
		end++
	}
	s.end = end
	return s
}

func isFenceOrSpace(c byte) bool {
	return c == '`' || c == '~' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// inlineSpan is the text of an inline code span.
func inlineSpan(n *ast.CodeSpan) (span, bool) {
	s := span{start: -1}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if s.start < 0 {
				s.start = t.Segment.Start
			}
			s.end = t.Segment.Stop
		}
	}
	return s, s.start >= 0
}

// contains reports whether offset at is inside one of spans, which are
// in order.
func contains(spans []span, at int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end > at })
	return i < len(spans) && spans[i].start <= at
}
