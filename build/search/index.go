package search

import (
	"cmp"
	"slices"
	"sort"
	"sync"

	"handbook/build/content"
	"handbook/build/search/tokenize"
)

// otherForm is the last bit of a posting's forms, shared by the forms
// without a bit of their own: while pages are indexed, those met after
// the first fifteen; in the written index, those after the fifteen that
// most documents have.
const otherForm = 15

// Field weights: a word in a title counts five times a word of the body.
const (
	weightTitle       = 5
	weightDescription = 2
	weightHeading     = 2 // on top of the heading's text counted in the body
	weightQuote       = 2
	weightBody        = 1
)

// Index gathers the pages of one build into one index per language. Add
// is safe for concurrent use; the output does not depend on the order
// pages were added in.
type Index struct {
	langs map[string]*langIndex
	// docBuffers hold the buffers document files are made in, reused
	// from page to page (*[]byte).
	docBuffers sync.Pool
}

// NewIndex prepares an index of the pages of set. A document's number is
// the rank of its translationKey among every language's keys, so a page and
// its translations have the same number in each language's index: a search
// over several languages lists them once without fetching anything more.
func NewIndex(set *content.Set) *Index {
	keys := map[string]int{}
	for _, p := range set.Pages {
		keys[p.TranslationKey] = 0
	}
	for i, k := range sortedKeys(keys) {
		keys[k] = i
	}
	idx := &Index{langs: map[string]*langIndex{}}
	for _, l := range set.Langs {
		li := &langIndex{lang: l.Code, budget: defaultSpillBudget, terms: map[string]*term{}, forms: map[string]knownForm{}, pairIDs: map[uint64]uint32{}, words: map[string]string{}, stemsOf: map[string][]string{}}
		li.docs = make([]docInfo, len(keys))
		li.numberDocs(set, l.Pages, keys)
		for _, p := range l.Pages {
			li.docs[keys[p.TranslationKey]].present = true
			li.count++
		}
		idx.langs[l.Code] = li
	}
	return idx
}

// docInfo is what the index keeps of a document until it is written:
// its length in words, for BM25, and what it adds to each term. The rest
// goes straight to its file.
type docInfo struct {
	length  int
	present bool
	entries []logEntry
}

// term is one entry of the index: a folded word (a stem in French) or a
// pair of adjacent ones, with the documents it occurs in.
type term struct {
	id uint32 // its number among the language's terms, naming pairs
	// df is the number of documents with the term, once gathered; its
	// postings are in document order, in memory, or, when the language
	// spilled them, in the spill's merged file at its slot.
	df       int
	postings []posting
	slot     int
	// forms are the exact spellings seen, numbered in the order met; a
	// posting's forms bit set refers to them. The language's forms
	// finds them by spelling.
	forms []string
	// later are the documents of the forms numbered after the fifteenth,
	// which share a posting's last bit, in no order.
	later []docForm
	// hasPairFile marks a term whose rare pairs are written apart.
	hasPairFile bool
}

// laterForm is a term's form numbered after the fifteenth, met on the
// page being indexed.
type laterForm struct {
	term uint32
	form int
}

func compareLaterForms(a, b laterForm) int {
	return cmp.Or(cmp.Compare(a.term, b.term), cmp.Compare(a.form, b.form))
}

// docForm is a document with one of a term's later forms.
type docForm struct {
	doc  int32
	form int
}

// langIndex is the index of one language. Its lock guards what
// tokenizers add when they meet a spelling or a pair for the first time;
// the entries of each page are written without it.
type langIndex struct {
	lang  string
	mu    sync.Mutex
	docs  []docInfo // by document number; absent where the language lacks the page
	count int       // the documents present
	// docOf is the document number of each of the language's pages,
	// plus one, by page ID; zero for another language's. A slice, where
	// a map took five times the room at 2×100,000 pages. docByPage
	// replaces it for a set whose pages were not numbered as Link does.
	docOf     []int32
	docByPage map[*content.Page]int

	terms map[string]*term
	names []string // the terms' keys, by id
	byID  []*term
	// pairIDs number the adjacent Vietnamese syllables met, named by the
	// ids of their two terms, so that counting them builds no string and
	// hashes no text; pairKeys are those names by number.
	pairIDs  map[uint64]uint32
	pairKeys []uint64
	// forms finds each exact spelling registered, with its term and
	// its number among the term's forms: one map for the language, where
	// a map a term made the terms of 2×10,000 pages of the benchmark
	// corpus take 15.8 MB rather than 10.2, and what a tokenizer whose
	// caches started afresh reads rather than stemming a word again.
	forms map[string]knownForm
	// words maps a folded word to its term when they differ (French
	// stems), for lookups of what readers type.
	words map[string]string
	// stemsOf lists, for a folded word met with spellings of different
	// stems ("publié" and "publie"), every stem met, so that the written
	// index can choose one whatever order pages were added in.
	stemsOf map[string][]string
	// synonyms are the language's synonym groups.
	synonyms []SynonymGroup

	// budget is the bytes of entries held in memory before they are
	// spilled to disk (spill.go), into a folder made in spillParent;
	// pending are the documents whose entries are held, held their bytes.
	budget      int64
	spillParent string
	// groupers are the runGroupers that wrote runs, for the next runs.
	groupers sync.Pool
	pending  []int
	held     int64
	// logged are the bytes of entries logged, held or spilled, and
	// loggedDocs the documents they came from: what spillsAnyway
	// predicts the language's whole from.
	logged     int64
	loggedDocs int
	spill      *spill
	spillErr   error
}

// Body is what the index reads of a page's converted body.
type Body struct {
	// Headings are the body's headings, in order.
	Headings []content.Heading
	// Text is the body as plain text, code left out.
	Text string
}

// Add indexes a rendered page, its front matter and body, counting its
// words with tok, which is the calling goroutine's own.
func (idx *Index) Add(p *content.Page, body Body, tok *Tokenizer) {
	li := idx.langs[p.Lang]
	if li == nil {
		return
	}
	tok.startPage(p.Lang, li)
	// Vietnamese words are written as separate syllables, so adjacent
	// syllables are indexed as pairs too: "khách hàng" then outranks pages
	// where "khách" and "hàng" stand apart.
	pairs := p.Lang == "vi"
	length := 0
	addText := func(text string, weight float32, lead bool) {
		prev, hasPrev := uint32(0), false
		tokenize.EachWritten(text, func(written string, joined bool) bool {
			w := tok.spellingOf(written)
			if w.word == "" {
				return false
			}
			if w.stop {
				return true
			}
			length++
			tok.count(w, weight, lead)
			if pairs && joined && hasPrev {
				tok.countPair(prev, w.key.id, weight)
			}
			prev, hasPrev = w.key.id, true
			return true
		})
	}
	addText(p.Title, weightTitle, true)
	addText(p.Description, weightDescription, false)
	addText(p.Text, weightQuote, false)
	addText(p.Statement, weightQuote, true)
	for _, h := range body.Headings {
		addText(h.Text, weightHeading, false)
	}
	addText(body.Text, weightBody, false)
	li.merge(li.doc(p), length, tok)
}

// numberDocs records the document number of each of pages, the
// language's, by page ID when the set's pages have the IDs Link gives
// (each its own, below the number of pages), by page otherwise.
func (li *langIndex) numberDocs(set *content.Set, pages []*content.Page, keys map[string]int) {
	if !numberedPages(set) {
		li.docByPage = make(map[*content.Page]int, len(pages))
		for _, p := range pages {
			li.docByPage[p] = keys[p.TranslationKey]
		}
		return
	}
	li.docOf = make([]int32, len(set.Pages))
	for _, p := range pages {
		li.docOf[p.ID] = int32(keys[p.TranslationKey]) + 1
	}
}

// numberedPages says whether each page of set has an ID of its own
// below the number of pages.
func numberedPages(set *content.Set) bool {
	seen := make([]bool, len(set.Pages))
	for _, p := range set.Pages {
		if p.ID < 0 || p.ID >= len(seen) || seen[p.ID] {
			return false
		}
		seen[p.ID] = true
	}
	return true
}

// doc is p's document number; 0, as for a page the index was not made
// with, for a page of another language.
func (li *langIndex) doc(p *content.Page) int {
	if li.docByPage != nil {
		return li.docByPage[p]
	}
	if p.ID < 0 || p.ID >= len(li.docOf) || li.docOf[p.ID] == 0 {
		return 0
	}
	return int(li.docOf[p.ID]) - 1
}

// merge logs a page's counts as its entries, which the index keeps.
// They are an allocation of their own, a few kilobytes like most of
// rendering's, so the heap reuses memory rendering has let go: cut from
// chunks of half a megabyte, they were fresh memory, and the page faults
// of first writing it were most of what merging cost.
func (li *langIndex) merge(doc, length int, tok *Tokenizer) {
	if len(tok.newPairs) > 0 {
		li.mu.Lock()
		tok.numberPairs(li.pairID)
		li.mu.Unlock()
	}
	entries := make([]logEntry, 0, len(tok.terms)+len(tok.pairs))
	for i := range tok.terms {
		dt := &tok.terms[i]
		tf := quarters(dt.tf)
		if dt.lead {
			tf |= leadTF
		}
		entries = append(entries, logEntry{id: dt.id, tf: tf, forms: dt.forms})
	}
	for _, pc := range tok.pairs {
		entries = append(entries, logEntry{id: pairBit | pc.id, tf: quarters(pc.tf)})
	}
	li.mu.Lock()
	li.docs[doc] = docInfo{length: length, present: true, entries: entries}
	li.logLaterForms(doc, tok.later)
	batch := li.hold(doc, len(entries))
	li.mu.Unlock()
	if batch != nil {
		li.spillRun(batch)
	}
}

// logLaterForms records, with their terms, the forms numbered after the
// fifteenth that a document has (later, which it sorts): which of a
// term's forms get bits of their own is settled when the index is
// written, by how many documents each has, not by the order met.
func (li *langIndex) logLaterForms(doc int, later []laterForm) {
	slices.SortFunc(later, compareLaterForms)
	for _, f := range slices.Compact(later) {
		t := li.byID[f.term]
		t.later = append(t.later, docForm{doc: int32(doc), form: f.form})
	}
}

// register gives a spelling met for the first time its term and its
// number among the term's forms, and records its folded word when that
// differs from the term (a French stem).
func (li *langIndex) register(s *spelling) {
	li.mu.Lock()
	defer li.mu.Unlock()
	if s.key.term == nil {
		s.key.term = li.term(s.key.key)
		s.key.id = s.key.term.id
	}
	s.form = li.formID(s.key.term, s.exact)
	s.formBit = formBit(s.form)
	if s.word != s.key.key {
		li.addWord(s.word, s.key.key)
	}
}

// addWord records that word is a folded spelling of the term key. The
// first term met is kept in words; when the word turns out to lead to
// others too, all of them are kept in stemsOf for settleWords.
func (li *langIndex) addWord(word, key string) {
	first, ok := li.words[word]
	if !ok {
		li.words[word] = key
		return
	}
	if first == key || slices.Contains(li.stemsOf[word], key) {
		return
	}
	if li.stemsOf[word] == nil {
		li.stemsOf[word] = []string{first}
	}
	li.stemsOf[word] = append(li.stemsOf[word], key)
}

// settleWords maps each word met with several stems to the one in the
// most documents, the smallest in byte order among equals: a choice
// that depends on the pages, not on the order they were added in. It
// runs once the postings are gathered.
func (li *langIndex) settleWords() {
	for word, stems := range li.stemsOf {
		best := stems[0]
		for _, key := range stems[1:] {
			if n, m := li.terms[key].df, li.terms[best].df; n > m || n == m && key < best {
				best = key
			}
		}
		li.words[word] = best
	}
}

// pairID numbers the pair of two terms, when first met. The caller
// holds li.mu.
func (li *langIndex) pairID(packed uint64) uint32 {
	id, ok := li.pairIDs[packed]
	if !ok {
		id = uint32(len(li.pairKeys))
		li.pairIDs[packed] = id
		li.pairKeys = append(li.pairKeys, packed)
	}
	return id
}

// term returns the entry of key, made when new.
func (li *langIndex) term(key string) *term {
	t := li.terms[key]
	if t == nil {
		t = &term{id: uint32(len(li.names))}
		li.terms[key] = t
		li.names = append(li.names, key)
		li.byID = append(li.byID, t)
	}
	return t
}

// pairName is the key of a pair of terms in the written index.
func (li *langIndex) pairName(id uint64) string {
	return li.names[id>>32] + " " + li.names[id&0xffffffff]
}

// quarters is a field-weighted count in quarters, below leadTF.
func quarters(tf float32) uint16 { return uint16(min(tf*4, leadTF-1)) }

// leadTF is the bit of a posting's tf that says the page's title or
// statement has the term.
const leadTF = 1 << 15

// formBit is the bit of a term's form numbered id in a posting's forms:
// only the first 15 forms of a term get a bit of their own.
func formBit(id int) uint16 {
	return 1 << min(id, otherForm)
}

// knownForm is an exact spelling's term and number among its forms.
type knownForm struct {
	term *term
	id   int
}

// formID numbers an exact form of the term t, in the order met. The
// caller holds li.mu.
func (li *langIndex) formID(t *term, exact string) int {
	f, ok := li.forms[exact]
	if !ok {
		f = knownForm{t, len(t.forms)}
		li.forms[exact] = f
		t.forms = append(t.forms, exact)
	}
	return f.id
}

// known returns the term of an exact spelling registered before, its
// key and the spelling as the index holds it, and its number among the
// term's forms; ok is false for a spelling never registered.
func (li *langIndex) known(exact string) (f knownForm, key, held string, ok bool) {
	li.mu.Lock()
	defer li.mu.Unlock()
	if f, ok = li.forms[exact]; !ok {
		return f, "", "", false
	}
	return f, li.names[f.term.id], f.term.forms[f.id], true
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
