package main

import (
	"fmt"
	"os"
	"path/filepath"
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
		{
			name:  "an address on a quote's later line, and a scheme cut by a line's end",
			files: hugePage("> Xem thêm\n> tại https://example.com/quote\n\nhttp\n://not.an.address\n"),
			args:  []string{"build", "--source", "$SITE"}, code: exitOK, output: "built",
			written: []string{"site/public"},
			after:   builtPageHas(`<a href="https://example.com/quote">https://example.com/quote</a>`, "<p>http\n://not.an.address</p>"),
		},
		{
			name:  "pages long and short in turn, each read into the space of the one before",
			files: longAndShortPages(24),
			args:  []string{"build", "--source", "$SITE"}, code: exitOK, output: "built",
			written: []string{"site/public"},
			after:   eachPageHoldsItsOwn(24),
		},
		{
			name: "a byte that is not UTF-8 after ASCII, at every place of an eight-byte step, is named at its line",
			files: withFiles(map[string]string{
				"content/vi/bad1.md": "---\ntitle: Một\n---\n\nabcdefg\xff\n",
				"content/vi/bad2.md": "---\ntitle: Hai\n---\n\nĐã dựng sẵn abcdefgh\n\n\xffabc\n",
				"content/vi/bad3.md": "---\ntitle: Ba\n---\n\nabcdef\xc3\n",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/bad1.md:5: the file is not valid UTF-8",
			after: func(t *testing.T, work string) {
				if _, err := os.Stat(filepath.Join(work, "site", "public")); err == nil {
					t.Error("a build with a file that is not UTF-8 wrote a site")
				}
			},
		},
	})
}

// longAndShortPages is hostileSite with n pages whose files are long
// and short in turn, their front matter in each format the handbook
// reads, each page's text naming it.
func longAndShortPages(n int) map[string]string {
	fronts := []string{
		"---\ntitle: Trang %[1]d\ndescription: Mô tả %[1]d\n---\n",
		"+++\ntitle = \"Trang %[1]d\"\ndescription = \"Mô tả %[1]d\"\n+++\n",
		"{\"title\": \"Trang %[1]d\", \"description\": \"Mô tả %[1]d\"}\n",
		"---\ntitle: &t Trang %[1]d\nlinkTitle: *t\ndescription: \"Mô tả %[1]d\"\nparams:\n  owner: đội-%[1]d\n---\n",
	}
	pages := map[string]string{}
	for i := range n {
		body := fmt.Sprintf("\nNội dung của trang-%d.\n", i)
		if i%2 == 0 {
			body += strings.Repeat(fmt.Sprintf("Đoạn dài của trang-%d. ", i), 400) + "\n"
		}
		pages[fmt.Sprintf("content/vi/p%02d.md", i)] = fmt.Sprintf(fronts[i%len(fronts)], i) + body
	}
	return withFiles(pages)
}

// eachPageHoldsItsOwn checks that each of longAndShortPages' built
// pages holds its own title and text, and nothing of another page's.
func eachPageHoldsItsOwn(n int) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		for i := range n {
			page, err := os.ReadFile(filepath.Join(work, "site", "public", "vi", fmt.Sprintf("p%02d", i), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			html := string(page)
			for _, want := range []string{fmt.Sprintf("Trang %d<", i), fmt.Sprintf("Mô tả %d\"", i), fmt.Sprintf("Nội dung của trang-%d.", i)} {
				if !strings.Contains(html, want) {
					t.Errorf("p%02d lacks %q", i, want)
				}
			}
			for j := range n {
				if j != i && (strings.Contains(html, fmt.Sprintf("trang-%d.", j)) || strings.Contains(html, fmt.Sprintf("Mô tả %d\"", j))) {
					t.Errorf("p%02d holds p%02d's text", i, j)
				}
			}
		}
	}
}
