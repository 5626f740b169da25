package build

import (
	"html"
	"slices"

	"handbook/build/content"
	"handbook/build/render"
)

// livePrint keeps the print pages of a Live site. Each page's article is
// made when the page is rendered, and kept; a print page is put together
// from its pages' articles only when it is read (output.WriteLazy), since
// it holds a whole language's handbook: assembling it at every save
// would cost as much as the handbook is long, and a reader seldom has it
// open. An edit of a page's body costs its article, and a new list of the
// articles of the print pages that hold it.
type livePrint struct {
	scopes []*render.PrintScope
	// frames are what each print page's frame shows, by its URL, and
	// renderer the renderer that renders them.
	frames   map[string]*render.PrintFrameData
	renderer *render.Renderer
	// frags are the articles of the pages as served; held are those of
	// pages with errors, kept back as their HTML is.
	frags map[*content.Page]*render.PrintFragment
	held  map[*content.Page]*render.PrintFragment
	// dirty are the URLs of the print pages to put in the output again;
	// remade those whose pages are not the ones published, changed the
	// pages whose articles changed since.
	dirty   map[string]bool
	remade  map[string]bool
	changed []*content.Page
	// published are the articles of each print page as last put in the
	// output, by its URL; never changed once published.
	published map[string][]*render.PrintFragment
	// byURL finds the articles by their page's URL, for a full build
	// that keeps the last good article of a page with errors; made when
	// first needed.
	byURL map[string]*render.PrintFragment
}

func newLivePrint() *livePrint {
	return &livePrint{
		frames: map[string]*render.PrintFrameData{},
		frags:  map[*content.Page]*render.PrintFragment{},
		held:   map[*content.Page]*render.PrintFragment{},
		dirty:  map[string]bool{},
		remade: map[string]bool{},

		published: map[string][]*render.PrintFragment{},
	}
}

// setPrint makes f the article of p that the print pages show.
func (l *Live) setPrint(p *content.Page, f *render.PrintFragment) {
	lp := l.print
	delete(lp.held, p)
	if old, ok := lp.frags[p]; ok && old.Equal(f) || !ok && f == nil {
		return
	}
	if f == nil {
		delete(lp.frags, p)
	} else {
		lp.frags[p] = f
	}
	lp.changed = append(lp.changed, p)
	for _, s := range l.Site.renderer.PrintScopesOf(p) {
		lp.dirty[s.URL] = true
	}
}

// holdPrint keeps showing the last good article of p, which has errors,
// as its HTML is kept; f, its new article, waits for the errors to go.
// last is the Live whose output p's HTML was kept from.
func (l *Live) holdPrint(p *content.Page, f *render.PrintFragment, last *Live) {
	good := last.print.lastGood(p, last == l)
	if good == nil {
		l.setPrint(p, f)
		return
	}
	l.setPrint(p, good)
	if f != nil {
		l.print.held[p] = f
	}
}

// lastGood is the article the print pages show of p, found by p itself
// in the same Live, by its URL in a Live it replaces.
func (lp *livePrint) lastGood(p *content.Page, same bool) *render.PrintFragment {
	if same {
		return lp.frags[p]
	}
	if lp.byURL == nil {
		lp.byURL = make(map[string]*render.PrintFragment, len(lp.frags))
		for q, f := range lp.frags {
			lp.byURL[q.URL] = f
		}
	}
	return lp.byURL[p.URL]
}

// flushPrint shows the held articles of pages whose errors are gone.
func (l *Live) flushPrint() {
	for p, f := range l.print.held {
		switch {
		case !l.inSet(p):
			delete(l.print.held, p)
		case !l.diags.hasErrors(p):
			l.setPrint(p, f)
		}
	}
}

// refreshPrint takes the print pages of the renderer, made anew after
// the pages were linked again: those whose table of contents or pages
// changed are marked to be put together again, and those that are gone
// leave the output. What a frame shows is copied now and rendered when
// the print page is read: a table of contents lists a whole language's
// pages, which an edit of a title must not cost.
func (l *Live) refreshPrint() {
	s, lp := l.Site, l.print
	old := map[string]*render.PrintScope{}
	for _, sc := range lp.scopes {
		old[sc.URL] = sc
	}
	frames := map[string]*render.PrintFrameData{}
	for _, sc := range s.renderer.PrintScopes() {
		data := s.renderer.PrintFrameData(sc)
		prev, ok := old[sc.URL]
		switch {
		case !ok || !slices.Equal(prev.Pages, sc.Pages):
			lp.dirty[sc.URL], lp.remade[sc.URL] = true, true
		case !data.Equal(lp.frames[sc.URL]):
			lp.dirty[sc.URL] = true
		}
		delete(old, sc.URL)
		frames[sc.URL] = data
	}
	lp.scopes, lp.frames, lp.renderer = s.renderer.PrintScopes(), frames, s.renderer
	for _, gone := range old {
		delete(lp.published, gone.URL)
		// A page may have taken the print page's URL.
		if s.Pages.Lang(gone.Root.Lang).ByURL(gone.URL) == nil {
			l.remove(gone.Path())
		}
	}
	for p := range lp.frags {
		if !l.inSet(p) {
			delete(lp.frags, p)
		}
	}
}

// checkPrintFrames renders the frame of every print page once, to report
// an error of the print layout with the site's other diagnostics rather
// than on the print page alone. A full build does it.
func (l *Live) checkPrintFrames() {
	s := l.Site
	for _, sc := range l.print.scopes {
		if _, err := s.renderer.RenderPrintFrame(l.print.frames[sc.URL]); err != nil {
			s.Diags.Errorf(s.Theme.Source("layouts/print.html"), 0, "%s: %v", sc.URL, err)
		}
	}
}

// publishPrint puts the print pages that changed in the output, to be
// put together when read from the articles they hold now.
func (l *Live) publishPrint() {
	lp := l.print
	for _, sc := range lp.scopes {
		if !lp.dirty[sc.URL] {
			continue
		}
		articles := l.printArticles(sc)
		lp.published[sc.URL] = articles
		u, frame, r := sc.URL, lp.frames[sc.URL], lp.renderer
		l.out.WriteLazy(sc.Path(), func() []byte { return assemblePrint(r, u, frame, articles) })
		l.changed = true
	}
	clear(lp.dirty)
	clear(lp.remade)
	lp.changed = lp.changed[:0]
}

// printArticles lists the articles of a print page's pages: a copy of
// those last published with the articles that changed since, when the
// pages are the same, which spares looking up every one after an edit.
func (l *Live) printArticles(sc *render.PrintScope) []*render.PrintFragment {
	lp := l.print
	last, ok := lp.published[sc.URL]
	if ok && !lp.remade[sc.URL] {
		articles := slices.Clone(last)
		for _, p := range lp.changed {
			if i := sc.Index(p); i >= 0 {
				articles[i] = lp.frags[p]
			}
		}
		return articles
	}
	articles := make([]*render.PrintFragment, len(sc.Pages))
	for i, p := range sc.Pages {
		articles[i] = lp.frags[p]
	}
	return articles
}

// assemblePrint renders a print page's frame and puts its articles in it;
// a frame that does not render shows why instead.
func assemblePrint(r *render.Renderer, u string, data *render.PrintFrameData, articles []*render.PrintFragment) []byte {
	frame, err := r.RenderPrintFrame(data)
	if err != nil {
		return []byte("<!DOCTYPE html>\n<title>Print page</title>\n<pre>" + html.EscapeString(err.Error()) + "</pre>\n")
	}
	return render.AssemblePrint(u, frame, articles)
}
