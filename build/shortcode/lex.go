package shortcode

import (
	"bytes"
	"fmt"
	"strings"
)

// tag is one shortcode tag as written: an opening, a closing or a
// self-closing tag, or an escaped one that stands for literal text.
type tag struct {
	// start and end are the tag's bytes in the page's body.
	start, end int
	name       string
	// markdown is true for {{% %}}, whose inner content is Markdown.
	markdown    bool
	closing     bool
	selfClosing bool
	// literal is the text an escaped tag ({{</* x */>}}) stands for;
	// escaped is true for such a tag.
	literal string
	escaped bool
	args    args
}

// args are a tag's arguments: positional or named, as Hugo allows one
// kind or the other in one tag.
type args struct {
	positional []string
	named      map[string]string
}

// isNamed reports whether the arguments are named.
func (a args) isNamed() bool { return len(a.named) > 0 }

// lexError is a tag that cannot be read, at an offset of the body.
type lexError struct {
	at  int
	msg string
}

// lexTags finds the shortcode tags of src, in order; inCode tells which
// offsets are in code, where only escaped tags are read (as the literal
// text they stand for) and other tags are left as written.
func lexTags(src []byte, inCode func(int) bool) ([]tag, []lexError) {
	var tags []tag
	var errs []lexError
	// lastEscapeEnd is where the last "*/" of src is: an escape that
	// starts after it cannot end, and is not searched for.
	lastEscapeEnd := bytes.LastIndex(src, []byte("*/"))
	for i := 0; ; {
		k := indexOpen(src, i)
		if k < 0 {
			return tags, errs
		}
		if k > lastEscapeEnd {
			// no escape can end here
		} else if t, ok := lexEscaped(src, k); ok {
			tags = append(tags, t)
			i = t.end
			continue
		}
		if inCode(k) {
			i = k + 3
			continue
		}
		t, err := lexTag(src, k)
		if err != nil {
			errs = append(errs, lexError{k, err.Error()})
			i = k + 3
			continue
		}
		if t.name == "" {
			// "{{<" followed by no name is prose, not a shortcode.
			i = k + 3
			continue
		}
		tags = append(tags, t)
		i = t.end
	}
}

// indexOpen finds the next "{{<" or "{{%" at or after i, or -1.
func indexOpen(src []byte, i int) int {
	for {
		k := bytes.Index(src[i:], []byte("{{"))
		if k < 0 {
			return -1
		}
		k += i
		if k+2 < len(src) && (src[k+2] == '<' || src[k+2] == '%') {
			return k
		}
		i = k + 1
	}
}

// lexEscaped reads an escaped tag at k, {{</* x */>}} or {{%/* x */%}},
// which Hugo shows as the tag without its comment marks.
func lexEscaped(src []byte, k int) (tag, bool) {
	delim := closer(src[k+2])
	j := skipSpace(src, k+3)
	if !bytes.HasPrefix(src[j:], []byte("/*")) {
		return tag{}, false
	}
	body := j + 2
	for s := body; ; {
		e := bytes.Index(src[s:], []byte("*/"))
		if e < 0 {
			return tag{}, false
		}
		e += s
		after := skipSpace(src, e+2)
		if bytes.HasPrefix(src[after:], []byte{delim, '}', '}'}) {
			lit := "{{" + string(src[k+2]) + string(src[body:e]) + string(delim) + "}}"
			return tag{start: k, end: after + 3, escaped: true, literal: lit}, true
		}
		s = e + 2
	}
}

// lexTag reads the tag that starts at k.
func lexTag(src []byte, k int) (tag, error) {
	delim := closer(src[k+2])
	t := tag{start: k, markdown: delim == '%'}
	i := skipSpace(src, k+3)
	if i < len(src) && src[i] == '/' {
		t.closing = true
		i = skipSpace(src, i+1)
	}
	n := i
	for n < len(src) && isNameByte(src[n]) {
		n++
	}
	if n > i && src[n-1] == '/' {
		// "{{< x/>}}": the slash closes the tag, it is no part of the name.
		if _, self := tagEnd(src, n-1, delim); self {
			n--
		}
	}
	t.name = string(src[i:n])
	if t.name == "" {
		return t, nil
	}
	for i = n; ; {
		i = skipSpace(src, i)
		// A tag ends before the next one starts: reading on to the end
		// of the page for each tag that does not end would take time in
		// the square of its length.
		if i >= len(src) || indexOpen(src[:min(len(src), i+3)], i) == i {
			return t, fmt.Errorf("shortcode %q has no end (%c}})", t.name, delim)
		}
		if end, self := tagEnd(src, i, delim); end > 0 {
			t.end, t.selfClosing = end, self
			return t, nil
		}
		next, err := t.args.read(src, i, delim)
		if err != nil {
			return t, fmt.Errorf("shortcode %q: %w", t.name, err)
		}
		i = next
	}
}

// tagEnd is the end of the tag when src[i:] closes it ("/>}}" closes a
// self-closing one), or 0.
func tagEnd(src []byte, i int, delim byte) (end int, self bool) {
	if bytes.HasPrefix(src[i:], []byte{delim, '}', '}'}) {
		return i + 3, false
	}
	if bytes.HasPrefix(src[i:], []byte{'/', delim, '}', '}'}) {
		return i + 4, true
	}
	return 0, false
}

// read reads one argument at i, positional or key=value, and returns
// where it ends.
func (a *args) read(src []byte, i int, delim byte) (int, error) {
	val, next, err := readValue(src, i, delim)
	if err != nil {
		return 0, err
	}
	// A name may have spaces around its "=" (role = "x").
	eq := skipSpace(src, next)
	if eq < len(src) && src[eq] == '=' && src[i] != '"' && src[i] != '`' {
		v, after, err := readValue(src, skipSpace(src, eq+1), delim)
		if err != nil {
			return 0, err
		}
		if a.named == nil {
			a.named = map[string]string{}
		}
		a.named[val] = v
		return after, nil
	}
	a.positional = append(a.positional, val)
	return next, nil
}

// readValue reads a quoted ("…", with Go's escapes), raw (`…`) or bare
// value at i.
func readValue(src []byte, i int, delim byte) (string, int, error) {
	switch src[i] {
	case '"':
		for j := i + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				j++
			case '"':
				// As in Hugo, a backslash escapes a quote and is kept
				// before anything else ("\." in a pattern).
				return strings.ReplaceAll(string(src[i+1:j]), `\"`, `"`), j + 1, nil
			}
		}
		return "", 0, fmt.Errorf("a quoted argument has no closing quote")
	case '`':
		j := bytes.IndexByte(src[i+1:], '`')
		if j < 0 {
			return "", 0, fmt.Errorf("a raw argument has no closing `")
		}
		return string(src[i+1 : i+1+j]), i + 2 + j, nil
	}
	j := i
	for j < len(src) && !isSpace(src[j]) && src[j] != '=' {
		if end, _ := tagEnd(src, j, delim); end > 0 {
			break
		}
		j++
	}
	if j == i {
		return "", 0, fmt.Errorf("unexpected %q", src[i])
	}
	return string(src[i:j]), j, nil
}

// closer is the character that ends a tag opened with open: ">}}" ends
// "{{<", "%}}" ends "{{%".
func closer(open byte) byte {
	if open == '<' {
		return '>'
	}
	return open
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '/' || c == '.'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}
