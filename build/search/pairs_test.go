package search

import (
	"slices"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/search/tokenize"
)

// TestPairsAreTheJoinedTokens indexes a Vietnamese page whose syllables
// are separated by spaces, punctuation, line breaks, CJK and marks with
// no letter, and wants as pairs exactly the adjacent tokens the
// tokenizer marks as joined.
func TestPairsAreTheJoinedTokens(t *testing.T) {
	text := "Khách hàng. mới đường, dương lãnh\u00a0đạo\nbạn 東京 bán\tđã \u0301 dạ l’a (x y) z-w"
	l := &content.Lang{Language: config.Language{Code: "vi"}}
	p := &content.Page{Lang: "vi", TranslationKey: "a"}
	l.Pages = []*content.Page{p}
	idx := NewIndex(&content.Set{Pages: l.Pages, Langs: []*content.Lang{l}})
	idx.Add(p, Body{Text: text}, NewTokenizer())
	li := idx.langs["vi"]
	li.gather()
	var got []string
	for key := range li.terms {
		if strings.Contains(key, " ") {
			got = append(got, key)
		}
	}
	var want []string
	tokens := tokenize.Tokenize(text)
	for i := 1; i < len(tokens); i++ {
		if tokens[i].Joined {
			want = append(want, tokens[i-1].Word+" "+tokens[i].Word)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if len(want) < 4 || !slices.Equal(got, want) {
		t.Errorf("pairs %q, want %q", got, want)
	}
}
