package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// builtPageLacks checks that the built page huge holds none of absent.
func builtPageLacks(absent ...string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		page, err := os.ReadFile(filepath.Join(work, "site", "public", "vi", "huge", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range absent {
			if strings.Contains(string(page), a) {
				t.Errorf("built page holds %q", a)
			}
		}
	}
}

// TestHostile20b runs shortcodes nobody here wrote through build: bad
// tags are errors at their lines and nothing is written; pages of many
// shortcodes, or of tags that never end, build in time in proportion to
// their length; a site's template that loops forever or an argument that
// carries a script runs nothing.
func TestHostile20b(t *testing.T) {
	const n = 20000
	runHostile(t, []hostileCase{
		{
			name:   "a shortcode that does not end",
			files:  hugePage("Text.\n\n{{< note title=\"x\"\n\nMore.\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `content/vi/huge.md:7: shortcode "note" has no end (>}})`,
		},
		{
			name:   "a closing tag with no opening tag",
			files:  hugePage("Text.\n{{< /tabs >}}\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `content/vi/huge.md:6: closing shortcode {{< /tabs >}} has no opening tag`,
		},
		{
			name:   "a relref to no page",
			files:  hugePage("{{% note %}}\nSee [it]({{< relref \"nowhere\" >}}).\n{{% /note %}}\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `content/vi/huge.md:6: broken relref "nowhere": no such page in vi`,
		},
		{
			name:    "twenty thousand unknown shortcodes, reported once",
			files:   hugePage(strings.Repeat("{{< tabs >}}\nx {{< gist a b >}}\n{{< /tabs >}}\n", n)),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  `content/vi/huge.md:6: warning: unknown shortcode "gist" (used 20000 times), dropped (it has no content)`,
			written: []string{"site/public"},
			after:   builtPageHas(`<div class="shortcode-tabs">`),
		},
		{
			name:    "twenty thousand nested shortcodes never closed, then as many stray closing tags",
			files:   hugePage(strings.Repeat("{{< a >}}", n) + "\n" + strings.Repeat("{{< /b >}}", n) + "\n"),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitContent,
			output:  `content/vi/huge.md:6: closing shortcode {{< /b >}} has no opening tag`,
			written: nil,
		},
		{
			name:   "twenty thousand tags that never end",
			files:  hugePage(strings.Repeat("{{< note \"a\n", n)),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `content/vi/huge.md:5: shortcode "note" has no end (>}})`,
		},
		{
			name: "a site template that calls itself forever, and scripts in arguments",
			files: withFiles(map[string]string{
				"layouts/shortcodes/loop.html":  `{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}`,
				"layouts/shortcodes/badge.html": `<span title="{{ .Get 0 }}">{{ .Get 0 }}</span>`,
				"content/vi/huge.md": "---\ntitle: T\n---\n\n{{< loop >}}\n\n{{< badge \"<script>alert(1)</script>\" >}}\n\n" +
					"{{< figure src=\"javascript:alert(2)\" link=\"data:text/html,x\" caption=\"<img src=x onerror=alert(3)>\" >}}\n\n" +
					"{{< note \"<b onclick=alert(4)>t</b>\" >}}\nx\n{{< /note >}}\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  `layouts/shortcodes/loop.html:1: warning: shortcode "loop" is not run:`,
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				builtPageHas(`&lt;script&gt;alert(1)&lt;/script&gt;`, `src="#"`, `href="#"`, `&lt;b onclick=alert(4)&gt;t&lt;/b&gt;`)(t, work)
				builtPageLacks("<script>alert", "javascript:", "data:text", "<img src=x", "<b onclick")(t, work)
			},
		},
	})
}
