package search

import (
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
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
