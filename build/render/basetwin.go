package render

import (
	"bytes"
	"html/template"
	"text/template/parse"
)

// The default theme's base template, which every page's layout but the
// root's and 404's calls, is rendered in Go where it and the templates it
// calls are the default theme's own: the page's head, header, navigation,
// notices and footer, with the twins of its partials and the outputs
// partialCached keeps, around the layout's main template, which runs as
// the theme wrote it. The template made one call through reflection for
// each partial it called, a twin's or partialCached's, and one more for
// the escaper of each output, about twenty a page; a layout rendered
// this way makes those of its main template alone.

// baseParts are the templates of the default theme a base twin renders,
// besides the twins: it stands in only where each is the default theme's.
func baseParts() []twin {
	return []twin{
		{name: "base", file: "layouts/base.html", needs: []string{"head-page"}},
		{name: "untranslated", file: "layouts/partials/untranslated.html"},
		{name: "outdated", file: "layouts/partials/outdated.html"},
		{name: "lastupdated", file: "layouts/partials/lastupdated.html"},
	}
}

// baseCalls are the templates base calls, which must be the default
// theme's for its twin to stand in; "main" is the layout's own.
func baseCalls() []string {
	return []string{"base", "head-page", "switcher", "breadcrumbs", "untranslated", "outdated", "lastupdated", "prevnext", "toc"}
}

// baseTwinnable says whether the layout root, of the template set
// layout, renders through the base twin: it calls base with "." and
// writes only text after it (returned), and base and the templates it
// calls are the default theme's (builtin). It is asked before the twins
// replace the partials they stand for.
func baseTwinnable(layout, root *template.Template, builtin map[string]string) (string, bool) {
	if root == nil || root.Tree == nil || len(root.Tree.Root.Nodes) == 0 {
		return "", false
	}
	call, ok := root.Tree.Root.Nodes[0].(*parse.TemplateNode)
	if !ok || call.Name != "base" || call.Pipe == nil || call.Pipe.String() != "." {
		return "", false
	}
	var after []byte
	for _, n := range root.Tree.Root.Nodes[1:] {
		text, ok := n.(*parse.TextNode)
		if !ok {
			return "", false
		}
		after = append(after, text.Text...)
	}
	for _, name := range baseCalls() {
		if !isBuiltin(layout, name, builtin) {
			return "", false
		}
	}
	return string(after), true
}

// baseTwin is how a layout whose base template is rendered in Go is
// rendered.
type baseTwin struct {
	// after is what the layout writes after calling base.
	after string
	// main, unless nil, is the layout's main template rendered in Go.
	main func(*pageData, *bytes.Buffer) (bool, error)
}

// renderBase renders layouts/base.html's base template for d into b,
// with the main template of layout (bt's twin of it, where it has one),
// and then what the layout writes after calling base.
func (r *Renderer) renderBase(layout *template.Template, d *pageData, b *bytes.Buffer, bt baseTwin) error {
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	writeHTML(b, d.Lang)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	if err := twinHeadPage(d, b); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := r.writeFragment(b, "base-head-end", d, d.Lang); err != nil {
		return err
	}
	b.WriteString("\n</head>\n<body class=\"kind-")
	switch {
	case d.IsHome:
		b.WriteString("home")
	case d.IsSection:
		b.WriteString("section")
	case d.Kind != "":
		writeHTML(b, string(d.Kind))
	default:
		b.WriteString("page")
	}
	b.WriteString("\">\n")
	if err := r.writeFragment(b, "base-header-start", d, d.Lang, d.TopSection); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := twinSwitcher(d, b); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := r.writeFragment(b, "themetoggle", d, d.Lang); err != nil {
		return err
	}
	b.WriteString("\n</header>\n<div class=\"layout")
	if d.HasTOC {
		b.WriteString(" has-toc")
	}
	b.WriteString("\">\n<main id=\"main\" tabindex=\"-1\">\n")
	for _, part := range []func(*pageData, *bytes.Buffer) error{twinBreadcrumbs, twinUntranslated, twinOutdated} {
		if err := part(d, b); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	if err := renderMain(layout, d, b, bt.main); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := twinLastUpdated(d, b); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := twinPrevNext(d, b); err != nil {
		return err
	}
	b.WriteString("\n</main>\n")
	if d.HasTOC {
		if err := twinTOC(d, b); err != nil {
			return err
		}
	}
	b.WriteString("\n</div>\n")
	if err := r.writeFragment(b, "base-page-end", d, d.Lang); err != nil {
		return err
	}
	b.WriteString("\n</body>\n</html>\n")
	b.WriteString(bt.after)
	return nil
}

// renderMain renders the layout's main template for d into b: with its
// twin unless nil, or unless the twin leaves the page to it.
func renderMain(layout *template.Template, d *pageData, b *bytes.Buffer, twin func(*pageData, *bytes.Buffer) (bool, error)) error {
	if twin != nil {
		if ok, err := twin(d, b); ok || err != nil {
			return err
		}
	}
	return layout.ExecuteTemplate(b, "main", d)
}

// writeFragment writes what partialCached renders of the partial name
// for d and keys.
func (r *Renderer) writeFragment(b *bytes.Buffer, name string, d *pageData, keys ...any) error {
	html, err := r.fragments.render(name, d, keys...)
	b.WriteString(string(html))
	return err
}

// twinUntranslated renders layouts/partials/untranslated.html: the notice
// of the languages the page is not translated into yet, with links to
// their homes.
func twinUntranslated(d *pageData, b *bytes.Buffer) error {
	missing := d.Untranslated
	switch {
	case len(missing) == 0:
	case len(missing) == 1:
		a := missing[0]
		code, name := a.Language.Code, a.Language.Name
		b.WriteString("\n<p class=\"notice notice-untranslated\" data-lang=\"")
		writeHTML(b, code)
		b.WriteString(`">`)
		writeHTML(b, d.Tr("not_yet_translated", "lang", name))
		b.WriteString(` <a href="`)
		writeURLAttr(b, d.r.rel(metaOf(a.Home).URL))
		b.WriteString(`" hreflang="`)
		writeHTML(b, code)
		b.WriteString(`">`)
		writeHTML(b, d.Tr("go_to_home", "lang", name))
		b.WriteString("</a></p>")
	default:
		b.WriteString("\n<p class=\"notice notice-untranslated\" data-lang=\"")
		for i, a := range missing {
			if i > 0 {
				b.WriteString(" ")
			}
			writeHTML(b, a.Language.Code)
		}
		b.WriteString(`">`)
		writeHTML(b, d.T("not_yet_translated_into"))
		b.WriteString(" ")
		for i, a := range missing {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<a href="`)
			writeURLAttr(b, d.r.rel(metaOf(a.Home).URL))
			b.WriteString(`" hreflang="`)
			writeHTML(b, a.Language.Code)
			b.WriteString(`" lang="`)
			writeHTML(b, a.Language.Code)
			b.WriteString(`">`)
			writeHTML(b, a.Language.Name)
			b.WriteString("</a>")
		}
		b.WriteString("</p>")
	}
	return nil
}

// twinLastUpdated renders layouts/partials/lastupdated.html: the day the
// page last changed, when known.
func twinLastUpdated(d *pageData, b *bytes.Buffer) error {
	if d.Updated.IsZero() {
		return nil
	}
	b.WriteString("\n<p class=\"meta last-updated\"><time datetime=\"")
	writeHTML(b, d.Updated.Format("2006-01-02"))
	b.WriteString(`">`)
	writeHTML(b, d.Tr("last_updated", "date", d.FormatDay(d.Updated)))
	b.WriteString("</time></p>")
	return nil
}

// twinOutdated renders layouts/partials/outdated.html: on a translation
// whose original changed since, the notice that links to the original.
func twinOutdated(d *pageData, b *bytes.Buffer) error {
	if !d.Outdated() {
		return nil
	}
	for _, a := range d.Alternates {
		if a.Page == nil || a.Page != d.Original() {
			continue
		}
		code, name := a.Language.Code, a.Language.Name
		b.WriteString("\n<p class=\"notice notice-outdated\" data-lang=\"")
		writeHTML(b, code)
		b.WriteString(`">`)
		writeHTML(b, d.Tr("translation_outdated", "lang", name))
		b.WriteString(` <a href="`)
		writeURLAttr(b, d.r.rel(metaOf(a.Page).URL))
		b.WriteString(`" hreflang="`)
		writeHTML(b, code)
		b.WriteString(`" lang="`)
		writeHTML(b, code)
		b.WriteString(`">`)
		writeHTML(b, d.Tr("read_original", "lang", name))
		b.WriteString("</a></p>")
	}
	return nil
}
