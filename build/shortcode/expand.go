package shortcode

import (
	"bytes"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"handbook/build/content"
	"handbook/build/diag"
)

// The markers the expanded Markdown holds where a shortcode was: a
// fragment's number between MarkerStart and MarkerEnd, and Pad, which
// stands for nothing, on each further line a shortcode took inside a
// paragraph. They are characters of Unicode's private use area, which no
// text of a page means to show.
const (
	MarkerStart = '\uE000'
	MarkerEnd   = '\uE001'
	Pad         = '\uE002'
)

// Options are what the expander needs of the site and of the Markdown
// stage, which hands it its highlighter and its Markdown renderer.
type Options struct {
	// Root is the site's folder, whose layouts/shortcodes/ (or
	// layouts/_shortcodes/) holds its own shortcode templates.
	Root string
	// Set is the site's pages, for ref and relref.
	Set *content.Set
	// SiteTitle, BaseURL and BasePath describe the site to templates
	// (.Site.Title, .Page.Permalink) and prefix root-relative images.
	SiteTitle, BaseURL, BasePath string
	// SiteParams are the site's params in a language (.Site.Params),
	// where the param shortcode looks after the page's; nil when the
	// site has none.
	SiteParams func(lang string) map[string]any
	// Highlight renders a code block as fenced code is rendered.
	Highlight func(lang, code string) template.HTML
	// Markdownify renders Markdown in a language; src may hold markers
	// of frags.
	Markdownify func(lang string, src []byte, frags []template.HTML) template.HTML
}

// Expander expands the shortcodes of a site's pages. It is made once per
// build and is safe for concurrent use.
type Expander struct {
	opts       Options
	codeParser parser.Parser
	templates  *siteTemplates
	refs       *refIndex
	tally      tally
}

// New prepares an expander, reading the site's shortcode templates.
func New(opts Options) *Expander {
	return &Expander{
		opts:       opts,
		codeParser: goldmark.DefaultParser(),
		templates:  loadTemplates(opts.Root),
		refs:       newRefIndex(opts.Set),
	}
}

// Expanded is a page's body with its shortcodes expanded.
type Expanded struct {
	// Source is the Markdown to convert: the body, with markers where
	// shortcodes rendered HTML, on the lines the body had.
	Source []byte
	// Fragments are the HTML of the markers, by number.
	Fragments []template.HTML
}

// Expand expands the shortcodes of p's body, src; problems (a tag that does
// not end, a ref to no page) are reported in diags at their lines. A body
// without shortcodes is returned as it is, at no cost.
func (x *Expander) Expand(p *content.Page, src []byte, diags *diag.List) Expanded {
	if !bytes.Contains(src, []byte("{{<")) && !bytes.Contains(src, []byte("{{%")) {
		return Expanded{Source: src}
	}
	code := codeSpans(src, x.codeParser)
	inCode := func(i int) bool { return contains(code, i) }
	tags, lexErrs := lexTags(src, inCode)
	nodes, treeErrs := buildTree(tags)
	e := &expansion{x: x, page: p, src: src, diags: diags, inCode: inCode}
	for _, err := range append(lexErrs, treeErrs...) {
		diags.Errorf(p.File, e.line(err.at), "%s", err.msg)
	}
	var out bytes.Buffer
	out.Grow(len(src) + 64)
	e.write(&out, span{0, len(src)}, nodes, false)
	return Expanded{Source: out.Bytes(), Fragments: e.frags}
}

// expansion is the expansion of one page.
type expansion struct {
	x      *Expander
	page   *content.Page
	src    []byte
	frags  []template.HTML
	diags  *diag.List
	inCode func(int) bool
	// lineStarts are where the body's lines start, once a line is asked.
	lineStarts []int
}

// line is the line of the page's file that offset at of the body is on.
func (e *expansion) line(at int) int {
	if e.lineStarts == nil {
		e.lineStarts = []int{0}
		for i, c := range e.src {
			if c == '\n' {
				e.lineStarts = append(e.lineStarts, i+1)
			}
		}
	}
	return e.page.BodyLine + sort.SearchInts(e.lineStarts, at+1) - 1
}

// write writes the source of s to out with nodes, the shortcodes in it,
// expanded; raw writes them as written (a code block's content), only
// their escapes read.
func (e *expansion) write(out *bytes.Buffer, s span, nodes []*node, raw bool) {
	pos := s.start
	for _, n := range nodes {
		out.Write(e.src[pos:n.open.start])
		switch {
		case n.open.escaped:
			e.writeEscaped(out, n.open, raw)
		case raw:
			out.Write(e.src[n.open.start:n.open.end])
			if n.close != nil {
				e.write(out, n.innerSpan(), n.children, true)
				out.Write(e.src[n.close.start:n.close.end])
			}
		default:
			e.shortcode(out, n)
		}
		pos = n.end()
	}
	out.Write(e.src[pos:s.end])
}

// writeEscaped writes the tag an escape stands for: as it is in code, and
// with its "<" as an entity in Markdown, where it could read as HTML.
func (e *expansion) writeEscaped(out *bytes.Buffer, t tag, raw bool) {
	if raw || e.inCode(t.start) {
		out.WriteString(t.literal)
		return
	}
	out.WriteString(strings.ReplaceAll(t.literal, "<", "&lt;"))
}

// marker writes the marker of a new fragment of html in place of the
// source from start to end, keeping its lines.
func (e *expansion) marker(out *bytes.Buffer, html template.HTML, start, end int) {
	n := len(e.frags)
	e.frags = append(e.frags, html)
	out.WriteString(markerText(n))
	e.pad(out, start, end)
}

// pad writes the line breaks of the source from start to end: blank lines
// after a shortcode alone on its lines, or lines holding only Pad inside
// a paragraph, which a blank line would end.
func (e *expansion) pad(out *bytes.Buffer, start, end int) {
	breaks := bytes.Count(e.src[start:end], []byte("\n"))
	alone := e.aloneOnLine(start, end)
	for range breaks {
		out.WriteByte('\n')
		if !alone {
			out.WriteRune(Pad)
		}
	}
}

// aloneOnLine reports whether the source from start to end is alone on
// its lines, but for indentation and quote marks before it.
func (e *expansion) aloneOnLine(start, end int) bool {
	for i := start - 1; i >= 0 && e.src[i] != '\n'; i-- {
		if c := e.src[i]; c != ' ' && c != '\t' && c != '>' {
			return false
		}
	}
	for i := end; i < len(e.src) && e.src[i] != '\n'; i++ {
		if c := e.src[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// inner is the Markdown inside n, its shortcodes expanded into markers.
func (e *expansion) inner(n *node) string {
	var b bytes.Buffer
	e.write(&b, n.innerSpan(), n.children, false)
	return b.String()
}

// rawInner is the text inside n as written, only its escapes read.
func (e *expansion) rawInner(n *node) string {
	var b bytes.Buffer
	e.write(&b, n.innerSpan(), n.children, true)
	return b.String()
}

func markerText(n int) string {
	return string(MarkerStart) + strconv.Itoa(n) + string(MarkerEnd)
}

// ParseMarker reads the marker at the start of b: the number of its
// fragment and its length in bytes. A Pad is a marker of fragment -1.
func ParseMarker(b []byte) (fragment, size int, ok bool) {
	r, w := utf8.DecodeRune(b)
	if r == Pad {
		return -1, w, true
	}
	if r != MarkerStart {
		return 0, 0, false
	}
	i := w
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	end, ew := utf8.DecodeRune(b[i:])
	if i == w || end != MarkerEnd {
		return 0, 0, false
	}
	n, err := strconv.Atoi(string(b[w:i]))
	return n, i + ew, err == nil
}

// Resolve replaces the markers of s with their fragments: the output of
// a template whose .Inner held them.
func Resolve(s string, frags []template.HTML) string {
	if !strings.ContainsRune(s, MarkerStart) && !strings.ContainsRune(s, Pad) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n, size, ok := ParseMarker([]byte(s[i:])); ok {
			if n >= 0 && n < len(frags) {
				b.WriteString(string(frags[n]))
			}
			i += size
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
