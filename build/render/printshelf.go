package render

import (
	"bytes"
	"html"
	"slices"

	"handbook/build/content"
	"handbook/build/output"
)

// PrintShelf is the print pages' writer for the preview. It keeps each
// page's article as the page is rendered, and puts a print page together
// from them only when it is read (output.WriteLazy), since it holds a
// whole language's handbook: assembling it at every save would cost as
// much as the handbook is long, and a reader seldom has it open. An edit
// of a page's body costs its article, and a new list of the articles of
// the print pages that hold it.
type PrintShelf struct {
	r      *Renderer
	scopes []*printScope
	// frames are what each print page's frame shows, by its URL; the
	// frame is rendered when the print page is read.
	frames map[string]*printFrameData
	frags  map[*content.Page]*PrintFragment
	// dirty are the URLs of the print pages to put in the output again;
	// remade those whose pages are not the ones published, changed the
	// pages whose articles changed since.
	dirty   map[string]bool
	remade  map[string]bool
	changed []*content.Page
	// published are the articles of each print page as last put in the
	// output, by its URL; never changed once published.
	published map[string][]*PrintFragment
	// byURL finds the articles by their page's URL; made when first
	// needed, and dropped when an article changes.
	byURL map[string]*PrintFragment
}

var _ PrintPages = (*PrintShelf)(nil)

// NewPrintShelf makes an empty shelf: Refresh gives it its print pages.
func NewPrintShelf() *PrintShelf {
	return &PrintShelf{
		frames:    map[string]*printFrameData{},
		frags:     map[*content.Page]*PrintFragment{},
		dirty:     map[string]bool{},
		remade:    map[string]bool{},
		published: map[string][]*PrintFragment{},
	}
}

// Put makes f the article of p that the print pages show, from the next
// Publish on. It never fails.
func (sh *PrintShelf) Put(p *content.Page, f *PrintFragment) error {
	if old, ok := sh.frags[p]; ok && old.Equal(f) || !ok && f == nil {
		return nil
	}
	if f == nil {
		delete(sh.frags, p)
	} else {
		sh.frags[p] = f
	}
	sh.byURL = nil
	sh.changed = append(sh.changed, p)
	return nil
}

// Article is the article of p on the shelf, or nil.
func (sh *PrintShelf) Article(p *content.Page) *PrintFragment { return sh.frags[p] }

// ArticleAt is the article on the shelf of the page at the site path u,
// or nil: a page of another load of the site finds its own by it.
func (sh *PrintShelf) ArticleAt(u string) *PrintFragment {
	if sh.byURL == nil {
		sh.byURL = make(map[string]*PrintFragment, len(sh.frags))
		for q, f := range sh.frags {
			sh.byURL[q.URL] = f
		}
	}
	return sh.byURL[u]
}

// Refresh takes the print pages of r, made anew after the pages were
// linked again: those whose table of contents or pages changed are to be
// put together again, and the articles of pages no longer in the site
// are dropped. It returns the files of the print pages that are gone,
// which the caller removes from the output (unless a page took the URL).
// What a frame shows is copied now and rendered when the print page is
// read: a table of contents lists a whole language's pages, which an
// edit of a title must not cost.
func (sh *PrintShelf) Refresh(r *Renderer) (gone []string) {
	old := map[string]*printScope{}
	for _, sc := range sh.scopes {
		old[sc.URL] = sc
	}
	frames := map[string]*printFrameData{}
	for _, sc := range r.print.scopes {
		data := r.frameData(sc)
		prev, ok := old[sc.URL]
		switch {
		case !ok || !slices.Equal(prev.Pages, sc.Pages):
			sh.dirty[sc.URL], sh.remade[sc.URL] = true, true
		case !data.Equal(sh.frames[sc.URL]):
			sh.dirty[sc.URL] = true
		}
		delete(old, sc.URL)
		frames[sc.URL] = data
	}
	sh.r, sh.scopes, sh.frames = r, r.print.scopes, frames
	for _, sc := range old {
		delete(sh.published, sc.URL)
		if r.set.Lang(sc.Root.Lang).ByURL(sc.URL) == nil {
			gone = append(gone, sc.Path())
		}
	}
	for p := range sh.frags {
		if !inSet(r.set, p) {
			delete(sh.frags, p)
			sh.byURL = nil
		}
	}
	return gone
}

// inSet reports whether p is still one of the pages of set.
func inSet(set *content.Set, p *content.Page) bool {
	return p.ID >= 0 && p.ID < len(set.Pages) && set.Pages[p.ID] == p
}

// CheckFrames renders the frame of every print page once, to report an
// error of the print layout with the site's other diagnostics rather
// than on the print page alone. A full build does it.
func (sh *PrintShelf) CheckFrames() {
	for _, sc := range sh.scopes {
		sh.r.frame(sh.frames[sc.URL])
	}
}

// Publish puts the print pages that changed since the last Publish in
// out, to be put together when read from the articles they hold now. It
// reports whether it put any.
func (sh *PrintShelf) Publish(out *output.Memory) bool {
	for _, p := range sh.changed {
		for _, sc := range sh.r.printScopesOf(p) {
			sh.dirty[sc.URL] = true
		}
	}
	put := false
	for _, sc := range sh.scopes {
		if !sh.dirty[sc.URL] {
			continue
		}
		articles := sh.articles(sc)
		sh.published[sc.URL] = articles
		u, frame, r := sc.URL, sh.frames[sc.URL], sh.r
		out.WriteLazy(sc.Path(), func() []byte { return r.assemble(u, frame, articles) })
		put = true
	}
	clear(sh.dirty)
	clear(sh.remade)
	sh.changed = sh.changed[:0]
	return put
}

// articles lists the articles of a print page's pages: a copy of those
// last published with the articles that changed since, when the pages
// are the same, which spares looking up every one after an edit.
func (sh *PrintShelf) articles(sc *printScope) []*PrintFragment {
	last, ok := sh.published[sc.URL]
	if ok && !sh.remade[sc.URL] {
		articles := slices.Clone(last)
		for _, p := range sh.changed {
			if i := slices.Index(sc.Pages, p); i >= 0 {
				articles[i] = sh.frags[p]
			}
		}
		return articles
	}
	articles := make([]*PrintFragment, len(sc.Pages))
	for i, p := range sc.Pages {
		articles[i] = sh.frags[p]
	}
	return articles
}

// assemble renders the frame of the print page at site path u and puts
// its articles in it, as a build's PrintBook writes it; a frame that
// does not render shows why instead. It reads nothing but its arguments,
// which never change once made, and the templates, so it may run on any
// goroutine.
func (r *Renderer) assemble(u string, data *printFrameData, articles []*PrintFragment) []byte {
	frame, err := r.renderFrame(data)
	if err != nil {
		return []byte("<!DOCTYPE html>\n<title>Print page</title>\n<pre>" + html.EscapeString(err.Error()) + "</pre>\n")
	}
	size := len(frame.Head) + len(frame.Tail)
	for _, f := range articles {
		if f != nil {
			size += f.Len()
		}
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+size/8))
	pp := printPage{url: u, frame: frame, w: buf}
	pp.begin()
	for _, f := range articles {
		pp.add(f)
	}
	pp.end()
	return buf.Bytes()
}
