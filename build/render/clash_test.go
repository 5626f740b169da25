package render

import (
	"bytes"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/output"
	"handbook/themes"
)

const twoLanguages = `title = "Handbook"
defaultLanguage = "vi"
[print]
enable = true
[languages.vi]
weight = 1
[languages.fr]
weight = 2
`

// newSite loads, links and prepares the rendering of the site made of
// files, with the default theme.
func newSite(t *testing.T, files map[string]string) (*Renderer, *content.Set, *diag.List) {
	t.Helper()
	root := t.TempDir()
	writeFiles(t, root, files)
	diags := &diag.List{}
	cfg, err := config.Load(root, config.Overrides{}, diags)
	if err != nil {
		t.Fatal(err, diags.Sorted())
	}
	set, err := content.Load(cfg, diags)
	if err != nil {
		t.Fatal(err)
	}
	content.Link(set, cfg, diags)
	theme, err := NewTheme(root, "default", themes.Default())
	if err != nil {
		t.Fatal(err)
	}
	r, err := newRenderer(cfg, set, theme, nil, diags, defaultTwins())
	if err != nil {
		t.Fatal(err)
	}
	return r, set, diags
}

// TestStaticFileClashes gives the site's static folder a file at the path
// of each kind of file the build writes: each is an error at the static
// file naming the other, and a static file over a theme asset is not.
func TestStaticFileClashes(t *testing.T) {
	want := map[string]string{
		"static/sitemap.xml":          "the sitemap",
		"static/index.html":           "the language chooser",
		"static/css/syntax.css":       "code-highlighting stylesheet",
		"static/_search/vi/meta.json": "the search index",
		"static/vi/about/index.html":  "content/vi/about.md:1 (the page /vi/about/)",
		"static/vi/old/index.html":    "content/vi/about.md:3 (the alias /vi/old/)",
		"static/vi/logo.png":          "content/vi/logo.png (the file /vi/logo.png)",
		"static/vi/print/index.html":  "the print page /vi/print/",
		"static/vi/team":              "is where content/vi/team.md:1 (the page /vi/team/) needs a folder",
		"static/robots.txt/x":         "needs a folder where robots.txt is written",
		"static/js":                   "is where the theme's /js/",
	}
	files := map[string]string{
		"handbook.toml":         twoLanguages,
		"content/vi/_index.md":  "---\ntitle: Trang chủ\n---\n",
		"content/fr/_index.md":  "---\ntitle: Accueil\n---\n",
		"content/vi/about.md":   "---\ntitle: About\naliases: [/old/]\n---\n",
		"content/vi/logo.png":   "png",
		"content/vi/team.md":    "---\ntitle: Team\n---\n",
		"static/css/style.css":  "a site's own stylesheet",
		"static/vi/other.html":  "a file of its own",
		"static/.hidden/x.html": "left out",
	}
	for name := range want {
		files[name] = "static"
	}
	_, _, diags := newSite(t, files)
	got := map[string]string{}
	for _, d := range diags.Sorted() {
		if d.Severity != diag.Error || d.Code != diag.CodeURLClash {
			t.Errorf("unexpected diagnostic %v", d)
			continue
		}
		got[d.File] = d.Message
	}
	for file, other := range want {
		if !strings.Contains(got[file], other) {
			t.Errorf("%s: %q, want an error naming %q", file, got[file], other)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors at %d files, want %d: %v", len(got), len(want), got)
	}
}

// TestURLsArePercentEncoded renders a page whose file name holds "?",
// "#" and a space: its file is written at the plain path, and every link
// to it, its canonical address and the sitemap hold it encoded.
func TestURLsArePercentEncoded(t *testing.T) {
	r, set, diags := newSite(t, map[string]string{
		"handbook.toml":           twoLanguages,
		"content/vi/_index.md":    "---\ntitle: Trang chủ\n---\n",
		"content/fr/_index.md":    "---\ntitle: Accueil\n---\n",
		"content/vi/a?b#c d.md":   "---\ntitle: A\n---\n",
		"content/vi/b.md":         "---\ntitle: B\naliases: [/old/]\n---\n",
		"content/vi/100% sure.md": "---\ntitle: C\n---\n",
	})
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	mem := output.NewMemory()
	var buf bytes.Buffer
	for _, p := range set.Pages {
		if err := r.WritePage(p, &buf, mem); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.WriteSiteFiles(mem); err != nil {
		t.Fatal(err)
	}
	const encoded = "/vi/a%3Fb%23c-d/"
	for _, tt := range []struct{ file, want string }{
		{"vi/a?b#c-d/index.html", `<link rel="canonical" href="` + encoded + `">`},
		{"vi/100%-sure/index.html", `<link rel="canonical" href="/vi/100%25-sure/">`},
		{"vi/b/index.html", `href="` + encoded + `"`},
		{"vi/b/index.html", `href="/vi/100%25-sure/"`},
		{"vi/old/index.html", `url=/vi/b/`},
		{"sitemap.xml", "<loc>" + encoded + "</loc>"},
	} {
		file, want := tt.file, tt.want
		data, ok := mem.File(file)
		if !ok {
			t.Errorf("%s was not written (files: %v)", file, mem.Paths())
			continue
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %q:\n%s", file, want, data)
		}
		if strings.Contains(string(data), "a?b") || strings.Contains(string(data), "#c-d") {
			t.Errorf("%s holds the path unencoded:\n%s", file, data)
		}
	}
}

// TestResourceOverPrintPage: a file beside the pages at the print page's
// path is an error at the file naming the print page.
func TestResourceOverPrintPage(t *testing.T) {
	_, _, diags := newSite(t, map[string]string{
		"handbook.toml":               twoLanguages,
		"content/vi/_index.md":        "---\ntitle: Trang chủ\n---\n",
		"content/fr/_index.md":        "---\ntitle: Accueil\n---\n",
		"content/vi/about.md":         "---\ntitle: About\n---\n",
		"content/vi/print/index.html": "<p>mine</p>",
	})
	got := diags.Sorted()
	want := "content/vi/print/index.html: the file /vi/print/index.html would replace the print page /vi/print/"
	if len(got) != 1 || !strings.HasPrefix(got[0].String(), want) || got[0].Code != diag.CodeURLClash {
		t.Errorf("diagnostics = %v, want one starting %q", got, want)
	}
}
