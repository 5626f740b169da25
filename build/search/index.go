package search

import (
	"sort"
	"strings"
	"sync"

	"github.com/kljensen/snowball/french"

	"handbook/build/content"
	"handbook/build/fold"
)

// otherForm is the bit of the forms met after the first fifteen.
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
		li := &langIndex{lang: l.Code, terms: map[string]*term{}, pairs: map[uint64]*term{}, words: map[string]string{}, docOf: map[*content.Page]int{}}
		li.docs = make([]docInfo, len(keys))
		for _, p := range l.Pages {
			li.docOf[p] = keys[p.TranslationKey]
			li.docs[li.docOf[p]].present = true
			li.count++
		}
		idx.langs[l.Code] = li
	}
	return idx
}

// docInfo is what the index keeps of a document until it is written:
// its length in words, for BM25. The rest goes straight to its file.
type docInfo struct {
	length  int
	present bool
}

// term is one entry of the index: a folded word (a stem in French) or a
// pair of adjacent ones, with the documents it occurs in.
type term struct {
	id       uint32 // its number among the language's terms, naming pairs
	postings postingList
	// forms are the exact spellings seen, numbered in the order met; a
	// posting's forms bit set refers to them.
	forms    []string
	formIDs  map[string]int
	formUses []int
	// hasPairFile marks a term whose rare pairs are written apart.
	hasPairFile bool
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

type langIndex struct {
	lang  string
	mu    sync.Mutex
	docs  []docInfo // by document number; absent where the language lacks the page
	count int       // the documents present
	docOf map[*content.Page]int
	terms map[string]*term
	names []string // the terms' keys, by id
	arena postingArena
	// pairs are the adjacent Vietnamese syllables, kept apart from terms
	// and named by the ids of their two terms, so that counting them
	// builds no string and hashes no text.
	pairs map[uint64]*term
	// words maps a folded word to its term when they differ (French
	// stems), for lookups of what readers type.
	words map[string]string
}

// Add indexes a rendered page, counting its words with tok, which is
// the calling goroutine's own.
func (idx *Index) Add(p *content.Page, tok *Tokenizer) {
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
	addText := func(text string, weight float32) {
		prev := -1
		tokenizeEach(text, tok.read, func(t Token) {
			w := tok.current
			if w.stop {
				return
			}
			length++
			slot := tok.count(w, weight)
			if pairs && t.Joined && prev >= 0 {
				tok.pairs[uint64(prev)<<32|uint64(slot)] += weight
			}
			prev = slot
		})
	}
	addText(p.Title, weightTitle)
	addText(p.Description, weightDescription)
	addText(p.Text, weightQuote)
	addText(p.Statement, weightQuote)
	for _, h := range p.TOC {
		addText(h.Text, weightHeading)
	}
	addText(p.BodyText, weightBody)
	li.merge(li.docOf[p], length, tok)
}

// merge adds a page's counts to the language's postings.
func (li *langIndex) merge(doc, length int, tok *Tokenizer) {
	li.mu.Lock()
	defer li.mu.Unlock()
	li.docs[doc] = docInfo{length: length, present: true}
	for _, w := range tok.newWords {
		li.words[w[0]] = w[1]
	}
	tok.newWords = tok.newWords[:0]
	for i := range tok.terms {
		dt := &tok.terms[i]
		t := dt.key.term
		if t == nil {
			t = li.term(dt.key.key)
			dt.key.term = t
		}
		t.postings.add(posting{doc: int32(doc), tf: quarters(dt.tf), forms: t.formBits(dt.forms)}, &li.arena)
	}
	for packed, tf := range tok.pairs {
		first, second := tok.terms[packed>>32].key.term, tok.terms[packed&0xffffffff].key.term
		id := uint64(first.id)<<32 | uint64(second.id)
		t := li.pairs[id]
		if t == nil {
			t = &term{}
			li.pairs[id] = t
		}
		t.postings.add(posting{doc: int32(doc), tf: quarters(tf)}, &li.arena)
	}
}

// term returns the entry of key, made when new.
func (li *langIndex) term(key string) *term {
	t := li.terms[key]
	if t == nil {
		t = &term{id: uint32(len(li.names)), formIDs: map[string]int{}}
		li.terms[key] = t
		li.names = append(li.names, key)
	}
	return t
}

// pairName is the key of a pair of terms in the written index.
func (li *langIndex) pairName(id uint64) string {
	return li.names[id>>32] + " " + li.names[id&0xffffffff]
}

func quarters(tf float32) uint16 { return uint16(min(tf*4, 65535)) }

// formBits numbers the exact forms of a document's occurrences; only the
// first 15 forms of a term get a bit of their own. A spelling keeps its
// number, so each is looked up once per tokenizer.
func (t *term) formBits(forms []*spelling) uint16 {
	var bits uint16
	for _, s := range forms {
		if s.form < 0 {
			s.form = t.formID(s.exact)
		}
		t.formUses[s.form]++
		if s.form < otherForm {
			bits |= 1 << s.form
		} else {
			bits |= 1 << otherForm
		}
	}
	return bits
}

// formID numbers an exact form of the term, in the order met.
func (t *term) formID(exact string) int {
	id, ok := t.formIDs[exact]
	if !ok {
		id = len(t.forms)
		t.formIDs[exact] = id
		t.forms = append(t.forms, exact)
		t.formUses = append(t.formUses, 0)
	}
	return id
}

// snippetText is what a result shows its snippet from: the page's words
// as readers see them, bounded so a fragment stays small.
func snippetText(p *content.Page) string {
	var b strings.Builder
	for _, s := range []string{p.Statement, p.Text, p.Description, p.BodyText} {
		if s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	text := b.String()
	const limit = 3000
	if len(text) > limit {
		cut := strings.LastIndexByte(text[:limit], ' ')
		if cut < 0 {
			cut = limit
		}
		text = text[:cut]
	}
	return text
}

// Stem is the folded stem of a token in lang; languages without a
// stemmer (Vietnamese, whose syllables do not inflect) keep the word.
func Stem(lang string, t Token) string {
	if lang == "fr" {
		return StemFrench(t.Exact)
	}
	return t.Word
}

// StemFrench is the folded Snowball stem of a French word.
func StemFrench(exact string) string {
	return fold.String(french.Stem(exact, true))
}

// IsStopWord reports the words a query never needs to match: French
// stop words, compared folded, so "ete" is "été".
func IsStopWord(lang, exact string) bool {
	if lang != "fr" {
		return false
	}
	return french.IsStopWord(exact) || frenchStopSet()[fold.String(exact)]
}

var frenchStopSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range frenchStopWords() {
		m[w] = true
	}
	return m
})

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
