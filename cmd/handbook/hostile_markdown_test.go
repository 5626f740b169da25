package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hugePage is a page of the hostile site whose body is body, on lines
// from 5 on.
func hugePage(body string) map[string]string {
	return withFiles(map[string]string{"content/vi/huge.md": "---\ntitle: Trang lớn\n---\n\n" + body})
}

// builtPageHas checks that the built page huge holds every one of want.
func builtPageHas(want ...string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		page, err := os.ReadFile(filepath.Join(work, "site", "public", "vi", "huge", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(page), w) {
				t.Errorf("built page lacks %q", w)
			}
		}
	}
}

// TestHostileMarkdown builds pages made of many repeats of one thing, which
// must build in time in proportion to their length: 20,000 identical
// headings used to take over a minute.
func TestHostileMarkdown(t *testing.T) {
	const n = 20000
	var colliding, refs, refDefs strings.Builder
	// Three headings a round, one with a number the search index takes
	// as a word of its own: a quarter as many rounds keeps the index,
	// which is not what is tested here, small.
	for i := 0; i < n/4; i++ {
		fmt.Fprintf(&colliding, "## A\n\n## A %d\n\n## B {#a-%d}\n\n", i, i+n)
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&refs, "[x][r%d] ", i)
		fmt.Fprintf(&refDefs, "[r%d]: #a\n", i)
	}
	runHostile(t, []hostileCase{
		{
			name:    "identical headings",
			files:   hugePage(strings.Repeat("## A\n\n", n) + "[last](#a-19999)\n"),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after:   builtPageHas(`<h2 id="a">`, `<h2 id="a-1">`, `<h2 id="a-19999">`, `href="#a-19999"`),
		},
		{
			name:    "headings colliding with generated and written ids",
			files:   hugePage(colliding.String()),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after:   builtPageHas(`<h2 id="a-1-1">`, `<h2 id="a-24999">`, `<h2 id="a-4999-1">`),
		},
		{
			name:    "a heading of links",
			files:   hugePage("## " + strings.Repeat("[a](#b) ", n) + "\n\n## B\n"),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after:   builtPageHas(`<h2 id="a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a`, `<h2 id="b">`),
		},
		{
			name: "links nested ever deeper in emphasis, and a broken one",
			files: hugePage("## A\n\n" + strings.Repeat("*[x](#a) ", n) + strings.Repeat("x* ", n) +
				"\n\n[gone](#gone)\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "content/vi/huge.md:9: broken link #gone",
		},
		{
			name: "one paragraph of links to one anchor, and a broken one",
			files: hugePage("## A\n\n" + strings.Repeat("[](#a)", n) + "\n\n" +
				strings.Repeat("See [a](#a).\n", n) + "[gone](#gone)\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: fmt.Sprintf("content/vi/huge.md:%d: broken link #gone", 9+n),
		},
		{
			name:   "reference links defined at the end, one broken",
			files:  hugePage("## A\n\n" + refs.String() + "[x][gone]\n\n" + refDefs.String() + "[gone]: nowhere.md\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: fmt.Sprintf("content/vi/huge.md:%d: broken link nowhere.md", 9+n),
		},
	})
}
