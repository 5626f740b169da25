package render

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"

	"handbook/build/config"
	"handbook/build/diag"
)

// frameHTML is a print page around its articles: the document up to the
// first article, with the table of contents, and after the last.
type frameHTML struct {
	Head, Tail []byte
}

// printFrameData is what a print page's frame shows, copied from the
// pages: the preview renders the frame only when a reader opens the print
// page, on the server's goroutine, while the pages go on changing.
type printFrameData struct {
	data printData
}

// printData is what the print layout sees as ".": the root page's title
// and description, the language and the site, the table of contents, and
// the articles. It holds no page, only copies.
type printData struct {
	Title, Description string
	// URL is the root page's site path, PrintURL the print page's.
	URL, PrintURL string
	IsHome        bool
	Language      config.Language
	LangTitle     string
	Site          printSite
	// Articles are the pages, one article each.
	Articles template.HTML

	lines []printLine // the table of contents, the root's line first
	tr    *translations
}

// printSite is the site as the print layout sees it.
type printSite struct {
	Title           string
	BaseURL         string
	DefaultLanguage string
	Languages       []config.Language
}

// T translates an interface string into the print page's language.
func (d *printData) T(key string) string { return d.tr.get(d.Language.Code, key) }

// Tr translates an interface string and fills its placeholders.
func (d *printData) Tr(key string, pairs ...any) string {
	args := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		args[fmt.Sprint(pairs[i])] = fmt.Sprint(pairs[i+1])
	}
	return format(d.T(key), args)
}

// printEntry is one line of a table of contents, with the lines of the
// pages below it.
type printEntry struct {
	Title string
	// URL is the page's site path; Kind its kind ("" for a plain page).
	URL      string
	Kind     string
	Children []printEntry
}

// Href is the link to the page's article: "#" and its anchor, a URL's
// path escaped as a fragment, which is safe as a link.
func (e printEntry) Href() template.URL {
	return template.URL("#" + escapeFragment(e.URL[1:]))
}

// Contents is the table of contents: the root, then a tree of each of its
// children.
func (d *printData) Contents() []printEntry {
	if len(d.lines) == 0 {
		return nil
	}
	root := d.lines[0]
	out := []printEntry{{Title: root.Title, URL: root.URL, Kind: root.Kind}}
	children, _ := tree(d.lines, 1, root.Depth+1)
	return append(out, children...)
}

// tree makes the entries of the lines from i on that are depth deep, with
// the deeper lines after each below it, and returns where it stopped.
func tree(lines []printLine, i, depth int) ([]printEntry, int) {
	var out []printEntry
	for i < len(lines) && lines[i].Depth == depth {
		l := lines[i]
		e := printEntry{Title: l.Title, URL: l.URL, Kind: l.Kind}
		e.Children, i = tree(lines, i+1, depth+1)
		out = append(out, e)
	}
	return out, i
}

// Equal reports whether two print pages show the same frame.
func (d *printFrameData) Equal(e *printFrameData) bool {
	if d == nil || e == nil {
		return d == e
	}
	a, b := d.data, e.data
	return a.Title == b.Title && a.Description == b.Description && a.URL == b.URL && a.PrintURL == b.PrintURL &&
		a.IsHome == b.IsHome && a.LangTitle == b.LangTitle && slices.Equal(a.lines, b.lines)
}

// frameData copies what the frame of the print page s shows.
func (r *Renderer) frameData(s *printScope) *printFrameData {
	lang, _ := r.cfg.Language(s.Root.Lang)
	d := printData{
		Title: s.Root.Title, Description: s.Root.Description, URL: s.Root.URL, PrintURL: s.URL,
		IsHome: s.Root.IsHome, Language: lang, LangTitle: lang.Title,
		Site:  printSite{Title: r.site.Title, BaseURL: r.site.BaseURL, DefaultLanguage: r.site.DefaultLanguage, Languages: r.site.Languages},
		lines: s.lines,
		tr:    r.tr,
	}
	if d.LangTitle == "" {
		d.LangTitle = r.cfg.Title
	}
	return &printFrameData{data: d}
}

// renderFrame renders a print page's frame. It reads no page, so it
// may run on any goroutine.
func (r *Renderer) renderFrame(f *printFrameData) (frameHTML, error) {
	d := f.data
	d.Articles = articlesMark
	var buf bytes.Buffer
	if err := r.layouts[printLayout].Execute(&buf, &d); err != nil {
		return frameHTML{}, r.theme.templateProblem(err, "layouts/"+printLayout, "")
	}
	head, tail, ok := bytes.Cut(buf.Bytes(), []byte(articlesMark))
	if !ok || bytes.Contains(tail, []byte(articlesMark)) {
		return frameHTML{}, fmt.Errorf("%s must show {{.Articles}} once, in the page's body", r.theme.Source("layouts/"+printLayout))
	}
	return frameHTML{Head: head, Tail: tail}, nil
}

// frame renders a print page's frame, reporting an error of the
// print layout, at the layout, with the site's other diagnostics.
func (r *Renderer) frame(d *printFrameData) (frameHTML, bool) {
	frame, err := r.renderFrame(d)
	if err != nil {
		problem := diag.FromError(err, r.theme.Source("layouts/"+printLayout))
		problem.Message = d.data.PrintURL + ": " + problem.Message
		r.diags.Add(problem)
		return frameHTML{}, false
	}
	return frame, true
}
