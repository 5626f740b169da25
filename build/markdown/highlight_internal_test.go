package markdown

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

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

// flakyLexer is a lexer whose first passes over a text turn part of it
// into an error token, as chroma's do when a rule's time budget runs out
// on a loaded machine; alwaysError says the error is the text's own.
type flakyLexer struct {
	flakyPasses int
	alwaysError bool
	passes      int
}

func (l *flakyLexer) Config() *chroma.Config { return &chroma.Config{Name: "flaky"} }

func (l *flakyLexer) Tokenise(_ *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	l.passes++
	if !l.alwaysError && l.passes <= l.flakyPasses {
		// A made-up error falls somewhere else at every pass.
		return chroma.Literator(chroma.Token{Type: chroma.Error, Value: text[:l.passes]}, chroma.Token{Type: chroma.Text, Value: text[l.passes:]}), nil
	}
	if l.alwaysError {
		return chroma.Literator(chroma.Token{Type: chroma.Keyword, Value: text[:2]}, chroma.Token{Type: chroma.Error, Value: text[2:]}), nil
	}
	return chroma.Literator(chroma.Token{Type: chroma.Keyword, Value: text[:2]}, chroma.Token{Type: chroma.Text, Value: text[2:]}), nil
}

func (l *flakyLexer) SetRegistry(*chroma.LexerRegistry) chroma.Lexer     { return l }
func (l *flakyLexer) SetAnalyser(func(text string) float32) chroma.Lexer { return l }
func (l *flakyLexer) AnalyseText(string) float32                         { return 0 }

// A block that comes out of the lexer with an error is lexed again, so
// that an error the lexer made up under load does not reach the page,
// and an error that is the text's own still does.
func TestHighlightLexesAgainAfterAnError(t *testing.T) {
	for _, tc := range []struct {
		name      string
		lexer     *flakyLexer
		wantErr   bool
		maxPasses int
	}{
		{"steady", &flakyLexer{}, false, 1},
		{"one spurious error", &flakyLexer{flakyPasses: 1}, false, 2},
		{"three spurious errors", &flakyLexer{flakyPasses: 3}, false, maxLexings},
		{"the text's own error", &flakyLexer{alwaysError: true}, true, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHighlighter()
			h.lexers.Store("flaky", chroma.Lexer(tc.lexer))
			got := string(h.highlight("flaky", "if x and y"))
			if hasErr := strings.Contains(got, `class="err"`); hasErr != tc.wantErr {
				t.Errorf("error span shown = %v, want %v:\n%s", hasErr, tc.wantErr, got)
			}
			if tc.lexer.passes > tc.maxPasses {
				t.Errorf("lexed %d times, want at most %d", tc.lexer.passes, tc.maxPasses)
			}
		})
	}
}
