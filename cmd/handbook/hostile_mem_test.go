//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// paramsTheme is a theme whose pages show every parameter of their
// front matter, in the order templates range over a map, and one of
// them by .Param: what a theme reads of the parameters a page holds in
// a compact form.
const paramsTheme = `{{template "base" .}}
{{define "main"}}<article><h1>{{.Title}}</h1>
<dl>{{range $k, $v := .Params}}<dt>{{$k}}</dt><dd>{{$v}}</dd>{{end}}</dl>
<p class="tags">{{with .Params.tags}}{{range .}}[{{.}}]{{end}}{{end}}</p>
<p class="icon">{{.Param "Icon"}} {{.Param "url"}} {{.Param "p007"}}</p>
</article>{{end}}
`

// manyParams is front matter of n parameters, named so that their order
// by name is not the order written.
func manyParams(n int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Nhiều\n")
	for i := n; i > 0; i-- {
		fmt.Fprintf(&b, "p%03d: %d\n", i, i)
	}
	b.WriteString("---\n\nThân bài.\n")
	return b.String()
}

// TestHostileMem: what a build holds of a page is kept compact (its
// parameters a sorted list, not a map; what few pages set apart), and a
// heap profile can be asked for. Parameters of every shape must reach a
// theme as written, and a profile that cannot be written is refused
// before anything is built.
func TestHostileMem(t *testing.T) {
	withTheme := func(files map[string]string) map[string]string {
		site := withFiles(files)
		site["handbook.toml"] = "theme = \"params\"\n" + site["handbook.toml"]
		site["themes/params/layouts/page.html"] = paramsTheme
		return site
	}
	runHostile(t, []hostileCase{
		{
			name: "parameters differing only in case, nested, unicode, empty, listed, and the url field of a handbook page",
			files: withTheme(map[string]string{
				"content/vi/about.md": "---\ntitle: Giới thiệu\nIcon: sun\nicon: moon\ntags: [khách hàng, \"<b>\"]\nnested:\n  a: 1\n  b: [x, y]\n\"chữ\": \"Việt\"\nempty: \"\"\nurl: /elsewhere/\n---\n\nVề sổ tay.\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: outputShows("vi/about/index.html",
				"<dt>Icon</dt><dd>sun</dd><dt>chữ</dt><dd>Việt</dd><dt>empty</dt><dd></dd><dt>icon</dt><dd>moon</dd><dt>nested</dt><dd>map[a:1 b:[x y]]</dd><dt>tags</dt><dd>[khách hàng &lt;b&gt;]</dd><dt>url</dt><dd>/elsewhere/</dd>",
				"<p class=\"tags\">[khách hàng][&lt;b&gt;]</p>",
				"<p class=\"icon\">sun /elsewhere/ </p>"),
		},
		{
			name:    "a page of 300 parameters, written in reverse order",
			files:   withTheme(map[string]string{"content/vi/about.md": manyParams(300)}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				html := readOutput(t, work, "vi/about/index.html")
				if n := strings.Count(html, "<dt>"); n != 300 {
					t.Errorf("%d parameters shown, want 300", n)
				}
				if !strings.Contains(html, "<p class=\"icon\">  7</p>") {
					t.Error(".Param does not find p007")
				}
				if first, last := strings.Index(html, "<dt>p001</dt><dd>1</dd>"), strings.Index(html, "<dt>p300</dt><dd>300</dd>"); first < 0 || last < first {
					t.Errorf("parameters not shown in order of their names (p001 at %d, p300 at %d)", first, last)
				}
			},
		},
		{
			name: "a Hugo site's cascade gives a section's pages a parameter they do not set, and not one they do",
			files: map[string]string{
				"hugo.toml":              "title = \"Docs\"\nbaseURL = \"https://example.org/\"\n",
				"content/_index.md":      "---\ntitle: Home\n---\n",
				"content/docs/_index.md": "---\ntitle: Docs\ncascade:\n  banner: docs\n  Icon: star\n---\n",
				"content/docs/a.md":      "---\ntitle: A\nIcon: own\n---\n\nA {{< param \"Icon\" >}} {{< param \"banner\" >}}.\n",
				"content/docs/b.md":      "---\ntitle: B\n---\n\nB {{< param \"Icon\" >}} {{< param \"banner\" >}}.\n",
			},
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				// The param shortcode reads the page's parameters, the
				// cascade's among them: the page's own value wins.
				outputShows("en/docs/a/index.html", "A own docs.")(t, work)
				outputShows("en/docs/b/index.html", "B star docs.")(t, work)
			},
		},
		{
			name:    "a heap profile into a folder that does not exist",
			args:    []string{"build", "--source", "$SITE", "--memprofile", "$WORK/missing/heap.prof"},
			code:    exitUsage,
			output:  "heap.prof",
			written: nil,
		},
		{
			name: "a heap profile where a folder is",
			setup: func(t *testing.T, work string) {
				if err := os.Mkdir(filepath.Join(work, "heap.prof"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			args:   []string{"build", "--source", "$SITE", "--memprofile", "$WORK/heap.prof"},
			code:   exitUsage,
			output: "heap.prof",
		},
		{
			name:    "a heap profile beside the site",
			args:    []string{"build", "--source", "$SITE", "--memprofile", "$WORK/heap.prof"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public", "heap.prof"},
			after: func(t *testing.T, work string) {
				readProfile(t, filepath.Join(work, "heap.prof"))
			},
		},
	})
}
