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

// TestPairTableKeepsItsRoomAfresh reads pages with caches bounded to
// three spellings: they start afresh page after page, and the table of
// pairs with them, cleared in the room it had, not made anew.
func TestPairTableKeepsItsRoomAfresh(t *testing.T) {
	set, bodies := orderSet()
	idx := NewIndex(set)
	tok := NewTokenizer()
	tok.maxSpellings = 3
	pages := set.Langs[0].Pages
	idx.Add(pages[0], bodies[pages[0]], tok)
	l := tok.langs["vi"]
	slots := &l.pairs.slots[0]
	if l.pairs.used == 0 {
		t.Fatal("no pairs read")
	}
	tok.startPage("vi", idx.langs["vi"])
	if tok.lang != l || l.pairs.used != 0 || len(l.pairs.slots) == 0 || &l.pairs.slots[0] != slots {
		t.Errorf("the table of pairs was not cleared in its room: %d pairs, %d slots", l.pairs.used, len(l.pairs.slots))
	}
	if len(l.written) != 0 {
		t.Errorf("the caches hold %d spellings after starting afresh", len(l.written))
	}
}

// TestPairsAreNumberedOncePageIsRead counts pairs on a page: the index
// numbers the new ones only once the page is read, all together, and
// the page's counts and the tokenizer's table then hold those numbers.
func TestPairsAreNumberedOncePageIsRead(t *testing.T) {
	set, _ := orderSet()
	idx := NewIndex(set)
	li := idx.langs["vi"]
	tok := NewTokenizer()
	tok.startPage("vi", li)
	for _, first := range []uint32{1, 2, 3} {
		tok.countPair(first, 7, 1)
		tok.countPair(first, 7, 1)
	}
	if len(li.pairKeys) != 0 {
		t.Fatalf("the index numbered %d pairs while the page was read", len(li.pairKeys))
	}
	li.merge(li.doc(set.Langs[0].Pages[0]), 6, tok)
	if len(li.pairKeys) != 3 || len(tok.pairs) != 3 {
		t.Fatalf("%d pairs numbered, %d counted; want 3 and 3", len(li.pairKeys), len(tok.pairs))
	}
	for _, pc := range tok.pairs {
		packed := li.pairKeys[pc.id]
		if pc.tf != 2 || packed&0xffffffff != 7 {
			t.Errorf("pair %d (%d %d) counted %v, want 2", pc.id, packed>>32, packed&0xffffffff, pc.tf)
		}
		if k, isNew := tok.lang.pairs.find(packed); isNew || k.id != pc.id {
			t.Errorf("the table numbers the pair %d (new: %v), want %d", k.id, isNew, pc.id)
		}
	}
}

// TestPairTableStartsAtItsLanguagesSize reads a language of 1,000
// documents: its table of pairs starts with room for 32 pairs a
// document, not the fewest slots it doubles from.
func TestPairTableStartsAtItsLanguagesSize(t *testing.T) {
	l := &content.Lang{Language: config.Language{Code: "vi"}}
	set := &content.Set{Langs: []*content.Lang{l}}
	for i := range 1000 {
		p := &content.Page{Lang: "vi", TranslationKey: fmt.Sprint(i)}
		l.Pages = append(l.Pages, p)
		set.Pages = append(set.Pages, p)
	}
	idx := NewIndex(set)
	tok := NewTokenizer()
	tok.startPage("vi", idx.langs["vi"])
	tok.countPair(1, 2, 1)
	if got, want := len(tok.lang.pairs.slots), 1<<16; got != want {
		t.Errorf("the table starts with %d slots, want %d", got, want)
	}
	for docs, want := range map[int]int{0: minPairSlots, 10: minPairSlots, 100: 8192, 1 << 20: maxFirstPairSlots} {
		if got := pairSlotsFor(docs); got != want {
			t.Errorf("pairSlotsFor(%d) = %d, want %d", docs, got, want)
		}
	}
}

// TestKnownSpellingsAreNotStemmedAgain gives the index a spelling,
// "xyzzy", registered under a term its stem is not, as a tokenizer whose
// caches were made afresh finds it: what it reads of the word is what
// the index knows, not the word stemmed again.
func TestKnownSpellingsAreNotStemmedAgain(t *testing.T) {
	l := &content.Lang{Language: config.Language{Code: "fr"}}
	p := &content.Page{Lang: "fr", TranslationKey: "a"}
	l.Pages = []*content.Page{p}
	idx := NewIndex(&content.Set{Pages: l.Pages, Langs: []*content.Lang{l}})
	li := idx.langs["fr"]
	term := li.term("manuel")
	li.formID(term, "autre")
	li.formID(term, "xyzzy")
	tok := NewTokenizer()
	tok.startPage("fr", li)
	s := tok.spellingOf("Xyzzy")
	if s.key.key != "manuel" || s.key.term != term || s.key.id != term.id || s.form != 1 || s.formBit != 2 || s.exact != "xyzzy" || s.word != "xyzzy" {
		t.Errorf("spellingOf(Xyzzy) = key %q, form %d, exact %q, word %q; want the index's: manuel, 1, xyzzy, xyzzy", s.key.key, s.form, s.exact, s.word)
	}
	if again := tok.spellingOf("xyzzy"); again != s {
		t.Errorf("the spelling as written differently is another one")
	}
}
