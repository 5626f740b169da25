package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"handbook/build/shortcode"
)

// fragmentsKey carries the HTML of a page's expanded shortcodes through
// goldmark's parser context to the parsers of their markers.
var fragmentsKey = parser.NewContextKey()

// kindFragmentBlock is the kind of a shortcode's marker alone on its line.
var kindFragmentBlock = ast.NewNodeKind("ShortcodeBlock")

// fragmentBlock is a shortcode written alone on its lines: its HTML
// stands between the blocks around it, in no paragraph.
type fragmentBlock struct {
	ast.BaseBlock
	html template.HTML
}

func (n *fragmentBlock) Kind() ast.NodeKind { return kindFragmentBlock }

func (n *fragmentBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// shortcodeMarkers is the goldmark extension that reads the markers the
// shortcode stage leaves alone on their lines in a page's Markdown, and
// writes their HTML between the blocks around them. A marker within a
// line of text stays text until the page's HTML is written, and is
// replaced then (resolveMarkers): goldmark asks inline parsers only at
// punctuation and spaces. That HTML is the tool's own or the site's
// templates', so it is written as it is, whether or not the site allows
// raw HTML in its Markdown.
type shortcodeMarkers struct{}

func (shortcodeMarkers) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(markerBlockParser{}, 50)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(markerRenderer{}, 100)))
}

// fragment is the HTML of marker n of the page being parsed.
func fragment(pc parser.Context, n int) template.HTML {
	frags, _ := pc.Get(fragmentsKey).([]template.HTML)
	if n < 0 || n >= len(frags) {
		return ""
	}
	return frags[n]
}

// markerBlockParser reads a line that holds a marker alone.
type markerBlockParser struct{}

func (markerBlockParser) Trigger() []byte { return []byte{0xEE} } // the first byte of the markers

func (markerBlockParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	trimmed := bytes.TrimSpace(line)
	n, size, ok := shortcode.ParseMarker(trimmed)
	if !ok || n < 0 || size != len(trimmed) {
		return nil, parser.NoChildren
	}
	reader.Advance(seg.Len() - 1)
	return &fragmentBlock{html: fragment(pc, n)}, parser.NoChildren
}

func (markerBlockParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (markerBlockParser) Close(ast.Node, text.Reader, parser.Context) {}

func (markerBlockParser) CanInterruptParagraph() bool { return true }

func (markerBlockParser) CanAcceptIndentedLine() bool { return false }

// markerRenderer writes the fragments.
type markerRenderer struct{}

func (markerRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFragmentBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(string(n.(*fragmentBlock).html))
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}

// markdownify renders a snippet of Markdown for a shortcode (a caption,
// a template's .Inner): in the page's language, with the markers of the
// shortcodes inside it, and its links left as written, as they are not
// on a line of the page.
func (c *Converter) markdownify(lang string, src []byte, frags []template.HTML) template.HTML {
	md := c.byLang[lang]
	if md == nil {
		return template.HTML(template.HTMLEscapeString(string(src)))
	}
	pc := parser.NewContext()
	pc.Set(fragmentsKey, frags)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var buf bytes.Buffer
	if err := md.Renderer().Render(bufferWriter{&buf}, src, doc); err != nil {
		return template.HTML(template.HTMLEscapeString(string(src)))
	}
	return template.HTML(shortcode.Resolve(buf.String(), frags))
}

// resolveMarkers writes the HTML of the shortcodes written within lines
// of text into the page's HTML, and takes their markers out of its text
// for the index and of its table of contents.
func resolveMarkers(r *Result, frags []template.HTML) {
	r.HTML = template.HTML(shortcode.Resolve(string(r.HTML), frags))
	r.Text = shortcode.Resolve(r.Text, nil)
	for i := range r.TOC {
		r.TOC[i].Text = shortcode.Resolve(r.TOC[i].Text, nil)
	}
}
