package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileTmpl runs through build the themes and titles that meet the
// parts of the default theme rendered once per language or section (the
// head's end, the header, the breadcrumb trail, the footer) and the
// page's fields read as plain values: markup in a section's title stays
// escaped in every page's navigation, a theme's own breadcrumbs or base
// layout, which know nothing of the cached parts, render as written, and
// a layout calling a field with arguments is an error at its line.
func TestHostileTmpl(t *testing.T) {
	page := func(work, rel string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(work, "site", "public", filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	contains := func(rel string, wants ...string) func(*testing.T, string) {
		return func(t *testing.T, work string) {
			got := page(work, rel)
			for _, w := range wants {
				if !strings.Contains(got, w) {
					t.Errorf("%s lacks %q:\n%s", rel, w, got)
				}
			}
		}
	}
	runHostile(t, []hostileCase{
		{
			name: "markup in a section's title",
			files: withFiles(map[string]string{
				"content/vi/principles/_index.md": "---\ntitle: \"<script>alert(1)</script> & co\"\n---\n",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				for _, rel := range []string{"vi/about/index.html", "vi/principles/day-one/index.html", "vi/index.html"} {
					got := page(work, rel)
					if strings.Contains(got, "<script>alert") {
						t.Errorf("%s holds the title's markup unescaped", rel)
					}
					if !strings.Contains(got, `&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a></li>`) {
						t.Errorf("%s's navigation lacks the escaped title:\n%s", rel, got)
					}
				}
			},
		},
		{
			name: "a theme's own breadcrumbs",
			files: withFiles(map[string]string{
				"themes/default/layouts/partials/breadcrumbs.html": `{{define "breadcrumbs"}}<p class="crumbs">{{range .Breadcrumbs}}{{.Title}} / {{end}}{{.Title}}</p>{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: contains("vi/principles/day-one/index.html", `<p class="crumbs">Sổ tay / `, ` / Luôn là Ngày 1</p>`),
		},
		{
			name: "a theme's own base layout",
			files: withFiles(map[string]string{
				"themes/default/layouts/base.html": `{{define "base"}}<title>{{.Title}} · {{.LangTitle}}</title><nav>{{range .Sections}}{{.Title}};{{end}}</nav>{{block "main" .}}{{.Content}}{{end}}{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				got := page(work, "vi/about/index.html")
				if !strings.HasPrefix(got, "<title>Giới thiệu · ") || strings.Contains(got, "site-header") {
					t.Errorf("vi/about/index.html is not the theme's:\n%s", got)
				}
			},
		},
		{
			name: "a field given arguments",
			files: withFiles(map[string]string{
				"themes/default/layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}\n{{.Title \"x\"}}{{end}}\n",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "themes/default/layouts/page.html:3:",
		},
	})
}
