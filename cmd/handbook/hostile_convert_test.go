package main

import (
	"strings"
	"testing"
)

// TestHostileConvert builds pages that try the conversion's shortcuts:
// linkify asked only in the blocks that may hold an address, links with
// a scheme known to lead outside without parsing them, and the one walk
// that finds a page's links, quotes and headings.
func TestHostileConvert(t *testing.T) {
	words := strings.Repeat("chữ ", 20000)
	runHostile(t, []hostileCase{
		{
			name: "an address at the end of a long paragraph, and in a later block",
			files: hugePage(words + "https://example.com/end\n\n" + words + "\n\n- " + words + "\n- ai@example.com\n\n" +
				"| a |\n|---|\n| www.example.org |\n"),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, output: "built",
			written: []string{"site/public"},
			after: builtPageHas(`<a href="https://example.com/end">https://example.com/end</a>`,
				`<a href="mailto:ai@example.com">ai@example.com</a>`, `<a href="http://www.example.org">www.example.org</a>`),
		},
		{
			name: "links with schemes of every spelling are left as written, not taken for pages",
			files: hugePage("[a](HTTPS://EXAMPLE.COM/x.md) [b](mailto:ai@example.com) [c](tel:+84123) " +
				"[d](git+ssh://host/repo.md) [e](x-y.z:/page.md)\n"),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, output: "built",
			notOutput: []string{"broken link"},
			written:   []string{"site/public"},
			after: builtPageHas(`href="HTTPS://EXAMPLE.COM/x.md"`, `href="mailto:ai@example.com"`, `href="tel:+84123"`,
				`href="git+ssh://host/repo.md"`, `href="x-y.z:/page.md"`),
		},
		{
			name:  "a broken link in an alert, after a heading in a footnote, is named at its line",
			files: hugePage("Note[^1].\n\n[^1]: ## A heading\n\n> [!WARNING] Careful\n> See [gone](../nowhere.md).\n"),
			args:  []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/huge.md:10: broken link ../nowhere.md: no such page in vi",
		},
	})
}
