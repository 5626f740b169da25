package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/output"
)

// TestHostileURLs runs slugs, aliases, file names and static files that
// land on the same output file, or out of their language, through build
// and check: each is an error naming both files and their lines, and
// nothing is written. A file name with "?", "#" and a space builds, at
// its plain path on disk and percent-encoded in every link.
func TestHostileURLs(t *testing.T) {
	page := func(slug string) map[string]string {
		return withFiles(map[string]string{"content/vi/x.md": "---\ntitle: X\nslug: " + slug + "\n---\n\nX.\n"})
	}
	clash := "content/vi/x.md:3: the page /vi/about/ is written at vi/about/index.html, as is content/vi/about.md:1"
	runHostile(t, []hostileCase{
		{
			name: "slug that climbs back onto another page", files: page("x/../about"),
			args: []string{"build", "--source", "$SITE"}, code: exitContent, output: clash,
		},
		{
			name: "the same, in check", files: page("x/../about"),
			args: []string{"check", "--source", "$SITE"}, code: exitContent, output: clash,
		},
		{
			name: "slug into another language", files: page("../../fr/about"),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: `content/vi/x.md:3: slug "../../fr/about" leads out of the language's folder /vi/ (to /fr/about/)`,
		},
		{
			name: "slug out of the site", files: page("../.."),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: `content/vi/x.md:3: slug "../.." leads out of the language's folder /vi/ (to /)`,
		},
		{
			name: "slug out of the language, in check", files: page("../../fr/about"),
			args: []string{"check", "--source", "$SITE"}, code: exitContent,
			output: `content/vi/x.md:3: slug "../../fr/about" leads out`,
		},
		{
			name: "a previous build stays as it was",
			files: withFiles(map[string]string{
				"content/vi/x.md":            "---\ntitle: X\nslug: x/../about\n---\n",
				"public/vi/about/index.html": "the last good build",
				"public/" + output.StampFile: "x",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitContent, output: clash,
		},
		{
			name: "two file names one URL",
			files: withFiles(map[string]string{
				"content/vi/a b.md": "---\ntitle: A\n---\n",
				"content/vi/a-b.md": "---\ntitle: B\n---\n",
			}),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/a-b.md:1: the page /vi/a-b/ is written at vi/a-b/index.html, as is content/vi/a b.md:1",
		},
		{
			name:  "alias onto a page of another language",
			files: withFiles(map[string]string{"content/vi/x.md": "---\ntitle: X\naliases: [/fr/about/]\n---\n"}),
			args:  []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/x.md:3: the alias /fr/about/ is written at fr/about/index.html, as is content/fr/about.md:1",
		},
		{
			name:  "file beside the pages onto a page",
			files: withFiles(map[string]string{"content/vi/about/index.html": "<p>mine</p>"}),
			args:  []string{"check", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/about/index.html: the file /vi/about/index.html is written at vi/about/index.html, as is content/vi/about.md:1",
		},
		{
			name:  "static file onto a page",
			files: withFiles(map[string]string{"static/vi/about/index.html": "<p>mine</p>"}),
			args:  []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "static/vi/about/index.html: the static file /vi/about/index.html would replace content/vi/about.md:1 (the page /vi/about/)",
		},
		{
			name:  "file beside the pages where a page needs a folder",
			files: withFiles(map[string]string{"content/vi/about": "no extension"}),
			args:  []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/about: the file /vi/about is written at vi/about, where content/vi/about.md:1 (the page /vi/about/) needs a folder",
		},
		{
			name:  "static file where a page needs a folder",
			files: withFiles(map[string]string{"static/vi/about": "no extension"}),
			args:  []string{"check", "--source", "$SITE"}, code: exitContent,
			output: "static/vi/about: the static file /vi/about is where content/vi/about.md:1 (the page /vi/about/) needs a folder",
		},
		{
			name:  "file beside the pages onto the print page",
			files: withFiles(map[string]string{"content/vi/print/index.html": "<p>mine</p>"}),
			args:  []string{"build", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/print/index.html: the file /vi/print/index.html would replace the print page /vi/print/",
		},
		{
			name:  "alias onto the print page",
			files: withFiles(map[string]string{"content/vi/x.md": "---\ntitle: X\naliases: [/print/]\n---\n"}),
			args:  []string{"check", "--source", "$SITE"}, code: exitContent,
			output: "content/vi/x.md:3: the alias /vi/print/ would replace the print page /vi/print/",
		},
		{
			name:  "static file onto the sitemap",
			files: withFiles(map[string]string{"static/sitemap.xml": "<urlset/>"}),
			args:  []string{"check", "--source", "$SITE"}, code: exitContent,
			output: "static/sitemap.xml: the static file /sitemap.xml would replace the sitemap",
		},
		{
			name: "slug with a control character", files: page(`"a\u0000b"`),
			args: []string{"build", "--source", "$SITE"}, code: exitContent,
			output: `content/vi/x.md:3: slug "a\x00b" holds a control character`,
		},
		{
			name:    "alias that climbs stays in its language",
			files:   withFiles(map[string]string{"content/vi/x.md": "---\ntitle: X\naliases: [../../../outside/]\n---\n"}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				if _, err := os.Stat(filepath.Join(work, "site", "public", "vi", "outside", "index.html")); err != nil {
					t.Errorf("the alias is not at vi/outside/: %v", err)
				}
			},
		},
		{
			name:    "file name with ? # and a space",
			files:   withFiles(map[string]string{"content/vi/a?b#c d.md": "---\ntitle: Lạ\n---\n\nLạ.\n", "content/vi/about.md": "---\ntitle: Giới thiệu\n---\n\n[Lạ](a%3Fb%23c%20d.md)\n"}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after:   checkEncodedSite,
		},
	})
}

// checkEncodedSite checks the site built from a page named "a?b#c d.md":
// its file is at the plain path, and the link to it, the sitemap and the
// search index hold the path percent-encoded.
func checkEncodedSite(t *testing.T, work string) {
	public := filepath.Join(work, "site", "public")
	if _, err := os.Stat(filepath.Join(public, "vi", "a?b#c-d", "index.html")); err != nil {
		t.Errorf("the page is not at vi/a?b#c-d/index.html: %v", err)
	}
	const encoded = "/vi/a%3Fb%23c-d/"
	for file, want := range map[string]string{
		"vi/about/index.html": `href="` + encoded + `"`,
		"sitemap.xml":         "<loc>https://handbook.example" + encoded + "</loc>",
	} {
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(file)))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %s (%v)", file, want, err)
		}
	}
	docs, _ := filepath.Glob(filepath.Join(public, "_search", "vi", "d", "*.json"))
	found := false
	for _, d := range docs {
		data, _ := os.ReadFile(d)
		found = found || strings.Contains(string(data), `"url":"`+encoded+`"`)
	}
	if !found {
		t.Errorf("no search document of %d links to %s", len(docs), encoded)
	}
}
