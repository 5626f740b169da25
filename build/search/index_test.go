package search

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/output"
)

// orderSet is a set of pages in two languages whose words come in several
// spellings and as pairs, for indexing in different orders. Some French
// spellings fold to one word but have different stems ("publié" and
// "publie", "prés" and "près"): which stem the word leads to must not
// depend on which page was indexed last. One Vietnamese word, "da", comes
// in twenty spellings, more than a posting has bits for.
func orderSet() (*content.Set, map[*content.Page]Body) {
	syllables := []string{"khách", "Khách", "hàng", "đường", "dương", "Đương", "lãnh", "đạo", "bạn", "bán",
		"da", "dá", "dà", "dả", "dã", "dạ", "đa", "đá", "đà", "đả", "đã", "đạ", "dâ", "dấ", "dầ", "dẩ", "dẫ", "dậ", "dă", "dắ"}
	french := []string{"décision", "décisions", "Décision", "client", "clients", "l’expérience", "rapide", "équipe",
		"publié", "publie", "prés", "près"}
	set, bodies := &content.Set{}, map[*content.Page]Body{}
	for _, code := range []string{"vi", "fr"} {
		l := &content.Lang{Language: config.Language{Code: code}}
		words := syllables
		if code == "fr" {
			words = french
		}
		for i := range 90 {
			var body bytes.Buffer
			for j := range 40 + i%17 {
				fmt.Fprintf(&body, "%s ", words[(i*7+j*j)%len(words)])
				if j%9 == 0 {
					body.WriteString(". ")
				}
			}
			p := &content.Page{Lang: code, TranslationKey: fmt.Sprintf("page-%02d", i),
				Title: words[i%len(words)] + " " + words[(i+3)%len(words)]}
			bodies[p] = Body{Text: body.String()}
			l.Pages = append(l.Pages, p)
			set.Pages = append(set.Pages, p)
		}
		set.Langs = append(set.Langs, l)
	}
	return set, bodies
}

// TestIndexIsTheSameInAnyOrder indexes the same pages in order with one
// tokenizer, backwards with one, and backwards with three at once on
// every core, and wants the same files each time.
func TestIndexIsTheSameInAnyOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(4, runtime.NumCPU())))
	set, bodies := orderSet()
	reversed := slices.Clone(set.Pages)
	slices.Reverse(reversed)
	forward := writeIndex(t, set, bodies, set.Pages, 1)
	if len(forward.Paths()) < 4 {
		t.Fatalf("only %d files written: %v", len(forward.Paths()), forward.Paths())
	}
	sameFiles(t, forward, writeIndex(t, set, bodies, reversed, 1), "when pages are added backwards")
	for range 5 {
		sameFiles(t, forward, writeIndex(t, set, bodies, reversed, 3), "when pages are added backwards by three tokenizers")
	}
}

// writeIndex indexes pages of set, with their bodies, in that order,
// shared among workers goroutines with a tokenizer each, and returns the
// files written.
func writeIndex(t *testing.T, set *content.Set, bodies map[*content.Page]Body, pages []*content.Page, workers int) *output.Memory {
	t.Helper()
	idx := NewIndex(set)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			tok := NewTokenizer()
			for i := w; i < len(pages); i += workers {
				idx.Add(pages[i], bodies[pages[i]], tok)
			}
		})
	}
	wg.Wait()
	m := output.NewMemory()
	if err := idx.Write(m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestGatherInRunsIsGatherInOne writes the same pages' index with the
// postings gathered in one run of documents and in three (one per core),
// and wants the same files: each list whole and in document order.
func TestGatherInRunsIsGatherInOne(t *testing.T) {
	write := func(cores int) *output.Memory {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cores))
		set, bodies := orderSet()
		idx := NewIndex(set)
		tok := NewTokenizer()
		for _, p := range set.Pages {
			idx.Add(p, bodies[p], tok)
		}
		m := output.NewMemory()
		if err := idx.Write(m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	sameFiles(t, write(1), write(3), "when gathered in three runs")
}

// sameFiles wants a and b to hold the same files, byte for byte; how
// says what made them differ.
func sameFiles(t *testing.T, a, b *output.Memory, how string) {
	t.Helper()
	if !slices.Equal(a.Paths(), b.Paths()) {
		t.Fatalf("files differ %s:\n%v\n%v", how, a.Paths(), b.Paths())
	}
	for _, path := range a.Paths() {
		x, _ := a.File(path)
		y, _ := b.File(path)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs %s", path, how)
		}
	}
}

// TestPairTableKeepsEntriesAsItGrows finds thousands of pairs twice: the
// second time each is there, with what was stored in it.
func TestPairTableKeepsEntriesAsItGrows(t *testing.T) {
	var table pairTable
	key := func(i int) uint64 { return uint64(i%97)<<32 | uint64(i*31) }
	for i := range 5000 {
		s, isNew := table.find(key(i))
		if !isNew {
			t.Fatalf("pair %d found before it was added", i)
		}
		s.id = uint32(i)
	}
	for i := range 5000 {
		s, isNew := table.find(key(i))
		if isNew || s.id != uint32(i) {
			t.Fatalf("pair %d: new %v, id %d", i, isNew, s.id)
		}
	}
	if table.used != 5000 || len(table.slots) < 10000 {
		t.Errorf("%d entries in %d slots", table.used, len(table.slots))
	}
}

// joinFieldsByFields is the text appendJoinedFields writes, worked out
// the plain way.
func joinFieldsByFields(limit int, parts ...string) string {
	var b strings.Builder
parts:
	for _, s := range parts {
		for field := range strings.FieldsSeq(s) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(field)
			if b.Len() > limit {
				break parts
			}
		}
	}
	text := b.String()
	if len(text) > limit {
		cut := strings.LastIndexByte(text[:limit+1], ' ')
		if cut < 0 {
			for cut = limit; cut > 0 && !utf8.RuneStart(text[cut]); cut-- {
			}
		}
		text = text[:cut]
	}
	return text
}

func FuzzJoinFields(f *testing.F) {
	f.Add(12, "Khách hàng  là\tưu tiên", "\u00a0số một\u2028", "", " l’expérience\n")
	f.Add(3, "abcdefgh", "x", "\xff\x85 \xc2\x85", "y")
	f.Add(0, "", " ", "a", "")
	f.Add(40, "a\u1680b\u3000c\u205fd\u202fe\u2009f\u200bg", "\u1ea1\u1680\u1ec7", "\xe2\x80", "\xe1")
	f.Fuzz(func(t *testing.T, limit int, a, b, c, d string) {
		limit = max(0, limit%64)
		want := appendString(nil, joinFieldsByFields(limit, a, b, c, d))
		if got := appendJoinedFields(nil, limit, a, b, c, d); string(got) != string(want) {
			t.Fatalf("appendJoinedFields(%d, %q, %q, %q, %q) = %s, want %s", limit, a, b, c, d, got, want)
		}
	})
}

// TestJoinFieldsLongText cuts texts longer than a document's limit, of
// every kind of byte the joiner tells apart, at every offset around it.
func TestJoinFieldsLongText(t *testing.T) {
	pieces := []string{"Khách hàng ", "l’expérience\u00a0", "a\u0301 ", "\xff\xe1\xba ", "東京都\u3000", "<b>&\"\\\n", "\u2028x\u2029", "ǅ ", "\t\t"}
	for shift := range 40 {
		var text strings.Builder
		for i := 0; text.Len() < 2*snippetLimit; i++ {
			text.WriteString(pieces[(i*7+shift)%len(pieces)])
		}
		s := text.String()[shift:]
		want := appendString(nil, joinFieldsByFields(snippetLimit, "", s[:snippetLimit/3], s[snippetLimit/3:]))
		if got := appendJoinedFields(nil, snippetLimit, "", s[:snippetLimit/3], s[snippetLimit/3:]); string(got) != string(want) {
			t.Fatalf("shift %d: appendJoinedFields = %s\nwant %s", shift, got, want)
		}
	}
}

// TestJoinFieldsEverySpaceAfterASpace joins fields separated by a space
// followed by each white space character there is, which the joiner
// tells from a letter by its first byte before it decodes any: none of
// them may pass for a letter.
func TestJoinFieldsEverySpaceAfterASpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		text := "khách " + string(r) + "hàng " + string(r) + " đạo"
		want := appendString(nil, joinFieldsByFields(snippetLimit, text))
		if got := appendJoinedFields(nil, snippetLimit, text); string(got) != string(want) {
			t.Errorf("%U: appendJoinedFields = %s, want %s", r, got, want)
		}
	}
}
