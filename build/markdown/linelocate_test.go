package markdown_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"handbook/build/config"
)

// TestBrokenLinkLinesOfManyLinks checks the lines of links that repeat a
// destination, and of reference links defined before and after them, or
// inside a quote.
func TestBrokenLinkLinesOfManyLinks(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	src := testFrontMatter + // 1–3
		"[r]: early.md\n" + // 4
		"\n" + // 5
		"A [one](gone.md) and [two](gone.md)\n" + // 6
		"and [three](gone.md), then [four](other.md)\n" + // 7
		"and [five](gone.md) [early][r] [late][LATE]\n" + // 8
		"\n" + // 9
		"- [six](gone.md)\n" + // 10
		"- [seven](gone.md)\n" + // 11
		"\n" + // 12
		"  [Late]: late.md\n" + // 13
		"\n" + // 14
		"See [quoted][q].\n" + // 15
		"\n" + // 16
		"> [q]: quoted.md\n" // 17
	_, _, diags := f.convertFile(t, "vi", src)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d %s", d.Line, d.Message))
	}
	want := []string{
		"4 broken link early.md: no such page in vi",
		"6 broken link gone.md: no such page in vi",
		"7 broken link gone.md: no such page in vi",
		"7 broken link other.md: no such page in vi",
		"8 broken link gone.md: no such page in vi",
		"10 broken link gone.md: no such page in vi",
		"11 broken link gone.md: no such page in vi",
		"13 broken link late.md: no such page in vi",
		// A definition inside a quote is not looked for.
		"15 broken link quoted.md: no such page in vi",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLinksInOneParagraph converts a paragraph of many links with no text
// and checks that every one is rewritten and reported once per line.
func TestLinksInOneParagraph(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	body := strings.Repeat("[](../letters/2016.md)", 500) + "[](gone.md)\n"
	html, _, diags := f.convert(t, "vi", body)
	if n := strings.Count(html, `href="/vi/letters/2016/"`); n != 500 {
		t.Errorf("%d links rewritten, want 500", n)
	}
	if len(diags) != 1 || diags[0].Line != 4 {
		t.Errorf("diagnostics = %v, want one on line 4", diags)
	}
}

// TestBrokenLinkLineInItsBlock checks that a link with no text is looked
// for in its own block, however deep, and not from the top of the page,
// where the same destination is written first.
func TestBrokenLinkLineInItsBlock(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	src := testFrontMatter + // 1–3
		"[a](gone.md)\n" + // 4
		"\n" + // 5
		"> - ***[](gone.md)***\n" + // 6
		"\n" + // 7
		"| a |\n|---|\n| *[](gone.md)* |\n" // 8–10
	_, _, diags := f.convertFile(t, "vi", src)
	var got []int
	for _, d := range diags {
		got = append(got, d.Line)
	}
	if want := []int{4, 6, 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines %v, want %v: %v", got, want, diags)
	}
}
