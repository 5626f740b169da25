package preview

import (
	"handbook/build/content"
	"handbook/build/render"
)

// livePrint keeps the print pages of a Live site: a render.PrintShelf,
// which puts a print page together when it is read, and the articles of
// the pages with errors, which the print pages do not show yet.
type livePrint struct {
	shelf *render.PrintShelf
	// held are the articles of pages with errors, kept back as their
	// HTML is: the shelf shows the last good ones meanwhile.
	held map[*content.Page]*render.PrintFragment
}

func newLivePrint() *livePrint {
	return &livePrint{shelf: render.NewPrintShelf(), held: map[*content.Page]*render.PrintFragment{}}
}

// setPrint makes f the article of p that the print pages show.
func (l *Live) setPrint(p *content.Page, f *render.PrintFragment) {
	delete(l.print.held, p)
	_ = l.print.shelf.Put(p, f) // a shelf never fails
}

// holdPrint keeps showing the last good article of p, which has errors,
// as its HTML is kept; f, its new article, waits for the errors to go.
// last is the Live whose output p's HTML was kept from.
func (l *Live) holdPrint(p *content.Page, f *render.PrintFragment, last *Live) {
	good := last.print.shelf.Article(p)
	if last != l {
		good = last.print.shelf.ArticleAt(p.URL)
	}
	if good == nil {
		l.setPrint(p, f)
		return
	}
	l.setPrint(p, good)
	if f != nil {
		l.print.held[p] = f
	}
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

// refreshPrint gives the shelf the print pages of the renderer, made
// anew after the pages were linked again, and removes those gone.
func (l *Live) refreshPrint() {
	for _, path := range l.print.shelf.Refresh(l.Site.Renderer()) {
		l.remove(path)
	}
}

// checkPrintFrames reports an error of the print layout with the site's
// other diagnostics. A full build does it.
func (l *Live) checkPrintFrames() { l.print.shelf.CheckFrames() }

// publishPrint puts the print pages that changed in the output.
func (l *Live) publishPrint() {
	if l.print.shelf.Publish(l.out) {
		l.changed = true
	}
}
