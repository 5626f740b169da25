package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// A large handbook's postings do not stay in memory. Once the entries a
// language has logged and not yet spilled pass its budget, they are
// written to a run on disk, grouped by term in number order and, within a
// term, in document order, and let go. When the index is written, the
// runs are merged into one file of every term's postings in document
// order, and the spill keeps where each term's postings start in it;
// each shard reads its terms' postings back from that file. Both hold a
// posting in a few bytes (see appendCompactRecords).
// The index written is the same, byte for byte, as one gathered in
// memory.

// defaultSpillBudget is the bytes of logged entries a language holds
// before it spills them: at 2×10,000 pages of the benchmark corpus, the
// Vietnamese pages log about 58 MB (7.2 million entries, most of them
// pairs of syllables) and spill, the French ones less, and stay in
// memory; 2×100,000 log ten times that and spill.
const defaultSpillBudget = 48 << 20

// entrySize is the bytes a logged entry takes in memory.
const entrySize = 8

// spill is a language's postings on disk.
type spill struct {
	dir  string   // the folder of the runs and the merged file
	runs []string // the runs written, in order
	// merged holds every slot's postings once the runs are merged;
	// start is where each slot's records start in it, in bytes, and
	// where the next slot's do: its last entry is the file's size.
	merged *os.File
	start  []uint64
}

// spillAt makes the language spill its entries once it holds budget bytes
// of them, into a folder made in parent ("" for the system's temporary
// folder).
func (li *langIndex) spillAt(budget int64, parent string) {
	li.budget, li.spillParent = budget, parent
}

// laterRunShare is the share of the budget each run after a language's
// first holds. A language that spilled once is a large one, and goes on
// being read for long after: holding the whole budget again and again
// would keep it in memory to the end of the render, when the pages'
// tables are largest, for each language at once. Smaller runs cost the
// merge a few more files to read, which it reads together.
const laterRunShare = 4

// hold counts a page's entries, logged in li.docs, against the budget;
// when they pass it, it returns the documents to spill, and holds none.
// The caller holds li.mu.
func (li *langIndex) hold(doc, entries int) []int {
	li.pending = append(li.pending, doc)
	li.held += int64(entries) * entrySize
	li.logged += int64(entries) * entrySize
	li.loggedDocs++
	if li.held < li.runBudget() {
		return nil
	}
	batch := li.pending
	li.pending, li.held = nil, 0
	return batch
}

// runBudget is the bytes of entries the next run holds: the budget
// until the language spills or is seen to spill anyway, a share of it
// after.
func (li *langIndex) runBudget() int64 {
	if li.spill != nil || li.spillsAnyway() {
		return max(li.budget/laterRunShare, 1)
	}
	return li.budget
}

// predictAfter is how many documents a language logs before
// spillsAnyway predicts from them: enough for their mean to hold.
const predictAfter = 500

// spillsAnyway says whether the language's documents, at the bytes of
// entries each has logged so far, come to twice the budget: it spills
// anyway, and holding the whole budget before its first run would only
// keep it in memory the longer, beside the other languages' (at
// 2×100,000 pages of the benchmark corpus, one language held its first
// 48 MB to the end of the render, where the build's memory peaks). A
// smaller language holds the budget, and may never spill.
func (li *langIndex) spillsAnyway() bool {
	if li.loggedDocs < predictAfter {
		return false
	}
	return li.logged/int64(li.loggedDocs)*int64(li.count) > 2*li.budget
}

// spillRun writes the entries of the documents of batch to a new run, and
// lets them go. Any error is kept for Write to return.
func (li *langIndex) spillRun(batch []int) {
	err := li.writeRun(batch)
	li.mu.Lock()
	defer li.mu.Unlock()
	if err != nil && li.spillErr == nil {
		li.spillErr = fmt.Errorf("search index (%s): spilling postings to disk: %w", li.lang, err)
	}
}

// writeRun sorts the entries of batch by term, and by document within a
// term, and writes them to a new run: for each term, its number, its
// postings' count and the bytes of their records, as uvarints, then the
// records.
func (li *langIndex) writeRun(batch []int) error {
	slices.Sort(batch)
	path, terms, pairs, err := li.newRun()
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rg, _ := li.groupers.Get().(*runGrouper)
	if rg == nil {
		rg = newRunGrouper()
	}
	// One buffer for every group's head and one for its records: a
	// group's are written before the next one's are made.
	var head, records []byte
	err = rg.each(li.docs, batch, terms, pairs, func(g entryGroup) error {
		records = appendCompactRecords(records[:0], g.postings)
		head = binary.AppendUvarint(binary.AppendUvarint(head[:0], uint64(g.id)), uint64(len(g.postings)))
		head = binary.AppendUvarint(head, uint64(len(records)))
		if _, err := w.Write(head); err != nil {
			return err
		}
		_, err := w.Write(records)
		return err
	})
	li.groupers.Put(rg)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	for _, doc := range batch {
		li.docs[doc].entries = nil
	}
	return err
}

// newRun names the next run, making the spill's folder when it is the
// first, and says how many terms and pairs the language has so far.
func (li *langIndex) newRun() (path string, terms, pairs int, err error) {
	li.mu.Lock()
	defer li.mu.Unlock()
	if li.spill == nil {
		dir, err := os.MkdirTemp(li.spillParent, "handbook-index-"+li.lang+"-")
		if err != nil {
			return "", 0, 0, err
		}
		li.spill = &spill{dir: dir}
	}
	path = filepath.Join(li.spill.dir, "run-"+strconv.Itoa(len(li.spill.runs)))
	li.spill.runs = append(li.spill.runs, path)
	return path, len(li.byID), len(li.pairKeys), nil
}

// entryGroup is one term's postings in a run.
type entryGroup struct {
	id       uint32 // as logEntry.id
	postings []posting
}

// A run's entries are placed groupChunk postings (8 MB) at a time, in
// at most groupChunks chunks, or else all at once.
const (
	groupChunk  = 1 << 20
	groupChunks = 2
)

// A runGrouper groups the entries of a run's documents by term, and keeps
// its buffer for the next run. Placing every entry of a run in its
// term's group at once meant an array as large as the run (48 MB for a
// language's first), new for each run, written all over: a cache miss
// for nearly every entry. The grouper places them a chunk of terms at a
// time, reading the entries again for each chunk, into a buffer whose
// writes stay closer together: a run of 12 MB, as a large language's
// later runs are, is grouped in two chunks of 8 MB, in the one buffer
// the language's runs share.
type runGrouper struct {
	chunk    int     // the postings a chunk holds
	chunks   int     // the most chunks a run is grouped in, or else one
	counts   []int32 // by slot: its postings, then where its next goes
	postings []posting
}

// newRunGrouper returns a grouper with empty buffers.
func newRunGrouper() *runGrouper {
	return &runGrouper{chunk: groupChunk, chunks: groupChunks}
}

// each calls visit with the groups of the entries of the documents docs
// (in order) by term, terms in number order and pairs after them, each
// group's postings in document order; terms and pairs bound the numbers
// of the terms and pairs the entries have. A group's postings are valid
// until visit returns. It stops at the first error visit returns.
func (rg *runGrouper) each(all []docInfo, docs []int, terms, pairs int, visit func(entryGroup) error) error {
	g := gathering{terms: terms}
	rg.counts = resized(rg.counts, terms+pairs)
	counts := rg.counts
	total := 0
	for _, doc := range docs {
		for _, e := range all[doc].entries {
			counts[g.slot(e.id)]++
		}
		total += len(all[doc].entries)
	}
	chunk := rg.chunk
	if total > rg.chunks*rg.chunk {
		// A run larger than the shared buffer holds, as a language's
		// first is, is grouped at once, in a buffer of its own: reading
		// its entries again for each chunk cost more than the buffer.
		chunk = total
	}
	defer rg.keepSmall()
	for lo := 0; lo < len(counts); {
		hi, n := rg.chunkFrom(lo, chunk)
		if n > 0 {
			if err := rg.place(all, docs, g, lo, hi, n, visit); err != nil {
				return err
			}
		}
		lo = hi
	}
	return nil
}

// keepSmall lets go of a buffer grown past what a later run needs: a
// language's first run is four times as large.
func (rg *runGrouper) keepSmall() {
	if cap(rg.postings) > 2*rg.chunk {
		rg.postings = nil
	}
}

// chunkFrom returns the end of the chunk of slots that starts at lo, and
// its postings: as many slots as chunk postings hold, and at least one.
func (rg *runGrouper) chunkFrom(lo, chunk int) (hi, n int) {
	hi, n = lo+1, int(rg.counts[lo])
	for hi < len(rg.counts) && n+int(rg.counts[hi]) <= chunk {
		n += int(rg.counts[hi])
		hi++
	}
	return hi, n
}

// place places the n postings of the slots lo to hi, counted in
// rg.counts, in document order, and visits their groups in slot order.
func (rg *runGrouper) place(all []docInfo, docs []int, g gathering, lo, hi, n int, visit func(entryGroup) error) error {
	counts := rg.counts[lo:hi]
	at := int32(0)
	for s, c := range counts {
		counts[s] = at // from now on, where the slot's next posting goes
		at += c
	}
	rg.postings = slices.Grow(rg.postings[:0], n)[:n]
	postings := rg.postings
	for _, doc := range docs {
		for _, e := range all[doc].entries {
			if s := g.slot(e.id) - lo; uint(s) < uint(len(counts)) {
				postings[counts[s]] = posting{doc: int32(doc), tf: e.tf, forms: e.forms}
				counts[s]++
			}
		}
	}
	start := int32(0)
	for s, end := range counts {
		if end == start {
			continue
		}
		if err := visit(entryGroup{id: g.id(lo + s), postings: postings[start:end]}); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// resized returns b with n zeroed elements, reusing its memory.
func resized(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// appendCompactRecords appends to b the records of a group of postings,
// in document order, as runs and the merged file hold them: for each,
// the gap from the document before (the first's from 0), its tf and its
// forms, as uvarints. Most take three bytes, where a fixed record took
// eight: a gap of a few documents, a tf of a few occurrences in
// quarters, and the forms of a term (one bit) or of a pair (none). At
// 2×100,000 pages a build wrote 1.4 GB to the temporary folder.
func appendCompactRecords(b []byte, postings []posting) []byte {
	prev := int32(0)
	for _, p := range postings {
		gap := uint32(p.doc - prev)
		prev = p.doc
		if gap|uint32(p.tf)|uint32(p.forms) < 0x80 {
			b = append(b, byte(gap), byte(p.tf), byte(p.forms))
			continue
		}
		b = binary.AppendUvarint(b, uint64(gap))
		b = binary.AppendUvarint(b, uint64(p.tf))
		b = binary.AppendUvarint(b, uint64(p.forms))
	}
	return b
}

// A compact record takes three bytes at least, and at most eleven: five
// for the gap, three each for tf and forms.
const (
	minRecordBytes = 3
	maxRecordBytes = 11
)

// errBadRecords is the error of a run whose records do not decode.
var errBadRecords = errors.New("spilled postings do not decode")

// appendFromCompactRecords appends to ps the n postings whose records, as
// appendCompactRecords writes them, are all of raw.
func appendFromCompactRecords(ps []posting, raw []byte, n int) ([]posting, error) {
	doc := int32(0)
	for range n {
		if len(raw) >= 3 && raw[0]|raw[1]|raw[2] < 0x80 {
			// Three fields of one byte each, as most records are.
			doc += int32(raw[0])
			ps = append(ps, posting{doc: doc, tf: uint16(raw[1]), forms: uint16(raw[2])})
			raw = raw[3:]
			continue
		}
		var fields [3]uint64
		for f := range fields {
			v, size := binary.Uvarint(raw)
			if size <= 0 || v > 0xffffffff || f > 0 && v > 0xffff {
				return ps, errBadRecords
			}
			fields[f], raw = v, raw[size:]
		}
		doc += int32(uint32(fields[0]))
		ps = append(ps, posting{doc: doc, tf: uint16(fields[1]), forms: uint16(fields[2])})
	}
	if len(raw) > 0 {
		return ps, errBadRecords
	}
	return ps, nil
}

// gatherSpilled spills the entries still held, then merges the runs into
// one file of every slot's postings in document order, and gives every
// term and pair its count and its place in that file.
func (li *langIndex) gatherSpilled() error {
	if len(li.pending) > 0 {
		batch := li.pending
		li.pending, li.held = nil, 0
		li.spillRun(batch)
	}
	if li.spillErr != nil {
		return li.spillErr
	}
	g := gathering{li: li, terms: len(li.byID)}
	dfs, err := li.spill.merge(g.terms+len(li.pairKeys), g.slot)
	if err != nil {
		return fmt.Errorf("search index (%s): merging spilled postings: %w", li.lang, err)
	}
	for id, t := range li.byID {
		t.df, t.slot = dfs[id], id
	}
	li.addPairs(func(i int, t *term) { t.df, t.slot = dfs[g.terms+i], g.terms+i })
	return nil
}

// runReader reads a run's groups in order.
type runReader struct {
	r    *bufio.Reader
	f    *os.File
	id   uint32 // the current group's term
	n    int    // its postings, not yet read
	size int    // the bytes of their records
	done bool
}

func openRun(path string) (*runReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	rr := &runReader{r: bufio.NewReaderSize(f, 256<<10), f: f}
	return rr, rr.next()
}

// next reads the head of the next group.
func (rr *runReader) next() error {
	id, err := binary.ReadUvarint(rr.r)
	if err == io.EOF {
		rr.done = true
		return nil
	}
	if err != nil {
		return err
	}
	n, err := binary.ReadUvarint(rr.r)
	if err != nil {
		return fmt.Errorf("%s: %w", rr.f.Name(), io.ErrUnexpectedEOF)
	}
	size, err := binary.ReadUvarint(rr.r)
	if err != nil {
		return fmt.Errorf("%s: %w", rr.f.Name(), io.ErrUnexpectedEOF)
	}
	// Divided, not multiplied: a damaged count must not wrap around.
	if n > size/minRecordBytes || size/maxRecordBytes > n {
		return fmt.Errorf("%s: %w", rr.f.Name(), errBadRecords)
	}
	rr.id, rr.n, rr.size = uint32(id), int(n), int(size)
	return nil
}

// appendGroup appends the current group's postings to ps, reading their
// records into raw, which it returns for reuse, and reads the next
// group's head.
func (rr *runReader) appendGroup(ps []posting, raw []byte) ([]posting, []byte, error) {
	raw = slices.Grow(raw[:0], rr.size)[:rr.size]
	if _, err := io.ReadFull(rr.r, raw); err != nil {
		return ps, raw, fmt.Errorf("%s: %w", rr.f.Name(), err)
	}
	ps, err := appendFromCompactRecords(slices.Grow(ps, rr.n), raw, rr.n)
	if err != nil {
		return ps, raw, fmt.Errorf("%s: %w", rr.f.Name(), err)
	}
	return ps, raw, rr.next()
}

// merge merges the runs into the merged file, slot by slot, and returns
// each slot's count of postings; slotOf is the slot of a logged id.
func (s *spill) merge(slots int, slotOf func(uint32) int) ([]int, error) {
	readers := make([]*runReader, 0, len(s.runs))
	defer func() {
		for _, rr := range readers {
			rr.f.Close()
		}
	}()
	for _, path := range s.runs {
		rr, err := openRun(path)
		if err != nil {
			return nil, err
		}
		readers = append(readers, rr)
	}
	f, err := os.Create(filepath.Join(s.dir, "merged"))
	if err != nil {
		return nil, err
	}
	s.merged = f
	w := newAheadWriter(f, 1<<20)
	defer w.Close() // on an error reading the runs
	dfs := make([]int, slots)
	s.start = make([]uint64, slots+1)
	var buf, spare []posting
	var starts []int
	var raw []byte                // records read, then written, reused
	written, next := uint64(0), 0 // next: the first slot not yet placed
	for {
		id, ok := lowestID(readers)
		if !ok {
			break
		}
		buf, starts = buf[:0], starts[:0]
		sorted := true
		for _, rr := range readers {
			if rr.done || rr.id != id {
				continue
			}
			from := len(buf)
			starts = append(starts, from)
			if buf, raw, err = rr.appendGroup(buf, raw); err != nil {
				return nil, err
			}
			if from > 0 && from < len(buf) && buf[from].doc < buf[from-1].doc {
				sorted = false
			}
		}
		if !sorted {
			buf, spare = mergeParts(buf, spare, starts)
		}
		// Slots come in number order, as their terms do: a slot without
		// postings starts, and ends, where the next one starts.
		slot := slotOf(id)
		for ; next <= slot; next++ {
			s.start[next] = written
		}
		dfs[slot] = len(buf)
		raw = appendCompactRecords(raw[:0], buf)
		w.Write(raw)
		written += uint64(len(raw))
	}
	for ; next <= slots; next++ {
		s.start[next] = written
	}
	return dfs, w.Close()
}

// mergeParts puts postings in document order, given that each of its
// parts, from each of starts to the next, is: a term's postings from
// each run are in order, so merging the parts two by two, through spare,
// takes the place of a sort. It returns the postings in order and the
// other slice, for the caller to reuse both.
func mergeParts(postings, spare []posting, starts []int) (sorted, other []posting) {
	for len(starts) > 1 {
		spare = slices.Grow(spare[:0], len(postings))[:len(postings)]
		merged := starts[:0] // each written below the next one read
		for i := 0; i < len(starts); i += 2 {
			from, mid, to := starts[i], len(postings), len(postings)
			if i+1 < len(starts) {
				mid = starts[i+1]
			}
			if i+2 < len(starts) {
				to = starts[i+2]
			}
			mergeTwo(spare[from:to], postings[from:mid], postings[mid:to])
			merged = append(merged, from)
		}
		starts = merged
		postings, spare = spare, postings
	}
	return postings, spare
}

// mergeTwo merges a and b, each in document order, into dst.
func mergeTwo(dst, a, b []posting) {
	i, j := 0, 0
	for k := range dst {
		if j == len(b) || i < len(a) && a[i].doc < b[j].doc {
			dst[k] = a[i]
			i++
		} else {
			dst[k] = b[j]
			j++
		}
	}
}

// lowestID is the lowest term of the runs' current groups.
func lowestID(readers []*runReader) (uint32, bool) {
	var low uint32
	found := false
	for _, rr := range readers {
		if !rr.done && (!found || rr.id < low) {
			low, found = rr.id, true
		}
	}
	return low, found
}

// postings reads the n postings of the slot from the merged file into
// buf, reusing raw.
func (s *spill) postings(slot, n int, buf []posting, raw []byte) ([]posting, []byte, error) {
	size := int(s.start[slot+1] - s.start[slot])
	raw = slices.Grow(raw[:0], size)[:size]
	if _, err := s.merged.ReadAt(raw, int64(s.start[slot])); err != nil {
		return buf, raw, fmt.Errorf("reading spilled postings: %w", err)
	}
	buf, err := appendFromCompactRecords(buf[:0], raw, n)
	if err != nil {
		return buf, raw, fmt.Errorf("reading spilled postings: %s: %w", s.merged.Name(), err)
	}
	return buf, raw, nil
}

// remove deletes the spill's files.
func (s *spill) remove() error {
	var err error
	if s.merged != nil {
		err = s.merged.Close()
		s.merged = nil
	}
	return errors.Join(err, os.RemoveAll(s.dir))
}

// removeSpill deletes the language's spilled postings, when it has any.
func (li *langIndex) removeSpill() error {
	if li.spill == nil {
		return nil
	}
	err := li.spill.remove()
	li.spill = nil
	if err != nil {
		return fmt.Errorf("search index (%s): removing spilled postings: %w", li.lang, err)
	}
	return nil
}

// Close deletes what the index spilled to disk. Write does it once it has
// written the index; a build that stops before calls Close.
func (idx *Index) Close() error {
	var errs []error
	for _, li := range idx.langs {
		li.mu.Lock()
		errs = append(errs, li.removeSpill())
		li.mu.Unlock()
	}
	return errors.Join(errs...)
}
