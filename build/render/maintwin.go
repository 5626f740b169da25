package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strconv"

	"handbook/build/content"
	"handbook/themes"
)

// The main templates of the default theme's page and section layouts,
// and its print article, written in Go like its partials' twins: where a layout's base
// is rendered in Go (basetwin.go) and its main template is the default
// theme's own, the whole page is written without html/template, whose
// calls through reflection (an escaper for each value written, each
// function and comparison) were most of what was left of a page's
// rendering.

// A mainTwin is the main template of one of the default theme's layouts
// (or its print article) written in Go. render returns false, having
// written nothing, for a page it leaves to the template (an exercise's
// duration that is not text).
type mainTwin struct {
	// file is the default theme's file that defines the template name,
	// calls the templates it calls, which must be the default theme's
	// too.
	file, name string
	calls      []string
	render     func(d *pageData, b *bytes.Buffer) (bool, error)
}

// mainParts are the templates of the default theme the main templates'
// twins render, besides the twins: they stand in only where each is the
// default theme's.
func mainParts() []twin {
	return []twin{{name: "worksheet", file: "layouts/partials/worksheet.html"}}
}

// listCalls are the templates of lists.html the main templates call.
func listCalls(more ...string) []string {
	return append([]string{"heading", "principlelinks", "relatedsections", "related", "pagelist"}, more...)
}

// mainTwins are the main templates rendered in Go, by layout: the
// home's alone is left to its template (two pages a site).
func mainTwins() map[string]mainTwin {
	article := func(class string, body func(d *pageData, b *bytes.Buffer) (bool, error)) func(d *pageData, b *bytes.Buffer) (bool, error) {
		return func(d *pageData, b *bytes.Buffer) (bool, error) {
			b.WriteString(`<article class="` + class + "\">\n")
			if ok, err := body(d, b); !ok || err != nil {
				return ok, err
			}
			b.WriteString("\n</article>")
			return true, nil
		}
	}
	return map[string]mainTwin{
		"principle.html": {file: "layouts/principle.html", name: "main", calls: listCalls(), render: article("principle", mainWithRelated)},
		"letter.html":    {file: "layouts/letter.html", name: "main", calls: listCalls(), render: article("letter", mainWithRelated)},
		"page.html":      {file: "layouts/page.html", name: "main", calls: listCalls(), render: article("page", mainPage)},
		"quote.html":     {file: "layouts/quote.html", name: "main", calls: listCalls(), render: article("quote", mainQuote)},
		"story.html":     {file: "layouts/story.html", name: "main", calls: listCalls(), render: article("story", mainStory)},
		"exercise.html":  {file: "layouts/exercise.html", name: "main", calls: listCalls("worksheet"), render: mainExercise},
		"section.html":   {file: "layouts/section.html", name: "main", calls: listCalls(), render: article("section", mainSection)},
	}
}

// printArticleTwin is the print article's template rendered in Go.
func printArticleTwin() mainTwin {
	return mainTwin{file: "layouts/partials/print.html", name: printArticle, calls: listCalls(), render: twinPrintArticle}
}

// builtinMain is the parse tree, as text, of the template name of the
// default theme's file, parsed with funcs; "" when it has none.
func builtinMain(file, name string, funcs template.FuncMap) (string, error) {
	data, err := fs.ReadFile(themes.Default(), file)
	if err != nil {
		return "", err
	}
	t, err := template.New("").Funcs(funcs).Parse(string(data))
	if err != nil {
		return "", fmt.Errorf("themes/default/%s: %w", file, err)
	}
	if def := t.Lookup(name); def != nil && def.Tree != nil {
		return def.Tree.Root.String(), nil
	}
	return "", nil
}

// twinnedMain is the render of mt when layout's template mt.name is the
// default theme's file's (its parse tree as text is builtinTree), and so
// is every template it calls (builtin); nil otherwise. It is asked before
// the twins replace the partials they stand for.
func twinnedMain(layout *template.Template, mt mainTwin, builtinTree string, builtin map[string]string) func(*pageData, *bytes.Buffer) (bool, error) {
	def := layout.Lookup(mt.name)
	if builtinTree == "" || def == nil || def.Tree == nil || def.Tree.Root.String() != builtinTree {
		return nil
	}
	for _, name := range mt.calls {
		if !isBuiltin(layout, name, builtin) {
			return nil
		}
	}
	return mt.render
}

// mainWithRelated renders the body of a principle's or a letter's main:
// heading, content, related lists.
func mainWithRelated(d *pageData, b *bytes.Buffer) (bool, error) {
	if err := twinHeading(d, b); err != nil {
		return false, err
	}
	b.WriteString("\n")
	b.WriteString(string(d.Content))
	b.WriteString("\n")
	return true, twinRelatedSections(d, b)
}

// mainPage renders the body of a plain page's main: heading, date,
// content.
func mainPage(d *pageData, b *bytes.Buffer) (bool, error) {
	if err := twinHeading(d, b); err != nil {
		return false, err
	}
	writeDateMeta(d, b)
	b.WriteString("\n")
	b.WriteString(string(d.Content))
	return true, nil
}

// writeDateMeta writes the page's date, when it has one.
func writeDateMeta(d *pageData, b *bytes.Buffer) {
	if date := d.FormatDate(d.Page); date != "" {
		b.WriteString("\n<p class=\"meta\">")
		writeHTML(b, date)
		b.WriteString("</p>")
	}
}

// mainSection renders the body of a section's main: heading, the link to
// its print page, content, and the list of its pages, which on a large
// site holds thousands.
func mainSection(d *pageData, b *bytes.Buffer) (bool, error) {
	if err := twinHeading(d, b); err != nil {
		return false, err
	}
	if d.PrintURL != "" {
		b.WriteString("\n<p class=\"meta print-link\"><a href=\"")
		writeURLAttr(b, d.r.rel(d.PrintURL))
		b.WriteString(`">`)
		writeHTML(b, d.T("print_section"))
		b.WriteString("</a></p>")
	}
	b.WriteString("\n")
	b.WriteString(string(d.Content))
	b.WriteString("\n")
	twinPageList(d, b, d.Children())
	return true, nil
}

// mainQuote renders the body of a quote's main: heading, the quote and
// its letter, content, principle links.
func mainQuote(d *pageData, b *bytes.Buffer) (bool, error) {
	if err := twinHeading(d, b); err != nil {
		return false, err
	}
	b.WriteString("\n")
	writeQuoteFigure(d, b)
	b.WriteString("\n")
	b.WriteString(string(d.Content))
	b.WriteString("\n")
	return true, twinPrincipleLinks(d, b)
}

// writeQuoteFigure writes a quote's text and the letter it is from.
func writeQuoteFigure(d *pageData, b *bytes.Buffer) {
	b.WriteString("<figure class=\"quote-figure\">\n<blockquote><p>")
	writeHTML(b, d.Text)
	b.WriteString("</p></blockquote>")
	if d.Letter != nil {
		letter := metaOf(d.Letter)
		b.WriteString("\n<figcaption>")
		writeHTML(b, d.T("from_letter"))
		b.WriteString(` <cite><a href="`)
		writeURLAttr(b, d.r.rel(letter.URL))
		b.WriteString(`">`)
		writeHTML(b, letter.Title)
		b.WriteString("</a></cite></figcaption>")
	}
	b.WriteString("\n</figure>")
}

// mainStory renders the body of a story's main: heading, year, content,
// principle links.
func mainStory(d *pageData, b *bytes.Buffer) (bool, error) {
	if err := twinHeading(d, b); err != nil {
		return false, err
	}
	if d.Year != 0 {
		writeYearMeta(d, b)
	}
	b.WriteString("\n")
	b.WriteString(string(d.Content))
	b.WriteString("\n")
	return true, twinPrincipleLinks(d, b)
}

// writeYearMeta writes a story's year.
func writeYearMeta(d *pageData, b *bytes.Buffer) {
	year := strconv.Itoa(d.Year)
	b.WriteString("\n<p class=\"meta\"><time datetime=\"" + year + "\">" + year + "</time></p>")
}

// duration is an exercise's duration parameter, and whether it is text
// (or absent), which its twins write; another value is left to the
// templates, which write it as html/template does.
func duration(d *pageData) (string, bool) {
	switch v := d.Param("duration").(type) {
	case nil:
		return "", true
	case string:
		return v, true
	}
	return "", false
}

// writeDuration writes an exercise's duration, when it has one.
func writeDuration(d *pageData, b *bytes.Buffer, dur string) {
	if dur == "" {
		return
	}
	b.WriteString("\n<p class=\"meta\">")
	writeHTML(b, d.T("duration"))
	b.WriteString(": ")
	writeHTML(b, dur)
	b.WriteString("</p>")
}

// mainExercise renders an exercise's main: heading, duration, principle
// links, and its content with the worksheet's strings and script.
func mainExercise(d *pageData, b *bytes.Buffer) (bool, error) {
	dur, ok := duration(d)
	if !ok {
		return false, nil
	}
	b.WriteString("<article class=\"exercise\">\n")
	if err := twinHeading(d, b); err != nil {
		return false, err
	}
	writeDuration(d, b, dur)
	b.WriteString("\n")
	if err := twinPrincipleLinks(d, b); err != nil {
		return false, err
	}
	b.WriteString("\n<div class=\"exercise-body\" data-worksheet>\n")
	b.WriteString(string(d.Content))
	b.WriteString("\n")
	// The worksheet's strings are the language's: partialCached's
	// output for the language is the template's.
	if err := d.r.writeFragment(b, "worksheet", d, d.Lang); err != nil {
		return false, err
	}
	b.WriteString("\n</div>\n</article>")
	return true, nil
}

// twinPrintArticle renders the print-article template of
// layouts/partials/print.html: the page as its own layout shows it,
// without the navigation, d.Content standing for its HTML.
func twinPrintArticle(d *pageData, b *bytes.Buffer) (bool, error) {
	dur := ""
	if d.Kind == content.Exercise {
		var ok bool
		if dur, ok = duration(d); !ok {
			return false, nil
		}
	}
	if err := twinHeading(d, b); err != nil {
		return false, err
	}
	switch {
	case d.Kind == content.Quote:
		b.WriteString("\n")
		writeQuoteFigure(d, b)
	case d.Kind == content.Story && d.Year != 0:
		writeYearMeta(d, b)
	case d.Kind == content.Exercise:
		writeDuration(d, b, dur)
		b.WriteString("\n")
		if err := twinPrincipleLinks(d, b); err != nil {
			return false, err
		}
	case !d.IsSection && d.Kind == "":
		writeDateMeta(d, b)
	}
	b.WriteString("\n")
	b.WriteString(string(d.Content))
	if d.Kind == content.Quote || d.Kind == content.Story {
		b.WriteString("\n")
		if err := twinPrincipleLinks(d, b); err != nil {
			return false, err
		}
	}
	b.WriteString("\n")
	if err := twinRelatedSections(d, b); err != nil {
		return false, err
	}
	b.WriteString("\n")
	return true, nil
}
