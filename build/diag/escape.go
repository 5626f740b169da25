package diag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EscapeControls writes the characters of s that a terminal would act on
// rather than show as Go escapes them (\x1b, \n, \u202e), and a byte that
// is not UTF-8 as \xff, for text of the site printed to a terminal: a file
// name, a quoted link or a page's title can hold anything,
// and must neither recolour the terminal, rewrite its title, start a line
// of its own nor turn the text right to left. Letters with marks, and
// every other printable character, are left as they are.
func EscapeControls(s string) string {
	if !strings.ContainsFunc(s, isHostile) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case isHostile(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// isHostile reports whether a terminal acts on r instead of showing it:
// the control characters (C0, DEL, C1) and the invisible format ones,
// among them the bidirectional overrides.
func isHostile(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
