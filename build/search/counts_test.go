package search

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/search/tokenize"
)

// TestSharedTokenizerCountsEachPageApart indexes pages of two languages,
// whose term ids overlap, with one tokenizer, and wants each document's
// entries to be those a fresh tokenizer makes of the page alone.
func TestSharedTokenizerCountsEachPageApart(t *testing.T) {
	texts := []string{
		"Khách hàng mới, khách hàng cũ: hàng hàng lớp lớp.",
		"La décision du client, les décisions des clients.",
		"hàng mới đến, mới khách",
		"Le client décide ; la décision est prise.",
		"lớp cũ lớp mới khách hàng hàng",
	}
	set := &content.Set{}
	langs := map[string]*content.Lang{}
	for i, text := range texts {
		code := "vi"
		if i%2 == 1 {
			code = "fr"
		}
		if langs[code] == nil {
			langs[code] = &content.Lang{Language: config.Language{Code: code}}
			set.Langs = append(set.Langs, langs[code])
		}
		p := &content.Page{ID: i, Lang: code, TranslationKey: fmt.Sprint(i), Text: text}
		langs[code].Pages = append(langs[code].Pages, p)
		set.Pages = append(set.Pages, p)
	}
	// The entries name terms and pairs by id, which depend on the order
	// pages are added in: both indexes add them in the same order.
	shared, fresh := NewIndex(set), NewIndex(set)
	tok := NewTokenizer()
	for _, p := range set.Pages {
		shared.Add(p, Body{}, tok)
		fresh.Add(p, Body{}, NewTokenizer())
	}
	for _, p := range set.Pages {
		got := shared.langs[p.Lang].docs[shared.langs[p.Lang].doc(p)]
		want := fresh.langs[p.Lang].docs[fresh.langs[p.Lang].doc(p)]
		if got.length != want.length || !slices.Equal(sortedEntries(got.entries), sortedEntries(want.entries)) {
			t.Errorf("page %q: entries %v (length %d), want %v (length %d)", p.Text, got.entries, got.length, want.entries, want.length)
		}
	}
}

// sortedEntries is a copy of entries in the order of their ids.
func sortedEntries(entries []logEntry) []logEntry {
	return slices.SortedFunc(slices.Values(entries), func(a, b logEntry) int {
		return int(a.id) - int(b.id)
	})
}

// TestPairCountsAsOften counts the pairs of a Vietnamese page whose
// syllables are followed now by one syllable, now by another, and wants
// each pair counted as often as the tokenizer has it joined.
func TestPairCountsAsOften(t *testing.T) {
	text := "hàng mới hàng cũ hàng mới, hàng mới hàng hàng hàng cũ mới hàng"
	l := &content.Lang{Language: config.Language{Code: "vi"}}
	p := &content.Page{Lang: "vi", TranslationKey: "a"}
	l.Pages = []*content.Page{p}
	idx := NewIndex(&content.Set{Pages: l.Pages, Langs: []*content.Lang{l}})
	idx.Add(p, Body{Text: text}, NewTokenizer())
	li := idx.langs["vi"]
	got := map[string]uint16{}
	for _, e := range li.docs[0].entries {
		if e.id&pairBit != 0 {
			got[li.pairName(li.pairKeys[e.id&^pairBit])] = e.tf
		}
	}
	want := map[string]uint16{}
	tokens := tokenize.Tokenize(text)
	for i := 1; i < len(tokens); i++ {
		if tokens[i].Joined {
			want[tokens[i-1].Word+" "+tokens[i].Word] += quarters(weightBody)
		}
	}
	if len(want) < 4 || !maps.Equal(got, want) {
		t.Errorf("pair counts %v, want %v", got, want)
	}
}
