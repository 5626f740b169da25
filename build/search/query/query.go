package query

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"handbook/build/search"
	"handbook/build/search/tokenize"
)

// Searcher answers queries over the index a build wrote, the way the
// theme's client does: the same tokens, candidates and scores.
type Searcher struct {
	files fs.FS
	mu    sync.Mutex
	metas map[string]*search.Meta
	cache map[string]any
}

// NewSearcher searches the index in a built site (files is the site's
// root, holding _search/).
func NewSearcher(files fs.FS) *Searcher {
	return &Searcher{files: files, metas: map[string]*search.Meta{}, cache: map[string]any{}}
}

// Languages lists the languages that have an index.
func (s *Searcher) Languages() ([]string, error) {
	entries, err := fs.ReadDir(s.files, search.Dir)
	if err != nil {
		return nil, err
	}
	var langs []string
	for _, e := range entries {
		if _, err := fs.Stat(s.files, search.Dir+"/"+e.Name()+"/meta.json"); err == nil {
			langs = append(langs, e.Name())
		}
	}
	return langs, nil
}

// Result is one page found.
type Result struct {
	Title   string  `json:"title"`
	URL     string  `json:"url"`
	Lang    string  `json:"lang"`
	Kind    string  `json:"kind"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
	// Matched are the query's words the page matched (folded, in the
	// query's order; stop words left out): every word for a page that
	// matches them all, fewer for a partial match.
	Matched []string `json:"matched"`
	// Missing are the words a partial match left out; none for a page
	// that matches every word.
	Missing []string `json:"missing,omitempty"`
	// Key is the page's translationKey.
	Key string `json:"-"`
	doc int
	// coverage is the share of the query's weight (the sum of its words'
	// IDF) the page matched, to five decimals (the client orders partial
	// matches by a number made of it and the score): 1 for a full match.
	coverage float64
}

// Answer is what a query found: its results, best first, and the words
// that matched nothing, each with the closest terms of the index.
type Answer struct {
	Results []Result
	// Total counts the pages found: those that match every word, then,
	// when they are fewer than handful, those that match some of them.
	Total int
	// Full counts the pages that match every word.
	Full      int
	Unmatched []Unmatched
	// Without are the words the first partial match shown leaves out:
	// what the reader is told the results are without.
	Without []string
}

// handful is how many pages must match every word of a query for the
// pages matching only some of them to be left out.
const handful = 5

// Unmatched is a query word no page has, and what the index has instead.
type Unmatched struct {
	Word        string   `json:"word"`
	Suggestions []string `json:"suggestions"`
}

// Query runs query over the indexes of langs and returns up to limit
// results (0: all). With several languages, a page and its translation
// are listed once, as the better-scoring of the two. Pages that match
// every word come first; when they are fewer than handful, the pages
// that match some of the words follow, by the share of the query they
// match (rarer words weigh more), then by score.
func (s *Searcher) Query(query string, langs []string, limit int) (*Answer, error) {
	var all, partial []Result
	unmatched := map[string][]string{}
	var order []string
	matchedSomewhere := map[string]bool{}
	fullDocs := map[int]bool{}
	for _, lang := range langs {
		la, err := s.queryLang(query, lang)
		if err != nil {
			return nil, err
		}
		all = append(all, la.full...)
		partial = append(partial, la.partial...)
		for _, r := range la.full {
			fullDocs[r.doc] = true
		}
		for _, m := range la.missing {
			if _, seen := unmatched[m.Word]; !seen {
				order = append(order, m.Word)
			}
			unmatched[m.Word] = mergeSuggestions(unmatched[m.Word], m.Suggestions)
		}
		for _, w := range matchedWords(query, la.missing) {
			matchedSomewhere[w] = true
		}
	}
	ans := &Answer{}
	for _, w := range order {
		if matchedSomewhere[w] {
			continue
		}
		ans.Unmatched = append(ans.Unmatched, Unmatched{Word: w, Suggestions: unmatched[w]})
	}
	all = dedupeTranslations(all)
	ans.Full = len(all)
	if ans.Full < handful {
		kept := partial[:0]
		for _, r := range partial {
			if !fullDocs[r.doc] {
				kept = append(kept, r)
			}
		}
		all = append(all, dedupePartial(kept)...)
	}
	ans.Total = len(all)
	if limit > 0 && len(all) > limit {
		all = all[:limit]
	}
	for i := range all {
		if err := s.fillResult(&all[i], query); err != nil {
			return nil, err
		}
		if ans.Without == nil && len(all[i].Missing) > 0 {
			ans.Without = all[i].Missing
		}
	}
	ans.Results = all
	return ans, nil
}

// dedupePartial orders partial matches, by the share of the query they
// match, then by score, language and document, and keeps the first of a
// page and its translations.
func dedupePartial(rs []Result) []Result {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].coverage != rs[j].coverage {
			return rs[i].coverage > rs[j].coverage
		}
		return ranksBefore(rs[i], rs[j])
	})
	return firstOfEachDoc(rs)
}

// ranksBefore orders results by score, then language and document, so
// that equal scores come out in the same order every time.
func ranksBefore(a, b Result) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Lang != b.Lang {
		return a.Lang < b.Lang
	}
	return a.doc < b.doc
}

// firstOfEachDoc keeps, of sorted results, the first of each document
// number: a page and its translations share theirs.
func firstOfEachDoc(rs []Result) []Result {
	seen := map[int]bool{}
	out := rs[:0]
	for _, r := range rs {
		if !seen[r.doc] {
			seen[r.doc] = true
			out = append(out, r)
		}
	}
	return out
}

func matchedWords(query string, missing []Unmatched) []string {
	miss := map[string]bool{}
	for _, m := range missing {
		miss[m.Word] = true
	}
	var out []string
	for _, t := range tokenize.Tokenize(query) {
		if !miss[t.Word] {
			out = append(out, t.Word)
		}
	}
	return out
}

func mergeSuggestions(a, b []string) []string {
	for _, s := range b {
		found := false
		for _, x := range a {
			found = found || x == s
		}
		if !found {
			a = append(a, s)
		}
	}
	return a
}

// dedupeTranslations keeps the best-scoring page of each translation
// group: documents are numbered by translationKey, so a page and its
// translations share their number.
func dedupeTranslations(rs []Result) []Result {
	sort.SliceStable(rs, func(i, j int) bool { return ranksBefore(rs[i], rs[j]) })
	return firstOfEachDoc(rs)
}

// QueryWord is one word of a parsed query.
type QueryWord struct {
	tokenize.Token
	// Prefix: the last word while the reader is still typing it.
	Prefix bool
	// Stop: a stop word, which does not have to match.
	Stop bool
	// Telex is the Vietnamese syllable the word spells in Telex or VNI,
	// if it does.
	Telex string
	// Phrase numbers the quoted phrase the word is part of, from 1; 0
	// outside quotes. A phrase's words must all match, and, where the
	// index has pairs (Vietnamese), stand side by side.
	Phrase int
}

// ParseQuery splits a query into words the way the client does. Words
// between quotes (", “ ”, « ») make a phrase, numbered from 1 in their
// Phrase; a quote left open makes none.
func ParseQuery(query, lang string) []QueryWord {
	var tokens []tokenize.Token
	var phrases []int
	for _, part := range quoted(query) {
		for _, t := range tokenize.Tokenize(part.text) {
			tokens = append(tokens, t)
			phrases = append(phrases, part.phrase)
		}
	}
	trailing := strings.TrimRightFunc(query, isQuerySpace) != query
	var words []QueryWord
	allStop := true
	for i, t := range tokens {
		// A word that ends a phrase is complete: it is no prefix.
		w := QueryWord{Token: t, Phrase: phrases[i], Prefix: i == len(tokens)-1 && !trailing && phrases[i] == 0}
		w.Stop = tokenize.IsStopWord(lang, t.Exact)
		allStop = allStop && w.Stop
		if lang == "vi" {
			if v, ok := tokenize.FromTelex(t.Word); ok {
				w.Telex = v
			}
		}
		words = append(words, w)
	}
	if allStop {
		for i := range words {
			words[i].Stop = false
		}
	}
	return words
}

// quotedPart is a part of a query between quotes: its text, and its
// phrase's number, or 0 outside quotes.
type quotedPart struct {
	text   string
	phrase int
}

// quoted splits a query at its quotes: the parts between the first and
// second, the third and fourth… are phrases; a last quote left open
// makes none. A quote separates words as any punctuation does.
func quoted(query string) []quotedPart {
	var parts []quotedPart
	from := 0
	for i, r := range query {
		if isQuote(r) {
			parts = append(parts, quotedPart{text: query[from:i]})
			from = i + utf8.RuneLen(r)
		}
	}
	parts = append(parts, quotedPart{text: query[from:]})
	for k := 1; k < len(parts)-1; k += 2 {
		parts[k].phrase = (k + 1) / 2
	}
	return parts
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '«' || r == '»' }

func isQuerySpace(r rune) bool { return tokenize.IsSpace(r) || r == '\n' }

// candidate is a term a query word may stand for.
type candidate struct {
	key    string
	term   *search.Term
	weight float64
	// form is the bit of the form the reader typed, or -1.
	form int
}

// Weights of the ways a word can match.
const (
	weightExact  = 1.0
	weightPrefix = 0.9
	weightTypo   = 0.7
	// weightSynonym is the discount of a synonym's match.
	weightSynonym = 0.8
	boostMarks    = 1.5 // the page has the word with the marks typed
	boostPair     = 1.0
	// boostLead raises a match in the page's title or statement.
	boostLead = 1.5
	maxPrefix = 10
)

// langAnswer is what a query found in one language: the pages that
// match every word, those that match some, and the words that match none.
type langAnswer struct {
	full, partial []Result
	missing       []Unmatched
}

// docMatch is what the words of a query add up to on one page.
type docMatch struct {
	score, weight float64
	words         uint64 // bit i: the i-th word that has to match
	count         int
}

// maxWords is how many words of a query are scored: the bits of
// docMatch.words.
const maxWords = 64

func (s *Searcher) queryLang(query, lang string) (*langAnswer, error) {
	meta, err := s.meta(lang)
	if err != nil {
		return nil, err
	}
	words := ParseQuery(query, lang)
	limitWords(words)
	syn, err := s.synonyms(lang, words)
	if err != nil {
		return nil, err
	}
	la := &langAnswer{}
	var keys, need []string
	var per []map[int]float64
	var idfs []float64
	var phraseWords uint64 // the bits of need that a quoted phrase holds
	for i, w := range words {
		if w.Stop {
			keys = append(keys, "")
			continue
		}
		if w.Phrase != 0 {
			phraseWords |= 1 << len(need)
		}
		need = append(need, w.Word)
		cands, err := s.candidates(lang, w, syn[i])
		if err != nil {
			return nil, err
		}
		if len(cands) == 0 {
			sugg, err := s.suggest(lang, w.Word)
			if err != nil {
				return nil, err
			}
			la.missing = append(la.missing, Unmatched{Word: w.Word, Suggestions: sugg})
			keys = append(keys, "")
			per = append(per, nil)
			idfs = append(idfs, idfOf(meta.Docs, 0))
			continue
		}
		keys = append(keys, cands[0].key)
		idfs = append(idfs, idfOf(meta.Docs, cands[0].term.DF))
		wordScores, err := s.scoreWord(lang, meta, w, cands)
		if err != nil {
			return nil, err
		}
		per = append(per, wordScores)
	}
	// Each page's words are added up in the query's order, as the client
	// adds them.
	matches := map[int]*docMatch{}
	var total float64
	for i, scores := range per {
		total += idfs[i]
		for doc, sc := range scores {
			m := matches[doc]
			if m == nil {
				m = &docMatch{}
				matches[doc] = m
			}
			m.score += sc
			m.weight += idfs[i]
			m.words |= 1 << i
			m.count++
		}
	}
	if err := s.addPairs(lang, meta, words, keys, matches); err != nil {
		return nil, err
	}
	side, err := s.phrasePages(lang, words, keys)
	if err != nil {
		return nil, err
	}
	for doc, m := range matches {
		if m.words&phraseWords != phraseWords || side != nil && !side[doc] {
			continue // without a quoted phrase, or its words apart
		}
		r := Result{Lang: lang, Score: math.Round(m.score*1000) / 1000, doc: doc, coverage: 1}
		for i, w := range need {
			if m.words&(1<<i) != 0 {
				r.Matched = append(r.Matched, w)
			} else {
				r.Missing = append(r.Missing, w)
			}
		}
		if m.count == len(need) {
			la.full = append(la.full, r)
		} else if len(need) > 1 {
			r.coverage = math.Round(m.weight/total*1e5) / 1e5
			la.partial = append(la.partial, r)
		}
	}
	sort.Slice(la.full, func(i, j int) bool {
		if la.full[i].Score != la.full[j].Score {
			return la.full[i].Score > la.full[j].Score
		}
		return la.full[i].doc < la.full[j].doc
	})
	return la, nil
}

// phrasePages are the pages where the adjacent words of the query's
// quoted phrases stand side by side, from the pairs of the index
// (Vietnamese); nil when that asks nothing of a page (no phrase, or an
// index without pairs).
func (s *Searcher) phrasePages(lang string, words []QueryWord, keys []string) (map[int]bool, error) {
	if lang != "vi" {
		return nil, nil
	}
	var side map[int]bool
	for i := 1; i < len(words); i++ {
		if words[i].Phrase == 0 || words[i].Phrase != words[i-1].Phrase || words[i].Stop || words[i-1].Stop {
			continue
		}
		var t *search.Term
		if keys[i-1] != "" && keys[i] != "" {
			var err error
			if t, err = s.pair(lang, keys[i-1], keys[i]); err != nil {
				return nil, err
			}
		}
		pages := map[int]bool{}
		if t != nil {
			p, err := s.postings(lang, t)
			if err != nil {
				return nil, err
			}
			doc := 0
			for _, gap := range p.Docs {
				doc += int(gap)
				if side == nil || side[doc] {
					pages[doc] = true
				}
			}
		}
		side = pages
	}
	return side, nil
}

// limitWords makes stop words of the words past the first maxWords that
// have to match.
func limitWords(words []QueryWord) {
	n := 0
	for i := range words {
		if words[i].Stop {
			continue
		}
		if n == maxWords {
			words[i].Stop = true
			continue
		}
		n++
	}
}

// synonyms finds, for each word of a query, the index terms of the
// synonyms of the phrases of the query it is part of: a phrase of the
// synonym files, found in the shard of its first word, stands for the
// others of its group. The terms of another phrase are spread over the
// words of the phrase typed (that has to match), in order: each gets at
// least one, and a page with that term matches the word.
func (s *Searcher) synonyms(lang string, words []QueryWord) ([][]synTerm, error) {
	out := make([][]synTerm, len(words))
	for i, w := range words {
		if w.Stop {
			continue
		}
		for _, start := range synonymStarts(w) {
			shard, err := s.shard(lang, start)
			if err != nil {
				return nil, err
			}
			if shard == nil {
				continue
			}
			for _, e := range shard.Syn[search.SynonymKey(lang, start)] {
				slots := phraseSlots(lang, words, i, e.P)
				if slots == nil {
					continue
				}
				for a, alt := range append([][]string{e.S}, e.A...) {
					weight := weightSynonym
					if a == 0 {
						weight = weightExact
					}
					for k, slot := range slots {
						from, to := spread(k, len(slots), len(alt))
						for _, key := range alt[from:min(to, len(alt))] {
							out[slot] = append(out[slot], synTerm{key, weight})
						}
					}
				}
			}
		}
	}
	return out, nil
}

// synTerm is an index term a query word stands for through a synonym
// phrase, and the weight of its matches: the phrase's own terms (the
// word typed in another form) weigh as the word, the others' less.
type synTerm struct {
	key    string
	weight float64
}

// synonymStarts are the spellings of a query word a synonym phrase may
// start with: the word, and its Telex reading.
func synonymStarts(w QueryWord) []string {
	if w.Telex != "" && foldTelex(w.Telex) != w.Word {
		return []string{w.Word, foldTelex(w.Telex)}
	}
	return []string{w.Word}
}

// phraseSlots are the words of the query, from the i-th, that spell
// phrase and have to match; nil when they do not spell it.
func phraseSlots(lang string, words []QueryWord, i int, phrase []string) []int {
	if i+len(phrase) > len(words) {
		return nil
	}
	var slots []int
	for k, p := range phrase {
		w := words[i+k]
		if !slices.ContainsFunc(synonymStarts(w), func(x string) bool { return search.SynonymKey(lang, x) == p }) {
			return nil
		}
		if !w.Stop {
			slots = append(slots, i+k)
		}
	}
	return slots
}

// spread is the part [from, to) of units terms that the k-th of n
// words stands for: each word at least one, each term for one word at
// least.
func spread(k, n, units int) (from, to int) {
	from = k * units / n
	return from, max((k+1)*units/n, from+1)
}

// candidates finds the terms a word may stand for: the word itself (or
// its stem, through the words table), its Telex reading, the words it
// begins while being typed, the terms of its synonyms (syn), and, for
// words of five letters or more that match nothing, the words one typo
// away.
func (s *Searcher) candidates(lang string, w QueryWord, syn []synTerm) ([]candidate, error) {
	var out []candidate
	seen := map[string]bool{}
	addExact := func(word, typed string) error {
		key, t, err := s.lookup(lang, word)
		if err != nil || t == nil || seen[key] {
			return err
		}
		seen[key] = true
		out = append(out, candidate{key: key, term: t, weight: weightExact, form: formIndex(t, typed)})
		return nil
	}
	if err := addExact(w.Word, w.Exact); err != nil {
		return nil, err
	}
	if w.Telex != "" {
		if err := addExact(foldTelex(w.Telex), w.Telex); err != nil {
			return nil, err
		}
	}
	if w.Prefix && utf8.RuneCountInString(w.Word) >= search.ShardKeyLengthOf(w.Word) {
		more, err := s.completions(lang, w.Word, seen)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	for _, st := range syn {
		t, err := s.term(lang, st.key)
		if err != nil {
			return nil, err
		}
		if t != nil && !seen[st.key] {
			seen[st.key] = true
			out = append(out, candidate{key: st.key, term: t, weight: st.weight, form: -1})
		}
	}
	if len(out) == 0 && utf8.RuneCountInString(w.Word) >= 5 {
		more, err := s.typos(lang, w.Word)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

func foldTelex(v string) string { return tokenize.Tokenize(v)[0].Word }

// formIndex is the bit of the exact form typed, when the reader typed
// marks; -1 when the word was typed without them.
func formIndex(t *search.Term, typed string) int {
	if typed == "" || typed == foldWordOf(typed) {
		return -1
	}
	for i, f := range t.Forms {
		if f == typed {
			return i
		}
	}
	return -2 // typed with marks that no page has
}

func foldWordOf(s string) string {
	toks := tokenize.Tokenize(s)
	if len(toks) == 0 {
		return s
	}
	return toks[0].Word
}

// lookup finds the term of a folded word.
func (s *Searcher) lookup(lang, word string) (string, *search.Term, error) {
	shard, err := s.shard(lang, word)
	if err != nil || shard == nil {
		return "", nil, err
	}
	key := word
	if k, ok := shard.Words[word]; ok {
		key = k
	}
	t := shard.Terms[key]
	if t == nil && search.ShardOf(key) != search.ShardOf(word) {
		other, err := s.shard(lang, key)
		if err != nil || other == nil {
			return "", nil, err
		}
		t = other.Terms[key]
	}
	return key, t, nil
}

// term finds an index term by its key: a word's, or a pair's.
func (s *Searcher) term(lang, key string) (*search.Term, error) {
	if first, second, ok := strings.Cut(key, " "); ok {
		return s.pair(lang, first, second)
	}
	shard, err := s.shard(lang, key)
	if err != nil || shard == nil {
		return nil, err
	}
	return shard.Terms[key], nil
}

// completions are the most frequent words that begin with prefix.
func (s *Searcher) completions(lang, prefix string, seen map[string]bool) ([]candidate, error) {
	out, err := s.wordsLike(lang, prefix, weightPrefix, seen, func(w string) bool {
		return strings.HasPrefix(w, prefix) && w != prefix
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].term.DF != out[j].term.DF {
			return out[i].term.DF > out[j].term.DF
		}
		return out[i].key < out[j].key
	})
	if len(out) > maxPrefix {
		out = out[:maxPrefix]
	}
	return out, nil
}

// wordsLike makes a candidate, of the given weight, of each word in
// word's shard that keep accepts, once per term.
func (s *Searcher) wordsLike(lang, word string, weight float64, seen map[string]bool, keep func(string) bool) ([]candidate, error) {
	shard, err := s.shard(lang, word)
	if err != nil || shard == nil {
		return nil, err
	}
	var out []candidate
	for _, w := range shardWords(shard) {
		if !keep(w) {
			continue
		}
		key, t, err := s.lookup(lang, w)
		if err != nil {
			return nil, err
		}
		if t != nil && !seen[key] {
			seen[key] = true
			out = append(out, candidate{key: key, term: t, weight: weight, form: -1})
		}
	}
	return out, nil
}

// shardWords lists the single words of a shard: its terms (not pairs)
// and the words that map to a stem.
func shardWords(shard *search.Shard) []string {
	var out []string
	for k := range shard.Terms {
		if !strings.Contains(k, " ") {
			out = append(out, k)
		}
	}
	for w := range shard.Words {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// typos are the words one edit (insertion, deletion, substitution or
// transposition) away from word.
func (s *Searcher) typos(lang, word string) ([]candidate, error) {
	return s.wordsLike(lang, word, weightTypo, map[string]bool{}, func(w string) bool {
		return editDistance(word, w, 1) <= 1
	})
}

// suggest lists up to five words of the index closest to an unmatched one.
func (s *Searcher) suggest(lang, word string) ([]string, error) {
	shard, err := s.shard(lang, word)
	if err != nil {
		return nil, err
	}
	if shard == nil {
		return nil, nil
	}
	type scored struct {
		w string
		d int
	}
	var all []scored
	for _, w := range shardWords(shard) {
		if d := editDistance(word, w, 3); d <= 3 {
			all = append(all, scored{w, d})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].d != all[j].d {
			return all[i].d < all[j].d
		}
		return all[i].w < all[j].w
	})
	var out []string
	for i := 0; i < len(all) && i < 5; i++ {
		out = append(out, all[i].w)
	}
	return out, nil
}

// scoreWord scores every page a word matches: the best of its candidates,
// BM25 weighted by how the word matched, and raised where the page has the
// very form the reader typed with its marks.
func (s *Searcher) scoreWord(lang string, meta *search.Meta, w QueryWord, cands []candidate) (map[int]float64, error) {
	scores := map[int]float64{}
	for _, c := range cands {
		p, err := s.postings(lang, c.term)
		if err != nil {
			return nil, err
		}
		idf := idfOf(meta.Docs, c.term.DF)
		doc := 0
		for i, gap := range p.Docs {
			doc += int(gap)
			sc := idf * tfOf(p.Scores[i]) / 100 * (search.K1 + 1) * c.weight
			if c.form >= 0 && hasForm(p, i, c.form) {
				sc *= boostMarks
			}
			if sc > scores[doc] {
				scores[doc] = sc
			}
		}
	}
	return scores, nil
}

// tfOf is the term-frequency part of a posting's score, raised by
// boostLead where the page's title or statement has the term.
func tfOf(score int) float64 {
	if score&search.LeadScore != 0 {
		return float64(score&^search.LeadScore) * boostLead
	}
	return float64(score)
}

func hasForm(p *search.Postings, i, form int) bool {
	if len(p.Masks) == 0 {
		return form == 0
	}
	return p.Masks[i]&(1<<form) != 0
}

// idfOf is BM25's inverse document frequency.
func idfOf(docs, df int) float64 {
	return math.Log(1 + (float64(docs)-float64(df)+0.5)/(float64(df)+0.5))
}

// addPairs raises the pages where adjacent query words stand side by
// side, through the pairs the index holds for Vietnamese.
func (s *Searcher) addPairs(lang string, meta *search.Meta, words []QueryWord, keys []string, matches map[int]*docMatch) error {
	for i := 1; i < len(words); i++ {
		if keys[i-1] == "" || keys[i] == "" || !words[i].Joined {
			continue
		}
		t, err := s.pair(lang, keys[i-1], keys[i])
		if err != nil {
			return err
		}
		if t == nil {
			continue
		}
		p, err := s.postings(lang, t)
		if err != nil {
			return err
		}
		idf := idfOf(meta.Docs, t.DF)
		doc := 0
		for j, gap := range p.Docs {
			doc += int(gap)
			if m := matches[doc]; m != nil {
				m.score += idf * tfOf(p.Scores[j]) / 100 * (search.K1 + 1) * boostPair
			}
		}
	}
	return nil
}

// fillResult reads a result's document and makes its snippet.
func (s *Searcher) fillResult(r *Result, query string) error {
	d, err := s.doc(r.Lang, r.doc)
	if err != nil {
		return err
	}
	r.Title, r.URL, r.Kind, r.Key = d.Title, d.URL, d.Kind, d.Key
	r.Snippet = snippetOf(d.Text, query, 160)
	return nil
}

func (s *Searcher) meta(lang string) (*search.Meta, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.metas[lang]; m != nil {
		return m, nil
	}
	data, err := fs.ReadFile(s.files, search.Dir+"/"+lang+"/meta.json")
	if err != nil {
		return nil, fmt.Errorf("no search index for %s: %w", lang, err)
	}
	var m search.Meta
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("search index for %s: %w", lang, err)
	}
	s.metas[lang] = &m
	return &m, nil
}

// shard loads the shard a word belongs to; nil when there is none.
func (s *Searcher) shard(lang, word string) (*search.Shard, error) {
	first, _, _ := strings.Cut(word, " ")
	name := search.Dir + "/" + lang + "/s/" + search.ShardOf(first) + ".json.gz"
	var sh search.Shard
	ok, err := s.load(name, &sh)
	if err != nil || !ok {
		return nil, err
	}
	return s.cached(name, &sh).(*search.Shard), nil
}

// pair returns the index's entry for the pair of terms first and
// second, from the shard of first if the pair is frequent, from the pair
// file of first if it is rare; nil if the index has no such pair.
func (s *Searcher) pair(lang, first, second string) (*search.Term, error) {
	key := first + " " + second
	shard, err := s.shard(lang, first)
	if err != nil || shard == nil {
		return nil, err
	}
	if t := shard.Terms[key]; t != nil {
		return t, nil
	}
	if t := shard.Terms[first]; t == nil || !t.Pairs {
		return nil, nil
	}
	name := search.Dir + "/" + lang + "/p/" + hex.EncodeToString([]byte(first)) + ".json.gz"
	var pairs search.Shard
	ok, err := s.load(name, &pairs)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("search index: %s is missing", name)
	}
	return s.cached(name, &pairs).(*search.Shard).Terms[key], nil
}

func (s *Searcher) postings(lang string, t *search.Term) (*search.Postings, error) {
	if t.Postings != nil {
		return t.Postings, nil
	}
	name := search.Dir + "/" + lang + "/" + t.File
	var p search.Postings
	ok, err := s.load(name, &p)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("search index: %s is missing", name)
	}
	return s.cached(name, &p).(*search.Postings), nil
}

func (s *Searcher) doc(lang string, n int) (*search.Doc, error) {
	name := search.DocPath(lang, n)
	var d search.Doc
	ok, err := s.load(name, &d)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("search index: %s is missing", name)
	}
	return s.cached(name, &d).(*search.Doc), nil
}

// load reads a gzip-compressed JSON file into v unless it is cached;
// false when the file does not exist.
func (s *Searcher) load(name string, v any) (bool, error) {
	s.mu.Lock()
	_, hit := s.cache[name]
	s.mu.Unlock()
	if hit {
		return true, nil
	}
	f, err := s.files.Open(name)
	if err != nil {
		if isNotExist(err) {
			return false, nil
		}
		return false, err
	}
	defer f.Close()
	data, err := readMaybeGzip(f)
	if err != nil {
		return false, fmt.Errorf("%s: %w", name, err)
	}
	if err := decode(name, data, v); err != nil {
		return false, fmt.Errorf("%s: %w", name, err)
	}
	s.mu.Lock()
	s.cache[name] = v
	s.mu.Unlock()
	return true, nil
}

// readMaybeGzip reads a file of the index, inflating it if it is
// gzip-compressed (documents are not).
// decode reads a posting file into v, a *search.Postings, and any other file
// as JSON.
func decode(name string, data []byte, v any) error {
	if p, ok := v.(*search.Postings); ok && strings.HasSuffix(name, search.PostingFileExt) {
		return p.UnmarshalBinary(data)
	}
	return json.NewDecoder(bytes.NewReader(data)).Decode(v)
}

func readMaybeGzip(f io.Reader) ([]byte, error) {
	br := bufio.NewReader(f)
	if magic, _ := br.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		return io.ReadAll(br)
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func (s *Searcher) cached(name string, fallback any) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.cache[name]; ok {
		return v
	}
	return fallback
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
