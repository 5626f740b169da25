//go:build unix

package main

import "testing"

// TestHostileMem2: pages share their parameters' names and the texts of
// their lists, and the output-claims table keys a page's file by its
// URL. Each page must still show its own parameters as written, a file
// whose name only ends like a page's must not clash with it, and a clash
// must name the file written in full.
func TestHostileMem2(t *testing.T) {
	withTheme := func(files map[string]string) map[string]string {
		site := withFiles(files)
		site["handbook.toml"] = "theme = \"params\"\n" + site["handbook.toml"]
		site["themes/params/layouts/page.html"] = paramsTheme
		return site
	}
	runHostile(t, []hostileCase{
		{
			name: "two pages whose lists share texts, in other orders, cases and types",
			files: withTheme(map[string]string{
				"content/vi/about.md": "---\ntitle: A\ntags: [khách hàng, \"<b>\", 3, Tags]\n---\n\nA.\n",
				"content/vi/other.md": "---\ntitle: B\nTags: [\"<b>\"]\ntags:\n  - Tags\n  - khách hàng\n  - \"3\"\n---\n\nB.\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				outputShows("vi/about/index.html", "<p class=\"tags\">[khách hàng][&lt;b&gt;][3][Tags]</p>")(t, work)
				outputShows("vi/other/index.html", "<dt>Tags</dt><dd>[&lt;b&gt;]</dd>",
					"<p class=\"tags\">[Tags][khách hàng][3]</p>")(t, work)
			},
		},
		{
			name: "a file beside the pages whose name ends like a page's file",
			files: withFiles(map[string]string{
				"content/vi/aboutindex.html": "<p>not the page</p>",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				outputShows("vi/aboutindex.html", "<p>not the page</p>")(t, work)
				outputShows("vi/about/index.html", "Về sổ tay.")(t, work)
			},
		},
		{
			name: "a slug onto another page names the file both write",
			files: withFiles(map[string]string{
				"content/vi/x.md": "---\ntitle: X\nslug: about\n---\n\nX.\n",
			}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "content/vi/x.md:3: the page /vi/about/ is written at vi/about/index.html, as is content/vi/about.md:1 (the page /vi/about/)",
		},
	})
}
