package yamlerr

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestLocate(t *testing.T) {
	tests := []struct {
		src  string
		line int
		msg  string
	}{
		{"title: x\nlanguages:\n  en: {weight: 1\n", 3, "did not find expected ',' or '}'"},
		{"a: 1\nb: [\n", 2, "did not find expected node content"},
		{"title: [Giới thiệu\ndescription: x\n", 1, "did not find expected ',' or ']'"},
		{"a: 1\nb: [\nc: 2\n", 2, "did not find expected ',' or ']'"},
		{"a: \"[#\" # {\nb: {x: [1, 2]}\nc: [3,\n  4\nd: 5\n", 3, "did not find expected ',' or ']'"},
		{"a: 1\n\tb: 2\n", 2, "found a tab character that violates indentation"},
		{"a: 1\nb: 2\nc: x: y\n", 3, "mapping values are not allowed in this context"},
		{"a: 1\na: 2\n", 2, `mapping key "a" already defined at line 1`},
		{"- 1\n", 1, "cannot unmarshal !!seq into map[string]interface {}"},
	}
	for _, tt := range tests {
		var m map[string]any
		err := yaml.Unmarshal([]byte(tt.src), &m)
		if err == nil {
			t.Fatalf("%q decodes", tt.src)
		}
		line, msg := Locate([]byte(tt.src), err)
		if line != tt.line || msg != tt.msg {
			t.Errorf("Locate(%q) = %d %q, want %d %q", tt.src, line, msg, tt.line, tt.msg)
		}
	}
}
