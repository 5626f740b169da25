package search

import (
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"weak"

	"handbook/build/output"
)

// TestShardsGroupPairsWithTheirTerm checks where shards puts a term's
// pairs, which it looks up once for the term and all its pairs: the rare
// ones in the term's pair file, a frequent one in the term's shard, and
// a word that only starts like the term ("ana" after "an b") in its own
// shard with no pair file of the term's.
func TestShardsGroupPairsWithTheirTerm(t *testing.T) {
	li := &langIndex{lang: "vi", terms: map[string]*term{}, words: map[string]string{}}
	for key, df := range map[string]int{"an": 90, "an b": 1, "an c": maxInline + 1, "an d": 2, "ana": 3, "ana e": 1, "bo": 5, "bo an": maxInline} {
		li.terms[key] = &term{df: df}
	}
	li.terms["gone"] = &term{} // met only in pages added again since
	got := map[string][]string{}
	for _, sc := range li.shards(nil) {
		for _, st := range sc.terms {
			if li.terms[st.key] != st.t {
				t.Errorf("%s/%s: %q holds another term's entry", sc.dir, sc.name, st.key)
			}
			got[sc.dir+"/"+sc.name] = append(got[sc.dir+"/"+sc.name], st.key)
		}
	}
	want := map[string][]string{
		"s/" + ShardOf("an"):                     {"an", "an c", "ana"},
		"p/" + hex.EncodeToString([]byte("an")):  {"an b", "an d"},
		"p/" + hex.EncodeToString([]byte("ana")): {"ana e"},
		"s/" + ShardOf("bo"):                     {"bo"},
		"p/" + hex.EncodeToString([]byte("bo")):  {"bo an"},
	}
	if len(got) != len(want) {
		t.Errorf("files %v, want %v", got, want)
	}
	for name, keys := range want {
		if !slices.Equal(got[name], keys) {
			t.Errorf("%s holds %q, want %q", name, got[name], keys)
		}
	}
	for key, pairs := range map[string]bool{"an": true, "an c": false, "ana": true, "bo": true} {
		if li.terms[key].hasPairFile != pairs {
			t.Errorf("%q: hasPairFile %v, want %v", key, li.terms[key].hasPairFile, pairs)
		}
	}
	if _, ok := li.terms["gone"]; ok {
		t.Error("a term in no document is still among the terms")
	}
}

// TestAddPairsNamesEveryPair enters more pairs than one chunk holds and
// finds each by its name with its own entry.
func TestAddPairsNamesEveryPair(t *testing.T) {
	li := &langIndex{terms: map[string]*term{}, names: []string{"khách", "hàng", "đạo", "a", "bcdefghij"}}
	n := len(li.names)
	for i := range 3*pairChunk + 7 {
		li.names = append(li.names, fmt.Sprint("w", i))
		li.pairKeys = append(li.pairKeys, uint64(i%n)<<32|uint64(len(li.names)-1))
	}
	keys := slices.Clone(li.pairKeys)
	li.addPairs(func(i int, t *term) { t.df = i + 1 })
	if len(li.terms) != len(keys) {
		t.Errorf("%d terms, want %d", len(li.terms), len(keys))
	}
	for i, packed := range keys {
		name := li.names[packed>>32] + " " + li.names[packed&0xffffffff]
		if tm := li.terms[name]; tm == nil || tm.df != i+1 {
			t.Fatalf("pair %d, %q: entry %+v, want df %d", i, name, tm, i+1)
		}
	}
	if li.pairKeys != nil {
		t.Error("the pairs' numbers are still held")
	}
}

// TestWrittenIndexIsLetGo writes an index and its documents, and wants
// its languages collected once nothing of the caller's holds them:
// nothing of the package may keep a written index for good. Two
// collections, because a pool keeps what it held until the second (its
// victim cache), and the gzip writers pooled for the next files may have
// held the last file's state.
func TestWrittenIndexIsLetGo(t *testing.T) {
	langs := writtenLanguages(t)
	runtime.GC()
	runtime.GC()
	for i, l := range langs {
		if l.Value() != nil {
			t.Errorf("language %d of the index is still held after a collection", i)
		}
	}
}

// writtenLanguages writes the index of orderSet's pages, and returns
// weak pointers to its languages.
func writtenLanguages(t *testing.T) []weak.Pointer[langIndex] {
	set, bodies := orderSet()
	idx := NewIndex(set)
	tok := NewTokenizer()
	m := output.NewMemory()
	for _, p := range set.Pages {
		idx.Add(p, bodies[p], tok)
		if err := idx.WriteDoc(p, bodies[p].Text, "", m); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Write(m); err != nil {
		t.Fatal(err)
	}
	return []weak.Pointer[langIndex]{weak.Make(idx.langs["vi"]), weak.Make(idx.langs["fr"])}
}
