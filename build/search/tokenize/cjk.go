package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"handbook/build/fold"
)

// IsCJK reports the runes of the scripts written without spaces between
// words (Chinese, Japanese) or whose words are searched by their parts
// (Korean): Han, Hiragana, Katakana and Hangul, with the Katakana
// prolonged sound mark and the ideographic iteration mark, which carry
// no script of their own but are part of words. The tokenizer indexes
// such text as overlapping pairs of characters, as search engines do
// for these languages without a dictionary.
func IsCJK(r rune) bool {
	// Below Hangul Jamo, and between them and the CJK radicals (Latin
	// Extended Additional, where Vietnamese lives, and punctuation), no
	// rune is of these scripts: the tables are not searched for them.
	if r < 0x1100 || 0x1200 <= r && r < 0x2e80 {
		return false
	}
	switch r {
	case 'ー', '々', '〆', 'ｰ':
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isCJKWord reports a token made of CJK characters: the tokenizer never
// mixes them with others in one token, so its first rune tells.
func isCJKWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsCJK(r)
}

// Fold is the folded form of a lowercased word, the form the index
// compares: marks removed, đ written d and ß ss, except in a CJK word, whose
// marks (the dakuten of が, Hangul's decomposed syllables) tell words
// apart and which has no case, so it stands as written.
func Fold(exact string) string {
	if isCJKWord(exact) {
		return exact
	}
	f := fold.String(exact)
	if strings.Contains(f, "ß") {
		f = strings.ReplaceAll(f, "ß", "ss")
	}
	return f
}
