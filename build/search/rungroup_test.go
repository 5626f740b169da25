package search

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomLog makes the entries of docs documents, each with up to 40
// distinct terms of terms and pairs of pairs, in no order.
func randomLog(r *rand.Rand, docs, terms, pairs int) []docInfo {
	all := make([]docInfo, docs)
	for d := range all {
		seen := map[uint32]bool{}
		for range r.IntN(40) {
			id := uint32(r.IntN(terms))
			if r.IntN(2) == 0 {
				id = pairBit | uint32(r.IntN(pairs))
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			all[d].entries = append(all[d].entries, logEntry{id: id, tf: uint16(r.IntN(100)), forms: uint16(r.IntN(8))})
		}
	}
	return all
}

// TestRunGrouperGroupsByTermInDocumentOrder groups the entries of some of
// a log's documents a few terms at a time, down to one, and wants each
// term's postings, terms in number order and pairs after them, postings
// in document order, as one placing them all at once gives; the grouper
// is reused from run to run, as a language's is.
func TestRunGrouperGroupsByTermInDocumentOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const terms, pairs = 50, 30
	all := randomLog(r, 200, terms, pairs)
	var docs []int
	for d := range all {
		if d%3 != 1 {
			docs = append(docs, d)
		}
	}
	want := map[uint32][]posting{}
	var order []uint32
	for slot := range terms + pairs {
		id := uint32(slot)
		if slot >= terms {
			id = pairBit | uint32(slot-terms)
		}
		for _, d := range docs {
			for _, e := range all[d].entries {
				if e.id == id {
					want[id] = append(want[id], posting{doc: int32(d), tf: e.tf, forms: e.forms})
				}
			}
		}
		if len(want[id]) > 0 {
			order = append(order, id)
		}
	}
	for _, chunk := range []int{1, 2, 7, 64, groupChunk} {
		rg := &runGrouper{chunk: chunk, chunks: 1 << 30}
		for run := range 2 {
			var got []uint32
			err := rg.each(all, docs, terms, pairs, func(g entryGroup) error {
				if !slices.Equal(g.postings, want[g.id]) {
					t.Fatalf("chunk %d, run %d: term %x has postings %v, want %v", chunk, run, g.id, g.postings, want[g.id])
				}
				got = append(got, g.id)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, order) {
				t.Fatalf("chunk %d, run %d: terms in the order %x, want %x", chunk, run, got, order)
			}
		}
	}
}

// TestRunGrouperStopsAtAnError wants the first error a visit returns,
// and no visit after it.
func TestRunGrouperStopsAtAnError(t *testing.T) {
	all := randomLog(rand.New(rand.NewPCG(3, 4)), 50, 20, 20)
	docs := make([]int, len(all))
	for d := range docs {
		docs[d] = d
	}
	full := errors.New("disk full")
	visits := 0
	err := (&runGrouper{chunk: 3, chunks: 1 << 30}).each(all, docs, 20, 20, func(entryGroup) error {
		visits++
		if visits == 5 {
			return full
		}
		return nil
	})
	if !errors.Is(err, full) || visits != 5 {
		t.Fatalf("got %v after %d visits, want %v after 5", err, visits, full)
	}
}
