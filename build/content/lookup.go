package content

import (
	"slices"
	"strings"
)

// sortedPages finds a language's pages by one of their texts, a path or
// a URL: a slice of the pages sorted by it, searched by halves. A site
// holds it for every page to the end of its build; it takes 8 bytes a
// page, where a map from the text took about 37.
type sortedPages struct {
	pages []*Page
	key   func(*Page) string
}

// sortPagesBy makes the sortedPages of pages by key. Of pages with the
// same key, the last one is kept when keepLast is set, else the first,
// in the order of pages.
func sortPagesBy(pages []*Page, key func(*Page) string, keepLast bool) sortedPages {
	sorted := slices.Clone(pages)
	slices.SortStableFunc(sorted, func(a, b *Page) int { return strings.Compare(key(a), key(b)) })
	unique := sorted[:0]
	for _, p := range sorted {
		if n := len(unique); n > 0 && key(unique[n-1]) == key(p) {
			if keepLast {
				unique[n-1] = p
			}
			continue
		}
		unique = append(unique, p)
	}
	clear(sorted[len(unique):])
	return sortedPages{pages: slices.Clip(unique), key: key}
}

// search is where the page of k is, or would be, and whether it is.
func (s sortedPages) search(k string) (int, bool) {
	return slices.BinarySearchFunc(s.pages, k, func(p *Page, k string) int { return strings.Compare(s.key(p), k) })
}

// find is the page of k, nil when none.
func (s sortedPages) find(k string) *Page {
	if i, ok := s.search(k); ok {
		return s.pages[i]
	}
	return nil
}

// put adds p, in place of the page with its key if there is one.
func (s *sortedPages) put(p *Page) {
	i, ok := s.search(s.key(p))
	if ok {
		s.pages[i] = p
		return
	}
	s.pages = slices.Insert(s.pages, i, p)
}

// remove takes out the page with k as its key, if there is one.
func (s *sortedPages) remove(k string) {
	if i, ok := s.search(k); ok {
		s.pages = slices.Delete(s.pages, i, i+1)
	}
}

// relPathOf and urlOf are the keys of a language's two sortedPages.
func relPathOf(p *Page) string { return p.RelPath }
func urlOf(p *Page) string     { return p.URL }
