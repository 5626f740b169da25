package render

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/build/config"
	"handbook/build/diag"
)

// minimalTheme is a built-in theme with every required layout, page.html
// and the partials replaced by files.
func minimalTheme(t *testing.T, files map[string]string) *Theme {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range requiredLayouts {
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(`{{template "base" .}}`)}
	}
	fsys["layouts/base.html"] = &fstest.MapFile{Data: []byte(`{{define "base"}}<main>{{block "main" .}}{{end}}</main>{{end}}`)}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	th, err := NewTheme(t.TempDir(), "default", fsys)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// A template's error, of parsing, of escaping or of executing, and in a
// partial called by {{template}} or partialCached, is a Problem at the
// theme file and line it comes from, with the page it rendered.
func TestTemplateProblemIsAtItsFileAndLine(t *testing.T) {
	cases := []struct {
		name     string
		files    map[string]string
		wantFile string
		wantLine int
		wantMsg  string
	}{
		{"parse", map[string]string{"layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}\n{{.Title | nosuchfunc}}{{end}}"},
			"themes/default/layouts/page.html (built in)", 3, `function "nosuchfunc" not defined`},
		{"parse, partial", map[string]string{"layouts/partials/a.html": "{{define \"a\"}}\n\n{{if}}{{end}}"},
			"themes/default/layouts/partials/a.html (built in)", 3, "missing value for if"},
		{"execution", map[string]string{"layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}\n\n{{.Missing}}{{end}}"},
			"themes/default/layouts/page.html (built in)", 4, `executing "main" at <.Missing>: can't evaluate field Missing`},
		{"execution, {{template}} partial", map[string]string{
			"layouts/page.html":       "{{template \"base\" .}}\n{{define \"main\"}}{{template \"a\" .}}{{end}}",
			"layouts/partials/a.html": "{{define \"a\"}}\n{{.Missing}}{{end}}",
		}, "themes/default/layouts/partials/a.html (built in)", 2, "can't evaluate field Missing"},
		{"execution, partialCached partial", map[string]string{
			"layouts/page.html":       "{{template \"base\" .}}\n{{define \"main\"}}{{partialCached \"a\" .}}{{end}}",
			"layouts/partials/a.html": "{{define \"a\"}}\n\n\n{{.Missing}}{{end}}",
		}, "themes/default/layouts/partials/a.html (built in)", 4, "can't evaluate field Missing"},
		{"escaping", map[string]string{"layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}\n{{if .Title}}<a href=\"{{end}}x\">{{end}}"},
			"themes/default/layouts/page.html (built in)", 3, "branches end in different contexts"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := renderProblem(t, minimalTheme(t, c.files))
			d := p.Diagnostic
			if d.File != c.wantFile || d.Line != c.wantLine || !strings.Contains(d.Message, c.wantMsg) || d.Code != diag.CodeTemplate || d.Severity != diag.Error {
				t.Errorf("diagnostic %#v, want %s:%d about %q", d, c.wantFile, c.wantLine, c.wantMsg)
			}
			if strings.Contains(d.Message, "template:") {
				t.Errorf("message %q still has text/template's place", d.Message)
			}
			if errors.Unwrap(p) == nil {
				t.Error("the template's error is not wrapped")
			}
		})
	}
}

// renderProblem parses the theme and renders page.html, returning the
// problem either reports.
func renderProblem(t *testing.T, th *Theme) *diag.Problem {
	t.Helper()
	cache := newFragmentCache()
	parsed, err := parseLayouts(th, funcs(&config.Config{BaseURL: "/"}, cache), cache, defaultTwins())
	if err == nil {
		err = parsed.layouts["page.html"].Execute(io.Discard, struct{ Title string }{"T"})
		if err != nil {
			err = th.templateProblem(err, "layouts/page.html", "content/vi/a.md")
		}
	}
	var p *diag.Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %v, want a *diag.Problem", err)
	}
	return p
}

// A template's place is read from text/template's prefix: name, line and
// column, name and line, or a name alone.
func TestCutPlace(t *testing.T) {
	cases := []struct {
		in, file string
		line     int
		msg      string
		ok       bool
	}{
		{`template: layouts/page.html:3:5: executing "main" at <.X>: bad`, "layouts/page.html", 3, `executing "main" at <.X>: bad`, true},
		{`template: layouts/page.html:12: unexpected EOF`, "layouts/page.html", 12, "unexpected EOF", true},
		{`template: layouts/page.html: "main" is an incomplete template`, "layouts/page.html", 0, `"main" is an incomplete template`, true},
		{`template: no template "x" associated with template "y"`, "", 0, "", false},
		{`open layouts/page.html: no such file`, "", 0, "", false},
	}
	for _, c := range cases {
		file, line, msg, ok := cutPlace(c.in)
		if file != c.file || line != c.line || msg != c.msg || ok != c.ok {
			t.Errorf("cutPlace(%q) = %q, %d, %q, %v; want %q, %d, %q, %v", c.in, file, line, msg, ok, c.file, c.line, c.msg, c.ok)
		}
	}
}

// TestFragmentKeysTellPagesApart: partialCached reuses an output for the
// same keys, a page counting by its identity whichever rendering's view
// of it is given, and never across pages, other keys, or between a
// rendering that records and one that does not.
func TestFragmentKeysTellPagesApart(t *testing.T) {
	_, set := viewSite(t, "")
	vi := set.Lang("vi")
	a, b := vi.ByURL("/vi/guides/a/"), vi.ByURL("/vi/guides/b/")
	one, two := newRecorder(nil, set, nil), newRecorder(nil, set, nil)
	key := func(plain bool, keys ...any) string { return string(fragmentKey("nav", keys, plain)) }
	if key(true, "vi", one.view(a)) != key(true, "vi", two.view(a)) {
		t.Error("two renderings' views of a page give two keys")
	}
	for _, other := range []string{key(true, "vi", one.view(b)), key(true, "fr", one.view(a)), key(false, "vi", one.view(a)), key(true, "vi"), key(true, "vi", 1)} {
		if other == key(true, "vi", one.view(a)) {
			t.Errorf("key %q is also another's", other)
		}
	}
	onePage, otherPage := &siteData{Title: "a"}, &siteData{Title: "a"}
	if key(true, onePage, "vi") != key(true, otherPage, "vi") {
		t.Error("two pages' .Site give two keys: a partial keyed by the site is rendered once a page")
	}
	if key(true, &siteData{}) == key(true, one.view(a)) {
		t.Error("the site's key is a page's")
	}
	values := []any{2, true, nil}
	if key(true, values...) != key(true, 2, true, nil) || key(true, 2) == key(true, 3) || key(true, true) == key(true, false) {
		t.Error("ints or booleans are not keys of their own values")
	}
}
