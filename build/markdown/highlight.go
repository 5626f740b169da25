package markdown

import (
	"bytes"
	"html"
	"slices"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// highlighter renders fenced code blocks with chroma, as CSS classes so
// that the light and dark stylesheets can both apply.
//
// Translations of a page carry the same code blocks, so each highlighted
// block is kept and reused: chroma's lexers are the slowest part of
// converting a page, and a block shared by two languages is lexed once.
type highlighter struct {
	formatter *chromahtml.Formatter
	cache     sync.Map // language + "\x00" + code → []byte
	// lexers are chroma's lexer for each fence language met, nil for
	// one it does not know: chroma looks a name it has no alias for up
	// by matching every lexer's file patterns, which on a site whose
	// fences name unknown languages cost more than the lexing itself.
	lexers sync.Map // language → chroma.Lexer
}

// maxCachedBlock bounds what is kept: large blocks are rare and rarely
// repeated.
const maxCachedBlock = 16 << 10

func newHighlighter() *highlighter {
	return &highlighter{formatter: chromahtml.New(chromahtml.WithClasses(true))}
}

func (h *highlighter) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(h, 100)))
}

// RegisterFuncs takes over goldmark's fenced-code renderer.
func (h *highlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, h.render)
}

func (h *highlighter) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := string(n.Language(src))
	var code bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	_, _ = w.Write(h.highlight(lang, code.String()))
	return ast.WalkSkipChildren, nil
}

// highlight returns the HTML of a code block; a language chroma does not
// know is shown as plain, escaped code.
func (h *highlighter) highlight(lang, code string) []byte {
	key := lang + "\x00" + code
	if cached, ok := h.cache.Load(key); ok {
		return cached.([]byte)
	}
	out := h.format(lang, code)
	if len(code) <= maxCachedBlock {
		h.cache.Store(key, out)
	}
	return out
}

func (h *highlighter) format(lang, code string) []byte {
	var buf bytes.Buffer
	var lexer chroma.Lexer
	if lang != "" {
		lexer = h.lexer(lang)
	}
	if lexer == nil {
		buf.WriteString("<pre><code")
		if lang != "" {
			buf.WriteString(` class="language-` + html.EscapeString(lang) + `"`)
		}
		buf.WriteString(">" + html.EscapeString(code) + "</code></pre>\n")
		return buf.Bytes()
	}
	tokens, err := lexSteadily(lexer, code)
	if err == nil {
		err = h.formatter.Format(&buf, styles.Fallback, chroma.Literator(tokens...))
	}
	if err != nil {
		buf.Reset()
		buf.WriteString("<pre><code>" + html.EscapeString(code) + "</code></pre>\n")
	}
	return buf.Bytes()
}

// maxLexings bounds how often a block whose tokens hold an error is
// lexed again (see lexSteadily).
const maxLexings = 4

// lexSteadily is a block's tokens, the same from one build to the next.
// chroma gives each of its rules' regular expressions 250 ms of wall
// time and takes a match that ran out of it for no match, so that the
// text becomes an error token; on a loaded machine the clock behind that
// budget can jump, and a block lexed in a millisecond comes out with
// errors now and then, which would make two builds of one site differ.
// So a block whose tokens hold an error is lexed again, until a pass has
// none or two passes agree (an error that is the text's own comes back
// every time); failing that, the pass with the fewest errors is kept.
func lexSteadily(lexer chroma.Lexer, code string) ([]chroma.Token, error) {
	var best, last []chroma.Token
	bestErrors := -1
	for range maxLexings {
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
		if err != nil {
			return nil, err
		}
		tokens := it.Tokens()
		errors := countErrors(tokens)
		if errors == 0 || slices.Equal(tokens, last) {
			return tokens, nil
		}
		if bestErrors < 0 || errors < bestErrors {
			best, bestErrors = tokens, errors
		}
		last = tokens
	}
	return best, nil
}

func countErrors(tokens []chroma.Token) int {
	n := 0
	for _, t := range tokens {
		if t.Type == chroma.Error {
			n++
		}
	}
	return n
}

// lexer is chroma's lexer for a fence's language, nil when it has none,
// looked up once per language.
func (h *highlighter) lexer(lang string) chroma.Lexer {
	if l, ok := h.lexers.Load(lang); ok {
		lexer, _ := l.(chroma.Lexer)
		return lexer
	}
	lexer := lexers.Get(lang)
	h.lexers.Store(lang, lexer)
	return lexer
}
