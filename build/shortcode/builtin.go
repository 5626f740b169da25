package shortcode

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"strings"
)

// shortcode expands one shortcode into out: the site's own template
// first, then the shortcodes the tool knows, and else the unknown
// shortcode's inner content in a wrapper named after it.
func (e *expansion) shortcode(out *bytes.Buffer, n *node) {
	name := n.open.name
	if frag, ok := e.siteTemplate(n); ok {
		e.marker(out, frag, n.open.start, n.end())
		return
	}
	switch name {
	case "ref", "relref":
		out.WriteString(e.ref(n))
		e.pad(out, n.open.start, n.end())
	case "param":
		out.WriteString(e.param(n))
		e.pad(out, n.open.start, n.end())
	case "highlight":
		e.marker(out, e.highlight(n), n.open.start, n.end())
	case "figure":
		e.marker(out, e.figure(n), n.open.start, n.end())
	case "youtube", "vimeo":
		e.marker(out, videoLink(name, n.open.args), n.open.start, n.end())
	case "details":
		e.around(out, n, details(n.open.args), "</details>")
	default:
		if kind, title, ok := calloutOf(name, n.open.args); ok {
			e.around(out, n, CalloutOpen(kind, title), CalloutClose)
			return
		}
		e.unknown(out, n)
	}
}

// around writes open and closing HTML in place of n's tags, with its
// inner content as Markdown between them, on its own lines.
func (e *expansion) around(out *bytes.Buffer, n *node, open, closing template.HTML) {
	e.marker(out, open, n.open.start, n.open.end)
	if n.close == nil {
		out.WriteString(markerText(len(e.frags)))
		e.frags = append(e.frags, closing)
		return
	}
	e.write(out, n.innerSpan(), n.children, false)
	e.marker(out, closing, n.close.start, n.close.end)
}

// unknown keeps the inner content of a shortcode the tool does not know
// in a wrapper element named after it, drops one without a closing tag,
// and counts it for the build's report.
func (e *expansion) unknown(out *bytes.Buffer, n *node) {
	e.x.tally.add(n.open.name, e.page.File, e.line(n.open.start), n.close != nil)
	if n.close == nil {
		e.marker(out, "", n.open.start, n.open.end)
		return
	}
	open := template.HTML(`<div class="shortcode-` + className(n.open.name) + `">`)
	e.around(out, n, open, "</div>")
}

// className is a shortcode's name as a class: lowercase letters, digits
// and hyphens.
func className(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, name)
}

// get is an argument by name, or else by position.
func (a args) get(name string, pos int) string {
	if v, ok := a.named[name]; ok {
		return v
	}
	if pos >= 0 && pos < len(a.positional) {
		return a.positional[pos]
	}
	return ""
}

// highlight renders the code inside n as a fenced block of its language.
func (e *expansion) highlight(n *node) template.HTML {
	code := strings.TrimPrefix(e.rawInner(n), "\n")
	code = strings.TrimPrefix(code, "\r\n")
	return e.x.opts.Highlight(n.open.args.get("lang", 0), code)
}

// figure renders Hugo's figure: an image with an optional link, title and
// caption (Markdown, as Hugo renders it).
func (e *expansion) figure(n *node) template.HTML {
	a := n.open.args
	var b strings.Builder
	b.WriteString("<figure")
	attr(&b, "class", a.get("class", -1))
	b.WriteString(">")
	link := a.get("link", -1)
	if link != "" {
		b.WriteString("<a")
		attr(&b, "href", e.siteURL(link))
		attr(&b, "target", a.get("target", -1))
		attr(&b, "rel", a.get("rel", -1))
		b.WriteString(">")
	}
	b.WriteString("<img")
	attr(&b, "src", e.siteURL(a.get("src", 0)))
	alt := a.get("alt", -1)
	if alt == "" {
		alt = a.get("caption", -1)
	}
	fmt.Fprintf(&b, ` alt="%s"`, html.EscapeString(alt))
	attr(&b, "width", a.get("width", -1))
	attr(&b, "height", a.get("height", -1))
	b.WriteString(` loading="lazy">`)
	if link != "" {
		b.WriteString("</a>")
	}
	title, caption := a.get("title", -1), a.get("caption", -1)
	if title != "" || caption != "" {
		b.WriteString("<figcaption>")
		if title != "" {
			b.WriteString("<strong>" + html.EscapeString(title) + "</strong> ")
		}
		if caption != "" {
			b.WriteString(string(e.markdownInline(caption)))
		}
		b.WriteString("</figcaption>")
	}
	b.WriteString("</figure>")
	return template.HTML(b.String())
}

// attr writes an attribute that has a value.
func attr(b *strings.Builder, name, value string) {
	if value != "" {
		fmt.Fprintf(b, ` %s="%s"`, name, html.EscapeString(value))
	}
}

// siteURL prefixes a root-relative address with the site's base path;
// others are left as written, relative to the page. An address that
// would run something (javascript:, data:) is "#", as html/template
// writes one.
func (e *expansion) siteURL(u string) string {
	if parsed, err := url.Parse(strings.TrimSpace(u)); err != nil || !safeScheme(parsed.Scheme) {
		return "#"
	}
	if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		return strings.TrimSuffix(e.x.opts.BasePath, "/") + u
	}
	return u
}

// markdownInline renders a line of Markdown, without its paragraph.
func (e *expansion) markdownInline(src string) template.HTML {
	return stripParagraph(e.x.opts.Markdownify(e.page.Lang, []byte(src), e.frags))
}

// stripParagraph removes the paragraph around HTML of one paragraph, as
// Hugo's markdownify does.
func stripParagraph(h template.HTML) template.HTML {
	s := strings.TrimSpace(string(h))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		return template.HTML(s[3 : len(s)-4])
	}
	return h
}

// videoLink is a YouTube or Vimeo video as a plain link: an intranet page
// embeds no third party's player.
func videoLink(service string, a args) template.HTML {
	id := a.get("id", 0)
	if id == "" {
		return ""
	}
	title := a.get("title", -1)
	href := "https://www.youtube.com/watch?v=" + url.QueryEscape(id)
	if service == "vimeo" {
		href = "https://vimeo.com/" + url.PathEscape(id)
		if title == "" {
			title = "Vimeo video " + id
		}
	} else if title == "" {
		title = "YouTube video " + id
	}
	return template.HTML(`<a class="video-link" href="` + html.EscapeString(href) + `">` + html.EscapeString(title) + `</a>`)
}

// details opens Hugo's details shortcode: a summary that opens on a click.
func details(a args) template.HTML {
	summary := a.get("summary", 0)
	if summary == "" {
		summary = a.get("title", -1)
	}
	if summary == "" {
		summary = "Details"
	}
	open := ""
	if v := a.get("open", -1); v == "true" || v == "open" {
		open = " open"
	}
	return template.HTML(`<details class="details"` + open + `><summary>` + html.EscapeString(summary) + `</summary>`)
}

// safeScheme reports whether a link's scheme only leads somewhere.
func safeScheme(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}
