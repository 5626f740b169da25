package preview

import (
	"bytes"
	"errors"

	"handbook/build"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/internal/parallel"
	"handbook/build/markdown"
	"handbook/build/output"
	"handbook/build/render"
)

// Live is a site kept in memory and brought up to date file by file: the
// preview server's build. NewLive runs the same stages as Build into an
// output.Memory; UpdateContent and UpdateStatic then read again only the
// files that changed and render again only the pages that show something
// of them. A page with errors keeps its last good version in the output
// while the diagnostics say what is wrong, so the preview never shows a
// half-broken page in place of a working one.
//
// A Live is not safe for concurrent use, except its output, which a
// server may read while an update runs.
type Live struct {
	// Site is the loaded site; nil when it could not be loaded at all
	// (a broken configuration or template), which the diagnostics say.
	Site *build.Site

	out   *output.Memory
	diags *ledger
	// read is each file's page as read, before linking and without its
	// body: an edit that reads the same changed the body alone, which
	// no other page shows.
	read map[string]content.Page
	// refs are each page's links to anchors, checked again when the
	// pages they lead to change.
	refs map[*content.Page][]markdown.AnchorRef
	// reads are what each page's last rendering read of the pages.
	reads *readLog
	// held is the new output of pages with errors, kept back while
	// their last good version is served.
	held map[*content.Page][]byte
	// print keeps the print pages, put together when they are read.
	print *livePrint
	// changed records whether an update wrote to or removed from out.
	changed bool
}

// NewLive loads the site and renders all of it into a new Memory. prev,
// when not nil, is the Live this one replaces: a page with errors keeps
// prev's version. A non-nil error means the site could not be loaded;
// the Live then serves nothing, and its Diagnostics say why.
func NewLive(opts build.Options, prev *Live) (*Live, error) {
	l := &Live{
		out:   output.NewMemory(),
		diags: newLedger(),
		read:  map[string]content.Page{},
		refs:  map[*content.Page][]markdown.AnchorRef{},
		reads: newReadLog(),
		held:  map[*content.Page][]byte{},
		print: newLivePrint(),
	}
	if err := l.load(opts); err != nil {
		l.diags.addFailure(err)
		return l, err
	}
	last := l
	if prev != nil {
		last = prev
	}
	err := l.renderAll(last)
	if err != nil {
		l.diags.addFailure(err)
	}
	return l, err
}

// Output is the site as last rendered.
func (l *Live) Output() *output.Memory { return l.out }

// Diagnostics lists every problem the site has now, sorted.
func (l *Live) Diagnostics() []diag.Diagnostic { return l.diags.all() }

// load runs Load's stages, keeping each one's diagnostics apart so that
// an update can replace those of the stages it runs again.
func (l *Live) load(opts build.Options) error {
	s, err := build.LoadEach(opts, func(stage build.LoadStage, s *build.Site, found []diag.Diagnostic) {
		switch stage {
		case build.StageRead:
			for _, d := range found {
				l.diags.read[d.File] = append(l.diags.read[d.File], d)
			}
			for _, p := range s.Pages.Pages {
				l.read[p.File] = withoutBody(*p)
			}
		case build.StageLink:
			l.diags.setLink(found)
		default:
			l.diags.addBase(found)
		}
	})
	if err != nil {
		return err
	}
	s.KeepContent, s.DropMarkdown = true, true
	l.Site = s
	return nil
}

// withoutBody is a page as read, with the fields its body decides
// cleared: two readings of a file that differ only there differ only in
// the body. An update that finds so gives the page the new body, with
// exactly these fields (content.Set.PutBody).
func withoutBody(p content.Page) content.Page {
	p.BodyLine, p.TextHash = 0, ""
	return p
}

// renderAll converts and renders every page, then writes the listings,
// the print pages and the assets. last is the Live whose output a page
// with errors keeps its last version from.
func (l *Live) renderAll(last *Live) error {
	pages := l.Site.Pages.Pages
	results := l.renderPages(pages, func(*content.Page) bool { return true })
	l.keep(pages, results)
	l.checkAnchors(pages)
	for i, p := range pages {
		l.write(p, results[i], last)
	}
	l.refreshPrint()
	l.checkPrintFrames()
	l.publishPrint()
	if err := l.writeListings(true); err != nil {
		return err
	}
	return l.writeAssets()
}

// rendered is one page's output and what its rendering found.
type rendered struct {
	html      []byte // nil when its template failed
	print     *render.PrintFragment
	converted bool
	convert   []diag.Diagnostic
	template  []diag.Diagnostic
	refs      []markdown.AnchorRef
	reads     render.Reads
}

// renderPages runs the page step on pages, on all cores, converting the
// Markdown of those convert says; the others keep their last conversion.
func (l *Live) renderPages(pages []*content.Page, convert func(*content.Page) bool) []rendered {
	s := l.Site
	out := make([]rendered, len(pages))
	parallel.Each(len(pages), func() func(int) {
		scratch := s.NewPageScratch()
		return func(i int) {
			p, r := pages[i], &out[i]
			var list diag.List
			r.reads = render.Reads{}
			o := s.RenderStep(p, convert(p), true, scratch, &list, r.reads)
			if r.converted = o.Converted; o.Converted {
				r.refs, r.convert = o.AnchorRefs, list.Take()
			}
			if o.PageErr != nil {
				list.Add(diag.FromError(o.PageErr, p.File))
				r.template = list.Take()
				return
			}
			r.html, r.print = bytes.Clone(o.HTML), o.Print
			if o.PrintErr != nil {
				list.Add(diag.FromError(o.PrintErr, p.File))
				r.template = list.Take()
			}
		}
	})
	// Interface strings missing from a language are reported once, by
	// whichever page needed them first: they belong to the theme.
	l.diags.addBase(s.Diags.Take())
	return out
}

// keep records what rendering pages found.
func (l *Live) keep(pages []*content.Page, results []rendered) {
	for i, p := range pages {
		r := results[i]
		if r.converted {
			l.refs[p] = r.refs
			l.diags.setPage(p, func(d *pageDiags) { d.convert = r.convert })
		}
		l.diags.setPage(p, func(d *pageDiags) { d.template = r.template })
		l.reads.set(p, r.reads)
	}
}

// checkAnchors checks the links to anchors the pages make.
func (l *Live) checkAnchors(pages []*content.Page) {
	var list diag.List
	for _, p := range pages {
		markdown.CheckAnchors(l.refs[p], l.anchorsOf, &list)
		found := list.Take()
		l.diags.setPage(p, func(d *pageDiags) { d.anchors = found })
	}
}

// anchorsOf are p's anchors, as its last conversion found them.
func (l *Live) anchorsOf(p *content.Page) markdown.Anchors {
	if r := l.Site.Result(p); r != nil {
		return r.Anchors
	}
	return nil
}

// write puts a page's new output in place, and its article in the print
// pages, unless the page has errors and last has a version of it: that
// one is served until the errors are fixed. A page whose template failed
// (html nil) keeps its last version.
func (l *Live) write(p *content.Page, r rendered, last *Live) {
	path := render.OutputPath(p)
	if r.html == nil || l.diags.hasErrors(p) {
		if old, ok := last.out.File(path); ok {
			if last != l {
				l.put(path, old)
			}
			if r.html != nil {
				l.held[p] = r.html
			}
			l.holdPrint(p, r.print, last)
			return
		}
	}
	delete(l.held, p)
	if r.html != nil {
		l.put(path, r.html)
	}
	l.setPrint(p, r.print)
}

// flushHeld writes the held outputs of pages whose errors are gone.
func (l *Live) flushHeld() {
	for p, html := range l.held {
		switch {
		case !l.inSet(p):
			delete(l.held, p)
		case !l.diags.hasErrors(p):
			delete(l.held, p)
			l.put(render.OutputPath(p), html)
		}
	}
}

// put writes a file; one written again as it was does not count as a
// change, so that browsers do not reload for nothing.
func (l *Live) put(path string, data []byte) {
	if old, ok := l.out.File(path); ok && bytes.Equal(old, data) {
		return
	}
	// data is the page's own (rendered into a slice of its own, or
	// the last site's version, which is never changed): it is kept
	// as it is.
	l.out.Keep(path, data)
	l.changed = true
}

func (l *Live) remove(path string) {
	l.out.Remove(path)
	l.changed = true
}

// inSet reports whether p is still one of the site's pages.
func (l *Live) inSet(p *content.Page) bool {
	pages := l.Site.Pages.Pages
	return p.ID >= 0 && p.ID < len(pages) && pages[p.ID] == p
}

// writeListings writes the files that list pages, and the sitemap when
// asked.
func (l *Live) writeListings(sitemap bool) error {
	err := l.Site.Renderer().WriteListings(l.out)
	if err == nil && sitemap {
		err = l.Site.Renderer().WriteSitemap(l.out)
	}
	l.diags.listings = l.Site.Diags.Take()
	l.changed = true
	return err
}

// writeAssets writes the static files, the resources and the stylesheet.
func (l *Live) writeAssets() error {
	err := l.Site.Renderer().WriteAssets(l.out)
	l.diags.assets = l.Site.Diags.Take()
	l.changed = true
	return err
}

// errNeedsFullBuild is returned by an update that cannot be made in
// place: the caller builds the site again with NewLive.
var errNeedsFullBuild = errors.New("the change needs a full build")

// NeedsFullBuild reports whether an update's error asks for a full build.
func NeedsFullBuild(err error) bool { return errors.Is(err, errNeedsFullBuild) }
