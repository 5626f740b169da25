package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/history"
	"handbook/build/internal/parallel"
	"handbook/build/markdown"
	"handbook/build/output"
	"handbook/build/render"
	"handbook/build/search"
	"handbook/themes"
)

// Options say which site to build and how.
type Options struct {
	// Source is the site's root folder.
	Source    string
	Overrides config.Overrides
	// Force lets Build replace a non-empty output folder that no build
	// wrote (it carries no output.StampFile). The site's own files are
	// never replaced, Force or not.
	Force bool
}

// Site is one build of a site, from configuration to written files.
type Site struct {
	Config *config.Config
	Pages  *content.Set
	Diags  *diag.List
	Theme  *render.Theme
	// Timings records how long each stage took, in pipeline order.
	Timings []StageTiming

	// KeepContent keeps each page's whole conversion after the page is
	// written, for a driver that renders pages again later (the preview
	// server). Otherwise Render lets a page's HTML and text go once the
	// page is written and indexed, so the whole site's is never in memory
	// at once; its headings, anchors and links stay, for the checks,
	// unless DropMarkdown says the site renders once: then only its
	// anchors stay (a home's headings and links too), and they go once
	// the anchors are checked and the site's files written.
	KeepContent bool

	// Index is the search index of the last Render; nil when the site
	// has search turned off.
	Index *search.Index
	// Synonyms are the site's synonym files, which the index carries.
	Synonyms *search.Synonyms

	// DropMarkdown lets each page's Markdown go from the set once
	// converted (content.Set.LetBodyGo), so that a large site's is not
	// all held to the end. Build sets it, as it renders the site once;
	// so does a driver that reads a page's file again before it converts
	// it again (the preview). A site from Load keeps it, and renders
	// again.
	DropMarkdown bool

	converter *markdown.Converter
	renderer  *render.Renderer
	results   *results
	// history is the site's git history; nil when it has none.
	history *history.Log
}

// StageTiming is the duration of one stage.
type StageTiming struct {
	Stage    string
	Duration time.Duration
}

// Load runs the stages that read: configuration, content and linking,
// and parses the theme. The Site it returns is ready to render.
// A non-nil error means the site could not be loaded at all; content
// problems are in Diags, and diag.ErrContent is returned when any of them
// is an error.
func Load(opts Options) (*Site, error) {
	return load(opts, true, nil, nil)
}

// LoadStage names a stage of LoadEach.
type LoadStage int

// The stages of LoadEach, in the order they run.
const (
	// StageConfig reads the configuration.
	StageConfig LoadStage = iota
	// StageRead reads every language's pages; they are not linked yet.
	StageRead
	// StageLink links sections, translations and relations.
	StageLink
	// StageSynonyms reads the search's synonym files.
	StageSynonyms
	// StageTemplates parses the theme's templates.
	StageTemplates
)

// LoadEach is Load for a driver that keeps each stage's diagnostics
// apart, to replace them when it runs that stage again (the preview):
// after each stage that ran, done is called with the site as that stage
// left it and the diagnostics the stage found, which are taken out of
// the site's Diags. A stage that fails ends the load with its error;
// content errors do not, since the driver holds them.
func LoadEach(opts Options, done func(LoadStage, *Site, []diag.Diagnostic)) (*Site, error) {
	return load(opts, true, nil, done)
}

// load is Load, with a check of the configuration run before any content
// is read (a build refuses a bad output folder before it does any work),
// and with done, unless nil, called after each stage as LoadEach says.
// Unless holdBodies, the set holds no page's Markdown, which the render
// step reads again (content.LoadWithoutBodies): the site renders once.
func load(opts Options, holdBodies bool, checkConfig func(*Site) error, done func(LoadStage, *Site, []diag.Diagnostic)) (*Site, error) {
	s := &Site{Diags: &diag.List{}, results: newResults()}
	after := func(st LoadStage) {
		if done != nil {
			done(st, s, s.Diags.Take())
		}
	}
	var err error
	s.stage("config", func() { s.Config, err = config.Load(opts.Source, opts.Overrides, s.Diags) })
	after(StageConfig)
	if err != nil {
		if s.Diags.HasErrors() {
			return s, diag.ErrContent
		}
		return s, err
	}
	if checkConfig != nil {
		if err := checkConfig(s); err != nil {
			return s, err
		}
	}
	applyHistory := s.startHistory()
	theme := s.startTemplates()
	s.stage("read", func() {
		if holdBodies {
			s.Pages, err = content.Load(s.Config, s.Diags)
		} else {
			s.Pages, err = content.LoadWithoutBodies(s.Config, s.Diags)
		}
	})
	if err != nil {
		return s, err // the history's and the templates' goroutines end on their own
	}
	after(StageRead)
	s.stage("link", func() { content.Link(s.Pages, s.Config, s.Diags) })
	s.stage("history", applyHistory)
	after(StageLink)
	s.Synonyms = search.LoadSynonyms(s.Config.Root, langCodes(s.Pages), s.Diags)
	after(StageSynonyms)
	parsed := <-theme
	if parsed.theme == nil {
		return s, parsed.err
	}
	s.Theme = parsed.theme
	s.converter = markdown.NewConverter(s.Config, s.Pages, render.StaticExists(s.Config.Root, s.Theme))
	s.stage("templates", func() {
		if err = parsed.err; err == nil {
			s.renderer, err = s.rendererWith(parsed.templates)
		}
	})
	after(StageTemplates)
	if err != nil {
		return s, err
	}
	if s.Diags.HasErrors() {
		return s, diag.ErrContent
	}
	return s, nil
}

// Renderer is the site's renderer, for a driver that writes some of the
// site's files again (the preview): the listings, the sitemap, the
// assets, the print pages.
func (s *Site) Renderer() *render.Renderer { return s.renderer }

// Result is p's last conversion, as the page step recorded it: what the
// templates, the index and the checks read of its body. Nil when p was
// never converted, and after a Render with DropMarkdown and without
// KeepContent (a build). After a Render without either, it holds the
// page's headings, anchors and links, not its HTML nor its text.
func (s *Site) Result(p *content.Page) *markdown.Result { return s.results.of(p) }

// Forget lets the last conversion of p go: p left the site.
func (s *Site) Forget(p *content.Page) { s.results.forget(p) }

// RenewRenderer makes the site's renderer anew, once its pages were
// linked again: the new one forgets the partials the old one cached
// (the navigation shows section titles) and sees the languages' homes
// as they are now. Its diagnostics go to Diags.
func (s *Site) RenewRenderer() error {
	r, err := s.newRenderer()
	if err != nil {
		return err // render.New's errors name the template, for the diagnostics
	}
	s.renderer = r
	return nil
}

// newRenderer makes the site's renderer, its templates parsed anew.
func (s *Site) newRenderer() (*render.Renderer, error) {
	tpl, err := render.ParseTemplates(s.Config, s.Theme)
	if err != nil {
		return nil, err
	}
	return s.rendererWith(tpl)
}

// rendererWith makes the site's renderer from its parsed templates, with
// the recent changes of its history for the "what's new" pages.
func (s *Site) rendererWith(tpl *render.Templates) (*render.Renderer, error) {
	r, err := render.New(s.Config, s.Pages, tpl, s.results.of, s.Diags)
	if err == nil && s.history != nil && s.Config.History.ChangesMonths > 0 {
		r.UseChanges(s.history.Changes, s.history.Newest)
	}
	return r, err
}

// parsedTheme is the site's theme and its templates, parsed, or why not:
// err with a nil theme when the theme is not there, with a theme when
// its templates do not parse.
type parsedTheme struct {
	theme     *render.Theme
	templates *render.Templates
	err       error
}

// startTemplates finds the site's theme and parses its templates on a
// goroutine of their own, which needs no page: they are ready when the
// pages are read and linked (10 to 15 ms of a build that is otherwise on
// one core or waiting on files).
func (s *Site) startTemplates() <-chan parsedTheme {
	done := make(chan parsedTheme, 1)
	go func() {
		var p parsedTheme
		p.theme, p.err = render.NewTheme(s.Config.Root, s.Config.Theme, themes.Default())
		if p.err == nil {
			p.templates, p.err = render.ParseTemplates(s.Config, p.theme)
		}
		done <- p
	}()
	return done
}

// Render converts every page's Markdown, renders it and writes it to w,
// page by page on all cores, in reading order so that the print pages
// are put together from the pages as they come, indexes the pages, and
// writes the site's other files. Links to anchors are checked once every
// page is converted; a broken one makes Render return diag.ErrContent
// after the files are written, which is why Build writes into a staging
// folder.
func (s *Site) Render(w output.Writer) error {
	return s.render(context.Background(), w)
}

// render is Render, stopping early with ctx's error once ctx is done.
func (s *Site) render(ctx context.Context, w output.Writer) error {
	var (
		mu        sync.Mutex
		anchors   []markdown.AnchorRef
		writeErr  error
		scratches []*PageScratch
	)
	keep := func(refs []markdown.AnchorRef, err error) {
		mu.Lock()
		anchors = append(anchors, refs...)
		if err != nil && writeErr == nil {
			writeErr = err
		}
		mu.Unlock()
	}
	if s.Config.Search {
		s.Index = search.NewIndex(s.Pages)
		s.Index.SetSynonyms(s.Synonyms)
		// What the index spilled to disk goes, whether or not it is
		// written; the site is whole without it.
		defer func() {
			if err := s.Index.Close(); err != nil {
				s.Diags.Warnf("", 0, "%v", err)
			}
		}()
	}
	s.stage("render", func() {
		// The pages are rendered in reading order, so that the print
		// pages, which hold them in that order, are put together as
		// they come.
		var book render.PrintPages
		order := s.Pages.Pages
		if b := s.renderer.NewPrintBook(w); b != nil {
			book, order = b, b.Order()
		}
		parallel.Each(len(order), func() func(int) {
			scratch := s.NewPageScratch()
			mu.Lock()
			scratches = append(scratches, scratch)
			mu.Unlock()
			return func(i int) {
				if ctx.Err() == nil {
					keep(s.renderOne(book, order[i], scratch, w))
				}
			}
		})
		parallel.Each(len(scratches), func() func(int) {
			return func(i int) { keep(nil, s.indexPages(scratches[i], w)) }
		})
		if writeErr == nil {
			writeErr = ctx.Err()
		}
		markdown.CheckAnchors(anchors, s.results.anchors, s.Diags)
		s.converter.ReportShortcodes(s.Diags)
	})
	if writeErr == nil {
		s.stage("files", func() { writeErr = s.writeFiles(w) })
	}
	if writeErr != nil {
		return writeErr
	}
	if s.Diags.HasErrors() {
		return diag.ErrContent
	}
	return nil
}

// writeFiles writes the site's other files (the root, the sitemap, the
// assets, the print pages' clashes, the changes) and the search index
// together. Each has a long part on one core: at 2×100,000 pages the
// sitemap took 1.1 s, and the index's larger language merged its runs
// for 1.4 s after the other was done, each while the other core waited.
func (s *Site) writeFiles(w output.Writer) error {
	var indexErr error
	var wg sync.WaitGroup
	if s.Index != nil {
		wg.Go(func() { indexErr = s.Index.Write(w) })
	}
	siteErr := s.renderer.WriteSiteFiles(w)
	if s.DropMarkdown && !s.KeepContent {
		// A site without its Markdown does not render again: once the
		// anchors are checked and every file that reads the pages is
		// written, their results go, as the index, the largest of a
		// build, is still being written.
		s.results.clear()
	}
	wg.Wait()
	return errors.Join(siteErr, indexErr)
}

// PageScratch is what one goroutine reuses from page to page of
// RenderStep. One is made by NewPageScratch, and used by one goroutine.
type PageScratch struct {
	markdown, html, print bytes.Buffer
	// body is the space a page's body is read into again, done with
	// once the page is converted.
	body      content.BodySpace
	tokenizer *search.Tokenizer
	// unindexed are the pages rendered and not yet indexed, with what
	// the index reads of their bodies. They are indexed indexBatch at a
	// time: indexed one by one, between pages whose rendering fills the
	// processor's caches with templates and Markdown, each page found
	// the tokenizer's tables evicted, and adding pages to the index took
	// 40% longer.
	unindexed []unindexed
	base      string // the base path links start with, without its last "/"
}

// unindexed is a page rendered and not yet indexed, and what the index
// reads of its body: held here, not in the page's result, which a build
// lets go once the page is written.
type unindexed struct {
	page *content.Page
	body search.Body
}

// indexBatch is how many pages a goroutine renders before it indexes
// them: enough for the tables to stay in cache, few enough that the
// pages' text is never much of the memory.
const indexBatch = 64

// NewPageScratch makes the space a goroutine reuses from page to page of
// RenderStep.
func (s *Site) NewPageScratch() *PageScratch {
	return &PageScratch{tokenizer: search.NewTokenizer(), base: strings.TrimSuffix(s.Config.BasePath(), "/")}
}

// renderOne runs the page step on a page, writes the page, hands its
// article to the print pages (book, nil when the site has none) and,
// every indexBatch pages, indexes those rendered. It returns the links to
// anchors left to check, and an error writing files.
func (s *Site) renderOne(book render.PrintPages, p *content.Page, scratch *PageScratch, w output.Writer) ([]markdown.AnchorRef, error) {
	o := s.RenderStep(p, true, book != nil, scratch, s.Diags, nil)
	r := s.results.of(p)
	var err error
	if o.PageErr != nil {
		s.Diags.Add(diag.FromError(o.PageErr, p.File))
	} else {
		err = w.WriteFile(render.OutputPath(p), o.HTML)
	}
	if book != nil {
		// A page whose article does not render is reported, and left
		// out of the print pages.
		if o.PrintErr != nil {
			s.Diags.Add(diag.FromError(o.PrintErr, p.File))
		}
		if perr := book.Put(p, o.Print); err == nil {
			err = perr
		}
	}
	switch {
	case s.KeepContent:
	case s.DropMarkdown && s.numbered(p) && !p.IsHome:
		// A site that renders once keeps of a written page only what
		// the anchor checks read. A home keeps its headings and links:
		// the site's root and 404 pages are its own, rendered once
		// every page is written.
		s.results.keepAnchors(p, r.Anchors)
	default:
		// The page is written and in the print pages, and its text goes
		// to the index with it: its HTML and text are let go, so that
		// the site's never is all in memory.
		s.results.set(p, written(r))
	}
	if s.Index == nil {
		return o.AnchorRefs, err
	}
	scratch.unindexed = append(scratch.unindexed, unindexed{p, search.Body{Headings: r.TOC, Text: r.Text}})
	if len(scratch.unindexed) == indexBatch {
		if ierr := s.indexPages(scratch, w); err == nil {
			err = ierr
		}
	}
	return o.AnchorRefs, err
}

// numbered says whether p's ID is its place among the site's pages, as
// Link numbers them.
func (s *Site) numbered(p *content.Page) bool {
	return p.ID >= 0 && p.ID < len(s.Pages.Pages) && s.Pages.Pages[p.ID] == p
}

// StepOutput is what the page step made of one page.
type StepOutput struct {
	// HTML is the rendered page, in the scratch's buffer: valid until
	// the scratch's next page. Nil when the page's template failed.
	HTML []byte
	// Print is the page's article of the print pages; nil for a page
	// no print page shows.
	Print *render.PrintFragment
	// Converted says whether the Markdown was converted; AnchorRefs are
	// then its links to anchors, to check once every page is converted.
	Converted  bool
	AnchorRefs []markdown.AnchorRef
	// PageErr and PrintErr are the errors of the page's template and of
	// its article's.
	PageErr, PrintErr error
}

// RenderStep is the one step every page goes through, in a build and in
// the preview: it converts p's Markdown when convert says so (otherwise
// p keeps its last conversion) and records the result as p's, which the
// templates read, then renders the page, and its print article when
// print says so, into scratch. The conversion's diagnostics go to diags; the templates'
// errors are returned, for the caller to report as it shows them.
// reads, unless nil, records every page the templates read.
func (s *Site) RenderStep(p *content.Page, convert, print bool, scratch *PageScratch, diags *diag.List, reads render.Reads) StepOutput {
	var o StepOutput
	if convert {
		// In a build the body is read here again, and let go with
		// the conversion: the set holds none.
		body, err := s.Pages.ReadBodyInto(p, &scratch.body)
		if err != nil {
			diags.Errorf(p.File, 0, "%v", err)
		}
		r := s.converter.Convert(p, body, &scratch.markdown, diags)
		s.results.set(p, &r)
		o.Converted, o.AnchorRefs = true, r.AnchorRefs
		if s.DropMarkdown {
			s.Pages.LetBodyGo(p)
		}
	}
	scratch.html.Reset()
	if o.PageErr = s.renderer.RenderPage(p, &scratch.html, reads); o.PageErr == nil {
		o.HTML = scratch.html.Bytes()
	}
	if print {
		o.Print, o.PrintErr = s.renderer.RenderPrintFragment(p, &scratch.print, reads)
	}
	return o
}

// indexPages adds the scratch's unindexed pages to the index, and writes
// their document files.
func (s *Site) indexPages(scratch *PageScratch, w output.Writer) error {
	var err error
	for _, u := range scratch.unindexed {
		s.Index.Add(u.page, u.body, scratch.tokenizer)
		if werr := s.Index.WriteDoc(u.page, u.body.Text, scratch.base, w); err == nil {
			err = werr
		}
	}
	clear(scratch.unindexed)
	scratch.unindexed = scratch.unindexed[:0]
	return err
}

// Build loads the site and writes it atomically to its output folder: the
// previous output stays in place, untouched, unless the whole build
// succeeds. It refuses, before writing anything, an output folder that is
// or holds the site's own files, or that no build wrote (see Guard).
func Build(opts Options) (*Site, error) {
	return BuildContext(context.Background(), opts)
}

// BuildContext is Build, stopped when ctx is done (Ctrl-C): the pages in
// flight finish, the staging folder is removed, the previous output
// stays as it was, and ctx's error is returned. The Site returned holds
// no page's Markdown: each body is read again from its file when the
// page is converted, and let go with it (content.LoadWithoutBodies), so
// it does not render again (Load and Render do). A file changed since
// it was read fails the build.
func BuildContext(ctx context.Context, opts Options) (*Site, error) {
	s, err := load(opts, false, func(s *Site) error { return s.guard(opts.Force).Check(s.Config.OutputDir) }, nil)
	if err != nil {
		return s, err
	}
	s.DropMarkdown = true
	dir, err := output.NewDir(s.Config.OutputDir, s.guard(opts.Force))
	if err != nil {
		return s, err
	}
	if dir.Replaced > 0 {
		s.Diags.Warnf("", 0, "--force: replacing %s, whose %d entries no build wrote", s.Config.OutputDir, dir.Replaced)
	}
	stop := context.AfterFunc(ctx, dir.Abort)
	defer stop()
	if err := s.render(ctx, dir); err != nil {
		dir.Abort()
		return s, err
	}
	if err := ctx.Err(); err != nil {
		return s, err
	}
	s.stage("write", func() { err = dir.Commit() })
	return s, err
}

// guard names what the output folder must never replace: the site's
// folder, and every folder and file a build reads.
func (s *Site) guard(force bool) output.Guard {
	root := s.Config.Root
	sources := []string{filepath.Join(root, ".git")}
	for _, name := range []string{"content", "themes", "static", "i18n", "layouts", "data", "assets", "config"} {
		sources = append(sources, filepath.Join(root, name))
	}
	if s.Config.File != "" {
		sources = append(sources, filepath.Join(root, s.Config.File))
	}
	for _, l := range s.Config.Languages {
		sources = append(sources, filepath.Join(root, l.ContentDir))
	}
	return output.Guard{Root: root, Sources: sources, Force: force}
}

func (s *Site) stage(name string, f func()) {
	start := time.Now()
	f()
	s.Timings = append(s.Timings, StageTiming{name, time.Since(start)})
}

// IsContentError reports whether err means the content has errors, listed
// in the Diags, rather than a failure of the machine.
func IsContentError(err error) bool { return errors.Is(err, diag.ErrContent) }

// Summary describes what was built: pages per language and kind.
func (s *Site) Summary() string {
	var b strings.Builder
	for _, l := range s.Pages.Langs {
		counts := map[string]int{}
		for _, p := range l.Pages {
			counts[kindLabel(p)]++
		}
		keys := make([]string, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%d %s", counts[k], k)
		}
		fmt.Fprintf(&b, "  %s: %d pages (%s)\n", l.Code, len(l.Pages), strings.Join(parts, ", "))
	}
	if s.Pages.Skipped > 0 {
		fmt.Fprintf(&b, "  %d drafts left out (--drafts includes them)\n", s.Pages.Skipped)
	}
	return b.String()
}

func kindLabel(p *content.Page) string {
	switch {
	case p.IsSection:
		return "sections"
	case p.Kind == content.Plain:
		return "pages"
	case p.Kind == content.Story:
		return "stories"
	}
	return string(p.Kind) + "s"
}

// langCodes are the codes of the languages of set.
func langCodes(set *content.Set) []string {
	var codes []string
	for _, l := range set.Langs {
		codes = append(codes, l.Code)
	}
	return codes
}
