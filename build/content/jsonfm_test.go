package content

import (
	"strings"
	"testing"
)

func TestJSONFrontMatter(t *testing.T) {
	src := "{\n  \"title\": \"JSON page\",\n  \"weight\": 3,\n  \"draft\": false,\n  \"tags\": [\"a\", \"b\"]\n}\n\nBody {with braces}.\n"
	p, body, errs := ParsePage("en", "content/en/x.md", "x.md", []byte(src))
	if len(errs) > 0 || p == nil {
		t.Fatalf("errors %v", errs)
	}
	if p.Title != "JSON page" || p.Weight != 3 || p.BodyLine != 7 || strings.TrimSpace(string(body)) != "Body {with braces}." {
		t.Errorf("page = %q weight %d body line %d body %q", p.Title, p.Weight, p.BodyLine, body)
	}
	if tags, ok := p.Params.Get("tags").([]any); !ok || len(tags) != 2 {
		t.Errorf("params = %v", p.Params)
	}
}

func TestJSONFrontMatterErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"syntax", "{\n  \"title\": \"x\",\n  \"weight\" 3\n}\n", "line 3: front matter: invalid character '3' after object key"},
		{"never closed", "{\n  \"title\": \"x\",\n", "line 1: front matter: JSON front matter opened with { is never closed"},
		{"wrong type", "{\n  \"title\": \"x\",\n  \"weight\": \"heavy\"\n}\n", "line 3: weight must be a whole number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, errs := ParsePage("en", "content/en/x.md", "x.md", []byte(tt.src))
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) {
				t.Errorf("errors %v, want %q", errs, tt.want)
			}
		})
	}
}

func TestBodyOpeningWithAShortcodeIsNoFrontMatter(t *testing.T) {
	src := "{{< note >}}\nHello.\n{{< /note >}}\n"
	p, body, errs := ParsePage("en", "content/en/x.md", "x.md", []byte(src))
	if len(errs) > 0 || string(body) != src || p.BodyLine != 1 {
		t.Errorf("errors %v, body %q", errs, body)
	}
}
