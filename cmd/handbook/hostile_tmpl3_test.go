package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileTmpl3 runs through build the themes that meet what makes a
// build's rendering cheaper: a theme's own switcher, which the default
// theme's cached start must not replace; partialCached given keys of
// every kind; a section longer than a reused recorder keeps views for,
// whose pages must each show their own neighbours, not another page's.
func TestHostileTmpl3(t *testing.T) {
	read := func(t *testing.T, work, name string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(work, "site", "public", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	long := map[string]string{}
	for i := range 150 {
		long[fmt.Sprintf("content/vi/long/p%03d.md", i)] = fmt.Sprintf("---\ntitle: \"Trang <%d>\"\nweight: %d\n---\n\nVăn bản %d.\n", i, i+1, i)
	}
	runHostile(t, []hostileCase{
		{
			name: "a theme's own switcher",
			files: withFiles(map[string]string{
				"themes/default/layouts/partials/switcher.html": `{{define "switcher"}}<nav class="my-switcher">{{range .Alternates}}<a href="{{with .Page}}{{.URL}}{{else}}{{.Home.URL}}{{end}}">{{.Language.Code}}</a>{{end}}</nav>{{end}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				got := read(t, work, "vi/about/index.html")
				if !strings.Contains(got, `<nav class="my-switcher"><a href="/fr/about/">fr</a></nav>`) {
					t.Errorf("vi/about/ lacks the theme's switcher:\n%s", got)
				}
				if strings.Contains(got, "lang-switcher") {
					t.Errorf("vi/about/ shows the default theme's switcher as well:\n%s", got)
				}
			},
		},
		{
			name: "partialCached keyed by every kind of value",
			files: withFiles(map[string]string{
				"themes/default/layouts/partials/keys.html": `{{define "keys"}}[{{.Title}}]{{end}}`,
				"themes/default/layouts/page.html": `{{partialCached "keys" . "s" 1 true nil .Page}}` +
					`{{partialCached "keys" . .Lang}}{{partialCached "keys" . .Translations (dict "k" 1) .Site}}`,
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				// Keyed by the page, the partial shows each page's title;
				// keyed by the language alone, the first page's of it.
				if got := read(t, work, "vi/about/index.html"); !strings.HasPrefix(got, "[Giới thiệu][") {
					t.Errorf("vi/about/ shows %q", got)
				}
				if got := read(t, work, "fr/about/index.html"); !strings.HasPrefix(got, "[À propos][") {
					t.Errorf("fr/about/ shows %q", got)
				}
			},
		},
		{
			name:  "a section longer than a recorder keeps views for",
			files: withFiles(long),
			args:  []string{"build", "--source", "$SITE"}, code: exitOK, written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				list := read(t, work, "vi/long/index.html")
				for i := range 150 {
					if !strings.Contains(list, fmt.Sprintf(">Trang &lt;%d&gt;</a>", i)) {
						t.Fatalf("vi/long/ does not list page %d", i)
					}
				}
				for i := 1; i < 149; i++ {
					got := read(t, work, fmt.Sprintf("vi/long/p%03d/index.html", i))
					prev := fmt.Sprintf(`href="/vi/long/p%03d/"><span class="label">`, i-1)
					next := fmt.Sprintf(`<span class="title">Trang &lt;%d&gt;</span></a>`, i+1)
					if !strings.Contains(got, prev) || !strings.Contains(got, next) || !strings.Contains(got, fmt.Sprintf("<h1>Trang &lt;%d&gt;</h1>", i)) {
						t.Fatalf("vi/long/p%03d/ does not show itself between its neighbours:\n%s", i, got)
					}
				}
			},
		},
	})
}
