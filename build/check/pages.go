package check

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"handbook/build"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/render"
)

// checkPages checks each page on its own, then the site's navigation.
func checkPages(site *build.Site, rec *recorder) {
	for _, p := range site.Pages.Pages {
		checkTitle(site, p)
		if r := site.Result(p); r != nil {
			checkRelativeLinks(site.Diags, p, r.RelativeLinks, rec, linkSeverity(site))
		}
	}
	for _, l := range site.Pages.Langs {
		checkReachable(site.Diags, l, rec)
	}
}

// checkTitle reports a page without a title (lists and links to it would
// be empty) or without a description (lists, search results and link
// previews show it).
func checkTitle(site *build.Site, p *content.Page) {
	if p.File == "" {
		// A folder without _index.md still gets a section page, which the
		// writer never wrote: the diagnostic goes where the file belongs.
		lang, _ := site.Config.Language(p.Lang)
		site.Diags.Add(diag.Diagnostic{
			File: path.Join(lang.ContentDir, p.RelPath), Severity: diag.Warning, Code: diag.CodeMissingSectionPage,
			Message: fmt.Sprintf("no such file: the section %s is titled %q and has no description; write its _index.md", p.URL, p.Title),
		})
		return
	}
	switch {
	case p.Title == "":
		site.Diags.Add(diag.Diagnostic{File: p.File, Code: diag.CodeEmptyTitle,
			Message: "the page has no title: add title: to its front matter"})
	case p.TitleFromFile:
		// Hugo builds a page without a title: a warning, so the site
		// builds as it does with Hugo.
		site.Diags.Add(diag.Diagnostic{File: p.File, Severity: diag.Warning, Code: diag.CodeEmptyTitle,
			Message: fmt.Sprintf("the page has no title: it is shown as %q; add title: to its front matter", p.Title)})
	}
	if p.Description == "" {
		site.Diags.Add(diag.Diagnostic{File: p.File, Severity: diag.Warning, Code: diag.CodeEmptyDescription,
			Message: "the page has no description: add description: (one line, shown in lists, search results and link previews)"})
	}
}

// linkSeverity is that of a link that leads nowhere: an error, but a
// warning on a Hugo site, which Hugo builds with such links.
func linkSeverity(site *build.Site) diag.Severity {
	if site.Config.Hugo {
		return diag.Warning
	}
	return diag.Error
}

// checkRelativeLinks reports the relative links and images of a page's
// body (links, as its conversion left them) that the browser would
// resolve to no file of the site. The build checks every other kind of
// link itself.
func checkRelativeLinks(diags *diag.List, p *content.Page, links []content.LinkRef, rec *recorder, severity diag.Severity) {
	here := &url.URL{Path: p.URL}
	for _, l := range links {
		u, err := url.Parse(l.Dest)
		if err != nil {
			continue
		}
		target := here.ResolveReference(u).Path
		if !rec.exists(target) {
			diags.Add(diag.Diagnostic{File: p.File, Line: l.Line, Code: diag.CodeBrokenLink, Severity: severity,
				Message: fmt.Sprintf("broken link %s: no file at %s", l.Dest, target)})
		}
	}
}

// checkReachable reports the pages of a language that a reader starting
// at its home cannot reach by following links within the language: the
// navigation, lists, related pages and the links of the text, as
// rendered.
func checkReachable(diags *diag.List, l *content.Lang, rec *recorder) {
	if l.Home == nil {
		return
	}
	reached := map[*content.Page]bool{l.Home: true}
	queue := []*content.Page{l.Home}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, sitePath := range rec.linksOf(render.OutputPath(p)) {
			q := l.ByURL(pageURL(sitePath))
			if q != nil && !reached[q] {
				reached[q] = true
				queue = append(queue, q)
			}
		}
	}
	for _, p := range l.Pages {
		if !reached[p] && p.File != "" {
			diags.Add(diag.Diagnostic{File: p.File, Severity: diag.Warning, Code: diag.CodeOrphan,
				Message: fmt.Sprintf("no page of %s links to %s: readers cannot find it; link it from a page or list it in a section", l.Code, p.URL)})
		}
	}
}

// pageURL turns a linked site path into the URL a page is known by.
func pageURL(sitePath string) string {
	p := strings.TrimSuffix(sitePath, "index.html")
	if !strings.HasSuffix(p, "/") && path.Ext(p) == "" {
		p += "/"
	}
	return p
}
