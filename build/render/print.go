package render

import (
	"bytes"
	"fmt"
	"strings"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/output"
)

// This file plans the print pages: a page per language holding the whole
// handbook in reading order (/vi/print/), and one per top-level section
// (/vi/principles/print/), for readers to print or save as PDF. Each page
// of the handbook is one article of them, made from the HTML its
// conversion already produced (printhtml.go). A print page is its frame
// (printframe.go) around its pages' articles, put together by printPage
// below. Two writers of the print pages take the articles, behind
// PrintPages: a build's PrintBook writes them as the pages come
// (printbook.go), and the preview's PrintShelf keeps them and puts a
// print page together when it is read (printshelf.go).

// PrintPages takes each page's article as the page is rendered, and
// puts the print pages together from them.
type PrintPages interface {
	// Put makes f the article of p: nil for a page no print page
	// shows, or whose article did not render. It returns an error
	// writing the print pages.
	Put(p *content.Page, f *PrintFragment) error
}

// printPage is one print page being put together, on w: its frame's
// head, its pages' articles in reading order, and its frame's tail.
type printPage struct {
	url   string
	frame frameHTML
	w     partWriter
}

func (pp printPage) begin() { pp.w.Write(pp.frame.Head) }

// add writes a page's article; nil, a page that shows none, writes
// nothing.
func (pp printPage) add(f *PrintFragment) {
	if f != nil {
		f.appendTo(pp.w, pp.url)
	}
}

func (pp printPage) end() { pp.w.Write(pp.frame.Tail) }

// printScope is one print page: a page of the handbook and every page
// below it.
type printScope struct {
	// Root is the language's home or a top-level section.
	Root *content.Page
	// URL is the print page's site path: the root's, then "print/".
	URL string
	// Pages are the pages it prints, in reading order: the root, then
	// each of its children followed by the pages below that child.
	// Drafts are left out, even in a build that includes them.
	Pages []*content.Page
	// lines are the pages' lines of the table of contents.
	lines []printLine
}

// Path is the file the print page is written to.
func (s *printScope) Path() string { return strings.TrimPrefix(s.URL, "/") + "index.html" }

// printLine is a page's line of a table of contents, with how deep the
// page is below its language's home, drafts not counted.
type printLine struct {
	Title, URL, Kind string
	Depth            int
}

// printLayout is the layout of the print pages; a theme without it has
// none.
const printLayout = "print.html"

// articlesMark stands for the articles where the layout shows
// {{.Articles}}: the layout is rendered once with it, and the articles go
// between the two halves.
const articlesMark = "<!--handbook:print-articles-->"

// printPlan is a site's print pages, made with the renderer.
type printPlan struct {
	scopes []*printScope
	byRoot map[*content.Page]*printScope
	// order is every page of the site in reading order, drafts
	// included: the order a build renders them in, so that the print
	// pages can be put together as the pages come.
	order []*content.Page
	// clashes are pages whose URL is a print page's; the page wins.
	clashes map[*content.Page]string
	// tooLong are the print pages left out for holding more pages than
	// the configuration's print.maxPages, in the order planned.
	tooLong []skippedPrint
	max     int
}

// skippedPrint is a print page left out, with the pages it would hold.
type skippedPrint struct {
	url   string
	pages int
}

// planPrint finds the print pages of set: none when the theme has no
// print layout. It walks each language's pages once, in reading order:
// the pages below a page follow it, so a print page's pages, and its
// lines of the table of contents, are a run of its language's.
func (r *Renderer) planPrint(set *content.Set) *printPlan {
	plan := &printPlan{byRoot: map[*content.Page]*printScope{}, clashes: map[*content.Page]string{}, max: r.cfg.Print.MaxPages}
	if r.layouts[printLayout] == nil || !r.printing() {
		return plan
	}
	plan.order = make([]*content.Page, 0, len(set.Pages))
	for _, l := range set.Langs {
		if l.Home != nil {
			plan.addLang(l)
		}
	}
	// Every page has a parent up to its language's home; a page that
	// somehow had none would still be rendered.
	if len(plan.order) != len(set.Pages) {
		seen := make(map[*content.Page]bool, len(plan.order))
		for _, p := range plan.order {
			seen[p] = true
		}
		for _, p := range set.Pages {
			if !seen[p] {
				plan.order = append(plan.order, p)
			}
		}
	}
	return plan
}

// langWalk is one language's pages in reading order.
type langWalk struct {
	pages []*content.Page // drafts left out
	lines []printLine
	// runs are where the pages below the home and each top-level
	// section start and end in pages.
	runs map[*content.Page][2]int
}

// addLang plans the print pages of a language: its whole handbook, and
// each of its top-level sections.
func (plan *printPlan) addLang(l *content.Lang) {
	n := len(l.Pages)
	w := &langWalk{pages: make([]*content.Page, 0, n), lines: make([]printLine, 0, n), runs: map[*content.Page][2]int{}}
	plan.order = plan.walk(w, l.Home, 0, plan.order)
	plan.add(l, w, l.Home)
	for _, c := range l.Home.Children {
		if c.IsSection {
			plan.add(l, w, c)
		}
	}
}

// walk appends p and the pages below it to order and, without the
// drafts, to w, noting the runs of the home and the top-level sections.
func (plan *printPlan) walk(w *langWalk, p *content.Page, depth int, order []*content.Page) []*content.Page {
	order = append(order, p)
	start := len(w.pages)
	below := depth
	if !p.Draft {
		w.pages = append(w.pages, p)
		w.lines = append(w.lines, printLine{Title: p.Title, URL: p.URL, Kind: string(p.Kind), Depth: depth})
		below++
	}
	for _, c := range p.Children {
		order = plan.walk(w, c, below, order)
	}
	if p.IsHome || p.Parent != nil && p.Parent.IsHome {
		w.runs[p] = [2]int{start, len(w.pages)}
	}
	return order
}

// add makes the print page of root, unless root is a draft, a page of
// the site has its URL, or it would hold more than the most pages a print
// page may (no limit when the configuration has none, 0).
func (plan *printPlan) add(l *content.Lang, w *langWalk, root *content.Page) {
	if root.Draft {
		return
	}
	u := root.URL + "print/"
	if other := l.ByURL(u); other != nil {
		plan.clashes[other] = u
		return
	}
	run := w.runs[root]
	if n := run[1] - run[0]; plan.max > 0 && n > plan.max {
		plan.tooLong = append(plan.tooLong, skippedPrint{url: u, pages: n})
		return
	}
	s := &printScope{Root: root, URL: u, Pages: w.pages[run[0]:run[1]:run[1]], lines: w.lines[run[0]:run[1]:run[1]]}
	plan.scopes = append(plan.scopes, s)
	plan.byRoot[root] = s
}

// printScopesOf returns the print pages that show p: its language's, and
// its top-level section's.
func (r *Renderer) printScopesOf(p *content.Page) []*printScope {
	if p.Draft {
		return nil
	}
	var out []*printScope
	for a := p; a != nil; a = a.Parent {
		if s := r.print.byRoot[a]; s != nil {
			out = append(out, s)
		}
	}
	return out
}

// printURL is the site path of the print page of a page: the language's
// home prints the whole handbook, a top-level section itself; "" for
// every other page.
func (r *Renderer) printURL(p *content.Page) string {
	if s := r.print.byRoot[p]; s != nil {
		return s.URL
	}
	return ""
}

// writePrintClashes reports the pages whose URL a print page would have
// (the page is kept, and the print page left out), and, once, the print
// pages left out for their length.
func (r *Renderer) writePrintClashes(output.Writer) error {
	for p, u := range r.print.clashes {
		r.diags.Warnf(p.File, 0, "the page's URL %s is the print page's: the print page is left out; give the page another slug", u)
	}
	if skipped := r.print.tooLong; len(skipped) > 0 {
		// The setting is read from handbook.toml alone: a site read
		// from Hugo's configuration is not told to set it there.
		file := ""
		if r.cfg.File == config.FileName {
			file = r.cfg.File
		}
		r.diags.Warnf(file, 0, "%s left out: a print page holds at most %d pages ([print] maxPages in %s)", describeSkipped(skipped), r.print.max, config.FileName)
	}
	return nil
}

// describeSkipped names the print pages left out, and how many pages
// each would hold: the first few, and how many more.
func describeSkipped(skipped []skippedPrint) string {
	const named = 4
	parts := make([]string, 0, named+1)
	for _, s := range skipped[:min(named, len(skipped))] {
		parts = append(parts, fmt.Sprintf("%s (%d pages)", s.url, s.pages))
	}
	if more := len(skipped) - named; more > 0 {
		parts = append(parts, fmt.Sprintf("%d more", more))
	}
	what := "print page "
	if len(skipped) > 1 {
		what = fmt.Sprintf("%d print pages ", len(skipped))
	}
	return what + strings.Join(parts, ", ")
}

// isPrintURL reports whether a print page is served at the site path u.
func (r *Renderer) isPrintURL(u string) bool {
	for _, s := range r.print.scopes {
		if s.URL == u {
			return true
		}
	}
	return false
}

// printArticle is the template of one page in the print pages.
const printArticle = "print-article"

// contentMark stands for the page's converted HTML where the article's
// template shows {{.Content}}, so that the article can share that HTML
// rather than copy it. Goldmark never writes a NUL, nor html/template
// in text.
const contentMark = "\x00content\x00"

// RenderPrintFragment renders p as an article of the print pages, with
// the HTML of its last conversion, using buf as scratch space, and
// records in reads (unless nil) the pages the template read. It returns
// nil for a page no print page shows.
func (r *Renderer) RenderPrintFragment(p *content.Page, buf *bytes.Buffer, reads Reads) (*PrintFragment, error) {
	if r.layouts[printLayout] == nil || len(r.printScopesOf(p)) == 0 {
		return nil, nil
	}
	t := r.layouts[printLayout].Lookup(printArticle)
	if t == nil {
		return nil, fmt.Errorf("%s: no template %q (layouts/partials/print.html defines it)", r.theme.Source("layouts/"+printLayout), printArticle)
	}
	buf.Reset()
	// The article's template sees the page as its own layout does, with
	// the mark in place of its HTML. The mark is set in the layout's
	// data itself, not in a struct around it: text/template finds a
	// field of an embedded struct only with a walk that allocates, and
	// the article reads a dozen.
	rec := r.recorder(reads)
	defer r.release(rec)
	d := r.dataFor(p, rec)
	d.Content = contentMark
	written := false
	if r.printArticle != nil {
		var err error
		if written, err = r.printArticle(d, buf); err != nil {
			return nil, r.theme.templateProblem(err, "layouts/"+printLayout, pageName(p))
		}
	}
	if !written {
		if err := t.Execute(buf, d); err != nil {
			return nil, r.theme.templateProblem(err, "layouts/"+printLayout, pageName(p))
		}
	}
	pieces := strings.Split(buf.String(), contentMark)
	return r.printRewriter(p).article(p, pieces, string(r.bodies.of(p).HTML)), nil
}
