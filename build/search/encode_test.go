package search

import (
	"encoding/json"
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
