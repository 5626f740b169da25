package shortcode

import (
	"fmt"
	"html"
	"html/template"
	"net/url"
	"reflect"
	"strings"
)

// templateFuncs are the functions of Hugo's templates that shortcode
// templates use most and that the tool can honour; a template calling
// any other does not parse, and its shortcode is treated as unknown.
// markdownify renders with the page's language; nil while parsing.
func templateFuncs(markdownify func(any) template.HTML) template.FuncMap {
	if markdownify == nil {
		markdownify = func(s any) template.HTML { return template.HTML(template.HTMLEscapeString(toString(s))) }
	}
	return template.FuncMap{
		"markdownify":  markdownify,
		"safeHTML":     func(s any) template.HTML { return template.HTML(toString(s)) },
		"safeHTMLAttr": func(s any) template.HTMLAttr { return template.HTMLAttr(toString(s)) },
		"safeURL":      func(s any) template.URL { return template.URL(toString(s)) },
		"safeCSS":      func(s any) template.CSS { return template.CSS(toString(s)) },
		"safeJS":       func(s any) template.JS { return template.JS(toString(s)) },
		"htmlEscape":   func(s any) string { return html.EscapeString(toString(s)) },
		"htmlUnescape": func(s any) string { return html.UnescapeString(toString(s)) },
		"plainify":     plainify,
		"default":      defaultValue,
		"lower":        func(s any) string { return strings.ToLower(toString(s)) },
		"upper":        func(s any) string { return strings.ToUpper(toString(s)) },
		"title":        titleCase,
		"trim":         func(s any, cut string) string { return strings.Trim(toString(s), cut) },
		"chomp":        func(s any) string { return strings.TrimRight(toString(s), "\r\n") },
		"replace":      func(s any, old, new string) string { return strings.ReplaceAll(toString(s), old, new) },
		"hasPrefix":    func(s any, p string) bool { return strings.HasPrefix(toString(s), p) },
		"hasSuffix":    func(s any, p string) bool { return strings.HasSuffix(toString(s), p) },
		"split":        func(s any, sep string) []string { return strings.Split(toString(s), sep) },
		"urlize":       func(s any) string { return url.PathEscape(strings.ReplaceAll(strings.ToLower(toString(s)), " ", "-")) },
		"cond":         func(c bool, a, b any) any { return condValue(c, a, b) },
		"in":           in,
		"dict":         dict,
		"isset":        isset,
		"add":          func(a, b int) int { return a + b },
		"sub":          func(a, b int) int { return a - b },
		"string":       toString,
	}
}

// toString is a value as text: a string, HTML or anything printed.
func toString(v any) string {
	switch s := v.(type) {
	case nil:
		return ""
	case string:
		return s
	case template.HTML:
		return string(s)
	}
	return fmt.Sprint(v)
}

// plainify removes HTML tags.
func plainify(s any) string {
	var b strings.Builder
	inTag := false
	for _, r := range toString(s) {
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// defaultValue is given unless it is empty or nil, then def: Hugo's
// argument order, meant for pipes ({{ .Get "x" | default "y" }}).
func defaultValue(def any, given ...any) any {
	if len(given) == 0 || isZero(given[0]) {
		return def
	}
	return given[0]
}

func isZero(v any) bool {
	if v == nil {
		return true
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Slice, reflect.Map, reflect.String, reflect.Array:
		return r.Len() == 0
	}
	return r.IsZero()
}

func condValue(c bool, a, b any) any {
	if c {
		return a
	}
	return b
}

// titleCase capitalises each word's first letter.
func titleCase(s any) string {
	words := strings.Fields(toString(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// in reports whether a list holds v, or a string holds v as a substring.
func in(list any, v any) bool {
	if s, ok := list.(string); ok {
		return strings.Contains(s, toString(v))
	}
	r := reflect.ValueOf(list)
	if r.Kind() != reflect.Slice && r.Kind() != reflect.Array {
		return false
	}
	for i := range r.Len() {
		if reflect.DeepEqual(r.Index(i).Interface(), v) {
			return true
		}
	}
	return false
}

// dict makes a map of key, value pairs.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict wants pairs of key and value")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		m[toString(kv[i])] = kv[i+1]
	}
	return m, nil
}

// isset reports whether a map has a key, or a list an index.
func isset(c any, key any) bool {
	r := reflect.ValueOf(c)
	switch r.Kind() {
	case reflect.Map:
		return r.MapIndex(reflect.ValueOf(toString(key))).IsValid()
	case reflect.Slice, reflect.Array:
		i, ok := key.(int)
		return ok && i >= 0 && i < r.Len()
	}
	return false
}
