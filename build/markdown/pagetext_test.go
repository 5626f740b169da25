package markdown

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestPageTextIsMadeAtItsSize: a page's text is allocated at its own
// size, not its source's, which code the text leaves out can make
// many times larger.
func TestPageTextIsMadeAtItsSize(t *testing.T) {
	src := []byte("Một đoạn văn ngắn.\n\n```go\n" + strings.Repeat("fmt.Println(\"code the index leaves out\")\n", 1500) + "```\n")
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var scratch bytes.Buffer
	_, got := pageText(doc, src, true, &scratch) // the scratch grows once
	if got != "Một đoạn văn ngắn.\n" {
		t.Fatalf("text %q, want the paragraph alone", got)
	}
	const runs = 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		pageText(doc, src, true, &scratch)
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / runs; per > 1024 {
		t.Errorf("a page's text of %d bytes allocated %d bytes from a source of %d", len(got), per, len(src))
	}
}

// TestFrenchQuotesAreNotCopied: the typographer's French quotes, which
// have no entity to unescape, go into a page's text without a copy
// each; the text is the one allocation left.
func TestFrenchQuotesAreNotCopied(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.NewTypographer(extension.WithTypographicSubstitutions(typography("fr")))))
	src := []byte(strings.Repeat("Il dit \"bonjour\" et \"merci\". ", 200) + "\n")
	doc := md.Parser().Parse(text.NewReader(src))
	var scratch bytes.Buffer
	_, got := pageText(doc, src, true, &scratch)
	if want := "Il dit «\u202fbonjour\u202f» et"; !strings.HasPrefix(got, want) {
		t.Fatalf("text %.40q, want it to begin %q", got, want)
	}
	allocs := testing.AllocsPerRun(20, func() { pageText(doc, src, true, &scratch) })
	if allocs > 1 {
		t.Errorf("a page's text with 800 French quotes took %.0f allocations, want 1", allocs)
	}
}
