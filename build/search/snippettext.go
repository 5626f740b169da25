package search

import (
	"unicode"
	"unicode/utf8"

	"handbook/build/content"
)

// appendSnippetText appends, as a JSON string, what a result shows its
// snippet from: the page's words as readers see them, separated by
// single spaces (as Snippet would leave them, so the client need not),
// bounded so a fragment stays small.
func appendSnippetText(b []byte, p *content.Page, body string) []byte {
	return appendJoinedFields(b, snippetLimit, p.Statement, p.Text, p.Description, body)
}

// snippetLimit bounds the bytes of a document's text.
const snippetLimit = 3000

// appendJoinedFields appends, as a JSON string, the space-separated
// fields of parts joined with single spaces, cut at the last space
// within limit bytes (or, when the first field is longer, at the start
// of a character within them): what strings.Fields and a join would make
// of them. Each byte is read once, telling the ends of fields and what
// needs an escape in one pass; past limit, later fields are never read.
func appendJoinedFields(b []byte, limit int, parts ...string) []byte {
	b = append(b, '"')
	j := joiner{b: b, start: len(b), limit: limit, lastSep: -1}
	for _, s := range parts {
		if !j.addFields(s) {
			return append(j.cut(), '"')
		}
	}
	return append(j.b, '"')
}

// joiner is what appendJoinedFields knows of the text it has appended.
type joiner struct {
	b     []byte
	start int // where the text starts in b
	limit int
	n     int // the text's bytes, unescaped
	// lastSep is where in b the last space between fields is, or -1.
	lastSep int
	// first is the first field, kept to cut it when it alone is longer
	// than limit.
	first string
}

// addFields appends the fields of s; false when the text has grown
// past limit, which ends it.
func (j *joiner) addFields(s string) bool {
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			i += n
			continue
		}
		if j.n > 0 {
			j.lastSep = len(j.b)
			j.b = append(j.b, ' ')
			j.n++
		}
		// Fields are read up to the first byte past limit at most.
		stop := min(len(s), i+j.limit-j.n+1)
		end := j.appendField(s, i, stop)
		if j.n == 0 {
			j.first = s[i:end]
		}
		j.n += end - i
		if j.n > j.limit {
			return false
		}
		i = end
	}
	return true
}

// appendField appends, escaped, the field of s that starts at i, and
// the fields after it separated by one space, read up to stop (or a
// little further, to the end of a character), and returns where it
// stopped reading.
func (j *joiner) appendField(s string, i, stop int) int {
	from := i
	for i < stop {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiPlain:
				i++
				continue
			case asciiSpace:
				if c == ' ' && i+1 < len(s) && (!maySpaceStart(s[i+1]) || spaceAt(s, i+1) == 0) {
					// One space between two fields, as most are: the
					// run goes on through it, a place to cut.
					j.lastSep = len(j.b) + i - from
					i++
					continue
				}
				stop = i
				continue
			}
			j.b = appendASCIIEscape(append(j.b, s[from:i]...), c)
			i++
			from = i
			continue
		}
		if n := letterAt(s, i); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			stop = i
		case r == utf8.RuneError && size == 1:
			// Invalid UTF-8, which encoding/json writes as U+FFFD. U+2028
			// and U+2029, the other characters beyond ASCII it escapes,
			// are spaces and never in a field.
			j.b = append(append(j.b, s[from:i]...), `\ufffd`...)
			i++
			from = i
		default:
			i += size
		}
	}
	j.b = append(j.b, s[from:i]...)
	return i
}

// letterAt is the length of the character at s[i] when its bytes alone
// tell that it is neither a space nor invalid: a two-byte character from
// U+00C0 to U+07FF, or one of Latin Extended Additional (U+1E00 to
// U+1EFF, Vietnamese); else 0.
func letterAt(s string, i int) int {
	c := s[i]
	if 0xc3 <= c && c <= 0xdf && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		return 2
	}
	if c == 0xe1 && i+2 < len(s) && s[i+1]&0xfc == 0xb8 && s[i+2]&0xc0 == 0x80 {
		return 3
	}
	return 0
}

// cut shortens the text, longer than limit, to the last space within
// it, or, when the first field alone is longer, to the start of a
// character within limit bytes of it.
func (j *joiner) cut() []byte {
	if j.lastSep >= 0 {
		return j.b[:j.lastSep]
	}
	room := j.limit
	for room > 0 && !utf8.RuneStart(j.first[room]) {
		room--
	}
	return appendStringBody(j.b[:j.start], j.first[:room])
}

// maySpaceStart says whether the byte c may start a white space
// character: the ASCII spaces and the bytes below them, and the first
// bytes of U+0085 to U+3000. Most bytes start none, which spares a call
// to spaceAt.
func maySpaceStart(c byte) bool {
	return c <= ' ' || c == 0xc2 || c-0xe1 <= 2
}

// spaceAt is the length of the white space character (unicode.IsSpace)
// at s[i], or 0. Only the bytes that start one are decoded: the others
// are letters, or the rest of one, or invalid, and strings.Fields
// counts none of them as space either.
func spaceAt(s string, i int) int {
	switch c := s[i]; {
	case c == ' ' || c >= '\t' && c <= '\r':
		return 1
	case c == 0xc2 || c >= 0xe1 && c <= 0xe3:
		if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}

// The classes of ASCII bytes in a field's text.
const (
	asciiPlain  = iota // written as it is
	asciiSpace         // ends the field
	asciiEscape        // written escaped
)

// asciiClass is the class of each ASCII byte.
var asciiClass = func() (classes [utf8.RuneSelf]uint8) {
	for c := range classes {
		switch {
		case c == ' ' || '\t' <= c && c <= '\r':
			classes[c] = asciiSpace
		case !jsonPlain(byte(c)):
			classes[c] = asciiEscape
		}
	}
	return classes
}()
