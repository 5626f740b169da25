package search

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
)

// TestSharedTokenizerCountsEachPageApart indexes pages of two languages,
// whose term ids overlap, with one tokenizer, its page numbers going
// round between two pages, and wants each document's entries to be those
// a fresh tokenizer makes of the page alone.
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
	for i, p := range set.Pages {
		if i == 1 {
			tok.page = math.MaxUint32
		}
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
