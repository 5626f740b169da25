package markdown

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// linkSpot is a link or an image of a page, with what is known of where
// its destination is written: inline nodes carry no position, so it is
// searched for from the text nearest before it.
type linkSpot struct {
	node *ast.Link
	img  *ast.Image
	// first is where the link's own text starts, prev where the last
	// text before the link in its block ends; -1 when there is none.
	first, prev int
	// block is the source of the nearest enclosing block that has lines.
	block blockSpan
}

// blockSpan is where a block's source starts and ends.
type blockSpan struct{ start, end int }

// treeNodes are the nodes of a page's tree the converter changes or
// reads, each kind in the document's order.
type treeNodes struct {
	links  []linkSpot
	quotes []*ast.Blockquote
	// marks are the headings and the definition terms, which take ids.
	marks []ast.Node
}

// collectTree lists, in one walk over doc, the links and images, the
// quotes, and the headings and definition terms. It finds every link's
// nearest text in the same walk, so that a page of many links costs
// time in proportion to its length: asking each link for the text
// before it would go back over its block's links each time.
func collectTree(doc ast.Node, src []byte) treeNodes {
	var found treeNodes
	var waiting []int // links entered whose first text is not yet seen
	lastStop := -1
	// blocks are the spans of the blocks the walk is in, innermost last.
	blocks := make([]blockSpan, 1, 16)
	blocks[0] = blockSpan{0, len(src)}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			lastStop = -1
			waiting = waiting[:0]
			if entering {
				blocks = append(blocks, spanOf(n, blocks[len(blocks)-1], len(src)))
				found.block(n)
			} else {
				blocks = blocks[:len(blocks)-1]
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				for _, i := range waiting {
					found.links[i].first = n.Segment.Start
				}
				waiting = waiting[:0]
				lastStop = n.Segment.Stop
			}
		case *ast.Link, *ast.Image:
			if !entering {
				if k := len(waiting); k > 0 && found.links[waiting[k-1]].is(n) {
					waiting = waiting[:k-1]
				}
				break
			}
			spot := linkSpot{first: -1, prev: lastStop}
			spot.node, _ = n.(*ast.Link)
			spot.img, _ = n.(*ast.Image)
			spot.block = blocks[len(blocks)-1]
			waiting = append(waiting, len(found.links))
			found.links = append(found.links, spot)
		}
		return ast.WalkContinue, nil
	})
	return found
}

// block records block n if it is a quote, a heading or a term.
func (t *treeNodes) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Blockquote:
		t.quotes = append(t.quotes, n)
	case *ast.Heading, *east.DefinitionTerm:
		t.marks = append(t.marks, n)
	}
}

// is reports whether the spot is node n.
func (s *linkSpot) is(n ast.Node) bool {
	if s.node != nil {
		return ast.Node(s.node) == n
	}
	return ast.Node(s.img) == n
}

// reference is the label of a reference link ("[text][label]"), nil for
// a link written inline.
func (s *linkSpot) reference() []byte {
	var ref *ast.ReferenceLink
	if s.node != nil {
		ref = s.node.Reference
	} else {
		ref = s.img.Reference
	}
	if ref == nil {
		return nil
	}
	return ref.Value
}

// searchStart is where the search for the destination begins: where the
// link's text starts, or where the last text before the link ends, or
// else the start of the enclosing block.
func (s *linkSpot) searchStart(size int) int {
	pos := s.first
	if pos < 0 {
		pos = s.prev
	}
	if pos >= s.block.start && pos <= size {
		return pos
	}
	return s.block.start
}

// spanOf is the source span of block b, or outer, the span of the block
// around it, when b has no lines. The walk keeps these spans as it goes:
// looking up a link's block through its parents would take time in
// proportion to how deep the link is, and a page of links nested ever
// deeper (in emphasis) would take time quadratic in their number.
func spanOf(b ast.Node, outer blockSpan, size int) blockSpan {
	lines := b.Lines()
	if lines.Len() == 0 {
		return outer
	}
	return blockSpan{lines.At(0).Start, min(lines.At(lines.Len()-1).Stop, size)}
}

// lineLocator finds the lines links are written on, each in time
// independent of the page's length once the page has been indexed.
type lineLocator struct {
	src []byte
	// newlines are the offsets of src's line ends, made on first use.
	newlines []int
	indexed  bool
	// defs are the offsets of the lines that define a reference label,
	// made on the first reference link.
	defs map[string]int
	// found remembers the last search for each destination, so that a
	// block of links to one destination searches its text once.
	found map[string]destSearch
}

// destSearch is a search for a destination in src[from:end]: at is where
// it was found, -1 if it was not.
type destSearch struct{ from, end, at int }

func newLineLocator(src []byte) *lineLocator {
	return &lineLocator{src: src, found: map[string]destSearch{}}
}

// line is the 1-based line of the body on which s's destination dest is
// written: the line of a reference link's definition, or where dest is
// next found in the link's block after its nearest text, or else the
// line that text is on. A reference link whose definition is not found
// is not searched for: its destination is not in its block, and a search
// beyond it for each such link would take time quadratic in their number.
func (l *lineLocator) line(s *linkSpot, dest []byte) int {
	start := s.searchStart(len(l.src))
	if label := s.reference(); label != nil {
		if at, ok := l.definition(label); ok {
			start = at
		}
		return l.lineAt(start)
	}
	if at := l.search(dest, start, max(s.block.end, start)); at >= 0 {
		start = at
	}
	return l.lineAt(start)
}

// search returns the offset of the first dest in src[from:end], or -1.
// A search for the same destination that started earlier and found it
// at or after from (or found none) in the same block answers for this
// one.
func (l *lineLocator) search(dest []byte, from, end int) int {
	key := string(dest)
	if last, ok := l.found[key]; ok && last.end == end && last.from <= from && (last.at < 0 || last.at >= from) {
		return last.at
	}
	at := bytes.Index(l.src[from:end], dest)
	if at >= 0 {
		at += from
	}
	l.found[key] = destSearch{from: from, end: end, at: at}
	return at
}

// lineAt is the 1-based line of offset pos.
func (l *lineLocator) lineAt(pos int) int {
	if !l.indexed {
		l.newlines = make([]int, 0, bytes.Count(l.src, []byte{'\n'}))
		for i := 0; ; {
			j := bytes.IndexByte(l.src[i:], '\n')
			if j < 0 {
				break
			}
			l.newlines = append(l.newlines, i+j)
			i += j + 1
		}
		l.indexed = true
	}
	return sort.SearchInts(l.newlines, pos) + 1
}

// definition finds the line that defines a reference label ("[label]:
// dest"), the first if there are several, as CommonMark uses the first.
// Definitions inside quotes or lists are not found.
func (l *lineLocator) definition(label []byte) (int, bool) {
	if l.defs == nil {
		l.defs = referenceDefinitions(l.src)
	}
	at, ok := l.defs[util.ToLinkReference(label)]
	return at, ok
}

// referenceDefinitions maps the labels of lines that look like reference
// definitions to the offsets of those lines.
func referenceDefinitions(src []byte) map[string]int {
	defs := map[string]int{}
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		trimmed := bytes.TrimLeft(line, " ")
		if len(line)-len(trimmed) <= 3 && len(trimmed) > 0 && trimmed[0] == '[' {
			if close := bytes.Index(trimmed, []byte("]:")); close > 1 {
				label := util.ToLinkReference(trimmed[1:close])
				if _, seen := defs[label]; !seen {
					defs[label] = start
				}
			}
		}
		start = end + 1
	}
	return defs
}
