package search

import (
	"slices"
	"strings"

	"handbook/build/fold"
)

// Tokenizer turns the pages one goroutine indexes into counts of terms.
// A handbook's vocabulary is small beside its text, so each distinct
// spelling is folded, stemmed and looked up once, and then costs one map
// lookup per occurrence; a page's counts live in slots reused page after
// page. Each goroutine uses its own Tokenizer.
type Tokenizer struct {
	lang string
	// spellings caches, per language, what each exact spelling stands for.
	spellings map[string]map[string]*spelling
	// keys are the terms met, shared by the spellings that fold or stem
	// to them.
	keys map[string]*termKey
	// current is the spelling of the token being emitted: fold sets it,
	// so the indexer needs no second lookup.
	current *spelling

	page     int // counts pages, to know which slots are this page's
	terms    []docTerm
	pairs    map[uint64]float32 // two slots, packed
	newWords [][2]string        // words whose term differs, met for the first time
}

// spelling is what one exact spelling of a word stands for in a language.
type spelling struct {
	word string // folded
	key  *termKey
	stop bool
}

// termKey is an index term, with its slot in the current page's counts.
type termKey struct {
	key  string
	page int
	slot int
}

// docTerm is what one page contributes to one term.
type docTerm struct {
	key   *termKey
	tf    float32
	forms []string
}

// NewTokenizer returns a tokenizer with empty caches.
func NewTokenizer() *Tokenizer {
	return &Tokenizer{spellings: map[string]map[string]*spelling{}, keys: map[string]*termKey{}, pairs: map[uint64]float32{}}
}

// startPage readies the tokenizer for a page in lang.
func (tk *Tokenizer) startPage(lang string) {
	tk.lang = lang
	tk.page++
	tk.terms = tk.terms[:0]
	clear(tk.pairs)
	if tk.spellings[lang] == nil {
		tk.spellings[lang] = map[string]*spelling{}
	}
}

// fold is the tokenizer's fold function: it finds, or makes, what an
// exact spelling stands for and leaves it in tk.current. Tokens are
// slices of the page's text, so what the cache keeps is copied: it must
// not hold pages alive.
func (tk *Tokenizer) fold(exact string) string {
	cache := tk.spellings[tk.lang]
	if s, ok := cache[exact]; ok {
		tk.current = s
		return s.word
	}
	exact = strings.Clone(exact)
	s := &spelling{word: strings.Clone(fold.String(exact))}
	key := s.word
	if tk.lang == "fr" {
		key = StemFrench(exact)
		s.stop = IsStopWord(tk.lang, exact)
	}
	if s.word != "" && key != s.word && !s.stop {
		tk.newWords = append(tk.newWords, [2]string{s.word, key})
	}
	s.key = tk.keys[key]
	if s.key == nil {
		s.key = &termKey{key: key, page: -1}
		tk.keys[key] = s.key
	}
	cache[exact] = s
	tk.current = s
	return s.word
}

// count adds one occurrence of a term to the page's counts and returns
// its slot.
func (tk *Tokenizer) count(k *termKey, exact string, weight float32) int {
	if k.page != tk.page {
		k.page, k.slot = tk.page, len(tk.terms)
		if k.slot < cap(tk.terms) {
			tk.terms = tk.terms[:k.slot+1]
			tk.terms[k.slot] = docTerm{key: k, forms: tk.terms[k.slot].forms[:0]}
		} else {
			tk.terms = append(tk.terms, docTerm{key: k})
		}
	}
	dt := &tk.terms[k.slot]
	dt.tf += weight
	if !slices.Contains(dt.forms, exact) {
		dt.forms = append(dt.forms, exact)
	}
	return k.slot
}
