package history

import "testing"

func TestAppendWords(t *testing.T) {
	for in, want := range map[string]string{
		"":                           "",
		"   \n\t":                    "",
		"a":                          "a ",
		"  Một  đoạn\n\nvăn\t\r\n":   "Một đoạn văn ",
		"x\fy\vz":                    "x y z ",
		"title: A\n---\nBody, here.": "title: A --- Body, here. ",
	} {
		if got := string(appendWords(nil, []byte(in))); got != want {
			t.Errorf("appendWords(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	page := []byte("---\ntitle: Luôn là Ngày 1\nsourceHash: abc\n---\n\n")
	for range 200 {
		page = append(page, "Một đoạn văn  với nhiều từ,\tvà một dòng mới.\n\n"...)
	}
	b.SetBytes(int64(len(page)))
	var scratch []byte
	for b.Loop() {
		_, scratch = summarize(page, scratch)
	}
}
