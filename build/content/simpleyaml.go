package content

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Most front matter is a few lines of "key: value": a quoted title, a
// number, a date, a list on one line. Decoding those with the YAML
// library is most of the time a build spends reading a page, so
// parseSimpleYAML reads that form itself, giving the values the library
// gives, and leaves everything else to the library: any line, value or
// character it is not sure of makes it give up (ok false), never guess.
// FuzzSimpleYAML compares the two.

// parseSimpleYAML reads front matter made only of top-level "key: value"
// lines whose values are a double- or single-quoted text without escapes,
// a plain text, a whole number, true or false, a date (2016-04-12),
// nothing, or a list of such texts on one line; ok is false for any
// other front matter, which the YAML library must read.
func parseSimpleYAML(src []byte, firstLine int) (fm *frontMatter, ok bool) {
	if !simpleYAMLText(src) {
		return nil, false
	}
	fm = &frontMatter{fields: map[string]field{}}
	for i := 0; len(src) > 0; i++ {
		line, rest, _ := cutLine(src)
		src = rest
		if len(line) == 0 {
			continue
		}
		key, value, ok := simpleYAMLEntry(line)
		if !ok {
			return nil, false
		}
		if _, dup := fm.fields[key]; dup {
			return nil, false // the library's error says where
		}
		fm.set(key, value, firstLine+i)
	}
	return fm, len(fm.order) > 0
}

// simpleYAMLText reports whether src has only characters parseSimpleYAML
// reads as the library does: no tab, no CR, no line break but LF, and
// only characters YAML allows (it refuses control characters and a byte
// order mark inside a document).
func simpleYAMLText(src []byte) bool {
	for i := 0; i < len(src); {
		b := src[i]
		if b < utf8.RuneSelf {
			if (b < ' ' && b != '\n') || b == 0x7F {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1, r < 0xA0, r == 0x2028, r == 0x2029,
			r == 0xFEFF, r >= 0xD800 && r < 0xE000, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += size
	}
	return true
}

// simpleYAMLEntry reads one "key: value" line.
func simpleYAMLEntry(line []byte) (key string, value any, ok bool) {
	colon := bytes.IndexByte(line, ':')
	if colon < 0 || !simpleYAMLKey(line[:colon]) {
		return "", nil, false
	}
	rest := line[colon+1:]
	if len(rest) > 0 && rest[0] != ' ' {
		return "", nil, false // "key:value" is one plain text, no key
	}
	value, ok = simpleYAMLValue(string(bytes.Trim(rest, " ")))
	return string(line[:colon]), value, ok
}

// simpleYAMLKey reports whether k is a key the library reads as this
// text: a letter or underscore, then letters, digits, _ and -, and no
// word YAML reads as something else (true, null, ...).
func simpleYAMLKey(k []byte) bool {
	if len(k) == 0 || len(k) > maxSimpleYAMLKey || !(isASCIILetter(k[0]) || k[0] == '_') || yamlSpecialWord(string(k)) {
		return false
	}
	for _, b := range k[1:] {
		if !isASCIILetter(b) && !isDigit(b) && b != '_' && b != '-' {
			return false
		}
	}
	return true
}

// maxSimpleYAMLKey is the longest key parseSimpleYAML reads: YAML
// refuses an implicit key of 1,024 characters or more.
const maxSimpleYAMLKey = 512

// simpleYAMLValue is a value as the library decodes it into an any,
// when it is one of the forms parseSimpleYAML reads.
func simpleYAMLValue(v string) (any, bool) {
	switch {
	case v == "":
		return nil, true
	case v == "true", v == "false":
		return v == "true", true
	case v[0] == '"' || v[0] == '\'':
		return quotedYAML(v)
	case v[0] == '[':
		return flowYAMLList(v)
	case isDigit(v[0]) || v[0] == '-':
		return yamlNumberOrDate(v)
	}
	return plainYAML(v, false)
}

// quotedYAML is the text of a quoted value without escapes ("\" in
// double quotes, a doubled quote in single ones), all of v.
func quotedYAML(v string) (any, bool) {
	q := v[0]
	inner, ok := strings.CutPrefix(v, string(q))
	if !ok || len(inner) == 0 || inner[len(inner)-1] != q {
		return nil, false
	}
	inner = inner[:len(inner)-1]
	if strings.IndexByte(inner, q) >= 0 || (q == '"' && strings.IndexByte(inner, '\\') >= 0) {
		return nil, false
	}
	return inner, true
}

// plainYAML is a plain (unquoted) text: it starts with a letter, says no
// word YAML reads as something else, and holds nothing YAML reads as
// more than text (": " or a comment; in a list, what ends an item).
func plainYAML(v string, inList bool) (any, bool) {
	if !(isASCIILetter(v[0]) || v[0] >= utf8.RuneSelf) || yamlSpecialWord(v) ||
		strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") {
		return nil, false
	}
	if inList && !simpleYAMLListWord(v) {
		return nil, false
	}
	return v, true
}

// simpleYAMLListWord reports whether a plain item of a list on one line
// holds only letters, digits, spaces and "-_./", which the library reads
// as text, where other marks may end the item or the list.
func simpleYAMLListWord(v string) bool {
	for i := 0; i < len(v); i++ {
		b := v[i]
		if !isASCIILetter(b) && !isDigit(b) && b < utf8.RuneSelf && !strings.ContainsRune(" -_./", rune(b)) {
			return false
		}
	}
	return true
}

// yamlNumberOrDate is a whole number without leading zeros that fits an
// int, or a date written 2016-04-12, as the library decodes them.
func yamlNumberOrDate(v string) (any, bool) {
	digits := strings.TrimPrefix(v, "-")
	if len(digits) == 10 && digits == v && digits[4] == '-' && digits[7] == '-' &&
		allDigits(digits[:4]) && allDigits(digits[5:7]) && allDigits(digits[8:]) {
		t, err := time.Parse("2006-1-2", v)
		return t, err == nil
	}
	if len(digits) == 0 || len(digits) > 18 || !allDigits(digits) || (digits[0] == '0' && v != "0") {
		return nil, false
	}
	n, err := strconv.Atoi(v)
	return n, err == nil
}

// flowYAMLList is a list on one line, "[a, "b c"]", of quoted or plain
// texts, as the library decodes it: a []any, empty for "[]".
func flowYAMLList(v string) (any, bool) {
	inner, ok := strings.CutSuffix(v[1:], "]")
	if !ok || strings.ContainsAny(inner, "[]{}") {
		return nil, false
	}
	if strings.Trim(inner, " ") == "" {
		return []any{}, true
	}
	// Made to size: a site holds its pages' lists to the end of its
	// build, and append's doubling left a fifth of the room unused.
	list := make([]any, 0, strings.Count(inner, ",")+1)
	for item := range strings.SplitSeq(inner, ",") {
		item = strings.Trim(item, " ")
		if item == "" {
			return nil, false
		}
		var value any
		if item[0] == '"' || item[0] == '\'' {
			value, ok = quotedYAML(item)
		} else {
			value, ok = plainYAML(item, true)
		}
		if !ok {
			return nil, false
		}
		list = append(list, value)
	}
	return list, true
}

// yamlSpecialWord reports words the library may read as other than
// text (true, No, NULL, ...) in any case, so that parseSimpleYAML leaves
// them to it.
func yamlSpecialWord(w string) bool {
	switch strings.ToLower(w) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null":
		return true
	}
	return false
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
