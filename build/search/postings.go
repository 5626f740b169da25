package search

// postingList is a term's postings, in blocks that never move: a list
// grows by taking a new block from its language's arena instead of
// copying itself, so indexing millions of postings neither copies nor
// clears them twice.
type postingList struct {
	blocks [][]posting
	n      int
}

// add appends one posting.
func (l *postingList) add(p posting, a *postingArena) {
	last := len(l.blocks) - 1
	if last < 0 || len(l.blocks[last]) == cap(l.blocks[last]) {
		l.blocks = append(l.blocks, a.alloc(min(8<<len(l.blocks), 4096)))
		last++
	}
	l.blocks[last] = append(l.blocks[last], p)
	l.n++
}

// appendTo appends the postings to dst, in the order added.
func (l *postingList) appendTo(dst []posting) []posting {
	for _, b := range l.blocks {
		dst = append(dst, b...)
	}
	return dst
}

// postingArena hands out blocks cut from large slabs.
type postingArena struct {
	slab []posting
}

const slabSize = 1 << 18 // postings: 2 MiB

// alloc returns an empty block with room for n postings.
func (a *postingArena) alloc(n int) []posting {
	if cap(a.slab)-len(a.slab) < n {
		a.slab = make([]posting, 0, max(slabSize, n))
	}
	start := len(a.slab)
	a.slab = a.slab[:start+n]
	return a.slab[start : start : start+n]
}
