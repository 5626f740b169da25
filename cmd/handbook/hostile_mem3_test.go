//go:build unix

package main

import "testing"

// relationsTheme shows, on each page, the handbook's relations of the
// page and the headings of its section's page.
const relationsTheme = `<!DOCTYPE html><html><body><main>{{.Content}}</main>` +
	`<p class="rel">{{with .Letter}}L:{{.Title}};{{end}}{{range .Principles}}P:{{.Title}};{{end}}` +
	`{{range .Quotes}}Q:{{.Title}};{{end}}{{range .Stories}}S:{{.Title}};{{end}}</p></body></html>`

// TestHostileMem3: a build keeps of a written page only its anchors
// (a home its headings too), and a page's relations are held apart by
// the pages that have some. Links to headings of pages written long
// before must still be checked, the root and 404 pages must still show
// the home's headings, and relations must still read both ways.
func TestHostileMem3(t *testing.T) {
	runHostile(t, []hostileCase{
		{
			name: "a 404 page showing the home's headings, rendered after every page",
			files: withFiles(map[string]string{
				"content/vi/_index.md":            "---\ntitle: Sổ tay\n---\n\n## Ngày đầu\n\nXin chào.\n\n## Tuần đầu\n\nĐọc.\n",
				"themes/default/layouts/404.html": `<!DOCTYPE html><html><body>{{range .TOC}}<a href="#{{.ID}}">{{.Text}}</a>{{end}}</body></html>`,
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after:   outputShows("404.html", `<a href="#ngay-dau">Ngày đầu</a><a href="#tuan-dau">Tuần đầu</a>`),
		},
		{
			name: "links to headings of the home and of a page written before, one missing",
			files: withFiles(map[string]string{
				"content/vi/_index.md": "---\ntitle: Sổ tay\n---\n\n## Chào\n\nXin chào.\n",
				"content/vi/zz-last.md": "---\ntitle: Cuối\n---\n\n[ngày 1](principles/day-one.md#giai-thich)\n\n" +
					"[trang chủ](/#chao)\n\n[giới thiệu](about.md#khong-co)\n",
			}),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "content/vi/zz-last.md:9: broken link about.md#khong-co: no heading #khong-co in content/vi/about.md",
			notOutput: []string{"#giai-thich", "#chao"},
		},
		{
			name: "a quote's letter and principles, and their quotes, read both ways",
			files: withFiles(map[string]string{
				"themes/default/layouts/quote.html":     relationsTheme,
				"themes/default/layouts/principle.html": relationsTheme,
				"themes/default/layouts/letter.html":    relationsTheme,
				"content/vi/letters/y2016.md":           "---\ntitle: Thư 2016\nkind: letter\nyear: 2016\n---\n\nThư.\n",
				"content/vi/quotes/q1.md": "---\ntitle: Trích 1\nkind: quote\nletter: 2016\n" +
					"principles: [day-one]\ntext: Lời.\n---\n\nGiải thích.\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				outputShows("vi/quotes/q1/index.html", `<p class="rel">L:Thư 2016;P:Luôn là Ngày 1;</p>`)(t, work)
				outputShows("vi/principles/day-one/index.html", `<p class="rel">Q:Trích 1;</p>`)(t, work)
				outputShows("vi/letters/y2016/index.html", `<p class="rel">Q:Trích 1;</p>`)(t, work)
			},
		},
	})
}
