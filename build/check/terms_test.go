package check_test

import (
	"fmt"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/diag"
	"handbook/internal/sitetest"
)

func TestTermWarnings(t *testing.T) {
	terms := []check.Term{
		{Use: "truy ngược", Avoid: []string{"đi ngược lại", "đi ngược"}, Note: "working backwards"},
		{Use: "indicateur de substitution", Avoid: []string{"substitut", "proxies"}},
		{Use: "Jour\u00a01", Avoid: []string{"Jour 1"}, MatchCase: true},
	}
	tests := []struct {
		name string
		page string
		want []string // "line: message"
	}{
		{name: "nothing to avoid", page: "---\ntitle: Truy ngược\n---\n\nMột indicateur de substitution.\n"},
		{
			name: "in the front matter and the body, any case",
			page: "---\ntitle: Đi ngược lại\n---\n\nRồi ĐI NGƯỢC.\n",
			want: []string{
				`2: "đi ngược lại": the handbook writes "truy ngược" (working backwards)`,
				`5: "đi ngược": the handbook writes "truy ngược" (working backwards)`,
			},
		},
		{
			name: "one warning a term and a line",
			page: "đi ngược lại, đi ngược, substitut\n",
			want: []string{`1: "đi ngược lại": the handbook writes "truy ngược" (working backwards)`, `1: "substitut": the handbook writes "indicateur de substitution"`},
		},
		{
			name: "whole words only: not inside a longer word, a slug or a link's file",
			page: "---\nprinciples: [resist-proxies]\n---\n\nSubstitution, substituts, [la chasse](proxy-hunt.md), [ici](../resist-proxies.md), [là](substitut.md).\n",
		},
		{name: "fenced code is left out", page: "```\ndi ngược\nđi ngược\n```\n~~~\nsubstitut\n~~~\n"},
		{
			name: "as written when the term matches case, and the no-break space is another character",
			page: "Le Jour 1.\nLe jour 1, le Jour\u00a01.\n",
			// The message shows the no-break space it asks for.
			want: []string{`1: "Jour 1": the handbook writes "Jour\u00a01"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range check.TermWarnings("content/vi/a.md", []byte(tt.page), terms) {
				if d.File != "content/vi/a.md" || d.Severity != diag.Warning || d.Code != diag.CodeTerminology {
					t.Errorf("diagnostic %+v", d)
				}
				got = append(got, fmt.Sprintf("%d: %s", d.Line, d.Message))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLoadTerms(t *testing.T) {
	tests := []struct {
		name  string
		file  string // "" for no file
		terms int
		want  string // "line: message" of the one diagnostic
	}{
		{name: "no terms file", file: ""},
		{name: "two terms", file: "# note\n[[term]]\nuse = \"a\"\navoid = [\"b\"]\n\n[[term]]\nuse = \"c\"\navoid = [\"d\", \"e\"]\nnote = \"n\"\nmatchCase = true\n", terms: 2},
		{name: "an unknown key", file: "[[term]]\nuse = \"a\"\nprefer = [\"b\"]\n", want: `3: unknown key "term.prefer"`},
		{name: "not TOML", file: "[[term]]\nuse = \n", want: "2: "},
		{name: "a term with nothing to avoid", file: "[[term]]\nuse = \"a\"\navoid = [\"x\"]\n\n[[term]]\nuse = \"b\"\navoid = [\" \"]\n", want: "5: a [[term]] needs"},
		{name: "a term with no wording to use", file: "[[term]]\navoid = [\"a\"]\n", want: "1: a [[term]] needs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"handbook.toml": ""}
			if tt.file != "" {
				files["data/terms/vi.toml"] = tt.file
			}
			var diags diag.List
			terms, err := check.LoadTerms(sitetest.Write(t, files), "vi", &diags)
			got := diags.Sorted()
			if tt.want == "" {
				if err != nil || len(got) != 0 || len(terms) != tt.terms {
					t.Errorf("terms %v, err %v, diagnostics %v", terms, err, got)
				}
				return
			}
			if err == nil || len(got) != 1 || got[0].File != "data/terms/vi.toml" || got[0].Code != diag.CodeTerminology ||
				!strings.HasPrefix(fmt.Sprintf("%d: %s", got[0].Line, got[0].Message), tt.want) {
				t.Errorf("err %v, diagnostics %v, want one at %q", err, got, tt.want)
			}
		})
	}
}

// TestHandbookTranslations checks the handbook this repository publishes:
// every French page has its Vietnamese original's structure (headings,
// list items, links to pages, relations), so that a team gets the same
// exercise in either language, and every page keeps to its language's
// terms.
func TestHandbookTranslations(t *testing.T) {
	site, err := build.Load(build.Options{Source: "../.."})
	if err != nil {
		t.Fatalf("loading the handbook: %v", err)
	}
	pairs := 0
	for _, p := range site.Pages.Lang("fr").Pages {
		if p.File == "" {
			continue
		}
		if p.Original == nil {
			t.Errorf("%s has no original", p.File)
			continue
		}
		pairs++
		if d, ok := p.StructureDrift(site.Pages); ok {
			t.Errorf("%s:%d: differs from %s:%d: %s", p.File, d.Line, p.Original.File, d.OriginalLine, d.Message)
		}
	}
	if pairs < 48 {
		t.Errorf("%d pairs, want the handbook's 48", pairs)
	}
	for _, l := range site.Pages.Langs {
		var diags diag.List
		terms, err := check.LoadTerms(site.Config.Root, l.Code, &diags)
		if err != nil || len(terms) == 0 {
			t.Errorf("%s: the handbook's terms: %v %v", l.Code, err, diags.Sorted())
		}
	}
	checked, err := check.Run(check.Options{Build: build.Options{Source: "../.."}})
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	for _, d := range checked.Diags.Sorted() {
		t.Errorf("the handbook should check cleanly: %s", d)
	}
}
