//go:build unix

package main

import (
	"strings"
	"testing"
)

// TestHostileMem5: pages share the lists and texts of their front matter
// that read the same, a language finds its pages by path and URL in
// sorted slices, the output-claims table finds a file by its key in one,
// and a written page's anchors are kept packed. Lists that only look
// alike must stay apart, clashes must still be found, and links to any
// heading of a page written before must still be checked.
func TestHostileMem5(t *testing.T) {
	withTheme := func(files map[string]string) map[string]string {
		site := withFiles(files)
		site["handbook.toml"] = "theme = \"params\"\n" + site["handbook.toml"]
		site["themes/params/layouts/page.html"] = paramsTheme
		return site
	}
	longID := strings.Repeat("muc-rat-dai-", 20) // 240 bytes: a length of two bytes packed
	runHostile(t, []hostileCase{
		{
			name: "lists whose items join alike, the same list twice, and a list of a number and its text",
			files: withTheme(map[string]string{
				"content/vi/a.md": "---\ntitle: A\ntags: [\"x y\", z]\n---\n\nA.\n",
				"content/vi/b.md": "---\ntitle: B\ntags: [x, \"y z\"]\n---\n\nB.\n",
				"content/vi/c.md": "---\ntitle: C\ntags:\n  - \"1:a\"\n---\n\nC.\n",
				"content/vi/d.md": "---\ntitle: D\ntags: [\"1\", a]\n---\n\nD.\n",
				"content/vi/e.md": "---\ntitle: E\ntags: [1, \"1\"]\n---\n\nE.\n",
				"content/vi/f.md": "---\ntitle: F\ntags: [\"1\", \"1\"]\n---\n\nF.\n",
				"content/vi/g.md": "---\ntitle: G\ntags: [x, \"y z\"]\n---\n\nG.\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				for file, tags := range map[string]string{
					"a": "[x y][z]", "b": "[x][y z]", "c": "[1:a]", "d": "[1][a]", "e": "[1][1]", "f": "[1][1]", "g": "[x][y z]",
				} {
					outputShows("vi/"+file+"/index.html", `<p class="tags">`+tags+`</p>`)(t, work)
				}
			},
		},
		{
			name: "a copied file where a page needs its folder",
			files: withFiles(map[string]string{
				"content/vi/guide.md": "---\ntitle: Hướng dẫn\n---\n\nĐọc.\n",
				"static/vi/guide":     "not a folder",
			}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "where content/vi/guide.md:1 (the page /vi/guide/) needs a folder",
		},
		{
			name: "an alias onto another page",
			files: withFiles(map[string]string{
				"content/vi/guide.md": "---\ntitle: Hướng dẫn\naliases: [/vi/about/]\n---\n\nĐọc.\n",
			}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "the alias /vi/about/ is written at vi/about/index.html, as is content/vi/about.md:1 (the page /vi/about/)",
		},
		{
			name: "links to a long heading, an explicit one and a missing one of a page written before",
			files: withFiles(map[string]string{
				"content/vi/about.md": "---\ntitle: Giới thiệu\n---\n\n## " + strings.ReplaceAll(longID, "-", " ") + "\n\nVề.\n\n## Riêng {#đặt-tay}\n\nRiêng.\n",
				"content/vi/zz.md": "---\ntitle: Cuối\n---\n\n[dài](about.md#" + strings.TrimSuffix(longID, "-") + ")\n\n" +
					"[riêng](about.md#đặt-tay)\n\n[không](about.md#muc-rat-dai)\n",
			}),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "content/vi/zz.md:9: broken link about.md#muc-rat-dai: no heading #muc-rat-dai in content/vi/about.md",
			notOutput: []string{"#" + strings.TrimSuffix(longID, "-") + ":", "#đặt-tay:"},
		},
	})
}
