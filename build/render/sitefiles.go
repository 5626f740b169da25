package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"

	"handbook/build/content"
	"handbook/build/output"
)

var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Title}}</title>
<link rel="canonical" href="{{.URL}}"><meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.URL}}"></head>
<body><p><a href="{{.URL}}">{{.Title}}</a></p></body></html>
`))

// writeAliases writes a redirecting page at each alias a page declares.
// An alias that lands on a page or another alias is reported by the
// content stage, one on a print page by checkAliases, and neither is
// written.
func (r *Renderer) writeAliases(w output.Writer) error {
	base := strings.TrimSuffix(r.cfg.BasePath(), "/")
	for _, p := range r.set.Pages {
		for _, a := range p.Aliases {
			sitePath := r.set.AliasURL(p.Lang, a)
			if r.isPrintURL(sitePath) {
				// checkAliases reported it.
				continue
			}
			var buf bytes.Buffer
			data := map[string]string{"Lang": p.Lang, "Title": p.Title, "URL": base + content.EscapePath(p.URL)}
			if err := aliasPage.Execute(&buf, data); err != nil {
				return err
			}
			if err := w.WriteFile(strings.TrimPrefix(sitePath, "/")+"index.html", buf.Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}

type sitemapURL struct {
	Loc        string        `xml:"loc"`
	LastMod    string        `xml:"lastmod,omitempty"`
	Alternates []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// writeSitemap lists every page with its hreflang alternates, itself
// included, as search engines ask.
func (r *Renderer) writeSitemap(w output.Writer) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	for i, p := range r.set.Pages {
		if i == sitemapSample {
			growToExpected(&buf, i, len(r.set.Pages))
		}
		u := sitemapURL{Loc: r.absURL(p.URL), LastMod: lastMod(p)}
		if len(p.Translations) > 0 {
			for _, t := range append([]*content.Page{p}, p.Translations...) {
				u.Alternates = append(u.Alternates, sitemapLink{"alternate", t.Lang, r.absURL(t.URL)})
			}
		}
		if err := enc.EncodeElement(u, xmlStart("url")); err != nil {
			return err
		}
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	buf.WriteString("\n</urlset>\n")
	return w.WriteFile("sitemap.xml", buf.Bytes())
}

// sitemapSample is how many pages' entries tell the size of a sitemap.
const sitemapSample = 256

// growToExpected moves buf, which holds the entries of the first done of
// total pages, into room for all of them and an eighth more. A large
// site's sitemap is tens of megabytes, and a buffer left to double as it
// fills (as Grow does) held up to twice that, and the half it grew
// from, at the end of a build, when its memory is at its peak.
func growToExpected(buf *bytes.Buffer, done, total int) {
	want := buf.Len() / done * total
	room := make([]byte, buf.Len(), max(want+want/8, buf.Len()))
	copy(room, buf.Bytes())
	*buf = *bytes.NewBuffer(room)
}

// lastMod is a page's date in the sitemap: when its file last changed,
// from git, or else the date its front matter gives; "" for none.
func lastMod(p *content.Page) string {
	switch {
	case !p.Updated.IsZero():
		return p.Updated.Format(time.RFC3339)
	case !p.Date.IsZero():
		return p.Date.Format("2006-01-02")
	}
	return ""
}

// absURL is the absolute, percent-encoded address of a site path.
func (r *Renderer) absURL(sitePath string) string {
	return r.cfg.AbsURL(content.EscapePath(sitePath))
}

func xmlStart(name string) xml.StartElement { return xml.StartElement{Name: xml.Name{Local: name}} }

func (r *Renderer) writeRobots(w output.Writer) error {
	if r.siteRobots() {
		return nil
	}
	return w.WriteFile("robots.txt", robotsTxt(r.cfg.AbsURL("/sitemap.xml")))
}

// siteRobots reports whether a Hugo site has a robots.txt of its own in
// static/, which is then the site's: Hugo writes none unless asked to.
func (r *Renderer) siteRobots() bool {
	if !r.cfg.Hugo {
		return false
	}
	fi, err := os.Lstat(filepath.Join(r.cfg.Root, "static", "robots.txt"))
	return err == nil && fi.Mode().IsRegular()
}

// robotsTxt is a robots.txt that allows everything and names the sitemap.
// Crawlers read it line by line and split lines at spaces, so the
// sitemap's address is percent-encoded: a space, a line break or a
// letter outside ASCII in baseURL can neither cut the line nor add one.
func robotsTxt(sitemap string) []byte {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\nSitemap: %s\n", plainTextURL(sitemap))
}

// plainTextURL percent-encodes what an address written as plain text
// cannot hold. One that does not parse is encoded as a path, whole.
func plainTextURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.String()
	}
	return (&url.URL{Path: s}).EscapedPath()
}

// writeSyntaxCSS generates the code-highlighting stylesheet from chroma's
// styles: the light style, and the dark one for readers whose system, or
// whose choice on the page, is dark. Each applies in its own theme only:
// chroma writes just the classes a style colours, so a class that only
// the light style colours would otherwise keep its dark-on-light colour
// on the dark background.
func (r *Renderer) writeSyntaxCSS(w output.Writer) error {
	light, dark := styles.Get(r.cfg.Markup.HighlightStyle), styles.Get(r.cfg.Markup.HighlightDarkStyle)
	if light == styles.Fallback && r.cfg.Markup.HighlightStyle != "swapoff" {
		r.diags.Warnf(r.cfg.File, 0, "unknown highlight style %q: using %s", r.cfg.Markup.HighlightStyle, light.Name)
	}
	if dark == styles.Fallback && r.cfg.Markup.HighlightDarkStyle != "swapoff" {
		r.diags.Warnf(r.cfg.File, 0, "unknown highlight style %q: using %s", r.cfg.Markup.HighlightDarkStyle, dark.Name)
	}
	var buf bytes.Buffer
	if err := writeSchemeStyle(&buf, light, "light", "dark"); err != nil {
		return err
	}
	if err := writeSchemeStyle(&buf, dark, "dark", "light"); err != nil {
		return err
	}
	return w.WriteFile("css/syntax.css", buf.Bytes())
}

// writeSchemeStyle writes a style for the colour scheme scheme: while the
// system asks for it and the reader did not choose the other one, and
// when the reader chose it (data-theme on <html>).
func writeSchemeStyle(buf *bytes.Buffer, style *chroma.Style, scheme, other string) error {
	buf.WriteString("@media (prefers-color-scheme: " + scheme + ") {\n")
	if err := writeStyle(buf, style, ":root:not([data-theme="+other+"]) "); err != nil {
		return err
	}
	buf.WriteString("}\n")
	return writeStyle(buf, style, ":root[data-theme="+scheme+"] ")
}

// writeStyle writes a chroma style's CSS with every selector prefixed.
func writeStyle(buf *bytes.Buffer, style *chroma.Style, prefix string) error {
	var css bytes.Buffer
	if err := chromahtml.New(chromahtml.WithClasses(true)).WriteCSS(&css, style); err != nil {
		return err
	}
	for _, line := range strings.Split(css.String(), "\n") {
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "/*") && strings.Contains(line, "*/ .") {
			if i := strings.Index(line, "*/ "); i >= 0 && strings.HasPrefix(line, "/*") {
				line = line[:i+3] + prefix + line[i+3:]
			} else {
				line = prefix + line
			}
		}
		if line != "" {
			buf.WriteString(line + "\n")
		}
	}
	return nil
}
