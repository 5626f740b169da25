package tokenize

import (
	"sync"

	"github.com/kljensen/snowball/french"

	"handbook/build/fold"
)

// Stem is the folded stem of a token in lang; languages without a
// stemmer (Vietnamese, whose syllables do not inflect) keep the word.
func Stem(lang string, t Token) string {
	if lang == "fr" {
		return StemFrench(t.Exact)
	}
	return t.Word
}

// StemFrench is the folded Snowball stem of a French word; a CJK pair
// quoted in French text is its own stem.
func StemFrench(exact string) string {
	if isCJKWord(exact) {
		return exact
	}
	return fold.String(french.Stem(exact, true))
}

// IsStopWord reports the words a query never needs to match: French
// stop words, compared folded, so "ete" is "été".
func IsStopWord(lang, exact string) bool {
	if lang != "fr" {
		return false
	}
	return french.IsStopWord(exact) || frenchStopSet()[fold.String(exact)]
}

var frenchStopSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range FrenchStopWords() {
		m[w] = true
	}
	return m
})
