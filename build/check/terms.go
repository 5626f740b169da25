package check

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/unicode/norm"

	"handbook/build"
	"handbook/build/diag"
)

// A handbook in several languages keeps one word for one idea in each:
// its terms file, data/terms/<lang>.toml, says which wording the pages of
// that language use and which variants they avoid, in the manner of the
// prose linters large handbooks run in CI:
//
//	[[term]]
//	use = "truy ngược"
//	avoid = ["đi ngược lại"]
//	note = "working backwards, as the Vietnamese source says it"
//
// check warns at every line of a page that writes a variant.

// TermsDir is the folder of a site's terms files, relative to its root.
const TermsDir = "data/terms"

// Term is one entry of a terms file: the wording a language uses for an
// idea, and the variants its pages avoid.
type Term struct {
	Use   string   `toml:"use"`
	Avoid []string `toml:"avoid"`
	// Note says what the term is for; it is shown in the warnings.
	Note string `toml:"note"`
	// MatchCase makes the variants match only as written: "Jour 1" but
	// not the "jour 1" of a title quoted as published.
	MatchCase bool `toml:"matchCase"`
}

// termsFile is what a terms file holds.
type termsFile struct {
	Term []Term `toml:"term"`
}

// LoadTerms reads the terms file of language lang under the site's root
// folder. A site without one has no terms (nil, nil). A file that is not
// valid, or whose terms have no wording to use or nothing to avoid, is an
// error whose diagnostics are in diags, each at its line.
func LoadTerms(root, lang string, diags *diag.List) ([]Term, error) {
	file := path.Join(TermsDir, lang+".toml")
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		diags.Add(diag.Diagnostic{File: file, Code: diag.CodeTerminology, Message: err.Error()})
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	var f termsFile
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		line, msg := tomlPosition(err)
		diags.Add(diag.Diagnostic{File: file, Line: line, Code: diag.CodeTerminology, Message: msg})
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	var bad bool
	for i, t := range f.Term {
		t.Use = norm.NFC.String(strings.TrimSpace(t.Use))
		var avoid []string
		for _, a := range t.Avoid {
			if a = norm.NFC.String(strings.TrimSpace(a)); a != "" {
				avoid = append(avoid, a)
			}
		}
		t.Avoid = avoid
		if t.Use == "" || len(t.Avoid) == 0 {
			bad = true
			diags.Add(diag.Diagnostic{File: file, Line: termLine(data, i), Code: diag.CodeTerminology,
				Message: "a [[term]] needs the wording to use (use = \"...\") and the variants to avoid (avoid = [\"...\"])"})
		}
		f.Term[i] = t
	}
	if bad {
		return nil, fmt.Errorf("reading %s: a term without its wording or variants", file)
	}
	return f.Term, nil
}

// tomlPosition is the line and message of a decoding error.
func tomlPosition(err error) (int, string) {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		row, _ := strict.Errors[0].Position()
		return row, fmt.Sprintf("unknown key %q (a [[term]] has use, avoid, note and matchCase)", strings.Join(strict.Errors[0].Key(), "."))
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		return row, de.Error()
	}
	return 0, err.Error()
}

// termLine is the line of the i-th [[term]] header of a terms file.
func termLine(data []byte, i int) int {
	n := 0
	for line, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "[[term]]") {
			if n == i {
				return line + 1
			}
			n++
		}
	}
	return 0
}

// checkTerms reports, in every language that has a terms file, the lines
// of its pages that write a variant to avoid.
func checkTerms(site *build.Site) {
	for _, l := range site.Pages.Langs {
		terms, err := LoadTerms(site.Config.Root, l.Code, site.Diags)
		if err != nil || len(terms) == 0 {
			continue
		}
		for _, p := range l.Pages {
			if p.File == "" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(site.Config.Root, filepath.FromSlash(p.File)))
			if err != nil {
				continue // the build has reported it
			}
			for _, d := range TermWarnings(p.File, data, terms) {
				site.Diags.Add(d)
			}
		}
	}
}

// TermWarnings returns a warning for every line of a page file (front
// matter and body, fenced code and link destinations left out) that
// writes a variant one of terms avoids: one per term and line, at the
// line. Variants match whole words, in any case unless the term says
// matchCase.
func TermWarnings(file string, data []byte, terms []Term) []diag.Diagnostic {
	var out []diag.Diagnostic
	fence := ""
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		line = linkDestRE.ReplaceAllString(line, "]()")
		lower := strings.ToLower(line)
		for _, t := range terms {
			for _, a := range t.Avoid {
				if t.MatchCase && !containsWord(line, a) || !t.MatchCase && !containsWord(lower, strings.ToLower(a)) {
					continue
				}
				msg := fmt.Sprintf("%q: the handbook writes %q", a, t.Use)
				if t.Note != "" {
					msg += " (" + t.Note + ")"
				}
				out = append(out, diag.Diagnostic{File: file, Line: i + 1, Severity: diag.Warning, Code: diag.CodeTerminology, Message: msg})
				break
			}
		}
	}
	return out
}

// linkDestRE matches a Markdown link's destination, which names a file,
// not a wording.
var linkDestRE = regexp.MustCompile(`\]\([^)]*\)`)

// containsWord reports whether s holds word with no letter or digit right
// before or after it, nor a hyphen, underscore or slash: "proxies" is not
// in the slug "resist-proxies".
func containsWord(s, word string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[start:])
		from = start + size
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || strings.ContainsRune("-_/", r))
}
