package search

import (
	"encoding/json"
	"math"
	"testing"
)

// The index files are encoded by hand; they must read as encoding/json
// would have written them.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "khach hang", "khách hàng", "l’expérience", `say "hi"`, `a\b`, "<b>&amp;</b>",
		"tab\there", "line\nbreak", "\x00\x1f", "sep\u2028arator\u2029", "bad \xff utf-8", "😀",
	} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestAppendDocMatchesEncodingJSON(t *testing.T) {
	for _, d := range []Doc{
		{URL: "/vi/a/", Title: "Khách hàng", Kind: "principle", Lang: "vi", Key: "a", Text: "Một \"câu\"\n<b>"},
		{URL: "/fr/", Title: "Accueil", Lang: "fr", Key: "_index", Text: ""},
	} {
		want, _ := json.Marshal(d)
		if got := appendDoc(nil, d); string(got) != string(want) {
			t.Errorf("appendDoc = %s\nwant %s", got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add("khách hàng")
	f.Add("\xff\u2028\"")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestScoreIsBM25 scores postings of every count in quarters up to 200,
// in documents of many lengths, and wants BM25's saturated term
// frequency worked out in one expression, scaled to 1..100, with the
// lead bit where the posting has it: the length part worked out once a
// document must change no score.
func TestScoreIsBM25(t *testing.T) {
	li := &langIndex{count: 8}
	for _, dl := range []int{1, 2, 3, 17, 100, 333, 1000, 4096} {
		li.docs = append(li.docs, docInfo{length: dl, present: true})
	}
	avgdl := li.averageLength()
	e := &shardEncoder{li: li, lengths: li.relativeLengths()}
	for doc, d := range li.docs {
		for quarters := range 200 {
			for _, lead := range []uint16{0, leadTF} {
				tf, dl := float64(quarters)/4, float64(d.length)
				want := int(max(1, min(100, math.Round(tf*(K1+1)/(tf+K1*(1-b+b*dl/avgdl))/(K1+1)*100))))
				if lead != 0 {
					want |= LeadScore
				}
				if got := e.score(posting{doc: int32(doc), tf: uint16(quarters) | lead}); got != want {
					t.Fatalf("doc of %d words, tf %v, lead %v: score %d, want %d", d.length, tf, lead != 0, got, want)
				}
			}
		}
	}
}
