package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// quickLinkify is GFM's linkify, which makes links of bare addresses
// ("https://…", "www.…", "name@host"), asked only in the blocks that may
// hold one. Linkify is asked at every space of a page's text, and looks
// at the word after it each time; most blocks hold no address, which one
// search of the block's lines tells.
type quickLinkify struct{}

// linkifyPriority is the priority GFM gives linkify, kept so that the
// inline parsers are asked in the same order.
const linkifyPriority = 999

func (quickLinkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(&blockLinkify{linkify: extension.NewLinkifyParser()}, linkifyPriority),
	))
}

// blockLinkify asks linkify only in a block that holds the start of an
// address.
type blockLinkify struct {
	linkify parser.InlineParser
}

// linkifyBlockKey carries, through a parser's context, the block last
// searched for addresses and whether it has any.
var linkifyBlockKey = parser.NewContextKey()

// linkifyBlock is the block last searched, and what was found.
type linkifyBlock struct {
	block     ast.Node
	addresses bool
}

func (b *blockLinkify) Trigger() []byte { return b.linkify.Trigger() }

// Parse is linkify's, in a block that may hold an address; elsewhere it
// finds none, as linkify would.
func (b *blockLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	last, _ := pc.Get(linkifyBlockKey).(*linkifyBlock)
	if last == nil {
		last = &linkifyBlock{}
		pc.Set(linkifyBlockKey, last)
	}
	if last.block != parent {
		last.block, last.addresses = parent, mayHoldAddress(parent.Lines(), block.Source())
	}
	if !last.addresses {
		return nil
	}
	return b.linkify.Parse(parent, block, pc)
}

// The starts of what GFM's linkify makes a link of, with its default
// settings: a URL of one of its schemes, an address starting "www.", or
// an e-mail address, which holds an "@".
var (
	schemes = [][]byte{[]byte("http"), []byte("https"), []byte("ftp")}
	wwwDot  = []byte("www.")
)

// mayHoldAddress reports whether any of lines, the lines linkify reads
// of a block one at a time, holds the start of an address. The source
// from the block's first line to its last is searched at once, in three
// passes rather than five per line: what lies between the lines (a
// quote's "> ", an item's indent) can only make it find more, and
// linkify, asked then, finds what it would have.
func mayHoldAddress(lines *text.Segments, src []byte) bool {
	if lines.Len() == 0 {
		return false
	}
	start, stop := lines.At(0).Start, lines.At(0).Stop
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		start, stop = min(start, seg.Start), max(stop, seg.Stop)
	}
	span := src[start:stop]
	return bytes.IndexByte(span, '@') >= 0 || bytes.Contains(span, wwwDot) || holdsScheme(span)
}

// holdsScheme reports whether text holds a scheme linkify knows and its
// colon, "http:", "https:" or "ftp:": colons are few in prose, and each
// is looked behind.
func holdsScheme(text []byte) bool {
	for {
		colon := bytes.IndexByte(text, ':')
		if colon < 0 {
			return false
		}
		for _, scheme := range schemes {
			if bytes.HasSuffix(text[:colon], scheme) {
				return true
			}
		}
		text = text[colon+1:]
	}
}
