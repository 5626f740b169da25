package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	// Latin Extended-A and -B, the combining diacritics and Latin Extended
	// Additional hold only letters and marks: Vietnamese text is mostly
	// these, and the tables need not be searched for them.
	case 0x100 <= r && r <= 0x24f, 0x300 <= r && r <= 0x36f, 0x1e00 <= r && r <= 0x1eff:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// IsSpace reports the spaces that separate words without breaking a
// Vietnamese pair: a space, a tab, a no-break or a narrow no-break space.
func IsSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' }

// Tokenize splits text into tokens: runs of letters, digits and marks,
// lowercased and NFC-normalised. An elided French article or pronoun
// before an apostrophe is dropped (l’expérience → expérience); any other
// apostrophe separates two words. A run of CJK characters (see IsCJK)
// makes a token of each overlapping pair of them ("東京都" → "東京",
// "京都"), or of its one character when it has one.
func Tokenize(text string) []Token { return tokenize(norm.NFC.String(text), Fold) }

// tokenize splits NFC text, folding each word with foldWord.
func tokenize(text string, foldWord func(string) string) []Token {
	var tokens []Token
	Each(text, lowerThen(foldWord), func(t Token) { tokens = append(tokens, t) })
	return tokens
}

// ReadWord turns a word as written into its folded and its lowercased
// forms; the indexer's caches the answer for each spelling as written,
// so that a word met again is not lowercased again.
type ReadWord func(written string) (word, exact string)

// lowerThen reads a word by lowercasing it and folding that with foldWord.
func lowerThen(foldWord func(string) string) ReadWord {
	return func(written string) (string, string) {
		exact := Lower(written)
		return foldWord(exact), exact
	}
}

// Each calls emit with each token of NFC text. It works on byte
// offsets, so a word is a slice of text until it is read, and the
// indexer never holds a page's tokens all at once.
func Each(text string, read ReadWord, emit func(Token)) {
	EachWritten(text, func(written string, joined bool) bool {
		word, exact := read(written)
		if word == "" {
			return false // only marks, with no letter to carry them
		}
		emit(Token{Word: word, Exact: exact, Joined: joined})
		return true
	})
}

// Visit is given each word of a text as written, a slice of the text,
// and whether it follows the previous token with only spaces between
// them (Token.Joined). It reports whether the word is a token: a run of
// marks with no letter to carry them is none, and pairs nothing.
type Visit func(written string, joined bool) bool

// EachWritten calls visit with each word of NFC text as written, where
// Each would read it and make a token of it: the indexer reads and counts
// a word in one call, with no token between.
func EachWritten(text string, visit Visit) {
	joined := false // the next token may pair with the previous one
	broken := true  // something other than spaces came since the last token
	start := -1     // where the current word starts
	cjk := -1       // where the current run of CJK characters starts
	last := -1      // where the run's last character starts
	flush := func(end int) {
		if start < 0 {
			return
		}
		written := text[start:end]
		start = -1
		if visit(written, joined && !broken) {
			joined, broken = true, false
		}
	}
	// endCJK visits the last pair of a CJK run, or its one character,
	// and breaks pairs across it: the pairs of Vietnamese syllables
	// never take in a CJK token.
	endCJK := func(end int) {
		if cjk < 0 {
			return
		}
		if last == cjk {
			visit(text[cjk:end], false)
		}
		cjk, last, broken, joined = -1, -1, true, false
	}
	for i := 0; i < len(text); {
		// Most of a text is runs of letters outside CJK: each of them
		// only starts or continues a word.
		// letterRunEnd stopped where no such run goes on, so the byte
		// there is handled below without asking it again.
		if end := letterRunEnd(text, i); end > i {
			if cjk >= 0 {
				endCJK(i)
			}
			if start < 0 {
				start = i
			}
			if i = end; i == len(text) {
				break
			}
		}
		// Nearly every other byte is an ASCII space or punctuation,
		// which is told apart without decoding or looking it up.
		if c := text[i]; c < utf8.RuneSelf {
			if cjk >= 0 {
				endCJK(i)
			}
			switch {
			case c == ' ' || c == '\t':
				flush(i)
			case c == '\'' && start >= 0 && wordRuneAt(text, i+1):
				if elisions[Lower(text[start:i])] {
					start = -1
				} else {
					flush(i)
				}
			default:
				flush(i)
				broken = true
			}
			i++
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r >= 0x1100 && IsCJK(r) {
			flush(i)
			if cjk < 0 {
				cjk = i
			} else {
				visit(text[last:i+size], false)
			}
			last = i
			i += size
			continue
		}
		if cjk >= 0 {
			endCJK(i)
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0 && wordRuneAt(text, i+size):
			if elisions[Lower(text[start:i])] {
				start = -1
			} else {
				flush(i)
			}
		case IsSpace(r):
			flush(i)
		default:
			flush(i)
			broken = true
		}
		i += size
	}
	endCJK(len(text))
	flush(len(text))
}

// letterRunEnd is the end of the run of word runes outside CJK that
// starts at text[i]: i when there is none. ASCII letters and digits, the
// Latin letters of Vietnamese and French and the combining marks are
// told from their bytes; any other rune is decoded and classified as
// Each does it one rune at a time.
func letterRunEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				return i
			}
			i++
			continue
		}
		if i+1 < len(text) && 0xc3 <= c && c <= 0xcd && text[i+1]&0xc0 == 0x80 {
			// Latin-1's letters (U+00C0 to U+00FF but × and ÷), Latin
			// Extended-A and -B (to U+024F) and the combining marks
			// (U+0300 to U+036F); the runes between them and after
			// them, some of them symbols, are left to the tables.
			if r := rune(c&0x1f)<<6 | rune(text[i+1]&0x3f); r <= 0x24f && r != '×' && r != '÷' || 0x300 <= r && r <= 0x36f {
				i += 2
				continue
			}
		}
		if c == 0xe1 && i+2 < len(text) && text[i+1]&0xfc == 0xb8 && text[i+2]&0xc0 == 0x80 {
			i += 3 // U+1E00 to U+1EFF, Latin Extended Additional
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) || r >= 0x1100 && IsCJK(r) {
			return i
		}
		i += size
	}
	return i
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = [utf8.RuneSelf]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true, 'J': true,
	'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true, 'S': true, 'T': true,
	'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true,
	'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true,
	'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

func wordRuneAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// Lower lowercases a word, without allocating when it already is.
func Lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return strings.ToLower(s)
		}
		i += size
	}
	return s
}
