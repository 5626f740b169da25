package markdown

import (
	"bytes"
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"handbook/build/content"
	"handbook/build/fold"
)

// headingIDs gives headings anchors that read well and stay put for
// Vietnamese and French: "Khách hàng là ai?" becomes #khach-hang-la-ai,
// and a second heading with the same text gets a "-1" suffix, the next
// "-2", skipping suffixes already taken. It implements goldmark's
// parser.IDs.
type headingIDs struct {
	used map[string]bool
	// next is, for each base that has been repeated, the smallest
	// suffix that may still be free. Ids are only ever added, so every
	// suffix below it stays taken: without it, the n-th repeat of a
	// heading would try n suffixes, and a page of repeated headings
	// would take time quadratic in their number.
	next map[string]int
	// explicit are the ids written by hand ({#id}), which Hugo's ids
	// keep too; nil until one is.
	explicit map[string]bool
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate makes a unique id from a heading's text.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := fold.Slug(stripMarkup(string(value)))
	if base == "" {
		base = "section"
	}
	id := base
	if h.used[id] {
		i := max(h.next[base], 1)
		for id = suffixed(base, i); h.used[id]; id = suffixed(base, i) {
			i++
		}
		h.next[base] = i + 1
	}
	h.used[id] = true
	return []byte(id)
}

// suffixed is the id of the i-th repeat of base.
func suffixed(base string, i int) string { return base + "-" + strconv.Itoa(i) }

// Put records an id written by hand ({#id}).
func (h *headingIDs) Put(value []byte) {
	h.used[string(value)] = true
	if h.explicit == nil {
		h.explicit = map[string]bool{}
	}
	h.explicit[string(value)] = true
}

// sorted are the ids used, as Anchors.
func (h *headingIDs) sorted() Anchors {
	if len(h.used) == 0 {
		return nil
	}
	out := make(Anchors, 0, len(h.used))
	for id := range h.used {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// stripMarkup removes link destinations from heading source, so that
// "## See [the letter](../letters/2016.md)" does not put the path in the
// anchor. It removes each "](" and what follows up to the next ")", as
// often as the text left has one: removing "](a)" from "]](a)(b)" leaves
// "](b)", which is removed too. It goes over s once, keeping what is left
// in out, rather than searching the whole of what is left from its start
// again after each removal, which takes time quadratic in the number of
// links of a heading.
func stripMarkup(s string) string {
	if !strings.Contains(s, "](") {
		return s
	}
	out := make([]byte, 0, len(s))
	rest := s
	for {
		// A removal joins out and rest: when out ends in "]" and rest
		// starts with "(", the two make the next "](".
		if n := len(out); n > 0 && out[n-1] == ']' && strings.HasPrefix(rest, "(") {
			j := strings.IndexByte(rest, ')')
			if j < 0 {
				return string(out) + rest
			}
			out, rest = out[:n-1], rest[j+1:]
			continue
		}
		i := strings.Index(rest, "](")
		if i < 0 {
			return string(out) + rest
		}
		j := strings.IndexByte(rest[i:], ')')
		if j < 0 {
			return string(out) + rest
		}
		out, rest = append(out, rest[:i]...), rest[i+j+1:]
	}
}

// writePlainText writes the text of an inline tree without its markup
// to b.
func writePlainText(b *bytes.Buffer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(resolved(c, src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			// The typographer's strings are HTML ("&rsquo;"); the
			// TOC holds text, which the templates escape. A string
			// without '&' has nothing to unescape, and is written
			// without the copy unescaping it takes.
			if c.IsCode() && bytes.IndexByte(c.Value, '&') >= 0 {
				b.WriteString(html.UnescapeString(string(c.Value)))
			} else {
				b.Write(c.Value)
			}
		default:
			writePlainText(b, c, src)
		}
	}
}

// resolved is a text node's text with "&amp;" and "\\*" resolved, as the
// HTML renderer resolves them. Most text has neither, and each resolver
// goes over the text byte by byte to find out, so it is asked only when
// a quick search has found an '&' or a '\\'.
func resolved(t *ast.Text, src []byte) []byte {
	v := t.Segment.Value(src)
	if t.IsRaw() {
		return v
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	return v
}

// pageText reads, in one walk over a page's finished tree, its table
// of contents, the second- and third-level headings, and, when
// withText, its prose as plain text: paragraphs, headings, lists and
// quotes, each block on its own line; code is left out, since readers
// do not search for it. The text is gathered in scratch, which is
// reused from page to page, and copied out at its size: a text made
// in room for the whole source took as much again as the source, most
// pages having code and markup the text leaves out.
func pageText(doc ast.Node, src []byte, withText bool, scratch *bytes.Buffer) ([]content.Heading, string) {
	scratch.Reset()
	w := textWalk{src: src, text: scratch}
	w.children(doc, true, withText)
	if !withText {
		return w.toc, ""
	}
	return w.toc, scratch.String()
}

// textWalk is what pageText gathers.
type textWalk struct {
	src  []byte
	toc  []content.Heading
	text *bytes.Buffer
}

// children walks n's children: for the table of contents when toc,
// which no heading's children and no inline node are, and for the text
// when text, which no code's children and no inline node are, as its
// block's text is written whole.
func (w *textWalk) children(n ast.Node, toc, text bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c, toc, text)
	}
}

func (w *textWalk) node(n ast.Node, toc, text bool) {
	if text {
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			text = false
		}
	}
	inlines := n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline
	writes := text && inlines && n.Type() == ast.TypeBlock
	written := false
	if h, isHeading := n.(*ast.Heading); toc && isHeading {
		if h.Level >= 2 && h.Level <= 3 {
			// The heading's text is written where the page's goes and
			// copied out, rather than built apart: it stays there when
			// the page's text has it, and is cut off otherwise.
			start := w.text.Len()
			writePlainText(w.text, h, w.src)
			headingText := string(w.text.Bytes()[start:])
			if !writes {
				w.text.Truncate(start)
			}
			written = true
			id, _ := h.AttributeString("id")
			idBytes, _ := id.([]byte)
			w.toc = append(w.toc, content.Heading{Level: h.Level, ID: string(idBytes), Text: headingText})
		}
		toc = false
	}
	if writes {
		if !written {
			writePlainText(w.text, n, w.src)
		}
		w.text.WriteByte('\n')
		text = false
	}
	if inlines {
		// A block of inlines (a paragraph, a cell, a term) holds no
		// heading.
		toc = false
	}
	if toc || text {
		w.children(n, toc, text)
	}
}

// htmlOf marks goldmark's output as safe HTML for the templates: it was
// produced by goldmark, with raw HTML escaped unless the site allows it.
func htmlOf(b []byte) template.HTML { return template.HTML(b) }
