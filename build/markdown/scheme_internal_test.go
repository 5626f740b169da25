package markdown

import (
	"net/url"
	"testing"
)

// hasScheme reads a scheme where url.Parse does: a destination it says
// has one either fails to parse or parses with a scheme, and one it says
// has none parses without.
func TestHasSchemeAsURLParse(t *testing.T) {
	dests := []string{
		"https://example.com", "HTTP://x", "mailto:a@b.c", "ftp:x", "git+ssh://h/r", "a.b-c+d:x", "tel:+1",
		"x:", ":x", ":", "1http://x", "+a:b", ".a:b", "-a:b", "a_b:c", "a b:c", "a/b:c", "a?b:c", "a#b:c",
		"../page.md", "page.md#h:1", "/fr/x.md", "#anchor", "//host/x", "diagram.png", "C:\\\\x", "é:x", "a\x7f:b",
		"", "a", "ab",
	}
	for _, d := range dests {
		u, err := url.Parse(d)
		outside := err != nil || u.Scheme != ""
		if hasScheme(d) && !outside {
			t.Errorf("hasScheme(%q) is true, but url.Parse reads no scheme", d)
		}
		if !hasScheme(d) && err == nil && u.Scheme != "" {
			t.Errorf("hasScheme(%q) is false, but url.Parse reads the scheme %q", d, u.Scheme)
		}
	}
}

func FuzzHasScheme(f *testing.F) {
	f.Add("https://example.com")
	f.Add("../a.md#b")
	f.Fuzz(func(t *testing.T, d string) {
		u, err := url.Parse(d)
		if hasScheme(d) && err == nil && u.Scheme == "" {
			t.Errorf("hasScheme(%q) is true, but url.Parse reads no scheme", d)
		}
		if !hasScheme(d) && err == nil && u.Scheme != "" {
			t.Errorf("hasScheme(%q) is false, but url.Parse reads the scheme %q", d, u.Scheme)
		}
	})
}
