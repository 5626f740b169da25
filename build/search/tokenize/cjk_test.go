package tokenize

import (
	"reflect"
	"testing"
)

func cjkWords(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Word
	}
	return out
}

func TestTokenizeCJK(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"Japanese pairs overlap", "東京都に住む", []string{"東京", "京都", "都に", "に住", "住む"}},
		{"one character alone", "猫", []string{"猫"}},
		{"Katakana with the prolonged sound mark", "サーバー", []string{"サー", "ーバ", "バー"}},
		{"dakuten kept", "がっこう", []string{"がっ", "っこ", "こう"}},
		{"punctuation ends a run", "日本。中国", []string{"日本", "中国"}},
		{"Latin beside CJK is its own word", "Go言語とGitLab", []string{"go", "言語", "語と", "gitlab"}},
		{"Korean syllables stay composed", "한국어 검색", []string{"한국", "국어", "검색"}},
		{"Chinese", "搜索引擎", []string{"搜索", "索引", "引擎"}},
		{"iteration mark", "人々", []string{"人々"}},
	}
	for _, c := range cases {
		if got := cjkWords(Tokenize(c.text)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Tokenize(%q) = %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

func TestCJKNeverPairsWithVietnamese(t *testing.T) {
	// A CJK run breaks the pairs of syllables around it: the token after
	// it is not joined to the one before.
	toks := Tokenize("khách 東京 hàng")
	for _, tk := range toks {
		if tk.Joined {
			t.Errorf("%q is joined across a CJK run: %+v", tk.Word, toks)
		}
	}
}

func TestFoldKeepsCJK(t *testing.T) {
	for in, want := range map[string]string{"が": "が", "한국": "한국", "đường": "duong", "Ü": "u", "straße": "strasse"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
