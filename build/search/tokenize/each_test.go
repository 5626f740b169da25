package tokenize

import (
	"reflect"
	"strings"
	"testing"
)

// eachTokens is what each, Each or eachReference, emits for text, read
// as the index reads it; the text is not normalised first, so that both
// meet bytes no page would hold.
func eachTokens(each func(string, ReadWord, func(Token)), text string) []Token {
	var out []Token
	each(text, lowerThen(Fold), func(t Token) { out = append(out, t) })
	return out
}

// hostileTexts are texts whose bytes are read by Each's runs of letters
// and by its rune-at-a-time path in turn: mixed scripts, marks, NFD,
// invalid and truncated UTF-8, the symbols beside the letters those runs
// know (× ÷ ˂ ͵ ;), very long words and CJK.
var hostileTexts = []string{
	"Khách hàng, lãnh\u00a0đạo",
	"kha\u0301ch ha\u0300ng đ\u0301 a\u0323\u0302",
	"l’expérience d'un client qu’il aujourd’hui",
	"Go言語とGitLab 東京都に住む サーバー 한국어 검색 人々",
	"2×3÷4 a×b x÷y",
	"a˂b ˆc ʰd ɐe ͵f ;g Ͱh",
	"\xff\xfe abc \xc3 \xc3\x28 \xe1\xba \xe1\xba\x28 \xe1\xbb\xa0\xe1 \xcc\x81\xcd",
	"Ελληνικά Русский עברית العربية हिन्दी ไทย",
	"Œuvre straße İstanbul ǅemal ꝁ",
	strings.Repeat("nghiêng", 2000) + " " + strings.Repeat("a\u0301", 3000),
	"khách\u202fhàng\tmới.\n\nđường 東 dương",
	"'’ ’l l’ qu' x'y",
	"\xe1\xb8\x80\xe1\xbb\xbf\xe1\xbc\x80 \xc9\x8f\xc9\x90 \xcd\xaf\xcd\xb0",
}

func TestEachMatchesReference(t *testing.T) {
	for _, text := range hostileTexts {
		got, want := eachTokens(Each, text), eachTokens(eachReference, text)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Each(%q) = %+v\nwant %+v", text, got, want)
		}
	}
}

// FuzzEachMatchesReference holds Each to the rune-at-a-time tokenizer
// on any bytes.
func FuzzEachMatchesReference(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := eachTokens(Each, text), eachTokens(eachReference, text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Each(%q) = %+v\nwant %+v", text, got, want)
		}
	})
}
