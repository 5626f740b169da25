package search

// pairTable holds the pairs of adjacent terms a tokenizer has met, by the
// ids of their two terms: an open-addressing table with each pair's
// number and its slot in the current page's counts inline, so finding a
// pair reads one cache line. Counting pairs finds one for every two
// adjacent syllables of Vietnamese text: tens of millions of times in a
// large handbook.
type pairTable struct {
	slots []pairSlot
	used  int
	shift uint // 64 minus the bits of a slot's index
	// first is the slots the table starts with, at least minPairSlots
	// (a power of two): doubling from the least to hold a language's
	// pairs placed each of them again several times.
	first int
}

// minPairSlots is the fewest slots a table of pairs has.
const minPairSlots = 1024

// pairSlotsFor is the slots a table starts with for a language of docs
// documents: room for pairsPerDoc pairs a document (the benchmark
// corpus's Vietnamese has 21 a page at 2×1,000 pages, fewer on a larger
// site, whose pages share more of them), up to maxFirstPairSlots.
func pairSlotsFor(docs int) int {
	const pairsPerDoc = 32
	size := minPairSlots
	for size < 2*docs*pairsPerDoc && size < maxFirstPairSlots {
		size *= 2
	}
	return size
}

// maxFirstPairSlots is the most slots a table starts with: 1 MB, room
// for 32,768 pairs.
const maxFirstPairSlots = 1 << 16

// pairSlot is 16 bytes, four to a cache line. Whether slot is the
// current page's is told by the page's counts themselves: it is when
// the count at slot is this pair's.
type pairSlot struct {
	key  uint64 // the packed ids with keyBit set; 0 when the slot is free
	id   uint32 // the pair's number in the index
	slot int32  // its place in a page's pair counts
}

// keyBit is set in every key, which term ids (below 1<<31) leave free, so
// that no key is 0.
const keyBit = 1 << 63

// find returns the entry of two terms' packed ids, and whether it is new:
// a new entry has only its key set. The entry is valid until the next
// call.
func (t *pairTable) find(packed uint64) (*pairSlot, bool) {
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	key := packed | keyBit
	mask := len(t.slots) - 1
	for i := int((key * 0x9e3779b97f4a7c15) >> t.shift); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == key {
			return s, false
		}
		if s.key == 0 {
			s.key = key
			t.used++
			return s, true
		}
	}
}

// setID sets the number of a pair the table holds.
func (t *pairTable) setID(packed uint64, id uint32) {
	key := packed | keyBit
	mask := len(t.slots) - 1
	for i := int((key * 0x9e3779b97f4a7c15) >> t.shift); ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.key == key {
			s.id = id
			return
		}
	}
}

// clear empties the table, keeping its memory.
func (t *pairTable) clear() {
	clear(t.slots)
	t.used = 0
}

// grow doubles the table, placing every entry again.
func (t *pairTable) grow() {
	old := t.slots
	size := max(t.first, minPairSlots, 2*len(old))
	t.slots = make([]pairSlot, size)
	t.shift = 64
	for n := size; n > 1; n >>= 1 {
		t.shift--
	}
	mask := size - 1
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		i := int((s.key * 0x9e3779b97f4a7c15) >> t.shift)
		for t.slots[i].key != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
