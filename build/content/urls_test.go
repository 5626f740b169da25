package content

import (
	"net/url"
	"path"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

func TestPageURL(t *testing.T) {
	tests := []struct {
		rel, slug string
		section   bool
		want      string // "" when the slug is refused
		problem   string
	}{
		{rel: "about.md", slug: "about", want: "/vi/about/"},
		{rel: "principles/day-one.md", slug: "ngay-mot", want: "/vi/principles/ngay-mot/"},
		{rel: "principles/day-one/index.md", slug: "day-one", want: "/vi/principles/day-one/"},
		{rel: "index.md", slug: "x", want: "/vi/"},
		{rel: "my folder/_index.md", section: true, want: "/vi/my-folder/"},
		{rel: "my folder/a b.md", slug: "a-b", want: "/vi/my-folder/a-b/"},
		{rel: "a.md", slug: "a?b#c d", want: "/vi/a?b#c-d/"},
		{rel: "a.md", slug: "x/../about", want: "/vi/about/"},
		{rel: "a.md", slug: "x//y/./z", want: "/vi/x/y/z/"},
		{rel: "a.md", slug: "/about", want: "/vi/about/"},
		{rel: "principles/a.md", slug: "../about", want: "/vi/about/"},
		{rel: "principles/a.md", slug: "..", problem: "leads out of the language's folder /vi/ (to /vi/)"},
		{rel: "a.md", slug: "..", problem: "(to /)"},
		{rel: "a.md", slug: "../../fr/about", problem: "(to /fr/about/)"},
		{rel: "a.md", slug: "../..", problem: "(to /)"},
		{rel: "principles/a.md", slug: "../../../etc", problem: "(to /etc/)"},
		{rel: "a.md", slug: "a\x00b", problem: "control character"},
		{rel: "a.md", slug: "a\nb", problem: "control character"},
	}
	for _, tt := range tests {
		got, err := pageURL("vi", tt.rel, tt.section, tt.slug)
		switch {
		case tt.problem != "" && (err == nil || !strings.Contains(err.Error(), tt.problem)):
			t.Errorf("pageURL(%q, slug %q) = %q, %v; want an error containing %q", tt.rel, tt.slug, got, err, tt.problem)
		case tt.problem == "" && (err != nil || got != tt.want):
			t.Errorf("pageURL(%q, slug %q) = %q, %v; want %q", tt.rel, tt.slug, got, err, tt.want)
		}
	}
}

func TestFileSlug(t *testing.T) {
	for rel, want := range map[string]string{
		"about.md":             "about",
		"a?b#c d.md":           "a?b#c-d",
		"x/my bundle/index.md": "my-bundle",
		"100%.md":              "100%",
	} {
		if got := fileSlug(rel); got != want {
			t.Errorf("fileSlug(%q) = %q, want %q", rel, got, want)
		}
	}
}

func TestEscapePath(t *testing.T) {
	for in, want := range map[string]string{
		"/vi/about/":       "/vi/about/",
		"/vi/a?b#c-d/":     "/vi/a%3Fb%23c-d/",
		"/vi/100%/":        "/vi/100%25/",
		"/vi/my pic.png":   "/vi/my%20pic.png",
		"/vi/khách-hàng/":  "/vi/kh%C3%A1ch-h%C3%A0ng/",
		"/vi/a+b;c=d@e/":   "/vi/a+b;c=d@e/",
		"/fr/l'été/print/": "/fr/l%27%C3%A9t%C3%A9/print/",
	} {
		if got := EscapePath(in); got != want {
			t.Errorf("EscapePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestURLClashes builds sites where two pages, a page and an alias, two
// aliases or a page and a file beside the pages land on the same output
// file: each is one error naming both files and their lines.
func TestURLClashes(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string
		line  int
		msg   []string
	}{
		{
			name: "a slug that climbs back onto another page",
			files: map[string]string{
				"content/vi/about.md": "---\ntitle: About\n---\n",
				"content/vi/x.md":     "---\ntitle: X\nslug: x/../about\n---\n",
			},
			file: "content/vi/x.md", line: 3,
			msg: []string{"/vi/about/", "is written at vi/about/index.html, as is content/vi/about.md:1"},
		},
		{
			name: "a file name that becomes another page's slug",
			files: map[string]string{
				"content/vi/a b.md": "",
				"content/vi/a-b.md": "",
			},
			file: "content/vi/a-b.md", line: 1,
			msg: []string{"/vi/a-b/", "content/vi/a b.md:1"},
		},
		{
			name: "a page's slug onto a folder's section",
			files: map[string]string{
				"content/vi/principles/x.md": "",
				"content/vi/p.md":            "---\ntitle: P\nslug: principles\n---\n",
			},
			file: "content/vi/p.md", line: 3,
			msg: []string{"/vi/principles/", "made for a folder"},
		},
		{
			name: "an alias onto a page of another language",
			files: map[string]string{
				"content/fr/about.md": "",
				"content/vi/x.md":     "---\ntitle: X\naliases: [/fr/about/]\n---\n",
			},
			file: "content/vi/x.md", line: 3,
			msg: []string{"the alias /fr/about/", "content/fr/about.md:1"},
		},
		{
			name: "two aliases",
			files: map[string]string{
				"content/vi/a.md": "---\naliases:\n  - /old/\n---\n",
				"content/vi/b.md": "---\ntitle: B\naliases: [/x/../old]\n---\n",
			},
			file: "content/vi/b.md", line: 3,
			msg: []string{"the alias /vi/old/", "content/vi/a.md:2"},
		},
		{
			name: "a file beside the pages onto a page",
			files: map[string]string{
				"content/vi/about.md":         "",
				"content/vi/about/index.html": "<p>old</p>",
			},
			file: "content/vi/about/index.html", line: 0,
			msg: []string{"the file /vi/about/index.html", "content/vi/about.md:1"},
		},
		{
			name: "a file named like a page's file, beside its folder",
			files: map[string]string{
				"content/vi/about.md":        "",
				"content/vi/aboutindex.html": "<p>not the page's</p>",
				"content/vi/x.md":            "---\ntitle: X\nslug: about\n---\n",
			},
			file: "content/vi/x.md", line: 3,
			msg: []string{"is written at vi/about/index.html, as is content/vi/about.md:1"},
		},
		{
			name: "a file beside the pages where a page needs a folder",
			files: map[string]string{
				"content/vi/l.md": "",
				"content/vi/l":    "a file without an extension",
			},
			file: "content/vi/l", line: 0,
			msg: []string{"the file /vi/l is written at vi/l, where content/vi/l.md:1 (the page /vi/l/) needs a folder"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"handbook.toml": twoLanguages, "content/vi/_index.md": "", "content/fr/_index.md": ""}
			for k, v := range tt.files {
				files[k] = v
			}
			_, diags := loadSite(t, writeSite(t, files), config.Overrides{})
			got := diags.Sorted()
			if len(got) != 1 {
				t.Fatalf("diagnostics = %v, want one", got)
			}
			d := got[0]
			ok := d.Severity == diag.Error && d.Code == diag.CodeURLClash && d.File == tt.file && d.Line == tt.line
			for _, s := range tt.msg {
				ok = ok && strings.Contains(d.Message, s)
			}
			if !ok {
				t.Errorf("diagnostic = %v (%v, %s), want a url-clash error at %s:%d containing %q", d, d.Severity, d.Code, tt.file, tt.line, tt.msg)
			}
		})
	}
}

func TestSlugOutOfLanguageIsAnError(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"handbook.toml":        twoLanguages,
		"content/vi/_index.md": "",
		"content/fr/_index.md": "",
		"content/fr/about.md":  "",
		"content/vi/x.md":      "---\ntitle: X\nslug: ../../fr/about\n---\n",
	}), config.Overrides{})
	got := diags.Sorted()
	if len(got) != 1 || got[0].File != "content/vi/x.md" || got[0].Line != 3 || !strings.Contains(got[0].Message, "leads out") {
		t.Fatalf("diagnostics = %v, want one at content/vi/x.md:3 saying the slug leads out", got)
	}
	if p := set.Lang("vi").ByRelPath("x.md"); p == nil || p.URL != "/vi/x/" {
		t.Errorf("the page = %v, want it kept at its file name's URL /vi/x/", p)
	}
}

// FuzzURLs gives two pages and an alias any slugs: every URL made stays
// in its language's folder, is clean, and reads back from its encoded
// form unchanged; and exactly the output files claimed twice are
// reported, each naming both sources.
func FuzzURLs(f *testing.F) {
	for _, seed := range [][3]string{
		{"", "x/../about", ""},
		{"", "../../fr/about", ""},
		{"", "../..", ""},
		{"", "..", "/vi/principles/"},
		{"", "", "/about/"},
		{"a?b#c d", "a?b#c-d", "/fr/a?b"},
		{"100%", "%2e%2e", "/../../etc/"},
		{"\x00", "a\tb", "index.html"},
		{"/", "//", "/vi/"},
		{"", "../about/index.html", ""},
		{"x", "", "/x/index.html/y/"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, slug1, slug2, alias string) {
		set := &Set{byLang: map[string]*Lang{"vi": {}, "fr": {}}}
		p1 := &Page{Lang: "vi", File: "content/vi/about.md", RelPath: "about.md", Slug: slug1, slugLine: 2}
		p2 := &Page{Lang: "vi", File: "content/vi/principles/x.md", RelPath: "principles/x.md", Slug: slug2, slugLine: 3,
			Aliases: []string{alias}, aliasLine: 4}
		for _, p := range []*Page{p1, p2} {
			_ = p.applyDefaults(nil)
			checkURL(t, p.URL, "/vi/")
			set.Pages = append(set.Pages, p)
		}
		a := set.AliasURL("vi", alias)
		checkURL(t, a, "/")
		var diags diag.List
		claimOutputs(set, &diags)
		claims := []string{p1.URL, p2.URL, a}
		want := len(claims) - len(distinct(claims)) + folderClashes(distinct(claims))
		got := diags.Sorted()
		if len(got) != want {
			t.Fatalf("claims %q: %d clashes reported, want %d: %v", claims, len(got), want, got)
		}
		for _, d := range got {
			if !strings.Contains(d.Message, "content/vi/") || d.Line == 0 {
				t.Errorf("clash %v does not name the other file and its line", d)
			}
		}
	})
}

// checkURL fails unless u is a clean folder path under prefix that its
// percent-encoded form gives back, with no query or fragment.
func checkURL(t *testing.T, u, prefix string) {
	t.Helper()
	inner := strings.TrimSuffix(u, "/")
	if !strings.HasPrefix(u, prefix) || !strings.HasSuffix(u, "/") || (inner != "" && path.Clean(inner) != inner) {
		t.Fatalf("URL %q is not a clean folder under %s", u, prefix)
	}
	back, err := url.Parse(EscapePath(u))
	if err != nil || back.Path != u || back.RawQuery != "" || back.Fragment != "" {
		t.Fatalf("EscapePath(%q) = %q reads back as %v (%v)", u, EscapePath(u), back, err)
	}
}

// folderClashes counts the output files of the page URLs urls that are
// a folder another one's file needs.
func folderClashes(urls map[string]bool) int {
	n := 0
	for u := range urls {
		file := strings.TrimPrefix(u, "/") + "index.html"
		for other := range urls {
			if strings.HasPrefix(strings.TrimPrefix(other, "/"), file+"/") {
				n++
				break
			}
		}
	}
	return n
}

func distinct(list []string) map[string]bool {
	seen := map[string]bool{}
	for _, s := range list {
		seen[s] = true
	}
	return seen
}

func TestFileKey(t *testing.T) {
	tests := []struct{ file, key string }{
		{"index.html", ""},
		{"vi/about/index.html", "vi/about/"},
		{"vi/aboutindex.html", "vi/aboutindex.html"},
		{"vi/about/index.htm", "vi/about/index.htm"},
		{"vi/logo.png", "vi/logo.png"},
	}
	keys := map[string]string{}
	for _, tt := range tests {
		if got := fileKey(tt.file); got != tt.key {
			t.Errorf("fileKey(%q) = %q, want %q", tt.file, got, tt.key)
		}
		if other, ok := keys[tt.key]; ok {
			t.Errorf("%q and %q share the key %q", other, tt.file, tt.key)
		}
		keys[tt.key] = tt.file
	}
}

// TestClaimsKeepNoMapOnceChecked: a linked site's table of output files
// holds no map of their keys (50 bytes a page, to the end of a build),
// only their places in the order of their keys, and still finds the
// page, alias or file that writes a file, the one that writes in a
// folder, and none for a file nothing writes.
func TestClaimsKeepNoMapOnceChecked(t *testing.T) {
	root := writeSite(t, map[string]string{
		"handbook.toml":            twoLanguages,
		"content/vi/_index.md":     "---\ntitle: Home\n---\n",
		"content/vi/notes/a.md":    "---\ntitle: A\naliases: [/cu/]\n---\n",
		"content/fr/_index.md":     "---\ntitle: Accueil\n---\n",
		"content/fr/notes/a.md":    "---\ntitle: A\n---\n",
		"content/vi/notes/pic.png": "png",
	})
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	set, err := LoadWithoutBodies(cfg, &diags)
	if err != nil {
		t.Fatal(err)
	}
	Link(set, cfg, &diags)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	if set.outputs == nil || set.outputs.files != nil || len(set.outputs.byKey) != len(set.outputs.keys) {
		t.Fatalf("the linked site's claims hold a map of %d files", len(set.outputs.files))
	}
	for file, want := range map[string]string{"vi/cu/index.html": "alias", "vi/notes/pic.png": "file", "fr/index.html": "page"} {
		if o, ok := set.OutputOrigin(file); !ok || o.Kind != want {
			t.Errorf("%s is written by %+v, %v, want a %s", file, o, ok, want)
		}
	}
	for _, file := range []string{"vi/notes/b/index.html", "vi/notes/index.htm", "", "zz"} {
		if o, ok := set.OutputOrigin(file); ok {
			t.Errorf("%q is written by %+v, where nothing writes it", file, o)
		}
	}
	if o, ok := set.OutputOrigin("vi/notes/a/index.html"); !ok || o.File != "content/vi/notes/a.md" {
		t.Errorf("vi/notes/a/index.html is written by %+v, %v", o, ok)
	}
	if o, ok := set.OutputUnder("fr/notes/a"); !ok || o.File != "content/fr/notes/a.md" {
		t.Errorf("fr/notes/a is written in by %+v, %v", o, ok)
	}
}
