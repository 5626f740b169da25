package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileTmpl4 runs through build the themes that meet the default
// theme's partials rendered in Go (head-page, switcher, breadcrumbs,
// prevnext and toc): a theme's own partial file, a layout defining one
// again, a partial called with data that is not a page's, and text that
// must be escaped as html/template escapes it.
func TestHostileTmpl4(t *testing.T) {
	read := func(t *testing.T, work, name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(work, "site", "public", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	built := func(want, notWant []string) func(t *testing.T, work string) {
		return func(t *testing.T, work string) {
			got := read(t, work, "vi/principles/day-one/index.html")
			for _, s := range want {
				if !strings.Contains(got, s) {
					t.Errorf("the page lacks %q:\n%s", s, got)
				}
			}
			for _, s := range notWant {
				if strings.Contains(got, s) {
					t.Errorf("the page holds %q:\n%s", s, got)
				}
			}
		}
	}
	neighbours := map[string]string{
		"content/vi/principles/b.md":       "---\ntitle: \"B <i>&</i> 'b' + 1\"\nkind: principle\nweight: 2\n---\n\nB.\n",
		"content/vi/principles/day-one.md": "---\ntitle: Luôn là Ngày 1\nkind: principle\nweight: 1\n---\n\n## Giải thích\n\nNội dung.\n",
	}
	with := func(files map[string]string) map[string]string {
		all := map[string]string{}
		for k, v := range neighbours {
			all[k] = v
		}
		for k, v := range files {
			all[k] = v
		}
		return withFiles(all)
	}
	runHostile(t, []hostileCase{
		{
			name: "a theme's own prevnext and toc partials",
			files: with(map[string]string{
				"themes/default/layouts/partials/prevnext.html": `{{define "prevnext"}}<p class="my-neighbours">{{with .Next}}{{.Title}}{{end}}</p>{{end}}`,
				"themes/default/layouts/partials/toc.html":      `{{define "toc"}}<ol class="my-toc">{{range .TOC}}<li>{{.Text}}</li>{{end}}</ol>{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: built([]string{`<p class="my-neighbours">B &lt;i&gt;&amp;&lt;/i&gt; &#39;b&#39; &#43; 1</p>`},
				[]string{`class="prev-next"`, `class="toc"`}),
		},
		{
			name: "a layout that defines the head and the switcher again",
			files: with(map[string]string{
				"themes/default/layouts/principle.html": `{{template "base" .}}{{define "main"}}{{.Content}}{{end}}` +
					`{{define "head-page"}}<title>mine: {{.Title}}</title>{{end}}` +
					`{{define "switcher"}}<p class="my-switcher">{{range .Alternates}}{{.Language.Code}}{{end}}</p>{{end}}` +
					`{{define "breadcrumbs"}}<p class="my-trail">{{len .Breadcrumbs}}</p>{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: built([]string{"<title>mine: Luôn là Ngày 1</title>", `<p class="my-switcher">fr</p>`, `<p class="my-trail">2</p>`},
				[]string{`rel="canonical"`, `class="lang-switcher"`, `class="breadcrumbs"`}),
		},
		{
			name: "a partial given a string, not a page",
			files: with(map[string]string{
				"themes/default/layouts/principle.html": `{{template "base" .}}{{define "main"}}{{template "prevnext" "text"}}{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: `themes/default/layouts/partials/prevnext.html (built in):1: executing "prevnext" at <.Prev>: can't evaluate field Prev in type string (rendering content/vi/principles/day-one.md)`,
		},
		{
			name: "titles and headings with markup, quotes and signs",
			files: with(map[string]string{
				"content/vi/principles/day-one.md": "---\ntitle: \"<script>alert('x')</script> & \\\"y\\\" + 100%\"\nkind: principle\nweight: 1\n---\n\n## <b>Một</b> & \"hai\" + 100%\n\n## Ba\n",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: built([]string{
				`<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;y&#34; &#43; 100% · `,
				`<meta property="og:title" content="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;y&#34; &#43; 100%">`,
				`<span class="title">B &lt;i&gt;&amp;&lt;/i&gt; &#39;b&#39; &#43; 1</span>`,
				`<li><span aria-current="page">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;y&#34; &#43; 100%</span></li>`,
				`<a class="next" rel="next" href="/vi/principles/b/">`,
			}, []string{"<script>alert"}),
		},
	})
}
