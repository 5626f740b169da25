package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Rune folds one rune: it lowercases it, drops combining marks and maps
// letters that carry a stroke rather than a mark (đ, ø, ł) to their base.
// It returns -1 for a rune that folds to nothing.
func Rune(r rune) rune {
	switch r {
	case 'đ', 'Đ', 'ð', 'Ð':
		return 'd'
	case 'ø', 'Ø':
		return 'o'
	case 'ł', 'Ł':
		return 'l'
	case 'æ', 'Æ':
		return 'æ'
	case 'œ', 'Œ':
		return 'œ'
	}
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	return unicode.ToLower(r)
}

// String folds s: NFD-decomposes it so marks become separate runes, then
// folds each rune. "Lãnh Đạo" becomes "lanh dao". Bytes that are not
// UTF-8 become U+FFFD first, so they cannot hide the runes after them
// from the decomposition.
func String(s string) string {
	if isPlainLower(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if f := Rune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// Slug makes a readable, stable anchor or path segment: folded, with every
// run of characters other than letters and digits turned into one "-",
// and ligatures spelled out. "Ce que ce n’est pas" gives
// "ce-que-ce-n-est-pas"; "Khách hàng là gì?" gives "khach-hang-la-gi".
func Slug(s string) string {
	f := String(s)
	var b strings.Builder
	b.Grow(len(f))
	dash := false
	for _, r := range f {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		switch r {
		case 'æ':
			b.WriteString("ae")
		case 'œ':
			b.WriteString("oe")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
