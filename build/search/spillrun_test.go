package search

import (
	"os"
	"testing"
)

// TestRunWritingAllocatesNotByTerm: writing a run allocates as much for
// two thousand terms as for twenty, as its groups are made to size and
// their records are made in one buffer, not one a term.
func TestRunWritingAllocatesNotByTerm(t *testing.T) {
	few, many := runAllocs(t, 20), runAllocs(t, 2000)
	// A run whose grouper the pool let go makes three more: under the
	// race detector the pool lets some go at random. Allocating by term
	// would make thousands more.
	if many > few+10 {
		t.Errorf("writing a run of 2,000 terms made %.0f allocations, of 20 terms %.0f: some are made a term", many, few)
	}
}

// runAllocs is the allocations of filling and writing a run of 50
// documents (the filling is the same at every size), each
// with an entry of every one of terms terms.
func runAllocs(t *testing.T, terms int) float64 {
	t.Helper()
	li := &langIndex{lang: "vi", spillParent: t.TempDir(), byID: make([]*term, terms), docs: make([]docInfo, 50)}
	fill := func() []int {
		var batch []int
		for doc := range li.docs {
			entries := make([]logEntry, terms)
			for id := range entries {
				entries[id] = logEntry{id: uint32(id), tf: 4}
			}
			li.docs[doc] = docInfo{length: terms, present: true, entries: entries}
			batch = append(batch, doc)
		}
		return batch
	}
	var err error
	allocs := testing.AllocsPerRun(5, func() {
		batch := fill()
		if werr := li.writeRun(batch); werr != nil {
			err = werr
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(li.spill.runs[0])
	if err != nil {
		t.Fatal(err)
	}
	// Each term's head is its number (one or two bytes), its count and
	// its records' bytes; each record three bytes: a gap of one document,
	// a tf of 4 and no forms.
	if want := int64(terms * (50*3 + 5)); info.Size() < want-int64(terms) || info.Size() > want {
		t.Errorf("a run of %d terms is %d bytes, want about %d", terms, info.Size(), want)
	}
	return allocs
}
