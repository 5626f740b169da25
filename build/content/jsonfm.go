package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// isJSONObject reports whether src opens with a JSON object, Hugo's JSON
// front matter: a "{" whose next character, past white space, starts a
// key or closes the object. A body opening with a shortcode ("{{<") is
// no front matter.
func isJSONObject(src []byte) bool {
	if len(src) == 0 || src[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(src[1:], " \t\r\n")
	return len(rest) > 0 && (rest[0] == '"' || rest[0] == '}')
}

// splitJSON separates the JSON object opening src from the body after
// it. The body starts on the line after the object's closing brace.
func splitJSON(src []byte) (format string, fm, body []byte, bodyLine int, err error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return "", nil, nil, 0, jsonError(src, err)
	}
	end := int(dec.InputOffset())
	fm, rest := src[:end], src[end:]
	bodyLine = 1 + bytes.Count(fm, []byte("\n"))
	if line, after, ok := cutLine(rest); ok && len(bytes.TrimSpace(line)) == 0 {
		rest, bodyLine = after, bodyLine+1
	}
	return "json", fm, rest, bodyLine, nil
}

// jsonError makes a decoding error of JSON front matter, which opens the
// file, a problem at its line.
func jsonError(src []byte, err error) *FrontMatterError {
	offset := int64(len(src))
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	offset = min(offset, int64(len(src)))
	line := 1 + bytes.Count(bytes.TrimRight(src[:offset], "\n"), []byte("\n"))
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, msg = 1, "JSON front matter opened with { is never closed"
	}
	return &FrontMatterError{line, "front matter: " + msg}
}

// parseJSON decodes JSON front matter whose first line is line firstLine
// of the file, keeping each top-level key's line.
func parseJSON(src []byte, firstLine int) (*frontMatter, error) {
	var raw map[string]any
	if err := json.Unmarshal(src, &raw); err != nil {
		e := jsonError(src, err)
		e.Line += firstLine - 1
		return nil, e
	}
	lines := jsonKeyLines(src)
	fm := &frontMatter{fields: map[string]field{}}
	for _, k := range sortedKeys(raw, lines) {
		fm.set(k, raw[k], firstLine+lines[k])
	}
	return fm, nil
}

// jsonKeyLines finds the line (0-based) of each top-level key of a JSON
// object, reading it as YAML, which JSON mostly is; a key YAML cannot
// place is on the object's first line.
func jsonKeyLines(src []byte) map[string]int {
	out := map[string]int{}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return out
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		out[m.Content[i].Value] = m.Content[i].Line - 1
	}
	return out
}
