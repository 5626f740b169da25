package check

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op says what a diff did with a piece of text.
type Op int

// The operations of a diff.
const (
	Same Op = iota
	Inserted
	Deleted
)

// Word is a run of tokens a word diff kept, inserted or deleted.
type Word struct {
	Op   Op
	Text string
}

// WordDiff compares two texts word by word: words, runs of spaces and
// each punctuation mark are the units, so that a changed word shows
// whole, never as a few letters.
func WordDiff(old, new string) []Word {
	var table tokenTable
	ops := table.diff(tokens(old), tokens(new))
	// A lone space or mark kept between two changes reads as noise:
	// the semantic cleanup makes them one change.
	ops = diffmatchpatch.New().DiffCleanupSemantic(ops)
	words := make([]Word, 0, len(ops))
	for _, d := range ops {
		w := Word{Op: opOf(d.Type), Text: table.text(d.Text)}
		if n := len(words); n > 0 && words[n-1].Op == w.Op {
			words[n-1].Text += w.Text
			continue
		}
		words = append(words, w)
	}
	return words
}

func opOf(t diffmatchpatch.Operation) Op {
	switch t {
	case diffmatchpatch.DiffInsert:
		return Inserted
	case diffmatchpatch.DiffDelete:
		return Deleted
	}
	return Same
}

// tokenTable gives each distinct token (a word, a paragraph) a rune of
// its own, so that the diff library, which compares runes, compares
// whole tokens.
type tokenTable struct {
	runes  map[string]rune
	tokens []string
}

// firstToken is the rune of the first token: the planes above the
// Basic Multilingual Plane hold no surrogates, so every rune from it is
// valid UTF-8 up to about a million tokens.
const firstToken = 0x10000

func (t *tokenTable) encode(tokens []string) []rune {
	if t.runes == nil {
		t.runes = map[string]rune{}
	}
	out := make([]rune, len(tokens))
	for i, tok := range tokens {
		r, ok := t.runes[tok]
		if !ok {
			r = rune(firstToken + len(t.tokens))
			t.runes[tok] = r
			t.tokens = append(t.tokens, tok)
		}
		out[i] = r
	}
	return out
}

// diff compares two token sequences.
func (t *tokenTable) diff(a, b []string) []diffmatchpatch.Diff {
	ra, rb := t.encode(a), t.encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // an exact diff: paragraphs are short
	return dmp.DiffMainRunes(ra, rb, false)
}

// text turns a diff's runes back into its tokens, joined.
func (t *tokenTable) text(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(t.tokens[r-firstToken])
	}
	return b.String()
}

// tokens splits text into words (letters, marks and digits), runs of
// spaces, and single other characters.
func tokens(text string) []string {
	var out []string
	start := 0
	class := -1
	for i, r := range text {
		c := charClass(r)
		if i > start && (c != class || c == classOther) {
			out = append(out, text[start:i])
			start = i
		}
		class = c
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

const (
	classWord = iota
	classSpace
	classOther
)

func charClass(r rune) int {
	switch {
	case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
		return classWord
	case unicode.IsSpace(r):
		return classSpace
	}
	return classOther
}
