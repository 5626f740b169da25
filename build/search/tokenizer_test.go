package search

import (
	"fmt"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/output"
	"handbook/build/search/tokenize"
)

// TestReadFindsEachSpellingInItsSlot reads words that share their first
// and last eight bytes and their length, so that they fall in one slot
// of the tokenizer's cache, among words of every length from one byte:
// each must read as itself, however often the slot changes hands.
func TestReadFindsEachSpellingInItsSlot(t *testing.T) {
	l := &content.Lang{Language: config.Language{Code: "vi"}}
	p := &content.Page{Lang: "vi", TranslationKey: "a"}
	l.Pages = []*content.Page{p}
	idx := NewIndex(&content.Set{Pages: l.Pages, Langs: []*content.Lang{l}})
	tok := NewTokenizer()
	tok.startPage("vi", idx.langs["vi"])
	var words []string
	for n := 1; n <= 20; n++ {
		words = append(words, strings.Repeat("x", n), "Đ"+strings.Repeat("ư", n))
	}
	for _, mid := range []string{"a", "b", "c", "đ", "ab", "ba"} {
		words = append(words, "nghiêng"+mid+"nghiêng", "nghiêng"+strings.ToUpper(mid)+"nghiêng")
	}
	for range 3 {
		for _, w := range words {
			s := tok.spellingOf(w)
			if wantExact := tokenize.Lower(w); s.exact != wantExact || s.word != tokenize.Fold(wantExact) {
				t.Fatalf("spellingOf(%q) = %q, %q; want %q, %q", w, s.word, s.exact, tokenize.Fold(wantExact), wantExact)
			}
		}
	}
}

// TestBoundedCachesMakeTheSameIndex indexes the same pages with
// tokenizers whose caches start afresh past three spellings, at most
// pages, and with caches that hold every spelling: the files are the
// same, byte for byte.
func TestBoundedCachesMakeTheSameIndex(t *testing.T) {
	set, bodies := orderSet()
	whole := writeIndex(t, set, bodies, set.Pages, 2)
	idx := NewIndex(set)
	for w := range 2 {
		tok := NewTokenizer()
		tok.maxSpellings = 3
		for i := w; i < len(set.Pages); i += 2 {
			idx.Add(set.Pages[i], bodies[set.Pages[i]], tok)
		}
	}
	bounded := output.NewMemory()
	if err := idx.Write(bounded); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, whole, bounded, "when the tokenizers' caches are bounded")
}

// TestCachesStayBounded indexes pages of words no other page has: a
// tokenizer's cache holds at most its bound and the last page's words.
func TestCachesStayBounded(t *testing.T) {
	l := &content.Lang{Language: config.Language{Code: "fr"}}
	set, bodies := &content.Set{Langs: []*content.Lang{l}}, map[*content.Page]Body{}
	for i := range 200 {
		p := &content.Page{Lang: "fr", TranslationKey: fmt.Sprintf("p%d", i), Title: "page"}
		bodies[p] = Body{Text: fmt.Sprintf("mot%da mot%db mot%dc mot%dd", i, i, i, i)}
		l.Pages = append(l.Pages, p)
		set.Pages = append(set.Pages, p)
	}
	idx := NewIndex(set)
	tok := NewTokenizer()
	tok.maxSpellings = 16
	for _, p := range set.Pages {
		idx.Add(p, bodies[p], tok)
	}
	if n := len(tok.langs["fr"].written); n > 16+5 {
		t.Errorf("the cache holds %d spellings after 200 pages of new words, want at most 16 and a page's 5", n)
	}
}
