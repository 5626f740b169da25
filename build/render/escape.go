package render

import (
	"bytes"
	"strings"
)

// The escaping html/template applies to a plain string in the contexts the
// default theme's Go-rendered partials (twins.go) write one, byte for byte
// as its own escapers do: html/template does not export them, and calling
// them through a template is the reflection the partials are rendered in
// Go to avoid. TestEscapersMatchHTMLTemplate and FuzzEscapersMatchHTMLTemplate
// hold each one to html/template's output on the same strings.

// htmlSpecial is what html/template's HTML, attribute and RCDATA escapers
// write for a byte of a plain string; "" leaves the byte as it is. Only
// ASCII bytes are replaced, which never occur inside a multi-byte UTF-8
// sequence, so a byte-wise pass equals html/template's rune-wise one,
// invalid UTF-8 included.
var htmlSpecial = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// writeHTML writes s as html/template writes a plain string in HTML text,
// a quoted attribute's value or an RCDATA element ({{.Title}} in <h1>, in
// content="…" or in <title>).
func writeHTML(b *bytes.Buffer, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		if repl := htmlSpecial[s[i]]; repl != "" {
			b.WriteString(s[written:i])
			b.WriteString(repl)
			written = i + 1
		}
	}
	b.WriteString(s[written:])
}

// writeURLAttr writes s as html/template writes a plain string that is a
// whole URL attribute's value (href="{{.}}"): a URL whose scheme is not
// http, https or mailto is replaced by "#ZgotmplZ", the URL is normalized
// (bytes outside URLs percent-encoded, escapes already there kept), and
// the result escaped for the attribute.
func writeURLAttr(b *bytes.Buffer, s string) {
	if !isSafeURL(s) {
		s = "#ZgotmplZ"
	}
	writeHTML(b, processURL(s, true))
}

// writeURLPartAttr writes s as html/template writes a plain string that
// is part of a URL attribute after its start (href="#{{.}}"): every byte
// but the unreserved ones percent-encoded, then escaped for the attribute.
func writeURLPartAttr(b *bytes.Buffer, s string) {
	writeHTML(b, processURL(s, false))
}

// isSafeURL is html/template's test of a URL's scheme: none, or http,
// https or mailto.
func isSafeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// processURL is html/template's URL normalizer (norm) or escaper: the
// bytes it keeps as they are, every other one written %xx in lower case.
func processURL(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		if keptInURL(s, i, norm) {
			continue
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		c := s[i]
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

const lowerHex = "0123456789abcdef"

// keptInURL reports whether html/template keeps s[i] as it is in a URL:
// unreserved bytes always; reserved ones, and a "%" that starts an escape,
// when normalizing.
func keptInURL(s string, i int, norm bool) bool {
	c := s[i]
	switch c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
		return norm
	case '-', '.', '_', '~':
		return true
	case '%':
		return norm && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2])
	}
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
