package search

import (
	"math/bits"
	"strings"

	"handbook/build/search/tokenize"
)

// Tokenizer turns the pages one goroutine indexes into counts of terms.
// A handbook's vocabulary is small beside its text, so each distinct
// spelling is folded, stemmed and looked up once, and then costs one
// lookup per occurrence (in a small cache by hash, else a map); a page's
// counts live in slots reused page after page, and each term and
// spelling remembers its entry in the index once it has one, so adding a
// page to the index looks nothing up by name.
// Each goroutine uses its own Tokenizer.
type Tokenizer struct {
	langs map[string]*tokenizerLang
	lang  *tokenizerLang // the current page's

	page int // counts pages, to know which slots are this page's
	// maxSpellings bounds the spellings as written a language's caches
	// hold: past it, they start afresh at the next page.
	maxSpellings int
	terms        []docTerm
	pairs        []pairCount
	later        []laterForm // the page's forms numbered after the fifteenth
	// newPairs are the pairs the page met that the tokenizer's table
	// had not numbered, by their provisional number (unnumbered): the
	// index numbers them all once the page is read, under one lock,
	// where it took its lock for each one.
	newPairs []uint64
	newIDs   []uint32 // their numbers in the index, reused from page to page
}

// unnumbered marks the provisional number of a pair met on the page
// being read, which is its place in Tokenizer.newPairs: the index's
// numbers, below pairBit, never have it.
const unnumbered = pairBit

// tokenizerLang is what a Tokenizer caches for one language of one index.
type tokenizerLang struct {
	code  string
	index *langIndex // the index the cached entries belong to
	// spellings caches what each exact (lowercased) spelling stands
	// for, and written what each spelling as written does: "Khách" and
	// "khách" share one.
	spellings map[string]*spelling
	written   map[string]*writtenForm
	// recent holds, by a hash of the text, the last spelling as written
	// looked up with that hash: the few words a text uses most find
	// themselves there, in memory the processor keeps close, where the
	// map is spread far wider. The entries are held inline, so that
	// finding one reads no entry of the map's.
	recent [1 << 12]writtenForm
	// keys are the terms met, shared by the spellings that fold or stem
	// to them.
	keys map[string]*termKey
	// pairs are the pairs of adjacent terms met, named by the terms' ids.
	pairs pairTable
}

// spelling is what one exact spelling of a word stands for in a language.
type spelling struct {
	exact string
	word  string // folded
	key   *termKey
	stop  bool
	// form is the spelling's number among its term's forms, and formBit
	// its bit in a posting's forms, once the index has numbered it.
	form    int
	formBit uint16
}

// writtenForm is a spelling as written, kept by the cache: its own copy
// of the text, and what it stands for.
type writtenForm struct {
	text string
	s    *spelling
}

// termKey is an index term, with its slot in the current page's counts.
type termKey struct {
	key  string
	page int
	slot int
	term *term  // the index's entry, once it has one
	id   uint32 // the entry's id, so that counting reads no entry
}

// pairCount is what one page contributes to one pair.
type pairCount struct {
	id uint32 // the pair's number in the index
	tf float32
}

// docTerm is what one page contributes to one term: the term's id, its
// field-weighted count, the bits of the forms it has, and whether the
// page's title or statement has it.
type docTerm struct {
	id    uint32
	tf    float32
	forms uint16
	lead  bool
}

// NewTokenizer returns a tokenizer with empty caches.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{langs: map[string]*tokenizerLang{}, maxSpellings: maxSpellings}
}

// maxSpellings is how many spellings as written a Tokenizer's caches
// hold for a language: the words most pages use many times over, but
// not a large site's rare words, names, numbers and codes, which grow
// without end (the benchmark corpus has about 14,000 words a language at
// 2×10,000 pages, 130,000 at 2×100,000), and which each core's tokenizer
// held to the end of the build. A cache that starts afresh costs only
// the folding and stemming of the words met again: what a word stands
// for in the index never changes.
const maxSpellings = 1 << 13

// startPage readies the tokenizer for a page of li's language; the
// caches start afresh when the index is a new one, or when they hold
// more than maxSpellings spellings as written.
func (tk *Tokenizer) startPage(code string, li *langIndex) {
	l := tk.langs[code]
	switch {
	case l == nil || l.index != li:
		l = &tokenizerLang{code: code, index: li}
		l.pairs.first = pairSlotsFor(li.count)
		l.forget()
		tk.langs[code] = l
	case len(l.written) > tk.maxSpellings:
		l.forget()
	}
	tk.lang = l
	tk.page++
	tk.terms = tk.terms[:0]
	tk.pairs = tk.pairs[:0]
	tk.later = tk.later[:0]
	tk.newPairs = tk.newPairs[:0]
}

// forget starts the caches afresh. A page's counts are kept by term
// key, so they start afresh only between pages; the maps are made anew,
// as a cleared map keeps its memory, and the table of pairs, whose size
// the pages read so far tell, is cleared, as a new one would be grown
// again from its first size, every pair placed again at each doubling.
func (l *tokenizerLang) forget() {
	l.spellings, l.written, l.keys = map[string]*spelling{}, map[string]*writtenForm{}, map[string]*termKey{}
	clear(l.recent[:])
	l.pairs.clear()
}

// spellingOf finds, or makes, what a word as written stands for. Words
// are slices of the page's text, so what the cache keeps is copied: it
// must not hold pages alive.
func (tk *Tokenizer) spellingOf(written string) *spelling {
	slot := &tk.lang.recent[hashWord(written)%uint32(len(tk.lang.recent))]
	if slot.s == nil || slot.text != written {
		tk.fill(slot, written)
	}
	return slot.s
}

// fill puts in a slot of the cache the spelling as written, found in
// the map or made.
func (tk *Tokenizer) fill(slot *writtenForm, written string) {
	l := tk.lang
	f, ok := l.written[written]
	if !ok {
		f = &writtenForm{text: strings.Clone(written), s: tk.spelling(tokenize.Lower(written))}
		l.written[f.text] = f
	}
	*slot = *f
}

// hashWord mixes the length of a word with its first and last eight
// bytes (or four, or three of them): a few operations whatever the
// word's length, where a hash of every byte costs one multiplication
// each. It only picks a slot of the cache, which compares the words.
func hashWord(s string) uint32 {
	n := len(s)
	var h uint64
	switch {
	case n >= 8:
		h = load64(s) ^ bits.RotateLeft64(load64(s[n-8:]), 29)
	case n >= 4:
		h = uint64(load32(s))<<32 | uint64(load32(s[n-4:]))
	case n > 0:
		h = uint64(s[0])<<16 | uint64(s[n/2])<<8 | uint64(s[n-1])
	}
	h ^= uint64(n) * 0xa0761d6478bd642f
	h *= 0x9e3779b97f4a7c15
	return uint32(h >> 32)
}

// load64 reads the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the first four bytes of s, little-endian.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// spelling returns what a lowercased spelling stands for, made when new.
func (tk *Tokenizer) spelling(exact string) *spelling {
	l := tk.lang
	if s, ok := l.spellings[exact]; ok {
		return s
	}
	if s := tk.knownSpelling(exact); s != nil {
		l.spellings[s.exact] = s
		return s
	}
	exact = strings.Clone(exact)
	s := &spelling{exact: exact, word: strings.Clone(tokenize.Fold(exact))}
	key := s.word
	if l.code == "fr" {
		key = tokenize.StemFrench(exact)
		s.stop = tokenize.IsStopWord(l.code, exact)
	}
	s.key = l.keys[key]
	if s.key == nil {
		s.key = &termKey{key: key, page: -1}
		l.keys[key] = s.key
	}
	if s.word != "" && !s.stop {
		l.index.register(s)
	}
	l.spellings[exact] = s
	return s
}

// count adds one occurrence of the current spelling's term to the page's
// counts; lead says it is in the title or the statement.
func (tk *Tokenizer) count(s *spelling, weight float32, lead bool) {
	k := s.key
	if k.page != tk.page {
		k.page, k.slot = tk.page, len(tk.terms)
		tk.terms = append(tk.terms, docTerm{id: k.id})
	}
	dt := &tk.terms[k.slot]
	dt.tf += weight
	dt.forms |= s.formBit
	dt.lead = dt.lead || lead
	if s.form >= otherForm {
		tk.later = append(tk.later, laterForm{term: k.id, form: s.form})
	}
}

// countPair adds one occurrence of two adjacent terms, by their ids, to
// the page's pair counts. A pair the table had not numbered gets a
// provisional number, until numberPairs.
func (tk *Tokenizer) countPair(first, second uint32, weight float32) {
	l := tk.lang
	packed := uint64(first)<<32 | uint64(second)
	k, isNew := l.pairs.find(packed)
	if isNew {
		k.id, k.slot = unnumbered|uint32(len(tk.newPairs)), -1
		tk.newPairs = append(tk.newPairs, packed)
	}
	if k.slot < 0 || int(k.slot) >= len(tk.pairs) || tk.pairs[k.slot].id != k.id {
		k.slot = int32(len(tk.pairs))
		tk.pairs = append(tk.pairs, pairCount{id: k.id})
	}
	tk.pairs[k.slot].tf += weight
}

// numberPairs gives the pairs the page met first their numbers in the
// index, number's, in the page's counts and in the tokenizer's table.
// The caller holds the index's lock, for all of them at once.
func (tk *Tokenizer) numberPairs(number func(packed uint64) uint32) {
	if len(tk.newPairs) == 0 {
		return
	}
	ids := tk.newIDs[:0]
	for _, packed := range tk.newPairs {
		id := number(packed)
		tk.lang.pairs.setID(packed, id)
		ids = append(ids, id)
	}
	tk.newIDs = ids
	for i := range tk.pairs {
		if id := tk.pairs[i].id; id&unnumbered != 0 {
			tk.pairs[i].id = ids[id&^unnumbered]
		}
	}
}

// knownSpelling returns what an exact spelling the index registered
// before stands for, made from what the index knows of it rather than
// stemmed and registered again: after the caches start afresh, most of
// the words met are such, and stemming a French word took most of
// making its spelling. It returns nil for a spelling the index does not
// know.
func (tk *Tokenizer) knownSpelling(exact string) *spelling {
	l := tk.lang
	f, key, held, ok := l.index.known(exact)
	if !ok {
		return nil
	}
	s := &spelling{exact: held, word: tokenize.Fold(held), form: f.id, formBit: formBit(f.id)}
	s.key = l.keys[key]
	if s.key == nil {
		s.key = &termKey{key: key, page: -1}
		l.keys[key] = s.key
	}
	s.key.term, s.key.id = f.term, f.term.id
	return s
}
