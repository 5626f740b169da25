package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/internal/files"
	"handbook/build/output"
)

// Renderer renders a site's pages with a theme. Its templates are parsed
// once, before it is made; Render may then be called from many goroutines.
type Renderer struct {
	cfg     *config.Config
	set     *content.Set
	theme   *Theme
	tr      *translations
	diags   *diag.List
	layouts map[string]*template.Template
	// bases are the layouts whose base template is rendered in Go
	// (basetwin.go), and how; printArticle, unless nil, is the print
	// article rendered in Go (maintwin.go).
	bases        map[string]baseTwin
	printArticle func(*pageData, *bytes.Buffer) (bool, error)
	site         *siteData
	homes        []*content.Page // the languages' homes, for the templates' .Site.Homes
	print        *printPlan
	// changes are the recent changes of the "what's new" pages; nil
	// when the site has no history (UseChanges).
	changes *siteChanges
	bodies  Bodies
	// relBase is what the rel function puts before a site path.
	relBase string
	// fragments are partialCached's outputs, which twins reuse too.
	fragments *fragmentCache
	// recorders are the recorders of renderings that record nothing,
	// reused from page to page with the views they made.
	recorders sync.Pool
}

// Templates are a theme's layouts, parsed with its base template and
// partials: the part of making a Renderer that needs no page, which a
// build does while it reads the pages. They make one Renderer.
type Templates struct {
	theme  *Theme
	parsed *parsedLayouts
	cache  *fragmentCache // partialCached's, which the parsed templates call
}

// ParseTemplates parses the theme's layouts, for New.
func ParseTemplates(cfg *config.Config, theme *Theme) (*Templates, error) {
	return parseTemplates(cfg, theme, defaultTwins())
}

// parseTemplates is ParseTemplates with the partials rendered by twins
// where the theme has the default theme's own.
func parseTemplates(cfg *config.Config, theme *Theme, twins []twin) (*Templates, error) {
	theme.limit = cfg.FileSizeLimit()
	cache := newFragmentCache()
	parsed, err := parseLayouts(theme, funcs(cfg, cache), cache, twins)
	if err != nil {
		return nil, err
	}
	return &Templates{theme: theme, parsed: parsed, cache: cache}, nil
}

// newRenderer parses the theme's templates, with the partials rendered by
// twins where the theme has the default theme's own, and makes a renderer
// with them.
func newRenderer(cfg *config.Config, set *content.Set, theme *Theme, bodies Bodies, diags *diag.List, twins []twin) (*Renderer, error) {
	tpl, err := parseTemplates(cfg, theme, twins)
	if err != nil {
		return nil, err
	}
	return New(cfg, set, tpl, bodies, diags)
}

// New makes the renderer of a site's pages with the theme's templates:
// it loads the theme's interface strings and plans the print pages. The
// templates read each page's converted body from bodies.
func New(cfg *config.Config, set *content.Set, tpl *Templates, bodies Bodies, diags *diag.List) (*Renderer, error) {
	theme, parsed, cache := tpl.theme, tpl.parsed, tpl.cache
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	tr, err := loadTranslations(theme, codes, cfg.DefaultLanguage, diags)
	if err != nil {
		return nil, err
	}
	r := &Renderer{cfg: cfg, set: set, theme: theme, tr: tr, diags: diags, layouts: parsed.layouts, bases: parsed.bases, printArticle: parsed.printArticle, bodies: bodies, relBase: relBase(cfg), fragments: cache}
	r.site = &siteData{Title: cfg.Title, Handbook: usesModel(cfg, set), Search: cfg.Search, BaseURL: cfg.BaseURL, DefaultLanguage: cfg.DefaultLanguage, Languages: cfg.Languages}
	for _, l := range set.Langs {
		r.homes = append(r.homes, l.Home)
	}
	r.print = r.planPrint(set)
	r.checkSiteFiles()
	return r, nil
}

// rel is the rel function of templates: a site path as a link under the
// base path, percent-encoded.
func (r *Renderer) rel(sitePath string) string { return r.relBase + content.EscapePath(sitePath) }

// usesModel reports whether a site is the handbook's model: read from
// handbook.toml, with a page of one of the model's kinds.
func usesModel(cfg *config.Config, set *content.Set) bool {
	if cfg.Hugo {
		return false
	}
	for _, p := range set.Pages {
		if p.Kind != content.Plain {
			return true
		}
	}
	return false
}

// printing reports whether the site has print pages: where it asks for
// them, else where it is the handbook's model. On any other site, a page
// of its own may have the URL a print page would.
func (r *Renderer) printing() bool {
	if r.cfg.Print.Enable != nil {
		return *r.cfg.Print.Enable
	}
	return r.site.Handbook
}

// OutputPath is the file a page is written to.
func OutputPath(p *content.Page) string { return strings.TrimPrefix(p.URL, "/") + "index.html" }

// WritePage renders a page into buf and writes it to w. A template error
// is a content error, reported to the diagnostics at the theme file and
// line it comes from; an error writing the file is returned.
func (r *Renderer) WritePage(p *content.Page, buf *bytes.Buffer, w output.Writer) error {
	buf.Reset()
	if err := r.RenderPage(p, buf, nil); err != nil {
		r.diags.Add(diag.FromError(err, p.File))
		return nil
	}
	out := make([]byte, buf.Len())
	copy(out, buf.Bytes())
	return w.WriteFile(OutputPath(p), out)
}

// RenderPage executes a page's layout into buf, and records in reads
// (unless nil) every page the templates read, and what of it. A
// template's error is a *diag.Problem at the theme file and line it
// comes from.
func (r *Renderer) RenderPage(p *content.Page, buf *bytes.Buffer, reads Reads) error {
	name := layoutFor(p)
	t := r.layouts[name]
	if t == nil {
		name = "page.html"
		t = r.layouts[name]
	}
	rec := r.recorder(reads)
	defer r.release(rec)
	d := r.dataFor(p, rec)
	var err error
	if bt, ok := r.bases[name]; ok {
		err = r.renderBase(t, d, buf, bt)
	} else {
		err = t.Execute(buf, d)
	}
	if err != nil {
		return r.theme.templateProblem(err, "layouts/"+name, pageName(p))
	}
	return nil
}

// recorder is a recorder into reads for one rendering: for nil reads, one
// of an earlier rendering, to be given back with release once nothing
// made in the rendering is used any more.
func (r *Renderer) recorder(reads Reads) *recorder {
	if reads == nil {
		if rec, ok := r.recorders.Get().(*recorder); ok {
			return rec
		}
	}
	return newRecorder(reads, r.set, r.bodies)
}

// release gives back a recorder that records nothing for another
// rendering.
func (r *Renderer) release(rec *recorder) {
	if rec.plain {
		rec.reset()
		r.recorders.Put(rec)
	}
}

// pageName names a page in a template's error: its file, or its address
// when it has none (a section without an _index.md).
func pageName(p *content.Page) string {
	if p.File != "" {
		return p.File
	}
	return p.URL
}

// dataFor is what p's layout sees as ".", its pages seen through rec.
// What it works out from the pages before the templates run (the
// navigation, the breadcrumbs, the other languages) it records as read.
func (r *Renderer) dataFor(p *content.Page, rec *recorder) *pageData {
	lang, _ := r.cfg.Language(p.Lang)
	l := r.set.Lang(p.Lang)
	d, site := rec.newData()
	*site = *r.site
	site.Homes = rec.viewsOf(r.homes)
	sections, alternates := d.Sections[:0], d.Alternates[:0]
	*d = pageData{pageView: rec.recording(p), Site: site, Language: lang, Home: rec.view(l.Home), r: r}
	d.Sections, d.Alternates = sections, alternates
	rec.note(p, ReadMeta)
	d.copyPageFields()
	d.Locale = r.tr.locale(lang.Code)
	d.Permalink = r.absURL(p.URL)
	d.LangTitle = lang.Title
	if d.LangTitle == "" {
		d.LangTitle = r.cfg.Title
	}
	d.LangDescription = lang.Description
	if d.LangDescription == "" {
		d.LangDescription = r.cfg.Description
	}
	if l.Home != nil {
		rec.note(l.Home, ReadChildren)
		for _, c := range l.Home.Children {
			if c.IsSection {
				d.Sections = append(d.Sections, rec.view(c))
			}
		}
	}
	d.Breadcrumbs = rec.ancestors(p)
	if len(d.Breadcrumbs) > 1 {
		d.TopSection = d.Breadcrumbs[1]
	} else if p.IsSection && !p.IsHome {
		d.TopSection = rec.view(p)
	}
	for _, other := range r.set.Langs {
		if other.Code == p.Lang {
			continue
		}
		alt := alternate{Language: other.Language, Home: rec.view(other.Home)}
		for _, t := range p.Translations {
			rec.note(t, ReadMeta)
			if t.Lang == other.Code {
				alt.Page = rec.view(t)
			}
		}
		d.Alternates = append(d.Alternates, alt)
	}
	d.XDefault = rec.view(p)
	if p.Lang != r.cfg.DefaultLanguage {
		d.XDefault = nil
		for _, a := range d.Alternates {
			if a.Language.Code == r.cfg.DefaultLanguage {
				d.XDefault = a.Page
			}
		}
	}
	d.Untranslated = d.untranslated()
	d.PrintURL, d.FeedURL, d.ChangesURL = r.printURL(p), r.feedURL(lang.Code), r.changesURL(lang.Code)
	return d
}

// WriteSiteFiles writes everything that is not a page: the language
// chooser at "/", 404.html, aliases, sitemap.xml, robots.txt, the theme's
// and the site's static files, the resources beside the pages and the
// code-highlighting stylesheet; and it reports the pages whose URL a
// print page would have. The print pages are written with the pages
// (PrintBook).
func (r *Renderer) WriteSiteFiles(w output.Writer) error {
	steps := []func(output.Writer) error{
		r.writeRoot, r.writeAliases, r.writePrintClashes, r.writeSitemap, r.writeRobots,
		r.writeAssets, r.writeResources, r.writeSyntaxCSS, r.writeChanges,
	}
	for _, step := range steps {
		if err := step(w); err != nil {
			return err
		}
	}
	return nil
}

// defaultHome is the default language's home, the page "/" and 404.html
// are rendered as.
func (r *Renderer) defaultHome() *content.Page {
	return r.set.Lang(r.cfg.DefaultLanguage).Home
}

func (r *Renderer) writeRoot(w output.Writer) error {
	for name, file := range map[string]string{"root.html": "index.html", "404.html": "404.html"} {
		var buf bytes.Buffer
		if err := r.layouts[name].Execute(&buf, r.dataFor(r.defaultHome(), newRecorder(nil, r.set, r.bodies))); err != nil {
			return r.theme.templateProblem(err, "layouts/"+name, "")
		}
		if err := w.WriteFile(file, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func (r *Renderer) writeAssets(w output.Writer) error {
	for _, name := range r.theme.Files("static") {
		data, err := r.theme.ReadFile(name)
		if err != nil {
			return err
		}
		if err := w.WriteFile(strings.TrimPrefix(name, "static/"), data); err != nil {
			return err
		}
	}
	return r.copyStatic(w)
}

// copyStatic copies the site's static folder. A linked folder is copied
// as if it were there; a file that is not a regular one (a named pipe
// would block the copy, a device never end it) or is over the size limit,
// and a link loop, are errors of the file, and the file is left out.
func (r *Renderer) copyStatic(w output.Writer) error {
	staticDir := filepath.Join(r.cfg.Root, "static")
	var copyErr error
	fw := &files.Walker{
		Root: r.cfg.Root,
		Skip: content.IgnoredName,
		Visit: func(p string, d fs.DirEntry) {
			if err := files.CheckEntry(d, r.cfg.FileSizeLimit()); err != nil {
				r.diags.Errorf(r.siteFile(p), 0, "%v", err)
				return
			}
			rel, _ := filepath.Rel(staticDir, p)
			if err := w.CopyFile(filepath.ToSlash(rel), p); err != nil && copyErr == nil {
				copyErr = fmt.Errorf("copying %s: %w", r.siteFile(p), files.WithoutPath(err))
			}
		},
		Bad: func(p string, err error) { r.diags.Errorf(r.siteFile(p), 0, "%v", err) },
	}
	if err := fw.Walk(staticDir); err != nil {
		return err
	}
	return copyErr
}

// siteFile is p's slash path from the site's root, as diagnostics name
// files.
func (r *Renderer) siteFile(p string) string {
	rel, err := filepath.Rel(r.cfg.Root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

func (r *Renderer) writeResources(w output.Writer) error {
	for _, res := range r.set.Resources {
		if err := w.CopyFile(strings.TrimPrefix(res.URL, "/"), res.Src); err != nil {
			return fmt.Errorf("copying %s: %w", r.siteFile(res.Src), files.WithoutPath(err))
		}
	}
	return nil
}

// StaticExists reports whether a site path is served by a theme asset or
// a file of the site's static folder; links to such paths are not dead.
func StaticExists(root string, theme *Theme) func(string) bool {
	return func(sitePath string) bool {
		clean := path.Clean("/" + sitePath)[1:]
		if theme.Has("static/" + clean) {
			return true
		}
		_, err := os.Stat(filepath.Join(root, "static", filepath.FromSlash(clean)))
		return err == nil
	}
}
