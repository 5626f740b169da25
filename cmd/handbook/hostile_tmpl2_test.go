package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileTmpl2 runs through build the themes that read other pages
// through a build's plain views: a field of the page templates are not
// shown is an error at its line, as in the preview; pages from two lists
// compare equal with eq; markup in a neighbour's title stays escaped.
func TestHostileTmpl2(t *testing.T) {
	about := func(t *testing.T, work string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(work, "site", "public", "vi", "about", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	runHostile(t, []hostileCase{
		{
			name: "a page's field templates are not shown",
			files: withFiles(map[string]string{
				"themes/default/layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}\n{{with .Parent}}{{.IsHTML}}{{end}}{{end}}\n",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "themes/default/layouts/page.html:3:",
		},
		{
			name: "pages from two lists compared",
			files: withFiles(map[string]string{
				"themes/default/layouts/page.html": `{{$p := .Page}}{{range .Parent.Children}}{{if eq . $p}}[{{.Title}}]{{else}}{{.Title}}{{end}};{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				if got := about(t, work); !strings.Contains(got, "[Giới thiệu];") {
					t.Errorf("vi/about/index.html does not mark the page itself:\n%s", got)
				}
			},
		},
		{
			name: "markup in a neighbour's title",
			files: withFiles(map[string]string{
				"content/vi/zz.md":                 "---\ntitle: \"<b>bold</b> & co\"\n---\n",
				"themes/default/layouts/page.html": `{{with .Page.Prev}}<a href="{{.URL}}">{{.Title}}</a>{{end}}{{with .Page.Next}}<a href="{{.URL}}">{{.Title}}</a>{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				if got := about(t, work); !strings.Contains(got, "&lt;b&gt;bold&lt;/b&gt; &amp; co</a>") {
					t.Errorf("vi/about/index.html lacks the escaped title of its neighbour:\n%s", got)
				}
			},
		},
	})
}
