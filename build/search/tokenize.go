// Package search is the index stage of the pipeline and the search over
// its output: it turns every rendered page into tokens (folded: marks
// removed and đ written d, French elisions split, Vietnamese syllables
// paired), writes one sharded index per language beside the site, and
// answers queries over that index the same way the theme's JavaScript
// client does.
//
// The tokenizer here and the one in themes/default/static/js/search.js
// must agree token for token; testdata/tokens.json holds the cases both
// are tested against.
package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"handbook/build/fold"
)

// Token is one word of a text.
type Token struct {
	// Word is the folded form that matches: "khach", "decision".
	Word string `json:"word"`
	// Exact is the lowercased form as written: "khách", "décision".
	Exact string `json:"exact"`
	// Joined reports that the token follows the previous one with only
	// spaces between them, so the two form a pair ("khách hàng").
	Joined bool `json:"joined,omitempty"`
}

// elisions are the French words that lose their vowel before another
// word: l’expérience, qu’il, jusqu’ici.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// Tokenize splits text into tokens: runs of letters, digits and marks,
// lowercased and NFC-normalised. An elided French article or pronoun
// before an apostrophe is dropped (l’expérience → expérience); any other
// apostrophe separates two words.
func Tokenize(text string) []Token { return tokenize(text, fold.String) }

func tokenize(text string, foldWord func(string) string) []Token {
	text = strings.ToLower(norm.NFC.String(text))
	var tokens []Token
	var word strings.Builder
	joined := false // the next token may pair with the previous one
	broken := true  // something other than spaces came since the last token
	flush := func() {
		if word.Len() == 0 {
			return
		}
		exact := word.String()
		word.Reset()
		tokens = append(tokens, Token{Word: foldWord(exact), Exact: exact, Joined: joined && !broken})
		joined, broken = true, false
	}
	runes := []rune(text)
	for i, r := range runes {
		switch {
		case isWordRune(r):
			word.WriteRune(r)
		case isApostrophe(r) && word.Len() > 0 && i+1 < len(runes) && isWordRune(runes[i+1]):
			if elisions[word.String()] {
				word.Reset()
				continue
			}
			flush()
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f':
			flush()
		default:
			flush()
			broken = true
		}
	}
	flush()
	return tokens
}
