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
	addressStarts = [][]byte{[]byte("http:"), []byte("https:"), []byte("ftp:"), []byte("www.")}
	emailAt       = []byte("@")
)

// mayHoldAddress reports whether any of lines, the lines linkify reads
// of a block one at a time, holds the start of an address.
func mayHoldAddress(lines *text.Segments, src []byte) bool {
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := src[seg.Start:seg.Stop]
		if bytes.Contains(line, emailAt) {
			return true
		}
		for _, start := range addressStarts {
			if bytes.Contains(line, start) {
				return true
			}
		}
	}
	return false
}
