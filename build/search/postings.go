package search

// A language's postings are gathered in two steps. While pages are
// indexed, what a page adds to each term is logged as the page's list of
// entries, touching no term and taking no lock: an index of a large
// handbook holds millions of
// postings, and adding each to its term's list as it comes costs a cache
// miss or two apiece. When the index is written, gather places every
// entry in its term's list, in document order (one pass to count, one to
// place).

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
// entries, in document order, and lets the logs go.
//
// Each list is an allocation of its own, sized by a first pass that
// counts. One array for them all would be tens of megabytes of fresh
// memory, which the system hands over a page at a time, each page a
// fault: gathering the postings of 2×10,000 pages took 0.3 to 0.6 s that
// way, against 0.01 to 0.2 s with lists the size of the memory the heap
// already holds and has freed.
func (li *langIndex) gather() {
	terms := len(li.byID)
	slot := func(id uint32) int {
		if id&pairBit != 0 {
			return terms + int(id&^pairBit)
		}
		return int(id)
	}
	sizes := make([]int32, terms+len(li.pairKeys))
	for _, d := range li.docs {
		for _, e := range d.entries {
			sizes[slot(e.id)]++
		}
	}
	lists := make([][]posting, len(sizes))
	for i, n := range sizes {
		if n > 0 {
			lists[i] = make([]posting, 0, n)
		}
	}
	for doc := range li.docs {
		for _, e := range li.docs[doc].entries {
			s := slot(e.id)
			lists[s] = append(lists[s], posting{doc: int32(doc), tf: e.tf, forms: e.forms})
		}
		li.docs[doc].entries = nil
	}
	for id, t := range li.byID {
		t.postings = lists[id]
	}
	for i, packed := range li.pairKeys {
		li.terms[li.pairName(packed)] = &term{postings: lists[terms+i]}
	}
	li.pairKeys, li.pairIDs = nil, nil
}
