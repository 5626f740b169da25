package search

import (
	"runtime"
	"strings"

	"handbook/build/internal/parallel"
)

// A language's postings are gathered in two steps. While pages are
// indexed, what a page adds to each term is logged as the page's list of
// entries, touching no term and taking no lock: an index of a large
// handbook holds millions of postings, and adding each to its term's
// list as it comes costs a cache miss or two apiece. When the index is
// written, gather places every entry in its term's list, in document
// order (one pass to count, one to place).

// logEntry is what one page adds to one term: the term's number (a
// pair's has pairBit set), its field-weighted count in quarters and the
// bits of its forms.
type logEntry struct {
	id    uint32
	tf    uint16
	forms uint16
}

// pairBit marks the number of a pair in a logEntry; the other bits are
// its place in langIndex.pairKeys.
const pairBit = 1 << 31

// posting is one document of a term, kept small: an index of a large
// handbook holds millions of them. tf is the field-weighted count in
// quarters; forms has a bit for each of the term's first 15 exact forms
// (in the order met) and bit 15 for any later one.
type posting struct {
	doc   int32
	tf    uint16
	forms uint16
}

// gather gives every term and pair its postings from the pages' logged
// entries, in document order, and lets the logs go. The documents are
// split into runs, one per core, each counted and then placed on a core
// of its own: a run's postings of a term follow those of the runs
// before.
//
// Each list of more than smallList postings is an allocation of its own
// (the shorter ones share slabs). One array for them all would be
// tens of megabytes of fresh memory, which the system hands over a page
// at a time, each page a fault: gathering the postings of 2×10,000 pages
// took 0.3 to 0.6 s that way, against 0.01 to 0.2 s with lists the size
// of the memory the heap already holds and has freed.
func (li *langIndex) gather() {
	g := gathering{li: li, terms: len(li.byID)}
	slots := g.terms + len(li.pairKeys)
	runs := runtime.GOMAXPROCS(0)
	next := make([][]int32, runs) // by run, then slot: where it places next
	parallel.Each(runs, func() func(int) {
		return func(r int) { next[r] = g.count(g.run(r, runs), slots) }
	})
	lists := make([][]posting, slots)
	var slab []posting
	for s := range lists {
		n := int32(0)
		for _, at := range next {
			at[s], n = n, n+at[s]
		}
		switch {
		case n > smallList:
			lists[s] = make([]posting, n)
		case n > 0:
			if len(slab) < int(n) {
				slab = make([]posting, slabPostings)
			}
			lists[s], slab = slab[:n:n], slab[n:]
		}
	}
	parallel.Each(runs, func() func(int) {
		return func(r int) { g.place(g.run(r, runs), next[r], lists) }
	})
	for id, t := range li.byID {
		t.postings, t.df = lists[id], len(lists[id])
	}
	li.addPairs(func(i int, t *term) { t.postings, t.df = lists[g.terms+i], len(lists[g.terms+i]) })
}

// addPairs enters the pairs met among the terms, by name, fill making
// each one's entry from its number, and lets their numbers go. The
// entries are cut from slices of pairChunk, and their names from one
// string a chunk: one allocation each made tens of thousands of them in
// a Vietnamese index, even a small one.
func (li *langIndex) addPairs(fill func(i int, t *term)) {
	for from := 0; from < len(li.pairKeys); from += pairChunk {
		packed := li.pairKeys[from:min(from+pairChunk, len(li.pairKeys))]
		size := 0
		for _, p := range packed {
			size += li.pairNameLen(p)
		}
		var names strings.Builder
		names.Grow(size)
		for _, p := range packed {
			names.WriteString(li.names[p>>32])
			names.WriteByte(' ')
			names.WriteString(li.names[p&0xffffffff])
		}
		all, at := names.String(), 0
		terms := make([]term, len(packed))
		for i, p := range packed {
			n := li.pairNameLen(p)
			fill(from+i, &terms[i])
			li.terms[all[at:at+n]] = &terms[i]
			at += n
		}
	}
	li.pairKeys, li.pairIDs = nil, nil
}

// pairChunk is how many pairs' entries addPairs allocates at once.
const pairChunk = 256

// pairNameLen is the length of the pair's name, pairName.
func (li *langIndex) pairNameLen(id uint64) int {
	return len(li.names[id>>32]) + 1 + len(li.names[id&0xffffffff])
}

// The lists of at most smallList postings, most of a language's (its
// rare pairs and words), are cut from slabs of slabPostings, a size the
// heap recycles, rather than allocated one by one: a Vietnamese index
// has tens of thousands of them, even a small one.
const (
	smallList    = 32
	slabPostings = 4096
)

// gathering is one language's gather under way.
type gathering struct {
	li    *langIndex
	terms int // the terms' slots come first, then the pairs'
}

// docRun is a run of documents, from the document numbered first.
type docRun struct {
	first int
	docs  []docInfo
}

// run is run r of n.
func (g gathering) run(r, n int) docRun {
	from, to := len(g.li.docs)*r/n, len(g.li.docs)*(r+1)/n
	return docRun{from, g.li.docs[from:to]}
}

func (g gathering) slot(id uint32) int {
	if id&pairBit != 0 {
		return g.terms + int(id&^pairBit)
	}
	return int(id)
}

// id is the term or pair whose slot is slot: slot's inverse.
func (g gathering) id(slot int) uint32 {
	if slot >= g.terms {
		return pairBit | uint32(slot-g.terms)
	}
	return uint32(slot)
}

// count counts the entries of each slot in the run.
func (g gathering) count(run docRun, slots int) []int32 {
	sizes := make([]int32, slots)
	for _, d := range run.docs {
		for _, e := range d.entries {
			sizes[g.slot(e.id)]++
		}
	}
	return sizes
}

// place puts the entries of the run in their lists, from next on, and lets
// the entries go.
func (g gathering) place(run docRun, next []int32, lists [][]posting) {
	for i := range run.docs {
		doc := int32(run.first + i)
		for _, e := range run.docs[i].entries {
			s := g.slot(e.id)
			lists[s][next[s]] = posting{doc: doc, tf: e.tf, forms: e.forms}
			next[s]++
		}
		run.docs[i].entries = nil
	}
}
