package markdown

import "testing"

// The lexer of a fence's language is chroma's, and nil for one it does
// not know; both are kept, so that a name is looked up once.
func TestLexerLookedUpOnce(t *testing.T) {
	h := newHighlighter()
	for _, tc := range []struct {
		lang, want string
	}{{"go", "Go"}, {"GO", "Go"}, {"no-such-language", ""}, {"no-such-language", ""}} {
		got := ""
		if l := h.lexer(tc.lang); l != nil {
			got = l.Config().Name
		}
		if got != tc.want {
			t.Errorf("lexer(%q) = %q, want %q", tc.lang, got, tc.want)
		}
		if _, kept := h.lexers.Load(tc.lang); !kept {
			t.Errorf("lexer(%q) was not kept", tc.lang)
		}
	}
	if got := string(h.highlight("no-such-language", "a < b")); got != "<pre><code class=\"language-no-such-language\">a &lt; b</code></pre>\n" {
		t.Errorf("unknown language = %q", got)
	}
}
