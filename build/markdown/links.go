package markdown

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/parser"

	"handbook/build/content"
	"handbook/build/diag"
)

// stateKey carries the page being converted through goldmark's parser
// context to the transformers.
var stateKey = parser.NewContextKey()

// pageState is what one page's conversion gathers.
type pageState struct {
	page    *content.Page
	diags   *diag.List
	ids     *headingIDs
	anchors []AnchorRef
	linksTo []*content.Page
	// relative are the links left as written, for a check of the site.
	relative []content.LinkRef
}

// AnchorRef is a link to an anchor of a page, checked once every page's
// headings are known.
type AnchorRef struct {
	from   *content.Page
	line   int
	target *content.Page
	anchor string
	dest   string
	// severity is a Hugo site's warning, the handbook's error.
	severity diag.Severity
}

// CheckAnchors reports the links whose anchor is not a heading of the
// page they lead to; anchorsOf gives a page's anchors, as its last
// conversion found them.
func CheckAnchors(refs []AnchorRef, anchorsOf func(*content.Page) Anchors, diags *diag.List) {
	for _, r := range refs {
		if !anchorsOf(r.target).Has(r.anchor) {
			where := "on this page"
			if r.target != r.from {
				where = "in " + r.target.File
				if r.target.File == "" {
					where = "on " + r.target.URL
				}
			}
			diags.Add(diag.Diagnostic{File: r.from.File, Line: r.line, Code: diag.CodeMissingAnchor, Severity: r.severity,
				Message: fmt.Sprintf("broken link %s: no heading #%s %s", r.dest, r.anchor, where)})
		}
	}
}

// pageLinks rewrites a page's links and images.
type pageLinks struct{ resolver *resolver }

// rewriteAll rewrites the destination of every link and image of the
// page, spots, as collectTree found them.
func (e *pageLinks) rewriteAll(state *pageState, spots []linkSpot, src []byte) {
	if len(spots) == 0 {
		return
	}
	lines := newLineLocator(src)
	for i := range spots {
		spot := &spots[i]
		line := func(dest []byte) int { return lines.line(spot, dest) + state.page.BodyLine - 1 }
		if spot.node != nil {
			spot.node.Destination = e.rewrite(state, spot.node.Destination, line)
		} else {
			spot.img.Destination = e.rewrite(state, spot.img.Destination, line)
		}
	}
}

// rewrite returns the URL a destination is written as, and records what
// it leads to; line finds the line of the page's file it is written on.
func (e *pageLinks) rewrite(state *pageState, dest []byte, line func(dest []byte) int) []byte {
	res := e.resolver.resolve(state.page, string(dest))
	if res.problem == "" && res.target == nil {
		// A resource or static file has a URL but no page: it still needs
		// the rewritten address (its language folder, the base path).
		if res.url != "" {
			return []byte(res.url)
		}
		if res.relative {
			state.relative = append(state.relative, content.LinkRef{Dest: string(dest), Line: line(dest)})
		}
		return dest
	}
	// The line is found only for what names it: most links lead to a
	// page, and need none.
	if res.problem != "" {
		state.diags.Add(diag.Diagnostic{File: state.page.File, Line: line(dest), Code: diag.CodeBrokenLink, Severity: e.resolver.severity,
			Message: fmt.Sprintf("broken link %s: %s", dest, res.problem)})
		return dest
	}
	if res.target != state.page {
		state.linksTo = append(state.linksTo, res.target)
	}
	if res.anchor != "" {
		state.anchors = append(state.anchors, AnchorRef{state.page, line(dest), res.target, res.anchor, string(dest), e.resolver.severity})
	}
	return []byte(res.url)
}

// resolution is where a link leads.
type resolution struct {
	url     string
	target  *content.Page
	anchor  string
	problem string
	// relative is a relative path that names neither a page's source
	// nor a file beside the pages, left for the browser to resolve.
	relative bool
}

// resolver maps link destinations written in Markdown to site URLs.
type resolver struct {
	set      *content.Set
	basePath string
	// static reports whether a site path is served by a file outside the
	// content folders (theme assets, the site's static folder).
	static func(sitePath string) bool
	// defaultLang is the language whose page a site path leads to when
	// the linking page's language has none there, as in Hugo.
	defaultLang string
	// severity is that of a link that leads nowhere: an error, or on a
	// Hugo site, which Hugo builds with such links, a warning.
	severity diag.Severity
}

// resolve handles the forms writers use: "other.md", "../dir/page.md#h"
// and "/section/page.md" name source files; "/section/page/" is a site
// path in the page's own language, else the default language's, as Hugo
// users write them; "#h" is an
// anchor on the same page. Anything with a scheme or host is external and
// left alone.
func (r *resolver) resolve(from *content.Page, dest string) resolution {
	if dest == "" || hasScheme(dest) {
		return resolution{}
	}
	u, err := parseLink(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return resolution{}
	}
	if u.Path == "" {
		if u.Fragment == "" {
			return resolution{}
		}
		return resolution{url: dest, target: from, anchor: u.Fragment}
	}
	var target *content.Page
	switch {
	case strings.HasSuffix(u.Path, ".md"):
		var lang *content.Lang
		target, lang = r.bySource(from, u.Path)
		if target == nil {
			return resolution{problem: "no such page in " + lang.Code}
		}
	case strings.HasPrefix(u.Path, "/"):
		var sitePath string
		target, sitePath = r.bySitePath(from, u.Path)
		if target == nil {
			if r.set.ResourceURL(sitePath) {
				return resolution{url: r.withBase(sitePath, &u)}
			}
			// Static files are served from the site's root, not from a
			// language's folder.
			if r.static(u.Path) {
				return resolution{url: r.withBase(u.Path, &u)}
			}
			return resolution{problem: "no page at " + sitePath}
		}
	default:
		rel := "/" + from.Lang + "/" + path.Join(path.Dir(from.RelPath), u.Path)
		if r.set.ResourceURL(rel) {
			return resolution{url: r.withBase(rel, &u)}
		}
		return resolution{relative: true}
	}
	return resolution{url: r.withBase(target.URL, &u), target: target, anchor: u.Fragment}
}

// parseLink is url.Parse's reading of dest. A path of letters, digits
// and "/", ".", "_", "-" and "~", as most links to pages are, is its
// URL's path and nothing else, and is read without url.Parse's
// allocation.
func parseLink(dest string) (url.URL, error) {
	if plainPath(dest) {
		return url.URL{Path: dest}, nil
	}
	u, err := url.Parse(dest)
	if err != nil {
		return url.URL{}, err
	}
	return *u, nil
}

// plainPath reports whether dest is a path url.Parse reads as only its
// path: unreserved characters and "/", not starting with "//".
func plainPath(dest string) bool {
	if dest == "" || strings.HasPrefix(dest, "//") {
		return false
	}
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
		case c == '/' || c == '.' || c == '_' || c == '-' || c == '~':
		default:
			return false
		}
	}
	return true
}

// hasScheme reports whether dest starts with a scheme ("https:",
// "mailto:"), read as url.Parse reads one: a letter, then letters, digits,
// "+", "-" or ".", up to a colon. Such a link leads outside the site, and
// is known to without parsing it, which most external links are spared.
func hasScheme(dest string) bool {
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return false
			}
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// bySource finds the page of a ".md" link: relative to the linking page's
// folder, or from the language's content root when it starts with "/". A
// root path may name another language first ("/fr/principles/x.md").
func (r *resolver) bySource(from *content.Page, p string) (*content.Page, *content.Lang) {
	lang := r.set.Lang(from.Lang)
	var rel string
	if strings.HasPrefix(p, "/") {
		rel = path.Clean(p)[1:]
		if code, rest, ok := strings.Cut(rel, "/"); ok && r.set.Lang(code) != nil {
			other := r.set.Lang(code)
			if t := other.ByRelPath(rest); t != nil {
				return t, other
			}
			if t := lang.ByRelPath(rel); t != nil {
				return t, lang
			}
			// Not found: the problem is in the language the link names.
			return nil, other
		}
	} else {
		rel = path.Join(path.Dir(from.RelPath), p)
	}
	return lang.ByRelPath(rel), lang
}

// bySitePath finds the page served at a site path, in the linking page's
// language unless the path starts with a language code. A path the
// language has no page at leads to the default language's page there,
// as Hugo resolves it; the site path returned is the one looked for
// first, which a message names.
func (r *resolver) bySitePath(from *content.Page, p string) (*content.Page, string) {
	clean := path.Clean(p)
	if path.Ext(clean) == "" && clean != "/" {
		clean += "/"
	}
	if code, _, ok := strings.Cut(strings.TrimPrefix(clean, "/"), "/"); ok {
		if l := r.set.Lang(code); l != nil {
			return l.ByURL(clean), clean
		}
	}
	lang := r.set.Lang(from.Lang)
	sitePath := langRoot(lang) + strings.TrimPrefix(clean, "/")
	if t := lang.ByURL(sitePath); t != nil || from.Lang == r.defaultLang {
		return t, sitePath
	}
	if def := r.set.Lang(r.defaultLang); def != nil {
		if t := def.ByURL(langRoot(def) + strings.TrimPrefix(clean, "/")); t != nil {
			return t, sitePath
		}
	}
	return nil, sitePath
}

// langRoot is the site path a language's pages are under: its home's.
func langRoot(l *content.Lang) string {
	if l.Home != nil && l.Home.URL != "" {
		return l.Home.URL
	}
	return "/" + l.Code + "/"
}

func (r *resolver) withBase(sitePath string, u *url.URL) string {
	out := strings.TrimSuffix(r.basePath, "/") + content.EscapePath(sitePath)
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out
}
