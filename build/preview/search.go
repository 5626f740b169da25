package preview

import (
	"cmp"
	"errors"
	"strings"
	"sync"
	"sync/atomic"

	"handbook/build/content"
	"handbook/build/internal/parallel"
	"handbook/build/output"
	"handbook/build/search"
)

// SearchInput is a copy of what the search index reads of every page of
// a Live site, taken between two updates, so that the index can be
// written in the background while the next update changes the pages.
type SearchInput struct {
	set *content.Set
	// bodies are what the index reads of each page's body, in the
	// order of set.Pages.
	bodies   []search.Body
	base     string
	synonyms *search.Synonyms
}

// SearchInput copies what the search index reads of the pages; nil when
// the site has no search. The copies share no page with the site.
func (l *Live) SearchInput() *SearchInput {
	if l.Site == nil || !l.Site.Config.Search {
		return nil
	}
	set := &content.Set{}
	var bodies []search.Body
	for _, lang := range l.Site.Pages.Langs {
		cl := &content.Lang{Language: lang.Language}
		for _, p := range lang.Pages {
			c := *p
			c.Unlink()
			cl.Pages = append(cl.Pages, &c)
			var body search.Body
			if r := l.Site.Result(p); r != nil {
				body = search.Body{Headings: r.TOC, Text: r.Text}
			}
			bodies = append(bodies, body)
		}
		set.Langs = append(set.Langs, cl)
		set.Pages = append(set.Pages, cl.Pages...)
	}
	return &SearchInput{set: set, bodies: bodies, base: strings.TrimSuffix(l.Site.Config.BasePath(), "/"), synonyms: l.Site.Synonyms}
}

// ErrStopped is returned by SearchInput.Write when stop asked it to give
// up: the pages changed again, and a newer input will be indexed.
var ErrStopped = errors.New("stopped")

// Write builds the search index of the input and writes it to w, as
// Render does, on all cores. It asks stop now and then between pages.
func (in *SearchInput) Write(w output.Writer, stop func() bool) error {
	idx := search.NewIndex(in.set)
	idx.SetSynonyms(in.synonyms)
	var (
		mu       sync.Mutex
		firstErr error
		stopped  atomic.Bool
	)
	pages := in.set.Pages
	parallel.Each(len(pages), func() func(int) {
		tok := search.NewTokenizer()
		return func(i int) {
			if stopped.Load() || i%16 == 0 && stop() {
				stopped.Store(true)
				return
			}
			idx.Add(pages[i], in.bodies[i], tok)
			if err := idx.WriteDoc(pages[i], in.bodies[i].Text, in.base, w); err != nil {
				mu.Lock()
				firstErr = cmp.Or(firstErr, err)
				mu.Unlock()
			}
		}
	})
	if firstErr != nil {
		return firstErr
	}
	if stopped.Load() || stop() {
		return ErrStopped
	}
	return idx.Write(w)
}
