package render

import (
	"html"
	"io"
	"net/url"
	"strings"

	"handbook/build/content"
)

// A page's article in the print pages is the HTML of the page as its
// print template renders it, made fit to sit beside every other page:
//
//   - every id is prefixed with the page's anchor (its URL without the
//     first "/": "vi/principles/day-one/"), so that the headings of two
//     pages never clash, and so are the links to them on the page
//     ("#giai-thich") and the attributes naming ids (aria-labelledby);
//     an id of the print page itself never has a "/", so it cannot
//     clash either;
//   - relative links and images, which the browser would resolve
//     against the print page's address, are made absolute;
//   - a link to a page of the handbook becomes a slot: a print page that
//     holds the page linked to fills it with the anchor of that page (or
//     of its heading), and one that does not, with the page's address.
//
// The article is kept as parts: the runs of HTML left as they are, which
// share the memory of the page's converted HTML (a string the page keeps
// anyway in the preview), the rewritten values between them, and the
// slots. So an article costs little more memory than its rewrites.
//
// The HTML is the templates' and goldmark's, whose attributes are always
// quoted; raw HTML let through by unsafeHTML is read the same way, with
// unquoted values and comments understood.

// PrintFragment is one page's article in the print pages. It never
// changes once made, so a print page may be put together from it on any
// goroutine.
type PrintFragment struct {
	parts []printPart
	size  int
}

// printPart is a run of the article's HTML, or a link to a page.
type printPart struct {
	text string
	slot *printSlot
}

// printSlot is a link to a page, inside a print page or out of it.
type printSlot struct {
	target string // the URL of the page linked to
	anchor string // the destination inside a print page that holds it, escaped
	href   string // the destination anywhere else, escaped
}

// Len is about the size of the article's HTML.
func (f *PrintFragment) Len() int { return f.size }

// Equal reports whether two fragments are the same article.
func (f *PrintFragment) Equal(g *PrintFragment) bool {
	if f == nil || g == nil {
		return f == g
	}
	if len(f.parts) != len(g.parts) {
		return false
	}
	for i, a := range f.parts {
		b := g.parts[i]
		if a.text != b.text || (a.slot == nil) != (b.slot == nil) || a.slot != nil && *a.slot != *b.slot {
			return false
		}
	}
	return true
}

// partWriter is where a print page is written: a buffer, or a buffered
// file, which keeps its first error for Flush.
type partWriter interface {
	io.Writer
	io.StringWriter
}

// appendTo writes the article as the print page at scopeURL shows it:
// links to the pages it holds (those whose URL starts with its root's)
// lead inside it.
func (f *PrintFragment) appendTo(w partWriter, scopeURL string) {
	root := strings.TrimSuffix(scopeURL, "print/")
	for _, p := range f.parts {
		switch {
		case p.slot == nil:
			w.WriteString(p.text)
		case strings.HasPrefix(p.slot.target, root):
			w.WriteString(p.slot.anchor)
		default:
			w.WriteString(p.slot.href)
		}
	}
}

// PrintAnchor is the id of a page's article in the print pages, and the
// prefix of the ids inside it.
func PrintAnchor(p *content.Page) string { return strings.TrimPrefix(p.URL, "/") }

// printRewriter makes the article of one page.
type printRewriter struct {
	lang *content.Lang
	base string // the base path, without its last "/"
	// prefix is the page's anchor, escaped for an attribute; fragment
	// is the same for a link's fragment.
	prefix, fragment string
	page             *url.URL // the page's address, for relative links

	parts []printPart
	size  int
	// src is the HTML being read, and kept the start of its run that is
	// left as it is and not yet a part.
	src  string
	kept int
}

func (r *Renderer) printRewriter(p *content.Page) *printRewriter {
	base := strings.TrimSuffix(r.cfg.BasePath(), "/")
	anchor := PrintAnchor(p)
	return &printRewriter{
		lang:     r.set.Lang(p.Lang),
		base:     base,
		prefix:   html.EscapeString(anchor),
		fragment: html.EscapeString(escapeFragment(anchor)),
		page:     &url.URL{Path: base + p.URL},
	}
}

// article makes a page's article of the pieces of its print HTML, in
// order: the pieces of the template's output, and between every two the
// page's converted HTML. Both are shared, not copied: the caller gives
// pieces it does not change.
func (w *printRewriter) article(p *content.Page, pieces []string, content string) *PrintFragment {
	w.add(printPart{text: `<article class="print-page kind-` + kindClass(p) + `" id="` + w.prefix + `">` + "\n"})
	for i, piece := range pieces {
		if i > 0 {
			w.rewrite(content)
		}
		w.rewrite(piece)
	}
	w.add(printPart{text: "</article>\n"})
	return &PrintFragment{parts: w.parts, size: w.size}
}

// kindClass names a page's kind for a class, as base.html does on <body>.
func kindClass(p *content.Page) string {
	switch {
	case p.IsHome:
		return "home"
	case p.IsSection:
		return "section"
	case p.Kind != content.Plain:
		return string(p.Kind)
	}
	return "page"
}

func (w *printRewriter) add(p printPart) {
	if p.slot == nil && p.text == "" {
		return
	}
	w.parts = append(w.parts, p)
	w.size += len(p.text)
	if p.slot != nil {
		w.size += len(p.slot.href)
	}
}

// keepTo makes the run of src left as it is, up to end, a part.
func (w *printRewriter) keepTo(end int) {
	if end > w.kept {
		w.add(printPart{text: w.src[w.kept:end]})
	}
	w.kept = end
}

// rewrite adds src to the article, rewriting the attributes of its tags.
func (w *printRewriter) rewrite(src string) {
	w.src, w.kept = src, 0
	for n := 0; n < len(src); {
		i := strings.IndexByte(src[n:], '<')
		if i < 0 {
			break
		}
		n += i
		switch {
		case strings.HasPrefix(src[n:], "<!--"):
			end := strings.Index(src[n+4:], "-->")
			if end < 0 {
				n = len(src)
			} else {
				n += 4 + end + 3
			}
		case n+1 < len(src) && isLetter(src[n+1]):
			n = w.tag(n)
		default:
			n++
		}
	}
	w.keepTo(len(src))
}

// tag reads the start tag at src[n], rewriting the attributes that hold
// ids or addresses, and returns where it ends. The contents of a script
// or style element are skipped.
func (w *printRewriter) tag(n int) int {
	src := w.src
	start := n + 1
	for n++; n < len(src) && !isSpace(src[n]) && src[n] != '>' && src[n] != '/'; n++ {
	}
	name := strings.ToLower(src[start:n])
	for n < len(src) && src[n] != '>' {
		if isSpace(src[n]) || src[n] == '/' {
			n++
			continue
		}
		n = w.attribute(n)
	}
	n = min(n+1, len(src)) // the '>'
	if name == "script" || name == "style" {
		end := closingTag(src[n:], name)
		if end < 0 {
			return len(src)
		}
		n += end
	}
	return n
}

// closingTag returns the offset in s of the first "</name", the name in
// any case, or -1. It reads s where it is, without a lowered copy: a copy
// of the rest of the page for every script would make a page of many
// scripts cost time quadratic in its length, and lowering can change the
// length of non-ASCII text, so that offsets in the copy miss in s.
func closingTag(s, name string) int {
	for at := 0; ; at += 2 {
		i := strings.Index(s[at:], "</")
		if i < 0 {
			return -1
		}
		at += i
		if rest := s[at+2:]; len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name) {
			return at
		}
	}
}

// attribute reads the attribute starting at src[n] and, when it holds an
// id or an address, puts its new value in its place. It returns where
// the attribute ends.
func (w *printRewriter) attribute(n int) int {
	src := w.src
	start := n
	for n < len(src) && !isSpace(src[n]) && src[n] != '=' && src[n] != '>' && src[n] != '/' {
		n++
	}
	if n == start {
		return n + 1 // a stray character
	}
	name := strings.ToLower(src[start:n])
	n = skipSpaces(src, n)
	if n >= len(src) || src[n] != '=' {
		return n
	}
	n = skipSpaces(src, n+1)
	valueAt, valueStart, valueEnd, end := n, n, n, n
	if n < len(src) && (src[n] == '"' || src[n] == '\'') {
		valueStart = n + 1
		valueEnd = len(src)
		if i := strings.IndexByte(src[valueStart:], src[n]); i >= 0 {
			valueEnd = valueStart + i
		}
		end = min(valueEnd+1, len(src))
	} else {
		for end < len(src) && !isSpace(src[end]) && src[end] != '>' {
			end++
		}
		valueEnd = end
	}
	replaced, slot, ok := w.value(name, src[valueStart:valueEnd])
	if !ok {
		return end
	}
	w.keepTo(valueAt)
	if slot != nil {
		w.add(printPart{text: `"`})
		w.add(printPart{slot: slot})
		w.add(printPart{text: `"`})
	} else {
		w.add(printPart{text: `"` + replaced + `"`})
	}
	w.kept = end
	return end
}

// value rewrites an attribute's value, as written (escaped): ok is false
// when it stays as it is; a link to a page of the handbook is a slot.
func (w *printRewriter) value(name, v string) (replaced string, slot *printSlot, ok bool) {
	switch name {
	case "id", "for":
		return w.prefix + v, nil, true
	case "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers":
		ids := strings.Fields(v)
		for i, id := range ids {
			ids[i] = w.prefix + id
		}
		return strings.Join(ids, " "), nil, true
	case "href":
		return w.link(v, true)
	case "src":
		return w.link(v, false)
	}
	return "", nil, false
}

// link rewrites an address: an anchor of the page gets its prefix; a
// relative address is made absolute; and a link (toPage) to a page of the
// handbook becomes a slot.
func (w *printRewriter) link(v string, toPage bool) (replaced string, slot *printSlot, ok bool) {
	if strings.HasPrefix(v, "#") {
		return "#" + w.fragment + v[1:], nil, true
	}
	raw := html.UnescapeString(v)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(raw, "//") {
		return "", nil, false
	}
	if !strings.HasPrefix(u.Path, "/") {
		u = w.page.ResolveReference(u)
		v, ok = html.EscapeString(u.String()), true
	}
	if toPage && strings.HasPrefix(u.Path, w.base+"/") {
		if t := w.lang.ByURL(u.Path[len(w.base):]); t != nil && !t.Draft {
			anchor := "#" + html.EscapeString(escapeFragment(PrintAnchor(t)+u.Fragment))
			return "", &printSlot{target: t.URL, anchor: anchor, href: v}, true
		}
	}
	return v, nil, ok
}

func skipSpaces(src string, n int) int {
	for n < len(src) && isSpace(src[n]) {
		n++
	}
	return n
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// escapeFragment escapes text for the fragment of an address.
func escapeFragment(s string) string { return (&url.URL{Fragment: s}).EscapedFragment() }
