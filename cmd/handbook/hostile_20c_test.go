package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hugoLinkSite is a Hugo site in three languages, English the default,
// with its own templates and a configuration key the tool does not read;
// page is added as content/en/page.md, and the French home links to a
// page only English has, as Hugo users write such links.
func hugoLinkSite(page string) map[string]string {
	return map[string]string{
		"hugo.toml": "title = \"Docs\"\ndefaultContentLanguage = \"en\"\nenableEmoji = true\n" +
			"[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n[languages.fr]\nweight = 2\ncontentDir = \"content/fr\"\n[languages.vi]\nweight = 3\ncontentDir = \"content/vi\"\n",
		"layouts/_default/single.html": "{{ .Content }}",
		"content/en/_index.md":         "---\ntitle: Docs\n---\n\n[page](/page/)\n",
		"content/fr/_index.md":         "---\ntitle: Docs\n---\n\n[page en anglais](/page/#a--b)\n",
		"content/vi/_index.md":         "---\ntitle: Tài liệu\n---\n",
		"content/en/page.md":           "---\ntitle: Page\n---\n\n## A & B\n\n" + page,
	}
}

// builtHugoPage checks that the built file rel of the Hugo site holds
// every one of want and none of notWant.
func builtHugoPage(rel string, want []string, notWant ...string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		page, err := os.ReadFile(filepath.Join(work, "out", rel))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(page), w) {
				t.Errorf("%s lacks %q", rel, w)
			}
		}
		for _, w := range notWant {
			if strings.Contains(string(page), w) {
				t.Errorf("%s holds %q", rel, w)
			}
		}
	}
}

// TestHostile20c runs Hugo sites' links, headings and what the tool
// leaves aside through build and check: a Hugo site builds with links
// Hugo would build with, warned about; check --strict fails on them;
// check ends with its summary; headings Hugo gives hostile or repeated
// text get ids quickly and safely.
func TestHostile20c(t *testing.T) {
	broken := hugoLinkSite("[gone](/nowhere/) [anchor](#nope) ![img](img/missing.png)\n")
	build := []string{"build", "--source", "$SITE", "--dest", "$WORK/out"}
	n := 20000
	runHostile(t, []hostileCase{
		{
			name: "broken links on a Hugo site build, warned", files: broken, args: build, code: exitOK,
			output:  "content/en/page.md:7: warning: broken link /nowhere/: no page at /en/nowhere/",
			written: []string{"out"},
			after:   builtHugoPage("fr/index.html", []string{`href="/en/page/#a--b"`}),
		},
		{
			name: "the same in check: warnings, then the summary", files: broken,
			args: []string{"check", "--source", "$SITE"}, code: exitOK,
			output: "handbook: note: the handbook ignored what follows of this site: configuration keys not read (1), Hugo layouts not used (1)\n" +
				"  configuration keys not read:\n    hugo.toml: warning: Hugo configuration: ignoring enableEmoji",
		},
		{
			name: "check --strict fails on them, not on what was left aside", files: broken,
			args: []string{"check", "--source", "$SITE", "--strict"}, code: exitContent,
			output:    "content/en/page.md:7: broken link #nope: no heading #nope on this page",
			notOutput: []string{"    hugo.toml: Hugo configuration", "layouts: Hugo templates"},
		},
		{
			name: "the summary as a GitHub notice", files: broken,
			args: []string{"check", "--source", "$SITE", "--format", "github"}, code: exitOK,
			output: "::notice title=handbook check%3A ignored::the handbook ignored what follows of this site",
		},
		{
			name: "the handbook's own site keeps broken links errors",
			files: withFiles(map[string]string{
				"content/vi/about.md": "---\ntitle: Giới thiệu\n---\n\n[gone](/nowhere/)\n",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/about.md:5: broken link /nowhere/: no page at /vi/nowhere/",
		},
		{
			// Hugo leaves raw HTML out of an id, as the typographer's quotes.
			name: "markup and quotes in a Hugo heading", args: build, code: exitOK, written: []string{"out"},
			files: hugoLinkSite("## <script>alert(1)</script> \"q\" & 'x' {.c}\n\n[s](#alert1-q--x)\n"),
			after: builtHugoPage("en/page/index.html",
				[]string{`<h2 class="c" id="alert1-q--x"><span id="script-alert-1-script-q-x"></span>&lt;script&gt;`},
				"<script>alert"),
		},
		{
			name: "thousands of identical Hugo headings", args: build, code: exitOK, written: []string{"out"},
			files: hugoLinkSite(strings.Repeat("## A & B\n\n", n) + "[last](#a--b-20000)\n"),
			after: builtHugoPage("en/page/index.html",
				[]string{`<h2 id="a--b"><span id="a-b"></span>`, `<h2 id="a--b-1"><span id="a-b-1"></span>`, `<h2 id="a--b-20000">`}),
		},
	})
}
