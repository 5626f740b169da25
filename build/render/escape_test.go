package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// escapeContexts are the places a twin writes a plain string, each with
// a template that writes it there through html/template's own escapers,
// and the escaper of escape.go that must write the same.
var escapeContexts = []struct {
	name, before, after string
	write               func(*bytes.Buffer, string)
}{
	{"text", `<p>`, `</p>`, writeHTML},
	{"attribute", `<p title="`, `">`, writeHTML},
	{"rcdata", `<title>`, `</title>`, writeHTML},
	{"url", `<a href="`, `">`, writeURLAttr},
	{"url part", `<a href="#`, `">`, writeURLPartAttr},
}

func checkEscapers(t *testing.T, s string) {
	t.Helper()
	for _, c := range escapeContexts {
		tmpl := template.Must(template.New("").Parse(c.before + "{{.}}" + c.after))
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		got.WriteString(c.before)
		c.write(&got, s)
		got.WriteString(c.after)
		if got.String() != want.String() {
			t.Errorf("%s, %q:\n got %q\nwant %q", c.name, s, got.String(), want.String())
		}
	}
}

// TestEscapersMatchHTMLTemplate holds the twins' escapers to
// html/template's on what pages hold: titles with markup and quotes,
// Vietnamese and French text, percent-encoded paths, headings' ids, and
// URLs of every scheme.
func TestEscapersMatchHTMLTemplate(t *testing.T) {
	for _, s := range []string{
		"", "plain", `A <&> "q" 'x' + b`, "Nguyên tắc 1: Những ý tưởng nhỏ", "À propos · l'été",
		"/vi/quotes/q-07895/", "/docs/vi/c%C3%A2u%20h%E1%BB%8Fi/", "https://intranet.example/docs/fr/à propos/",
		"câu-chuyện-về-khách-hàng-mới", "a%2", "a%zz", "%41%", "50%", "a b\tc\n", "nul\x00byte", "bad \xff\xfe utf-8",
		"javascript:alert(1)", "JavaScript:x", "mailto:a@b.example", "HTTP://x", "data:text/html,x", "/a:b", "a/b:c",
		"?q=1&r=2#frag", "!#$&*+,/:;=?@[]-._~()'`^{}|\\", "\uFDD0\uFFFE emoji 😀",
	} {
		checkEscapers(t, s)
	}
}

// FuzzEscapersMatchHTMLTemplate holds the twins' escapers to
// html/template's on any string.
func FuzzEscapersMatchHTMLTemplate(f *testing.F) {
	for _, s := range []string{"A <&> \"q\"", "/vi/a%C3%A2/", "javascript:x", "%4", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(checkEscapers)
}
