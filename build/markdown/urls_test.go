package markdown_test

import (
	"strings"
	"testing"

	"handbook/build/config"
)

// TestLinksToOddFileNames links to a page and a file whose names hold
// "?", "#", "%" and spaces: the href is the target's URL percent-encoded,
// so the browser asks for the path, not a query or a fragment.
func TestLinksToOddFileNames(t *testing.T) {
	files := siteFiles()
	files["content/vi/notes/a?b#c d.md"] = "---\ntitle: Lạ\n---\n"
	files["content/vi/notes/100%.md"] = "---\ntitle: Trăm phần trăm\n---\n"
	files["content/vi/notes/my pic.png"] = "not really a PNG"
	plain := newFixture(t, files, config.Overrides{})
	sub := newFixture(t, files, config.Overrides{BaseURL: "https://intranet.example/handbook/"})
	tests := []struct{ dest, want string }{
		{"a%3Fb%23c%20d.md", "/vi/notes/a%3Fb%23c-d/"},
		{"/notes/a%3Fb%23c%20d.md", "/vi/notes/a%3Fb%23c-d/"},
		{"/notes/a%3Fb%23c-d/", "/vi/notes/a%3Fb%23c-d/"},
		{"100%25.md", "/vi/notes/100%25/"},
		{"my%20pic.png", "/vi/notes/my%20pic.png"},
		{"<my pic.png>", "/vi/notes/my%20pic.png"},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			f    *fixture
			base string
		}{{plain, ""}, {sub, "/handbook"}} {
			html, _, diags := c.f.convert(t, "vi", "See [it]("+tt.dest+").\n")
			if len(diags) > 0 {
				t.Fatalf("%s: unexpected diagnostics: %v", tt.dest, diags)
			}
			want := `<a href="` + c.base + tt.want + `">it</a>`
			if !strings.Contains(html, want) {
				t.Errorf("%s written as\n%s\nwant %s", tt.dest, html, want)
			}
		}
	}
}
