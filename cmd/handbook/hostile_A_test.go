package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bodyReadingTheme is a page layout that reads, on every page, the body
// of every page of every language through the homes: the results of
// pages converted before it, after it, or whose HTML and Markdown a
// build already let go, and its own anchors, listed sorted.
const bodyReadingTheme = `<!DOCTYPE html><html><body><main>{{.Content}}</main>` +
	`<p class="anchors">{{range .Anchors}}[{{.}}]{{end}}</p>` +
	`{{range .Site.Homes}}{{range .Children}}<x>{{len .Content}}/{{len .Body}}/{{len .BodyText}}/` +
	`{{len .TOC}}/{{len .Anchors}}/{{len .LinksTo}}/{{len .RelativeLinks}}</x>{{end}}{{end}}</body></html>`

// chainOfAnchors is the hostile site with n pages, each linking to a
// heading of the one before it, which is converted (and its Markdown
// let go) first; the last links to a heading the one before lacks.
func chainOfAnchors(n int) map[string]string {
	files := map[string]string{}
	for i := range n {
		target := fmt.Sprintf("muc-%d", i-1)
		if i == n-1 {
			target = "khong-co"
		}
		prev := fmt.Sprintf("p%03d.md#%s", max(i-1, 0), target)
		files[fmt.Sprintf("content/vi/chain/p%03d.md", i)] = fmt.Sprintf(
			"---\ntitle: Trang %d\nweight: %d\n---\n\n## Mục %d\n\n[trước](%s)\n", i, i+1, i, prev)
	}
	files["content/vi/chain/p000.md"] = "---\ntitle: Trang 0\nweight: 1\n---\n\n## Mục 0\n\n[đây](#muc-0)\n"
	return withFiles(files)
}

// TestHostileA runs what the pipeline's values must stand: themes that
// read every page's body, whatever the build let go of it, and links
// checked against pages whose body is long gone.
func TestHostileA(t *testing.T) {
	const n = 300
	runHostile(t, []hostileCase{
		{
			name: "a theme reading every page's body from every page",
			files: withFiles(map[string]string{
				"themes/default/layouts/page.html": bodyReadingTheme,
				"content/vi/about.md":              "---\ntitle: Giới thiệu\n---\n\n## Z\n\n## A\n\n## M\n\n[x](missing.png) [y](principles/day-one.md)\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				page, err := os.ReadFile(filepath.Join(work, "site", "public", "vi", "about", "index.html"))
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range []string{`<p class="anchors">[a][m][z]</p>`, `<h2 id="z">Z</h2>`, "<x>"} {
					if !strings.Contains(string(page), want) {
						t.Errorf("the page lacks %s:\n%s", want, page)
					}
				}
			},
		},
		{
			name:   "links to headings of pages whose body the build let go, one broken",
			files:  chainOfAnchors(n),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: fmt.Sprintf("content/vi/chain/p%03d.md:8: broken link p%03d.md#khong-co: no heading #khong-co in content/vi/chain/p%03d.md", n-1, n-2, n-2),
			notOutput: []string{
				fmt.Sprintf("p%03d.md:8", n-2), "p000.md:8",
			},
			after: func(t *testing.T, work string) {
				if _, err := os.Stat(filepath.Join(work, "site", "public")); err == nil {
					t.Error("a failed build left a site")
				}
			},
		},
		{
			name: "check: a relative link to no file, read from the page's result",
			files: withFiles(map[string]string{
				"content/vi/about.md": "---\ntitle: Giới thiệu\ndescription: Về sổ tay.\n---\n\n## A\n\nXem [ảnh](missing.png).\n",
			}),
			args:   []string{"check", "--source", "$SITE"},
			code:   exitContent,
			output: "content/vi/about.md:8: broken link missing.png: no file at /vi/about/missing.png",
		},
	})
}
