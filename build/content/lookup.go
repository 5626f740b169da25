package content

import (
	"hash/maphash"
	"slices"
	"strings"
)

// sortedPages finds a language's pages by one of their texts, a path or
// a URL: a slice of the pages sorted by it, and a table of their
// places by the text's hash. A site holds it for every page to the end
// of its build; it takes 14 bytes a page, where a map from the text took
// about 37. Halving the sorted slice alone read a page for each of
// log2(n) steps, each a miss of the processor's cache on a large site:
// twice the time a page at 2×100,000 pages than at 2×40,000. The table
// reads the one page whose text's hash matches, nearly always.
type sortedPages struct {
	pages []*Page
	key   func(*Page) string
	// slots holds, for each page, its place in pages plus one in its
	// low placeBits and its hash's top bits above, at the slot its hash
	// picks or, taken, the next free one; 0 is a free slot. A slot
	// whose top bits differ from a text's is passed without reading its
	// page. Nil when pages are too many for placeBits: then pages are
	// searched by halves.
	slots []uint32
	seed  maphash.Seed
}

// placeBits is how many of a slot's bits are a page's place: sixteen
// million pages a language.
const placeBits = 24

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
	s := sortedPages{pages: slices.Clip(unique), key: key, seed: maphash.MakeSeed()}
	s.place()
	return s
}

// place makes the table of slots for the pages, three slots for every
// two pages.
func (s *sortedPages) place() {
	n := len(s.pages)
	if n >= 1<<placeBits-1 {
		s.slots = nil
		return
	}
	size := n + n/2 + 1
	if cap(s.slots) >= size {
		s.slots = s.slots[:size]
		clear(s.slots)
	} else {
		s.slots = make([]uint32, size)
	}
	for i, p := range s.pages {
		h := maphash.String(s.seed, s.key(p))
		j := s.slotOf(h)
		for s.slots[j] != 0 {
			j = s.next(j)
		}
		s.slots[j] = uint32(i+1) | tagOf(h)
	}
}

// slotOf is the slot a hash picks: its low 32 bits scaled to the table.
func (s sortedPages) slotOf(h uint64) int { return int(uint64(uint32(h)) * uint64(len(s.slots)) >> 32) }

// next is the slot after j, the first after the last.
func (s sortedPages) next(j int) int {
	if j++; j == len(s.slots) {
		return 0
	}
	return j
}

// tagOf is a hash's top bits, where a slot keeps them.
func tagOf(h uint64) uint32 { return uint32(h>>(64-(32-placeBits))) << placeBits }

// find is the page of k, nil when none.
func (s sortedPages) find(k string) *Page {
	if s.slots == nil {
		if i, ok := s.search(k); ok {
			return s.pages[i]
		}
		return nil
	}
	h := maphash.String(s.seed, k)
	tag := tagOf(h)
	for j := s.slotOf(h); s.slots[j] != 0; j = s.next(j) {
		if v := s.slots[j]; v&^(1<<placeBits-1) == tag {
			if p := s.pages[v&(1<<placeBits-1)-1]; s.key(p) == k {
				return p
			}
		}
	}
	return nil
}

// search is where the page of k is, or would be, in the sorted pages,
// and whether it is.
func (s sortedPages) search(k string) (int, bool) {
	return slices.BinarySearchFunc(s.pages, k, func(p *Page, k string) int { return strings.Compare(s.key(p), k) })
}

// put adds p, in place of the page with its key if there is one.
func (s *sortedPages) put(p *Page) {
	i, ok := s.search(s.key(p))
	if ok {
		s.pages[i] = p
		return
	}
	s.pages = slices.Insert(s.pages, i, p)
	s.place() // the pages after it moved
}

// remove takes out the page with k as its key, if there is one.
func (s *sortedPages) remove(k string) {
	if i, ok := s.search(k); ok {
		s.pages = slices.Delete(s.pages, i, i+1)
		s.place()
	}
}

// relPathOf and urlOf are the keys of a language's two sortedPages.
func relPathOf(p *Page) string { return p.RelPath }
func urlOf(p *Page) string     { return p.URL }
