package search

// A language's postings are gathered in two steps. While pages are
// indexed, each goroutine's tokenizer writes what a page adds to each
// term into a log of its own, entry after entry, touching no term and
// taking no lock: an index of a large handbook holds millions of
// postings, and adding each to its term's list as it comes costs a cache
// miss or two apiece. When the index is written, gather places every
// entry in one array, term by term and, within a term, in document order
// (one pass to count, one to place), and each term's postings are a
// slice of it.

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

// entryLog hands out the room for each page's entries, cut from large
// chunks so that a page's entries are contiguous and never move.
type entryLog struct {
	chunk []logEntry
}

const chunkSize = 1 << 16 // entries: 512 KiB

// reserve returns an empty slice with room for n entries.
func (l *entryLog) reserve(n int) []logEntry {
	if cap(l.chunk)-len(l.chunk) < n {
		l.chunk = make([]logEntry, 0, max(chunkSize, n))
	}
	start := len(l.chunk)
	l.chunk = l.chunk[:start+n]
	return l.chunk[start : start : start+n]
}

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
// entries, in document order, and lets the logs go.
func (li *langIndex) gather() {
	terms := len(li.byID)
	slot := func(id uint32) int {
		if id&pairBit != 0 {
			return terms + int(id&^pairBit)
		}
		return int(id)
	}
	starts := make([]int, terms+len(li.pairKeys)+1)
	for _, d := range li.docs {
		for _, e := range d.entries {
			starts[slot(e.id)+1]++
		}
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	all := make([]posting, starts[len(starts)-1])
	next := append([]int(nil), starts[:len(starts)-1]...)
	for doc := range li.docs {
		for _, e := range li.docs[doc].entries {
			s := slot(e.id)
			all[next[s]] = posting{doc: int32(doc), tf: e.tf, forms: e.forms}
			next[s]++
		}
		li.docs[doc].entries = nil
	}
	for id, t := range li.byID {
		t.postings = all[starts[id]:starts[id+1]:starts[id+1]]
	}
	for i, packed := range li.pairKeys {
		s := terms + i
		li.terms[li.pairName(packed)] = &term{postings: all[starts[s]:starts[s+1]:starts[s+1]]}
	}
	li.pairKeys, li.pairIDs = nil, nil
}
