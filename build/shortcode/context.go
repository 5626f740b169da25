package shortcode

import (
	"html/template"
	"strings"
	"time"
)

// call is what a site's shortcode template is given as its dot: the part
// of Hugo's shortcode context the tool can honour.
type call struct {
	e    *expansion
	n    *node
	name string
	args args
	page *pageData
	site *siteData
	// inner is the expanded inner content, once a template asked for it:
	// expanding it again would count its shortcodes twice.
	inner *string
}

// pageData is .Page to a shortcode template.
type pageData struct {
	Title, Description, Lang, RelPermalink, Permalink string
	Date                                              time.Time
	Params                                            map[string]any
}

// siteData is .Site to a shortcode template.
type siteData struct {
	Title, BaseURL string
	Params         map[string]any
}

func (e *expansion) newCall(n *node) *call {
	p := e.page
	rel := strings.TrimSuffix(e.x.opts.BasePath, "/") + p.URL
	return &call{e: e, n: n, name: n.open.name, args: n.open.args,
		page: &pageData{Title: p.Title, Description: p.Description, Lang: p.Lang, Date: p.Date, Params: p.Params.Map(),
			RelPermalink: rel, Permalink: strings.TrimSuffix(e.x.opts.BaseURL, "/") + strings.TrimPrefix(p.URL, strings.TrimSuffix(e.x.opts.BasePath, "/"))},
		site: &siteData{Title: e.x.opts.SiteTitle, BaseURL: e.x.opts.BaseURL, Params: e.siteParams()},
	}
}

// Get is an argument: by position (a number) or by name.
func (c *call) Get(key any) any {
	switch k := key.(type) {
	case int:
		if k >= 0 && k < len(c.args.positional) {
			return c.args.positional[k]
		}
	case string:
		if v, ok := c.args.named[k]; ok {
			return v
		}
	}
	return nil
}

// Params are the arguments: a map when they are named, else a list.
func (c *call) Params() any {
	if c.args.isNamed() {
		return c.args.named
	}
	return c.args.positional
}

// IsNamedParams reports whether the arguments are named.
func (c *call) IsNamedParams() bool { return c.args.isNamed() }

// Inner is the content between the tags (see expandedInner).
func (c *call) Inner() template.HTML { return template.HTML(c.expandedInner()) }

// InnerDeindent is Inner without the indentation its lines share.
func (c *call) InnerDeindent() template.HTML { return template.HTML(deindent(c.expandedInner())) }

// expandedInner is the content between the tags, its shortcodes
// expanded, and rendered as Markdown for {{% %}}: Hugo renders such a
// shortcode's content with the page, so its template writes it as HTML.
func (c *call) expandedInner() string {
	if c.inner == nil {
		s := c.e.inner(c.n)
		if c.n.open.markdown {
			s = string(c.e.x.opts.Markdownify(c.e.page.Lang, []byte(s), c.e.frags))
		}
		c.inner = &s
	}
	return *c.inner
}

// Name is the shortcode's name.
func (c *call) Name() string { return c.name }

// Page is the page the shortcode is on.
func (c *call) Page() *pageData { return c.page }

// Site is the site.
func (c *call) Site() *siteData { return c.site }

// markdownify renders Markdown in the page's language, as Hugo's
// markdownify does (one paragraph without its <p>).
func (c *call) markdownify(s any) template.HTML {
	return stripParagraph(c.e.x.opts.Markdownify(c.e.page.Lang, []byte(toString(s)), c.e.frags))
}

// deindent removes the indentation every non-blank line of s shares.
func deindent(s string) string {
	lines := strings.Split(s, "\n")
	prefix := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first || strings.HasPrefix(prefix, indent) {
			prefix = indent
		}
		for !strings.HasPrefix(l, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
		first = false
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	return strings.Join(lines, "\n")
}
