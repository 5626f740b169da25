package tokenize

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Readers without a Vietnamese keyboard type Telex ("khachs hangf") or VNI
// ("kha1ch ha2ng"): tone and vowel marks as letters or digits after the
// syllable. FromTelex spells such a word in Vietnamese, so it matches, and
// ranks, like the word it stands for.

// toneMarks are the combining tone marks, by Telex key and by VNI digit.
var toneMarks = map[rune]rune{
	's': '\u0301', 'f': '\u0300', 'r': '\u0309', 'x': '\u0303', 'j': '\u0323',
	'1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323',
}

// vowelMarks are the vowel changes, by Telex doubling and by VNI digit.
var telexVowels = map[string]string{"aa": "â", "aw": "ă", "ee": "ê", "oo": "ô", "ow": "ơ", "uw": "ư", "dd": "đ"}

// syllableShape is a Vietnamese syllable: an initial consonant, one run
// of vowels, and a final consonant. It keeps French and English words
// ("decision" is not "déciion") from being read as Telex.
var syllableShape = regexp.MustCompile(`^(b|c|ch|d|đ|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?[aeiouyâăêôơư]{1,3}(c|ch|m|n|ng|nh|p|t)?$`)

func isPlainVowel(r rune) bool { return strings.ContainsRune("aeiouyâăêôơư", r) }

// FromTelex returns the Vietnamese syllable a Telex or VNI word spells,
// and false when word does not use either (it has no mark key, or is not
// shaped like a syllable).
func FromTelex(word string) (string, bool) {
	if word == "" || len(word) > 12 {
		return "", false
	}
	for _, r := range word {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return "", false
		}
	}
	base, tone, changed := applyVowelKeys(word)
	if tone == 0 && !changed {
		return "", false
	}
	if !syllableShape.MatchString(base) {
		return "", false
	}
	if tone != 0 {
		base = placeTone(base, tone)
	}
	return norm.NFC.String(base), true
}

// applyVowelKeys reads the mark keys of word: Telex doublings (aa, ow, dd),
// VNI digits 6–9, and one tone key (Telex s f r x j after the first vowel,
// or VNI 1–5). It returns the word without them, spelled with its vowel
// marks, and the tone's combining mark.
func applyVowelKeys(word string) (base string, tone rune, changed bool) {
	var out []rune
	seenVowel := false
	rs := []rune(word)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) {
			if v, ok := telexVowels[string([]rune{r, rs[i+1]})]; ok {
				out = append(out, []rune(v)...)
				if v == "ơ" && len(out) >= 2 && out[len(out)-2] == 'u' {
					out[len(out)-2] = 'ư' // "uow" is ươ
				}
				seenVowel = seenVowel || r != 'd'
				changed = true
				i++
				continue
			}
		}
		switch {
		case r == 'w' && len(out) > 0 && (out[len(out)-1] == 'u' || out[len(out)-1] == 'o'):
			// A lone w after u or o: uw, ow typed with the vowel already
			// doubled or marked elsewhere ("nguoiw").
			out[len(out)-1] = map[rune]rune{'u': 'ư', 'o': 'ơ'}[out[len(out)-1]]
			changed = true
		case r >= '6' && r <= '9':
			if !applyVNI(out, r) {
				return "", 0, false
			}
			changed = true
		case toneMarks[r] != 0 && (seenVowel || r >= '1' && r <= '5'):
			if tone != 0 {
				return "", 0, false
			}
			tone = toneMarks[r]
		default:
			if isPlainVowel(r) {
				seenVowel = true
			}
			out = append(out, r)
		}
	}
	return string(out), tone, changed
}

// applyVNI changes the last vowel the digit applies to: 6 circumflex, 7
// horn, 8 breve, 9 đ.
func applyVNI(out []rune, digit rune) bool {
	targets := map[rune]map[rune]rune{
		'6': {'a': 'â', 'e': 'ê', 'o': 'ô'},
		'7': {'o': 'ơ', 'u': 'ư'},
		'8': {'a': 'ă'},
		'9': {'d': 'đ'},
	}[digit]
	done := false
	for i := len(out) - 1; i >= 0; i-- {
		if v, ok := targets[out[i]]; ok {
			out[i] = v
			done = true
			if digit != '7' || i == 0 || out[i-1] != 'u' {
				break
			}
		}
	}
	return done
}

// placeTone puts the tone mark on the vowel that carries it in modern
// Vietnamese spelling.
func placeTone(syllable string, tone rune) string {
	rs := []rune(syllable)
	start := 0
	if strings.HasPrefix(syllable, "qu") || strings.HasPrefix(syllable, "gi") && len(rs) > 2 && isPlainVowel(rs[2]) {
		start = 2
	}
	first, last := -1, -1
	for i := start; i < len(rs); i++ {
		if isPlainVowel(rs[i]) {
			if first < 0 {
				first = i
			}
			last = i
		} else if first >= 0 {
			break
		}
	}
	if first < 0 {
		return syllable
	}
	at := last
	switch {
	case markedVowel(rs, first, last) >= 0:
		at = markedVowel(rs, first, last)
	case last+1 < len(rs):
		at = last // closed syllable: the last vowel
	case last-first == 1:
		at = first // open, two vowels: the first (mía, múa)
	case last-first >= 2:
		at = first + 1
	}
	out := append([]rune{}, rs[:at+1]...)
	out = append(out, tone)
	return string(append(out, rs[at+1:]...))
}

// markedVowel is the last vowel in rs[first:last+1] that already carries a
// vowel mark (â ê ô ơ ư ă), which takes the tone; -1 if none.
func markedVowel(rs []rune, first, last int) int {
	for i := last; i >= first; i-- {
		if strings.ContainsRune("âăêôơ", rs[i]) {
			return i
		}
	}
	for i := last; i >= first; i-- {
		if rs[i] == 'ư' {
			return i
		}
	}
	return -1
}
