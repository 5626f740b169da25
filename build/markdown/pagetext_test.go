package markdown

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
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

// TestHeadingsTakeTwoAllocationsEach: a heading of the table of
// contents costs its text and its id, its text written once, with the
// page's text or without it.
func TestHeadingsTakeTwoAllocationsEach(t *testing.T) {
	var page strings.Builder
	for i := range 50 {
		fmt.Fprintf(&page, "## Mục số %d *nhấn*\n\nĐoạn %d.\n\n", i, i)
	}
	src := []byte(page.String())
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	doc := md.Parser().Parse(text.NewReader(src))
	var scratch bytes.Buffer
	for _, withText := range []bool{true, false} {
		toc, got := pageText(doc, src, withText, &scratch)
		if len(toc) != 50 || toc[7].Text != "Mục số 7 nhấn" || toc[7].ID == "" {
			t.Fatalf("withText %v: %d headings, the eighth %+v", withText, len(toc), toc[min(7, len(toc)-1)])
		}
		if want := "Mục số 0 nhấn\nĐoạn 0.\nMục số 1 nhấn\n"; withText && !strings.HasPrefix(got, want) || !withText && got != "" {
			t.Errorf("withText %v: text %.40q", withText, got)
		}
		// 100 for the headings; the rest grow the table and copy the text.
		allocs := testing.AllocsPerRun(10, func() { pageText(doc, src, withText, &scratch) })
		if allocs > 100+10 {
			t.Errorf("withText %v: 50 headings took %.0f allocations, want 100 and a few", withText, allocs)
		}
	}
}
