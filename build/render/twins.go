package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"handbook/themes"
)

// A twin is a partial of the default theme written again in Go, which
// a layout runs in the partial's place where the theme's partial is the
// default theme's own. html/template spends most of a page's rendering on
// reflection: every value a template writes goes through one to three of
// its escapers, each called through reflect with its arguments boxed, and
// the partials twinned here are the ones that write a page's own values
// many times (its neighbours, its headings). A twin writes the same bytes
// (TestTwinsRenderAsTheirTemplates renders pages both ways) with
// escape.go's copies of the escapers, and reads the same pages, so the
// preview re-renders on the same changes.
//
// A theme that overrides a twinned partial, in its own partial file or
// in a layout that defines it again, keeps its own: a twin stands in
// only for a template whose parse tree is the default theme's, and a
// theme's base.html that does not call the partial never meets it.
type twin struct {
	// name is the template the twin stands for, file the default
	// theme's file that defines it.
	name, file string
	// needs are the templates of file the twinned one calls, which the
	// twin renders too: it stands in only where they are the default
	// theme's as well.
	needs []string
	// guard, unless "", is the field of "." whose emptiness makes the
	// template write nothing, as its first action says: the twin is
	// then not called, which costs two calls through reflection (the
	// twin's and the escaper's of what it returns), more than the
	// template's test of the field.
	guard  string
	render func(d *pageData, b *bytes.Buffer) error
}

// defaultTwins are the default theme's partials rendered in Go.
func defaultTwins() []twin {
	return []twin{
		{name: "head-page", file: "layouts/base.html", render: twinHeadPage},
		{name: "switcher", file: "layouts/partials/switcher.html", render: twinSwitcher},
		{name: "breadcrumbs", file: "layouts/partials/breadcrumbs.html", render: twinBreadcrumbs},
		{name: "prevnext", file: "layouts/partials/prevnext.html", render: twinPrevNext},
		{name: "toc", file: "layouts/partials/toc.html", render: twinTOC},
		{name: "heading", file: "layouts/partials/lists.html", render: twinHeading},
		{name: "principlelinks", file: "layouts/partials/lists.html", guard: "Principles", render: twinPrincipleLinks},
		{name: "relatedsections", file: "layouts/partials/lists.html", needs: []string{"related", "pagelist"}, guard: "RelatedSections", render: twinRelatedSections},
	}
}

// twinFunc is the function the template a twin replaces calls; it is
// added to a layout's functions once the theme's files are parsed, so no
// theme can call it.
const twinFunc = "_handbook_twin"

// builtinTrees are the parse trees, as text, of the templates the
// default theme's twinned files define, parsed with funcs.
func builtinTrees(twins []twin, funcs template.FuncMap) (map[string]string, error) {
	out := map[string]string{}
	for _, tw := range twins {
		data, err := fs.ReadFile(themes.Default(), tw.file)
		if err != nil {
			return nil, err
		}
		t, err := template.New("").Funcs(funcs).Parse(string(data))
		if err != nil {
			return nil, fmt.Errorf("themes/default/%s: %w", tw.file, err)
		}
		for _, name := range append([]string{tw.name}, tw.needs...) {
			if def := t.Lookup(name); def != nil && def.Tree != nil {
				out[name] = def.Tree.Root.String()
			}
		}
	}
	return out, nil
}

// installTwins makes each twinned partial of layout, whose parse tree is
// the default theme's (builtin), call its twin; a partial the theme
// wrote itself stays as it is. The layout's templates as the theme wrote
// them are kept, in a copy, for a caller whose data is not a page's.
func installTwins(layout *template.Template, twins []twin, builtin map[string]string) error {
	byName := map[string]twin{}
	for _, tw := range twins {
		if isBuiltin(layout, tw.name, builtin) && !slices.ContainsFunc(tw.needs, func(name string) bool { return !isBuiltin(layout, name, builtin) }) {
			byName[tw.name] = tw
		}
	}
	if len(byName) == 0 {
		return nil
	}
	written, err := layout.Clone()
	if err != nil {
		return err
	}
	layout.Funcs(template.FuncMap{twinFunc: func(name string, dot any) (template.HTML, error) {
		return runTwin(written, byName[name], dot)
	}})
	for name, tw := range byName {
		call := "{{" + twinFunc + " " + strconv.Quote(name) + " .}}"
		if tw.guard != "" {
			call = "{{if ." + tw.guard + "}}" + call + "{{end}}"
		}
		if _, err := layout.New(name).Parse(call); err != nil {
			return err
		}
	}
	return nil
}

// isBuiltin says whether layout's template name is the default theme's
// own: its parse tree is builtin's.
func isBuiltin(layout *template.Template, name string, builtin map[string]string) bool {
	def := layout.Lookup(name)
	return def != nil && def.Tree != nil && builtin[name] != "" && def.Tree.Root.String() == builtin[name]
}

// runTwin renders tw for a page's layout data; for other data (a theme
// calling the partial with a dict), the partial's template of written,
// the layout as the theme wrote it.
func runTwin(written *template.Template, tw twin, dot any) (template.HTML, error) {
	d, ok := dot.(*pageData)
	if !ok {
		var b strings.Builder
		err := written.ExecuteTemplate(&b, tw.name, dot)
		return template.HTML(b.String()), err
	}
	// The rendering's space, grown to the largest twin's size, makes
	// each output in one allocation of its own size.
	b := &d.rec.twinSpace
	b.Reset()
	err := tw.render(d, b)
	return template.HTML(b.String()), err
}

// twinHeadPage renders the head-page template of layouts/base.html:
// the page's title, description, canonical and alternate addresses and
// Open Graph card.
func twinHeadPage(d *pageData, b *bytes.Buffer) error {
	b.WriteString("<title>")
	if !d.IsHome {
		writeHTML(b, d.Title)
		b.WriteString(" · ")
	}
	writeHTML(b, d.LangTitle)
	b.WriteString("</title>")
	description := d.Description
	if description == "" && d.IsHome {
		description = d.LangDescription
	}
	headMeta(b, `name="description"`, description)
	b.WriteString("\n<link rel=\"canonical\" href=\"")
	writeURLAttr(b, d.Permalink)
	b.WriteString(`">`)
	if len(d.Translations) > 0 {
		alternateLink(b, d.Lang, d.Permalink)
		for _, v := range d.Translations {
			t := metaOf(v)
			alternateLink(b, t.Lang, d.r.absURL(t.URL))
		}
		if d.XDefault != nil {
			alternateLink(b, "x-default", d.r.absURL(metaOf(d.XDefault).URL))
		}
	}
	b.WriteString("\n<meta property=\"og:type\" content=\"")
	if d.IsSection {
		b.WriteString("website")
	} else {
		b.WriteString("article")
	}
	b.WriteString("\">\n<meta property=\"og:title\" content=\"")
	writeHTML(b, d.Title)
	b.WriteString(`">`)
	headMeta(b, `property="og:description"`, description)
	b.WriteString("\n<meta property=\"og:url\" content=\"")
	writeHTML(b, d.Permalink)
	b.WriteString(`">`)
	return nil
}

// headMeta writes a <meta> line of the head naming content, none for "".
func headMeta(b *bytes.Buffer, name, content string) {
	if content == "" {
		return
	}
	b.WriteString("\n<meta " + name + " content=\"")
	writeHTML(b, content)
	b.WriteString(`">`)
}

// alternateLink writes the head's link to the page in another language.
func alternateLink(b *bytes.Buffer, lang, url string) {
	b.WriteString("\n<link rel=\"alternate\" hreflang=\"")
	writeHTML(b, lang)
	b.WriteString(`" href="`)
	writeURLAttr(b, url)
	b.WriteString(`">`)
}

// twinSwitcher renders layouts/partials/switcher.html: the page's
// language, rendered once per language (switcher-current), then a link
// to each other language's translation of it, or to its home.
func twinSwitcher(d *pageData, b *bytes.Buffer) error {
	current, err := d.r.fragments.render("switcher-current", d, d.Lang)
	if err != nil {
		return err
	}
	b.WriteString(string(current))
	for _, a := range d.Alternates {
		if a.Page != nil {
			b.WriteString("\n<li><a href=\"")
			writeURLAttr(b, d.r.rel(metaOf(a.Page).URL))
			b.WriteString(`" hreflang="`)
			writeHTML(b, a.Language.Code)
			b.WriteString(`" lang="`)
			writeHTML(b, a.Language.Code)
			b.WriteString(`" rel="alternate">`)
			writeHTML(b, a.Language.Name)
			b.WriteString("</a></li>")
			continue
		}
		note := d.Tr("not_yet_translated", "lang", a.Language.Name)
		b.WriteString("\n<li><a class=\"untranslated\" href=\"")
		writeURLAttr(b, d.r.rel(metaOf(a.Home).URL))
		b.WriteString(`" hreflang="`)
		writeHTML(b, a.Language.Code)
		b.WriteString(`" lang="`)
		writeHTML(b, a.Language.Code)
		b.WriteString(`" title="`)
		writeHTML(b, note)
		b.WriteString(`">`)
		writeHTML(b, a.Language.Name)
		b.WriteString(`<span class="visually-hidden"> (`)
		writeHTML(b, note)
		b.WriteString(")</span></a></li>")
	}
	b.WriteString("\n</ul>\n</nav>")
	return nil
}

// twinBreadcrumbs renders layouts/partials/breadcrumbs.html: the trail
// of the page's parents, rendered once per parent (breadcrumb-trail),
// then the page.
func twinBreadcrumbs(d *pageData, b *bytes.Buffer) error {
	if len(d.Breadcrumbs) == 0 {
		return nil
	}
	trail, err := d.r.fragments.render("breadcrumb-trail", d, d.Parent)
	if err != nil {
		return err
	}
	b.WriteString(string(trail))
	b.WriteString("\n<li><span aria-current=\"page\">")
	writeHTML(b, d.Title)
	b.WriteString("</span></li>\n</ol>\n</nav>")
	return nil
}

// twinPrevNext renders layouts/partials/prevnext.html: the links to the
// page before and after in its section.
func twinPrevNext(d *pageData, b *bytes.Buffer) error {
	if d.Prev == nil && d.Next == nil {
		return nil
	}
	b.WriteString(`<nav class="prev-next" aria-label="`)
	writeHTML(b, d.T("in_this_section"))
	b.WriteString(`">`)
	neighbour := func(v viewed, rel, label string) {
		if v == nil {
			return
		}
		p := metaOf(v)
		b.WriteString("\n<a class=\"" + rel + "\" rel=\"" + rel + "\" href=\"")
		writeURLAttr(b, d.r.rel(p.URL))
		b.WriteString(`"><span class="label">`)
		writeHTML(b, d.T(label))
		b.WriteString(`</span> <span class="title">`)
		writeHTML(b, p.Title)
		b.WriteString(`</span></a>`)
	}
	neighbour(d.Prev, "prev", "previous")
	neighbour(d.Next, "next", "next")
	b.WriteString("\n</nav>")
	return nil
}

// twinTOC renders layouts/partials/toc.html: the page's headings and
// related lists.
func twinTOC(d *pageData, b *bytes.Buffer) error {
	b.WriteString("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">")
	writeHTML(b, d.T("on_this_page"))
	b.WriteString("</h2>\n<ol>")
	for _, h := range d.TOC {
		b.WriteString("\n<li class=\"toc-level-")
		b.WriteString(strconv.Itoa(h.Level))
		b.WriteString(`"><a href="#`)
		writeURLPartAttr(b, h.ID)
		b.WriteString(`">`)
		writeHTML(b, h.Text)
		b.WriteString("</a></li>")
	}
	for _, s := range d.RelatedSections {
		b.WriteString("\n<li class=\"toc-level-2\"><a href=\"#related-")
		writeURLPartAttr(b, s.ID)
		b.WriteString(`">`)
		writeHTML(b, d.T(s.TitleKey))
		b.WriteString("</a></li>")
	}
	b.WriteString("\n</ol>\n</nav>")
	return nil
}

// twinHeading renders the heading template of layouts/partials/lists.html:
// the page's kind, title and statement.
func twinHeading(d *pageData, b *bytes.Buffer) error {
	b.WriteString(`<header class="page-header">`)
	if d.Kind != "" {
		if kind := d.KindName(d.Page); kind != "" {
			b.WriteString("\n<p class=\"kind-label\">")
			writeHTML(b, kind)
			b.WriteString("</p>")
		}
	}
	b.WriteString("\n<h1>")
	writeHTML(b, d.Title)
	b.WriteString("</h1>")
	if d.Statement != "" {
		b.WriteString("\n<p class=\"statement\">")
		writeHTML(b, d.Statement)
		b.WriteString("</p>")
	}
	b.WriteString("\n</header>")
	return nil
}

// twinPrincipleLinks renders the principlelinks template of
// layouts/partials/lists.html: the links to the principles the page
// supports.
func twinPrincipleLinks(d *pageData, b *bytes.Buffer) error {
	if len(d.Principles) == 0 {
		return nil
	}
	b.WriteString(`<p class="principle-links"><span class="label">`)
	writeHTML(b, d.T("supports"))
	b.WriteString("</span>")
	for i, v := range d.Principles {
		if i > 0 {
			b.WriteString(",")
		}
		p := metaOf(v)
		b.WriteString(` <a href="`)
		writeURLAttr(b, d.r.rel(p.URL))
		b.WriteString(`">`)
		writeHTML(b, p.Title)
		b.WriteString("</a>")
	}
	b.WriteString("</p>")
	return nil
}

// twinRelatedSections renders the relatedsections template of
// layouts/partials/lists.html, with its related and pagelist: each
// related list of the page, its heading and its pages.
func twinRelatedSections(d *pageData, b *bytes.Buffer) error {
	for _, s := range d.RelatedSections {
		title := d.T(s.TitleKey)
		b.WriteString("\n")
		if len(s.Pages) == 0 {
			continue
		}
		b.WriteString(`<section class="related related-`)
		writeHTML(b, s.ID)
		b.WriteString(`" aria-labelledby="related-`)
		writeHTML(b, s.ID)
		b.WriteString("\">\n<h2 id=\"related-")
		writeHTML(b, s.ID)
		b.WriteString(`">`)
		writeHTML(b, title)
		b.WriteString("</h2>\n")
		twinPageList(d, b, s.Pages)
		b.WriteString("\n</section>")
	}
	return nil
}

// twinPageList renders the pagelist template of
// layouts/partials/lists.html: each page's link, and its quote,
// statement or description.
func twinPageList(d *pageData, b *bytes.Buffer, pages []viewed) {
	b.WriteString(`<ul class="page-list">`)
	for _, v := range pages {
		p := metaOf(v)
		b.WriteString("\n<li class=\"kind-")
		switch {
		case p.IsSection:
			b.WriteString("section")
		case p.Kind != "":
			writeHTML(b, string(p.Kind))
		default:
			b.WriteString("page")
		}
		b.WriteString("\">\n<a href=\"")
		writeURLAttr(b, d.r.rel(p.URL))
		b.WriteString(`">`)
		writeHTML(b, p.Title)
		b.WriteString("</a>")
		switch {
		case p.Text != "":
			b.WriteString("\n<blockquote class=\"list-quote\"><p>")
			writeHTML(b, p.Text)
			b.WriteString("</p></blockquote>")
		case p.Statement != "":
			b.WriteString("\n<p>")
			writeHTML(b, p.Statement)
			b.WriteString("</p>")
		case p.Description != "":
			b.WriteString("\n<p>")
			writeHTML(b, p.Description)
			b.WriteString("</p>")
		}
		b.WriteString("\n</li>")
	}
	b.WriteString("\n</ul>")
}
