package search

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"

	"handbook/build/content"
	"handbook/build/internal/parallel"
	"handbook/build/output"
	"handbook/build/search/tokenize"
)

// The index of a language lives under _search/<lang>/ in the site:
//
//	meta.json             the shard list and what scoring needs (plain JSON)
//	s/<hex>.json.gz       a shard: the terms and words starting with the
//	                      two letters <hex> encodes, with small postings inline
//	p/<hex>.json.gz       the rare pairs (Vietnamese) that start with the
//	                      term <hex> encodes, postings inline
//	t/<hex>.bin.gz        the postings of one frequent term, in binary
//	                      (postingfile.go)
//	d/<doc>.json          one document: its link, title, kind and text
//
// A query fetches meta.json, the shards of its words, the postings of the
// frequent terms among them and the rare pairs of its adjacent words, and
// the documents it shows: never the whole index. Rare pairs are most of
// an index of Vietnamese, and a query needs those of one word at most per
// word it has: kept in its shard, they would make every shard heavy.
//
// Shards, pair and posting files are gzip-compressed by the builder, so
// they are small whatever the web server does, and the client inflates
// them with the browser's DecompressionStream. Document files are not: a
// query shows ten, of a few kilobytes each, in its last round of
// requests, where inflating each costs more time than its bytes do (a
// server that compresses JSON shrinks them anyway), and compressing tens
// of thousands of them is much of what the index adds to a build.

// Dir is the folder of the search index in the site.
const Dir = "_search"

// BM25 parameters. A posting's score is its saturated term frequency
// scaled from 0..K1+1 to 1..100, so a query scales it back with K1.
const (
	K1 = 1.2
	b  = 0.75
)

// LeadScore is the bit of a posting's score that says the page's title
// or statement has the term, which raises its score by boostLead.
const LeadScore = 128

// maxInline is the largest posting list kept inside its shard; a longer
// one gets a file, so that looking up a rare word never downloads a
// frequent word's postings.
const maxInline = 64

// Meta is the meta.json of a language's index.
type Meta struct {
	// Version 3 and later write the documents' text with its words
	// separated by single spaces; version 4 and later write posting
	// files in binary; version 5 and later mark the postings of a title
	// or statement (LeadScore).
	Version int    `json:"version"`
	Lang    string `json:"lang"`
	Docs    int    `json:"docs"`
	// IDs bounds the document numbers, which are shared by all languages
	// and so may skip some in one of them.
	IDs       int      `json:"ids"`
	Shards    []string `json:"shards"`
	StopWords []string `json:"stopWords,omitempty"`
	Prefix    int      `json:"prefix"`
}

// Shard is one shard file.
type Shard struct {
	// Syn holds the synonym phrases that start with a word of the
	// shard, by that word (as SynonymKey makes it).
	Syn map[string][]SynEntry `json:"syn,omitempty"`
	// Words maps a folded word to its term where they differ; a word
	// whose spellings have different stems maps to the stem most
	// documents have.
	Words map[string]string `json:"words,omitempty"`
	Terms map[string]*Term  `json:"terms"`
}

// Term is an index entry with its postings, inline or in File.
type Term struct {
	DF    int      `json:"df"`
	Forms []string `json:"forms,omitempty"`
	// Pairs reports that rare pairs start with this term: they are in
	// its pair file.
	Pairs bool   `json:"pairs,omitempty"`
	File  string `json:"file,omitempty"`
	*Postings
}

// Postings are a term's documents in order: Docs as gaps from the
// previous document, Scores as the BM25 term-frequency part scaled to
// 1..100 (plus LeadScore where the page's title or statement has the
// term), and Masks as the exact forms (bits of Forms) each document has,
// left out when the term has a single form.
type Postings struct {
	Docs   []int32  `json:"docs"`
	Scores []int    `json:"scores"`
	Masks  []uint32 `json:"masks,omitempty"`
}

// Doc is one document file.
type Doc struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Kind  string `json:"kind,omitempty"`
	Lang  string `json:"lang"`
	Key   string `json:"key"`
	Text  string `json:"text"`
}

// ShardKeyLength is how many runes of a word pick its shard.
const ShardKeyLength = 2

// ShardOf is the file name part of the shard a word or term belongs to.
func ShardOf(word string) string {
	rs := []rune(word)
	if n := ShardKeyLengthOf(word); len(rs) > n {
		rs = rs[:n]
	}
	return hex.EncodeToString([]byte(string(rs)))
}

// ShardKeyLengthOf is how many runes of word pick its shard: one for a
// CJK pair, whose two characters would make a shard of each pair (tens
// of thousands of files for a Japanese handbook), else ShardKeyLength.
func ShardKeyLengthOf(word string) int {
	if r, _ := utf8.DecodeRuneInString(word); tokenize.IsCJK(r) {
		return 1
	}
	return ShardKeyLength
}

// WriteDoc writes the document file of a page, whose body's text is
// body: called as each page is rendered, so page texts are never all
// held at once. Its link is the page's URL, percent-encoded, under base,
// the site's base path without its last "/".
func (idx *Index) WriteDoc(p *content.Page, body string, base string, w output.Writer) error {
	li := idx.langs[p.Lang]
	if li == nil {
		return nil
	}
	d := Doc{URL: base + content.EscapePath(p.URL), Title: p.Title, Kind: string(p.Kind), Lang: p.Lang, Key: p.TranslationKey}
	// The writer keeps nothing it is handed, so the buffer goes back to
	// the pool for the next page: a page's own was kilobytes of garbage.
	pooled, _ := idx.docBuffers.Get().(*[]byte)
	if pooled == nil {
		pooled = new([]byte)
	}
	defer idx.docBuffers.Put(pooled)
	text := min(snippetLimit, len(p.Statement)+len(p.Text)+len(p.Description)+len(body)+3)
	// Grown once for the usual text, which needs few escapes.
	buf := slices.Grow((*pooled)[:0], len(d.URL)+len(d.Title)+len(d.Kind)+len(d.Lang)+len(d.Key)+text*9/8+64)
	buf = append(appendSnippetText(appendDocHead(buf, d), p, body), '}')
	*pooled = buf
	return w.WriteFile(DocPath(p.Lang, li.doc(p)), buf)
}

func DocPath(lang string, doc int) string {
	return Dir + "/" + lang + "/d/" + strconv.Itoa(doc) + ".json"
}

// Write writes every language's meta.json, shards and posting files,
// the languages side by side: much of a language's part is done on one
// core.
func (idx *Index) Write(w output.Writer) error {
	langs := sortedKeys(idx.langs)
	errs := make([]error, len(langs))
	parallel.Each(len(langs), func() func(int) {
		return func(i int) { errs[i] = idx.langs[langs[i]].write(w) }
	})
	return errors.Join(errs...)
}

func (li *langIndex) write(w output.Writer) (err error) {
	if li.spill != nil || li.spillErr != nil {
		defer func() { err = errors.Join(err, li.removeSpill()) }()
		if err := li.gatherSpilled(); err != nil {
			return err
		}
	} else {
		li.gather()
	}
	li.settleWords()
	shards := li.shards(li.synEntries())
	meta := Meta{Version: 5, Lang: li.lang, Docs: li.count, IDs: len(li.docs), Prefix: ShardKeyLength}
	if li.lang == "fr" {
		meta.StopWords = tokenize.FrenchStopWords()
	}
	for _, sh := range shards {
		if sh.dir == "s" {
			meta.Shards = append(meta.Shards, sh.name)
		}
	}
	lengths := li.relativeLengths()
	errs := make([]error, len(shards))
	parallel.Each(len(shards), func() func(int) {
		e := &shardEncoder{li: li, lengths: lengths, w: w}
		return func(i int) { errs[i] = e.write(shards[i]) }
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	data, err := json.Marshal(meta)
	if err != nil {
		return err
	}
	return w.WriteFile(Dir+"/"+li.lang+"/meta.json", data)
}

// shardContent is what one shard or pair file holds: terms and words, in
// order.
type shardContent struct {
	dir   string // s for a shard, p for a pair file
	name  string
	terms []shardTerm
	words []string
	syn   map[string][]SynEntry
}

// shardTerm is a term of a shard with its entry, looked up once.
type shardTerm struct {
	key string
	t   *term
}

// shards groups the terms and words by shard, and the rare pairs by
// their first term, in order. It marks the terms that have a pair file.
// The keys in order put a term's pairs after it ("an", "an b", "an c",
// then "ana"), so a term's shard and pair file are found once for it and
// its pairs, not once a pair: a Vietnamese index has ten pairs a term.
func (li *langIndex) shards(syn map[string][]SynEntry) []*shardContent {
	byName := map[string]*shardContent{}
	fileFor := func(dir, name string) *shardContent {
		s := byName[dir+name]
		if s == nil {
			s = &shardContent{dir: dir, name: name}
			byName[dir+name] = s
		}
		return s
	}
	var last struct {
		first       string
		shard, pair *shardContent
	}
	for _, key := range sortedKeys(li.terms) {
		t := li.terms[key]
		if t.df == 0 {
			delete(li.terms, key) // met only in pages added again since
			continue
		}
		first := firstWord(key)
		if last.shard == nil || first != last.first {
			last.first, last.shard, last.pair = first, fileFor("s", ShardOf(first)), nil
		}
		s := last.shard
		if first != key && t.df <= maxInline {
			if last.pair == nil {
				last.pair = fileFor("p", hex.EncodeToString([]byte(first)))
				li.terms[first].hasPairFile = true
			}
			s = last.pair
		}
		s.terms = append(s.terms, shardTerm{key, t})
	}
	for _, word := range sortedKeys(li.words) {
		s := fileFor("s", ShardOf(word))
		s.words = append(s.words, word)
	}
	for _, word := range sortedKeys(syn) {
		s := fileFor("s", ShardOf(word))
		if s.syn == nil {
			s.syn = map[string][]SynEntry{}
		}
		s.syn[word] = syn[word]
	}
	out := make([]*shardContent, 0, len(byName))
	for _, name := range sortedKeys(byName) {
		out = append(out, byName[name])
	}
	return out
}

func (li *langIndex) averageLength() float64 {
	total := 0
	for _, d := range li.docs {
		total += d.length
	}
	if li.count == 0 || total == 0 {
		return 1
	}
	return float64(total) / float64(li.count)
}

// relativeLengths is BM25's length part of each document, 1−b+b·dl/avgdl,
// by document number: worked out once a document, not once a posting.
func (li *langIndex) relativeLengths() []float64 {
	avgdl := li.averageLength()
	lengths := make([]float64, len(li.docs))
	for doc, d := range li.docs {
		lengths[doc] = relativeLength(float64(d.length), avgdl)
	}
	return lengths
}

// relativeLength is BM25's length part of a document of dl words.
func relativeLength(dl, avgdl float64) float64 {
	return 1 - b + b*dl/avgdl
}

// prepare numbers a term's forms by the number of documents they occur
// in, the most first and in byte order among equals, so the output is the
// same whatever order pages were added in. It returns the fifteen first
// in that order, which get bits of their own, and how to renumber a
// posting's bits.
func (t *term) prepare(postings []posting) (forms []string, numbers formNumbers) {
	if len(t.forms) <= 1 {
		// A pair, or a word met in one spelling, as most terms are: its
		// postings are written without masks, which need no numbers.
		return t.forms, numbers
	}
	uses := make([]int, len(t.forms))
	for _, p := range postings {
		for f := range min(len(uses), otherForm) {
			if p.forms&(1<<f) != 0 {
				uses[f]++
			}
		}
	}
	numbers.later = t.laterByDoc(uses)
	order := make([]int, len(t.forms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(uses[b], uses[a]), strings.Compare(t.forms[a], t.forms[b]))
	})
	numbers.remap = make([]int, len(order))
	for newID, oldID := range order {
		numbers.remap[oldID] = min(newID, otherForm)
		if newID < otherForm {
			forms = append(forms, t.forms[oldID])
		}
	}
	return forms, numbers
}

// laterByDoc counts the documents of the term's later forms into uses
// and returns them by document.
func (t *term) laterByDoc(uses []int) map[int32][]int {
	if len(t.later) == 0 {
		return nil
	}
	byDoc := map[int32][]int{}
	for _, f := range t.later {
		uses[f.form]++
		byDoc[f.doc] = append(byDoc[f.doc], f.form)
	}
	return byDoc
}

// formNumbers renumbers a posting's form bits from the order forms were
// met to the order of their frequency.
type formNumbers struct {
	remap []int           // by form as met, its new number; otherForm past the fifteenth
	later map[int32][]int // by document, the forms it has numbered after the fifteenth as met
}

// bits are the posting's form bits renumbered: a form among the fifteen
// most frequent has its own bit, any other sets the last one.
func (n formNumbers) bits(p posting) uint32 {
	var out uint32
	for old := 0; old < otherForm && old < len(n.remap); old++ {
		if p.forms&(1<<old) != 0 {
			out |= 1 << n.remap[old]
		}
	}
	if p.forms&(1<<otherForm) != 0 {
		for _, old := range n.later[p.doc] {
			out |= 1 << n.remap[old]
		}
	}
	return out
}

// scaleTF is BM25's saturated term frequency, tf·(K1+1)/(tf+K1·length),
// scaled from 0..k1+1 to 1..100; length is the document's relativeLength.
func scaleTF(tf, length float64) int {
	v := tf * (K1 + 1) / (tf + K1*length)
	s := math.Round(v / (K1 + 1) * 100)
	return int(max(1, min(100, s)))
}

func firstWord(key string) string {
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			return key[:i]
		}
	}
	return key
}

// writeGzip writes data gzip-compressed, through the encoder's buffer:
// the writer keeps no file it is handed, and a shard or posting file is a
// few hundred bytes, which a buffer of their own took several
// allocations to grow to. The gzip header carries no name or time, so
// two builds write the same bytes.
func (e *shardEncoder) writeGzip(name string, data []byte) error {
	if e.gz == nil {
		e.gz = new(bytes.Buffer)
	}
	e.gz.Reset()
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(e.gz)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return e.w.WriteFile(name, e.gz.Bytes())
}

// gzipWriters are reused: a gzip writer's state is far larger than most
// of the files it compresses.
// They favour speed: the files are small and many, and the build's time
// matters more than the last few percent of their size.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return zw
}}
