package search

import (
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"handbook/build/content"
	"handbook/build/output"
)

// spilledIndex indexes pages of set, whose texts are bodies, backwards on three goroutines, with
// each language spilling its entries to a folder in dir once it holds
// budget bytes of them, and returns the index, not yet written.
func spilledIndex(set *content.Set, bodies map[*content.Page]Body, budget int64, dir string) *Index {
	idx := NewIndex(set)
	for _, li := range idx.langs {
		li.spillAt(budget, dir)
	}
	pages := slices.Clone(set.Pages)
	slices.Reverse(pages)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			tok := NewTokenizer()
			for i := w; i < len(pages); i += 3 {
				idx.Add(pages[i], bodies[pages[i]], tok)
			}
		})
	}
	wg.Wait()
	return idx
}

// TestSpilledIndexIsTheIndexInMemory writes the same pages' index with
// the postings kept in memory and spilled to disk in runs of one page, of
// a few pages and of most pages, and wants the same files, byte for
// byte; the spilled postings are gone from disk once it is written.
func TestSpilledIndexIsTheIndexInMemory(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.NumCPU())))
	set, bodies := orderSet()
	inMemory := writeIndex(t, set, bodies, set.Pages, 1)
	for _, budget := range []int64{1, 300, 1200} {
		dir := t.TempDir()
		idx := spilledIndex(set, bodies, budget, dir)
		for _, li := range idx.langs {
			if li.spill == nil || len(li.spill.runs) < 2 {
				t.Fatalf("budget %d: %s spilled no runs", budget, li.lang)
			}
		}
		m := output.NewMemory()
		if err := idx.Write(m); err != nil {
			t.Fatal(err)
		}
		sameFiles(t, inMemory, m, "when the postings are spilled")
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Errorf("budget %d: the spill left %s behind", budget, left[0].Name())
		}
	}
}

// TestSpillRemovedWhenNotWritten spills an index and closes it without
// writing it, as a build stopped by Ctrl-C does: nothing is left.
func TestSpillRemovedWhenNotWritten(t *testing.T) {
	set, bodies := orderSet()
	dir := t.TempDir()
	idx := spilledIndex(set, bodies, 1, dir)
	if left, _ := os.ReadDir(dir); len(left) == 0 {
		t.Fatal("nothing was spilled")
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("Close left %s behind", left[0].Name())
	}
}

// TestSpillFailureIsAnError spills into a folder that cannot be made:
// writing the index fails, saying what it was doing.
func TestSpillFailureIsAnError(t *testing.T) {
	set, bodies := orderSet()
	idx := spilledIndex(set, bodies, 1, filepath.Join(t.TempDir(), "missing"))
	err := idx.Write(output.NewMemory())
	if err == nil || !strings.Contains(err.Error(), "spilling postings to disk") {
		t.Fatalf("Write: %v, want an error spilling postings", err)
	}
}

// TestLargeLanguageSpillsEarly: a language whose documents, at what the
// first ones logged, will pass twice the budget spills its first run at
// a share of the budget; a smaller one holds the whole budget.
func TestLargeLanguageSpillsEarly(t *testing.T) {
	const entries, budget = 100, 1 << 20 // 800 bytes a document
	for _, tc := range []struct {
		docs, firstRun int
	}{
		{100000, predictAfter},         // 80 MB: spills once it can tell
		{1000, budget/(entries*8) + 1}, // 800 KB: holds the budget
	} {
		li := &langIndex{lang: "vi", budget: budget, count: tc.docs}
		for doc := range tc.docs {
			if batch := li.hold(doc, entries); batch != nil {
				if len(batch) != tc.firstRun {
					t.Errorf("%d documents: the first run holds %d, want %d", tc.docs, len(batch), tc.firstRun)
				}
				break
			}
			if doc == tc.docs-1 && tc.firstRun <= tc.docs {
				t.Errorf("%d documents: no run spilled", tc.docs)
			}
		}
	}
}

// TestLaterRunsHoldLess: once a language has spilled, its next runs are
// a share of the budget, so that a large site does not hold the whole
// budget of entries again and again to the end of its render.
func TestLaterRunsHoldLess(t *testing.T) {
	li := &langIndex{lang: "vi", budget: 800}
	if batch := li.hold(0, 100); len(batch) != 1 {
		t.Fatalf("the first run spills at the budget: got %v", batch)
	}
	li.spill = &spill{dir: t.TempDir()} // the first run was written
	// A quarter of the budget is 200 bytes, 25 entries.
	if batch := li.hold(1, 24); batch != nil {
		t.Fatalf("a later run spilled below its share of the budget: %v", batch)
	}
	if batch := li.hold(2, 1); !slices.Equal(batch, []int{1, 2}) {
		t.Errorf("a later run spills at a quarter of the budget: got %v", batch)
	}
}

// TestMergePartsSorts merges from one to nine parts, each in document
// order and some empty, as a term's postings come from the runs, and
// wants them sorted by document, every posting kept.
func TestMergePartsSorts(t *testing.T) {
	var spare []posting
	for parts := 1; parts <= 9; parts++ {
		var all []posting
		var starts []int
		for part := range parts {
			starts = append(starts, len(all))
			for doc := part; doc < 40; doc += 1 + (part*part)%5 {
				if doc%parts == part {
					all = append(all, posting{doc: int32(doc), tf: uint16(doc * 3), forms: uint16(part)})
				}
			}
		}
		want := slices.Clone(all)
		slices.SortFunc(want, func(a, b posting) int { return int(a.doc - b.doc) })
		var got []posting
		got, spare = mergeParts(all, spare, starts)
		if !slices.Equal(got, want) {
			t.Errorf("%d parts: merged %v\nwant %v", parts, got, want)
		}
	}
}

// TestMergedFileIsCompact merges a language's spilled runs and reads
// every slot's postings back, each where the last one ended: as many as
// the slot counts, in document order, in a file that takes fewer than
// four bytes a posting.
func TestMergedFileIsCompact(t *testing.T) {
	set, bodies := orderSet()
	idx := spilledIndex(set, bodies, 300, t.TempDir())
	defer idx.Close()
	li := idx.langs["vi"]
	if err := li.gatherSpilled(); err != nil {
		t.Fatal(err)
	}
	slots := len(li.spill.start) - 1
	dfs := make([]int, slots)
	for _, tm := range li.terms {
		dfs[tm.slot] = tm.df
	}
	total := 0
	var buf []posting
	var raw []byte
	for slot, df := range dfs {
		var err error
		if buf, raw, err = li.spill.postings(slot, df, buf, raw); err != nil {
			t.Fatalf("slot %d: %v", slot, err)
		}
		if len(buf) != df || !slices.IsSortedFunc(buf, func(a, b posting) int { return int(a.doc - b.doc) }) {
			t.Fatalf("slot %d: %d postings %v, want %d in document order", slot, len(buf), buf, df)
		}
		total += df
	}
	info, err := li.spill.merged.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if total == 0 || info.Size() != int64(li.spill.start[slots]) || info.Size() >= int64(4*total) {
		t.Errorf("%d postings in a merged file of %d bytes (the slots end at %d), want fewer than four bytes each", total, info.Size(), li.spill.start[slots])
	}
}

// TestCompactRecordsReadBack writes groups of postings as a run's records
// and reads them back as they were: three bytes a posting where the
// gaps, tfs and forms are small, as most are, and never more than
// eleven. Records cut short, or followed by more bytes, are an error.
func TestCompactRecordsReadBack(t *testing.T) {
	groups := [][]posting{
		nil,
		{{doc: 0, tf: 4}},
		{{doc: 3, tf: 4, forms: 1}, {doc: 4, tf: 0x8004, forms: 0x8000}, {doc: 0x7fffffff, tf: 0xffff, forms: 0xffff}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		var g []posting
		doc := int32(rng.IntN(1000))
		for range rng.IntN(300) {
			g = append(g, posting{doc: doc, tf: uint16(rng.IntN(1 << 16)), forms: uint16(rng.IntN(1 << 16))})
			doc += 1 + int32(rng.IntN(1<<rng.IntN(20)))
		}
		groups = append(groups, g)
	}
	for _, g := range groups {
		raw := appendCompactRecords([]byte{0xaa}, g)[1:]
		if len(raw) < minRecordBytes*len(g) || len(raw) > maxRecordBytes*len(g) {
			t.Errorf("%d postings in %d bytes, outside %d to %d", len(g), len(raw), minRecordBytes*len(g), maxRecordBytes*len(g))
		}
		back, err := appendFromCompactRecords([]posting{{doc: 9}}, raw, len(g))
		if err != nil || !slices.Equal(back[1:], g) || back[0].doc != 9 {
			t.Fatalf("read back %v, %v; want %v after the posting there", back, err, g)
		}
		if len(g) == 0 {
			continue
		}
		if _, err := appendFromCompactRecords(nil, raw[:len(raw)-1], len(g)); err == nil {
			t.Error("records cut short read back without an error")
		}
		if _, err := appendFromCompactRecords(nil, append(slices.Clip(raw), 0), len(g)); err == nil {
			t.Error("records followed by a byte read back without an error")
		}
	}
	small := make([]posting, 100)
	for i := range small {
		small[i] = posting{doc: int32(2 * i), tf: 4, forms: 1}
	}
	if raw := appendCompactRecords(nil, small); len(raw) != 300 {
		t.Errorf("100 postings two documents apart, of tf 4 and one form, take %d bytes, want 300", len(raw))
	}
}

// TestDamagedRunIsAnError cuts a spilled run short before the index is
// written: writing it fails, naming the run, and removes the spill.
func TestDamagedRunIsAnError(t *testing.T) {
	set, bodies := orderSet()
	dir := t.TempDir()
	idx := spilledIndex(set, bodies, 300, dir)
	run := idx.langs["vi"].spill.runs[0]
	info, err := os.Stat(run)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(run, info.Size()-2); err != nil {
		t.Fatal(err)
	}
	err = idx.Write(output.NewMemory())
	if err == nil || !strings.Contains(err.Error(), "merging spilled postings") || !strings.Contains(err.Error(), run) {
		t.Fatalf("Write with a damaged run: %v, want an error naming %s", err, run)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("the failed write left %s behind", left[0].Name())
	}
}

// TestMergedSlotsWithoutPostings merges two runs whose terms skip some
// numbers: each term's postings are read back from where they start to
// where the next term's do, and a slot without postings reads none.
func TestMergedSlotsWithoutPostings(t *testing.T) {
	li := &langIndex{lang: "vi", spillParent: t.TempDir(), byID: make([]*term, 7), docs: make([]docInfo, 3)}
	for doc, ids := range [][]uint32{{0, 2, 5}, {2, 5}, {0, 5}} {
		for _, id := range ids {
			li.docs[doc].entries = append(li.docs[doc].entries, logEntry{id: id, tf: uint16(4 * (doc + 1)), forms: 1})
		}
	}
	for _, batch := range [][]int{{0, 1}, {2}} {
		if err := li.writeRun(batch); err != nil {
			t.Fatal(err)
		}
	}
	defer li.removeSpill()
	g := gathering{li: li, terms: len(li.byID)}
	dfs, err := li.spill.merge(g.terms, g.slot)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]posting{
		0: {{doc: 0, tf: 4, forms: 1}, {doc: 2, tf: 12, forms: 1}},
		2: {{doc: 0, tf: 4, forms: 1}, {doc: 1, tf: 8, forms: 1}},
		5: {{doc: 0, tf: 4, forms: 1}, {doc: 1, tf: 8, forms: 1}, {doc: 2, tf: 12, forms: 1}},
	}
	for slot := range g.terms {
		got, _, err := li.spill.postings(slot, dfs[slot], nil, nil)
		if err != nil || !slices.Equal(got, want[slot]) {
			t.Errorf("slot %d: %v, %v; want %v", slot, got, err, want[slot])
		}
	}
}

// TestRunWithAHugeCountIsAnError merges a run whose group says it holds
// more postings than any file could, and more than its bytes: an error,
// not a slice of that many postings.
func TestRunWithAHugeCountIsAnError(t *testing.T) {
	dir := t.TempDir()
	run := filepath.Join(dir, "run-0")
	head := binary.AppendUvarint(binary.AppendUvarint(binary.AppendUvarint(nil, 0), 0x5555555555555556), 5)
	if err := os.WriteFile(run, append(head, 1, 4, 1, 1, 4), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &spill{dir: dir, runs: []string{run}}
	defer s.remove()
	_, err := s.merge(1, func(id uint32) int { return int(id) })
	if !errors.Is(err, errBadRecords) || !strings.Contains(err.Error(), run) {
		t.Fatalf("merging a run with a huge count: %v, want an error naming %s", err, run)
	}
}
