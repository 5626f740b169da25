package markdown

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// typographerPair is goldmark with its own typographer and with this
// package's, each with the substitutions of lang.
func typographerPair(lang string) (goldmarks, ours goldmark.Markdown) {
	subs := typography(lang)
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.NewTypographer(extension.WithTypographicSubstitutions(subs)))),
		goldmark.New(goldmark.WithExtensions(extension.GFM, typographer{substitutions: subs}))
}

// TestTypographerIsGoldmarks converts texts with quotes and apostrophes
// in every place, written and random, with goldmark's typographer and
// with this one: the HTML must be the same.
func TestTypographerIsGoldmarks(t *testing.T) {
	written := []string{
		"l'équipe qu'il d'un aujourd'hui",
		"don't I'm you're we've 'twas 'em 'net '90s rock'n'roll",
		"Alice's cats' toys, the Smiths' house, doin' it",
		"'single' and \"double\" quotes, 'nested \"ones\" here'",
		"5'6\" tall, 'a' 'b', x'y'z, 9'a, a'9, é'è, ư'ơ, 中'文",
		"*l'emphase*, _qu'il_, **d'un** [l'ancre](/x) `l'code`",
		"'", "''", "a'", "'a", "a' b", "a 'b", "a''b", "a'''b",
		"« l'aube » -- --- ... << >>",
		"line one l'\nline two 'l\nend'",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"'", "'", "'", "\"", "a", "é", "ư", "Z", "9", " ", "\n", ".", ",", "-", "*", "_", "(", ")", "中", "\u00a0", "l", "qu"}
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		written = append(written, b.String())
	}
	for _, lang := range []string{"vi", "fr"} {
		theirs, ours := typographerPair(lang)
		for _, src := range written {
			var want, got bytes.Buffer
			if err := theirs.Convert([]byte(src), &want); err != nil {
				t.Fatal(err)
			}
			if err := ours.Convert([]byte(src), &got); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("%s: %q\nmade %q\ngoldmark's typographer makes %q", lang, src, got.String(), want.String())
			}
		}
	}
}

// TestApostrophesAreNotDelimiters: converting a French paragraph of
// fifty apostrophes between letters makes at least fifty allocations
// fewer than with goldmark's typographer, which scans each one as a
// quote's delimiter first.
func TestApostrophesAreNotDelimiters(t *testing.T) {
	src := []byte(strings.Repeat("l'équipe qu'il d'un ", 17))
	theirs, ours := typographerPair("fr")
	allocs := func(md goldmark.Markdown) float64 {
		var buf bytes.Buffer
		return testing.AllocsPerRun(20, func() {
			buf.Reset()
			if err := md.Convert(src, &buf); err != nil {
				t.Fatal(err)
			}
		})
	}
	if a, b := allocs(theirs), allocs(ours); b > a-50 {
		t.Errorf("%.0f allocations with this typographer, %.0f with goldmark's: want at least 50 fewer", b, a)
	}
}
