package content

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"

	"handbook/build/internal/yamlerr"
)

// field is one front-matter value with the line it starts on.
type field struct {
	value any
	line  int
}

// frontMatter is a page's parsed front matter, keyed as written.
type frontMatter struct {
	fields map[string]field
	order  []string
}

// FrontMatterError is a problem in a page's front matter, with the line
// of the file it was found on.
type FrontMatterError struct {
	Line int
	Msg  string
}

func (e *FrontMatterError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// splitFrontMatter separates front matter from body. It recognises YAML
// between "---" lines, TOML between "+++" lines and a JSON object
// opening the file (Hugo's three forms); a file without any is all
// body. bodyLine is the 1-based line on which the body starts.
func splitFrontMatter(src []byte) (format string, fm, body []byte, bodyLine int, err error) {
	var delim string
	switch {
	case isJSONObject(src):
		return splitJSON(src)
	case bytes.HasPrefix(src, []byte("---")):
		delim, format = "---", "yaml"
	case bytes.HasPrefix(src, []byte("+++")):
		delim, format = "+++", "toml"
	default:
		return "", nil, src, 1, nil
	}
	first, rest, ok := cutLine(src)
	if !ok || strings.TrimRight(string(first), " \t\r") != delim {
		if !ok && strings.TrimSpace(string(first)) == delim {
			return "", nil, nil, 0, &FrontMatterError{1, "front matter opened with " + delim + " is never closed"}
		}
		return "", nil, src, 1, nil
	}
	line := 2
	start := len(src) - len(rest)
	for pos := start; pos < len(src); {
		l, after, _ := cutLine(src[pos:])
		t := strings.TrimRight(string(l), " \t\r")
		if t == delim || (format == "yaml" && t == "...") {
			return format, src[start:pos], after, line + 1, nil
		}
		pos = len(src) - len(after)
		line++
	}
	return "", nil, nil, 0, &FrontMatterError{1, "front matter opened with " + delim + " is never closed"}
}

// loneCRToLF turns the line endings of old Mac files, a CR alone, into
// LF, so that their front matter is found and their lines are counted as
// an editor shows them, rather than the whole file read as one line of
// body text. CRLF endings are left as they are.
func loneCRToLF(data []byte) []byte {
	if !hasLoneCR(data) {
		return data
	}
	out := bytes.Clone(data)
	for i, b := range out {
		if b == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// hasLoneCR reports whether data has a CR not followed by LF.
func hasLoneCR(data []byte) bool {
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 == len(data) || data[i+1] != '\n' {
			return true
		}
		next := bytes.IndexByte(data[i+1:], '\r')
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

func cutLine(b []byte) (line, rest []byte, hadNewline bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}

// parseFrontMatter decodes front matter whose first line is line
// firstLine of the file, keeping each key's line.
func parseFrontMatter(format string, src []byte, firstLine int) (*frontMatter, error) {
	switch format {
	case "toml":
		return parseTOML(src, firstLine)
	case "json":
		return parseJSON(src, firstLine)
	}
	return parseYAML(src, firstLine)
}

var (
	yamlLineRef = regexp.MustCompile(`at line (\d+)`)
)

// parseYAML decodes YAML front matter: the simple form most pages use
// by itself (parseSimpleYAML), the rest with the YAML library.
func parseYAML(src []byte, firstLine int) (*frontMatter, error) {
	if fm, ok := parseSimpleYAML(src, firstLine); ok {
		return fm, nil
	}
	return parseYAMLWithLibrary(src, firstLine)
}

// parseYAMLWithLibrary decodes YAML front matter with the YAML library,
// whose errors give their line.
func parseYAMLWithLibrary(src []byte, firstLine int) (*frontMatter, error) {
	fm := &frontMatter{fields: map[string]field{}}
	var raw map[string]any
	if err := yaml.Unmarshal(src, &raw); err != nil {
		n, msg := yamlerr.Locate(src, err)
		line := firstLine + max(n, 1) - 1
		// Lines the message mentions are counted from the front matter
		// too ("already defined at line 1"); make them lines of the file.
		msg = yamlLineRef.ReplaceAllStringFunc(msg, func(s string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(s, "at line "))
			return "at line " + strconv.Itoa(firstLine+n-1)
		})
		if strings.Contains(msg, "cannot unmarshal") && strings.Contains(msg, "map[string]interface") {
			msg = "front matter must be a map of key: value lines"
		}
		return nil, &FrontMatterError{line, "front matter: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	lines := keyLines(src, ':')
	for _, k := range sortedKeys(raw, lines) {
		fm.set(k, raw[k], firstLine+lines[k])
	}
	return fm, nil
}

func parseTOML(src []byte, firstLine int) (*frontMatter, error) {
	var raw map[string]any
	if err := toml.Unmarshal(src, &raw); err != nil {
		line := firstLine
		msg := err.Error()
		if de, ok := err.(*toml.DecodeError); ok {
			row, _ := de.Position()
			line = firstLine + row - 1
		}
		return nil, &FrontMatterError{line, "front matter: " + strings.TrimPrefix(msg, "toml: ")}
	}
	fm := &frontMatter{fields: map[string]field{}}
	lines := keyLines(src, '=')
	for _, k := range sortedKeys(raw, lines) {
		fm.set(k, raw[k], firstLine+lines[k])
	}
	return fm, nil
}

// sortedKeys orders keys as they are written in the file.
func sortedKeys(raw map[string]any, lines map[string]int) []string {
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if lines[keys[i]] != lines[keys[j]] {
			return lines[keys[i]] < lines[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// keyLines finds the line (0-based) of each top-level key, which the
// YAML and TOML decoders do not report for valid documents: a key starts
// a line and is followed by sep (':' in YAML, '=' in TOML).
func keyLines(src []byte, sep byte) map[string]int {
	out := map[string]int{}
	for i, l := range strings.Split(string(src), "\n") {
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '-' || l[0] == '#' {
			continue
		}
		l = strings.TrimSpace(l)
		if sep == '=' && strings.HasPrefix(l, "[") {
			name := strings.Trim(l, "[] ")
			if _, seen := out[name]; !seen {
				out[name] = i
			}
			continue
		}
		if k, _, ok := strings.Cut(l, string(sep)); ok {
			k = strings.Trim(strings.TrimSpace(k), `"'`)
			if _, seen := out[k]; !seen {
				out[k] = i
			}
		}
	}
	return out
}

func (fm *frontMatter) set(k string, v any, line int) {
	if _, dup := fm.fields[k]; !dup {
		fm.order = append(fm.order, k)
	}
	fm.fields[k] = field{v, line}
}

// take removes and returns the field named key, matching case-insensitively
// as Hugo does.
func (fm *frontMatter) take(key string) (field, bool) {
	if f, ok := fm.fields[key]; ok {
		delete(fm.fields, key)
		return f, true
	}
	for k, f := range fm.fields {
		if strings.EqualFold(k, key) {
			delete(fm.fields, k)
			return f, true
		}
	}
	return field{}, false
}

func (f field) str() (string, error) {
	switch v := f.value.(type) {
	case string:
		return v, nil
	case nil:
		return "", nil
	case int, int64, float64, bool:
		return fmt.Sprint(v), nil
	}
	return "", fmt.Errorf("must be text, not %s", describe(f.value))
}

func (f field) integer() (int, error) {
	switch v := f.value.(type) {
	case int:
		return v, nil
	case int64:
		return int(v), nil
	case uint64:
		return int(v), nil
	case float64:
		if v == float64(int(v)) {
			return int(v), nil
		}
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n, nil
		}
	case nil:
		return 0, nil
	}
	return 0, fmt.Errorf("must be a whole number, not %s", describe(f.value))
}

func (f field) boolean() (bool, error) {
	switch v := f.value.(type) {
	case bool:
		return v, nil
	case nil:
		return false, nil
	}
	return false, fmt.Errorf("must be true or false, not %s", describe(f.value))
}

func (f field) strings() ([]string, error) {
	switch v := f.value.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{v}, nil
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("must be a list of text, but holds %s", describe(e))
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("must be a list of text, not %s", describe(f.value))
}

var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

func (f field) date() (time.Time, error) {
	switch v := f.value.(type) {
	case time.Time:
		return v, nil
	case toml.LocalDate:
		return v.AsTime(time.UTC), nil
	case toml.LocalDateTime:
		return v.AsTime(time.UTC), nil
	case nil:
		return time.Time{}, nil
	case string:
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, strings.TrimSpace(v)); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("must be a date such as 2016-04-12, not %s", describe(f.value))
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a map"
	default:
		return fmt.Sprintf("%v", v)
	}
}
