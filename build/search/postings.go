package search

// postingList is a term's postings, in blocks that never move: a list
// grows by taking a new block from its language's arena instead of
// copying itself, so indexing millions of postings neither copies nor
// clears them twice.
type postingList struct {
	full [][]posting
	// tail is the block being filled, kept here rather than in full so
	// that adding a posting reads no other memory than the term's.
	tail []posting
	n    int
}

// add appends one posting.
func (l *postingList) add(p posting, a *postingArena) {
	if len(l.tail) == cap(l.tail) {
		if l.tail != nil {
			l.full = append(l.full, l.tail)
		}
		l.tail = a.alloc(min(8<<len(l.full), 4096))
	}
	l.tail = append(l.tail, p)
	l.n++
}

// appendTo appends the postings to dst, in the order added.
func (l *postingList) appendTo(dst []posting) []posting {
	for _, b := range l.full {
		dst = append(dst, b...)
	}
	return append(dst, l.tail...)
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
