package markdown

import (
	"html"
	"html/template"
	"regexp"
	"slices"
	"strings"
)

// A Hugo site's .html content file is a page whose body is HTML, not
// Markdown: Hugo renders it as it is written. Here it is, when the site
// allows raw HTML; otherwise it is shown escaped, as raw HTML in
// Markdown is, so that no HTML nobody allowed reaches a reader.

var (
	htmlIDRE      = regexp.MustCompile(`\sid\s*=\s*["']([^"']+)["']`)
	htmlHiddenRE  = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)\s*>`)
	htmlTagRE     = regexp.MustCompile(`(?s)<[^>]*>`)
	htmlSpaceRE   = regexp.MustCompile(`\s+`)
	htmlCommentRE = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// convertHTML makes the result of an HTML page from its body, src: the body as its content,
// the ids in it as its anchors, and its text without tags, scripts and
// styles for the search index.
func (c *Converter) convertHTML(src []byte) Result {
	body := string(src)
	var r Result
	if c.cfg.Markup.UnsafeHTML {
		r.HTML = template.HTML(body)
		for _, m := range htmlIDRE.FindAllStringSubmatch(body, -1) {
			r.Anchors = append(r.Anchors, html.UnescapeString(m[1]))
		}
		slices.Sort(r.Anchors)
		r.Anchors = slices.Compact(r.Anchors)
	} else {
		r.HTML = template.HTML(`<pre class="raw-html">` + html.EscapeString(body) + `</pre>`)
	}
	if c.cfg.Search {
		r.Text = htmlText(body)
	}
	return r
}

// htmlText is the text a reader sees of an HTML fragment.
func htmlText(s string) string {
	s = htmlCommentRE.ReplaceAllString(s, " ")
	s = htmlHiddenRE.ReplaceAllString(s, " ")
	s = htmlTagRE.ReplaceAllString(s, " ")
	return strings.TrimSpace(htmlSpaceRE.ReplaceAllString(html.UnescapeString(s), " "))
}
