package main

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestHostileLoad runs, through the command line, the pages the read
// stage's fast paths see first: front matter the build reads itself or
// leaves to the YAML library, whose errors keep their file and line
// either way, and text that is decomposed, invalid, behind a byte order
// mark or with CRLF endings, which must come out as the slow path made
// it.
func TestHostileLoad(t *testing.T) {
	page := func(frontMatter string) map[string]string {
		return withFiles(map[string]string{"content/vi/x.md": "---\n" + frontMatter + "---\n\nNội dung.\n"})
	}
	refused := func(name, frontMatter, output string) hostileCase {
		return hostileCase{name: name, files: page(frontMatter), args: []string{"build", "--source", "$SITE"},
			code: exitContent, output: output, notOutput: []string{".building-"}}
	}
	var huge strings.Builder
	for i := range 20_000 {
		fmt.Fprintf(&huge, "key%05d: value %d\n", i, i)
	}
	runHostile(t, []hostileCase{
		refused("a key written twice", "title: A\nweight: 2\ntitle: B\n",
			`content/vi/x.md:4: front matter: mapping key "title" already defined at line 2`),
		refused("a list left open", "title: A\ntags: [a, [b]\n", "content/vi/x.md:3: front matter: did not find expected ',' or ']'"),
		refused("a weight in words", "title: A\nweight: x\n", `content/vi/x.md:3: weight must be a whole number, not "x"`),
		refused("a weight with a fraction", "title: A\nweight: 1.5\n", "content/vi/x.md:3: weight must be a whole number, not 1.5"),
		refused("a month 13", "title: A\ndate: 2011-13-45\n", `content/vi/x.md:3: date must be a date such as 2016-04-12, not "2011-13-45"`),
		refused("a key written twice after 20,000 lines", huge.String()+"key00000: again\n",
			`content/vi/x.md:20002: front matter: mapping key "key00000" already defined at line 2`),
		{
			name: "invalid UTF-8 past the first eight bytes",
			files: withFiles(map[string]string{
				"content/vi/x.md": "---\ntitle: Hỏng\n---\n\nXin chào các bạn\n\xe1\xbb\n",
			}),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "content/vi/x.md:6: the file is not valid UTF-8: save it as UTF-8",
			notOutput: []string{".building-"},
		},
		{
			name: "decomposed letters, a byte order mark, CRLF, YAML's words and 20,000 keys",
			files: withFiles(map[string]string{
				"content/vi/nfd.md":  norm.NFD.String("---\ntitle: Tiếng Việt\n---\n\nNgười dùng đầu tiên.\n"),
				"content/vi/bom.md":  "\ufeff---\r\ntitle: \"Dấu: BOM\"\r\n---\r\n\r\nDòng một.\r\n",
				"content/vi/yes.md":  "---\ntitle: yes\ndescription: On\n---\n\nCó.\n",
				"content/vi/huge.md": "---\ntitle: Lớn\n" + huge.String() + "---\n\nRất lớn.\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				for name, want := range map[string][]string{
					"vi/nfd/index.html":  {"<title>Tiếng Việt", "Người dùng đầu tiên."},
					"vi/bom/index.html":  {"<title>Dấu: BOM", "Dòng một."},
					"vi/yes/index.html":  {"<title>yes", `content="On"`},
					"vi/huge/index.html": {"<title>Lớn", "Rất lớn."},
				} {
					got := readOutput(t, work, name)
					for _, w := range want {
						if !strings.Contains(got, w) {
							t.Errorf("%s lacks %q", name, w)
						}
					}
					if !norm.NFC.IsNormalString(got) {
						t.Errorf("%s is not in NFC", name)
					}
				}
			},
		},
	})
}
