package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The rules Hugo makes heading ids by (markup.goldmark.parser.autoIDType).
const (
	// HugoGitHub lowercases, keeps letters (marks and all), digits and
	// "_", writes each space and "-" as "-", and drops the rest: "A & B"
	// is "a--b", "Đường đi" is "đường-đi".
	HugoGitHub = "github"
	// HugoGitHubASCII is HugoGitHub on the text with its accents removed,
	// and every letter beyond ASCII dropped.
	HugoGitHubASCII = "github-ascii"
	// HugoBlackfriday keeps runs of letters and digits, lowercased,
	// joined by single hyphens.
	HugoBlackfriday = "blackfriday"
)

// hugoAnchor is the id Hugo makes of text by the rule idType, before
// it is made unique; "" when nothing of the text is kept.
func hugoAnchor(text, idType string) string {
	if idType == HugoBlackfriday {
		return blackfridayAnchor(text)
	}
	ascii := idType == HugoGitHubASCII
	if ascii {
		text = removeAccents(text)
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case ascii && r >= utf8.RuneSelf:
		case r == '-' || r == ' ':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// blackfridayAnchor is the id of Hugo's older Markdown renderer.
func blackfridayAnchor(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// removeAccents takes the combining marks off letters ("é" is "e"); a
// letter that is not a base and a mark ("đ") stays as it is.
func removeAccents(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// hugoIDs makes one page's ids as Hugo does: an empty id is "heading"
// (or "term"), and an id already taken gets "-1", "-2", … , the first
// that is free. Hugo keeps one such set for a page's headings and
// definition terms together, and the ids written by hand are in it
// before any is made.
type hugoIDs struct {
	idType string
	used   map[string]bool
	// next is, for each id that has been repeated, the smallest suffix
	// that may still be free: ids are only added, so a page of n
	// identical headings takes n steps, not n².
	next map[string]int
}

// generate makes the id of the text of a heading, or of a definition
// term when term is true.
func (h *hugoIDs) generate(text string, term bool) string {
	id := hugoAnchor(text, h.idType)
	if id == "" {
		id = "heading"
		if term {
			id = "term"
		}
	}
	if h.used[id] {
		if h.next == nil {
			h.next = map[string]int{}
		}
		base := id
		i := max(h.next[base], 1)
		for id = base + "-" + strconv.Itoa(i); h.used[id]; id = base + "-" + strconv.Itoa(i) {
			i++
		}
		h.next[base] = i + 1
	}
	h.used[id] = true
	return id
}
