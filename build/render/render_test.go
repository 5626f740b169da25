package render

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alecthomas/chroma/v2/styles"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/themes"
)

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func baseTheme() fstest.MapFS {
	return fstest.MapFS{
		"layouts/page.html":    {Data: []byte("base page")},
		"layouts/home.html":    {Data: []byte("base home")},
		"static/css/style.css": {Data: []byte("base css")},
		"i18n/vi.toml":         {Data: []byte("a = \"A vi\"\nb = \"B vi\"\n")},
		"i18n/fr.toml":         {Data: []byte("a = \"A fr\"\n")},
	}
}

func TestThemeLayers(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"themes/custom/layouts/page.html": "site page",
		"themes/custom/static/js/app.js":  "site js",
	})
	th, err := NewTheme(root, "custom", baseTheme())
	if err != nil {
		t.Fatal(err)
	}
	if th.Override != filepath.Join(root, "themes", "custom") {
		t.Errorf("Override = %q", th.Override)
	}
	for name, want := range map[string]string{
		"layouts/page.html":    "site page",
		"layouts/home.html":    "base home",
		"static/css/style.css": "base css",
		"static/js/app.js":     "site js",
	} {
		got, err := th.ReadFile(name)
		if err != nil || string(got) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := th.ReadFile("layouts/none.html"); err == nil {
		t.Error("ReadFile of a missing file succeeded")
	}
	if got, want := th.Files("static"), []string{"static/css/style.css", "static/js/app.js"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Files(static) = %v, want %v", got, want)
	}
	if got, want := th.Files("layouts"), []string{"layouts/home.html", "layouts/page.html"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Files(layouts) = %v, want %v", got, want)
	}
	if got := th.Source("layouts/page.html"); got != "themes/custom/layouts/page.html" {
		t.Errorf("Source(site file) = %q", got)
	}
	if got := th.Source("layouts/home.html"); got != "themes/default/layouts/home.html (built in)" {
		t.Errorf("Source(built-in file) = %q", got)
	}
	if !th.Has("static/js/app.js") || !th.Has("static/css/style.css") || th.Has("static/none.css") {
		t.Error("Has is wrong")
	}
	exists := StaticExists(root, th)
	writeFiles(t, root, map[string]string{"static/img/logo.png": "png"})
	for p, want := range map[string]bool{"/js/app.js": true, "/css/style.css": true, "/img/logo.png": true, "img/logo.png": true, "/img/none.png": false} {
		if got := exists(p); got != want {
			t.Errorf("StaticExists(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestNewThemeWithoutFolder(t *testing.T) {
	root := t.TempDir()
	th, err := NewTheme(root, "default", baseTheme())
	if err != nil || th.Override != "" {
		t.Errorf("default theme without a folder: %+v, %v", th, err)
	}
	if _, err := NewTheme(root, "fancy", baseTheme()); err == nil || !strings.Contains(err.Error(), "no folder themes/fancy") {
		t.Errorf("NewTheme(fancy) = %v", err)
	}
}

func TestTranslations(t *testing.T) {
	th, err := NewTheme(t.TempDir(), "default", baseTheme())
	if err != nil {
		t.Fatal(err)
	}
	diags := &diag.List{}
	tr, err := loadTranslations(th, []string{"vi", "fr", "de"}, "vi", diags)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, key, want string }{
		{"vi", "a", "A vi"}, {"fr", "a", "A fr"},
		{"fr", "b", "B vi"}, {"fr", "b", "B vi"}, // reported once
		{"de", "a", "A vi"}, {"fr", "zzz", "zzz"},
	}
	for _, tt := range tests {
		if got := tr.get(tt.lang, tt.key); got != tt.want {
			t.Errorf("get(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	var got []string
	for _, d := range diags.Sorted() {
		if d.Severity != diag.Warning {
			t.Errorf("not a warning: %v", d)
		}
		got = append(got, d.String())
	}
	// One line per language, however many strings it lacks or a page
	// asks for; a string no language has is named on its own.
	want := []string{
		"themes/default/i18n/de.toml (built in): warning: no interface strings for de: using vi",
		`themes/default/i18n/fr.toml (built in): warning: 1 interface string is not translated into fr ("b"): using vi`,
		`themes/default/i18n/fr.toml (built in): warning: interface string "zzz" is not defined in any language of the theme`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	bad := baseTheme()
	bad["i18n/fr.toml"] = &fstest.MapFile{Data: []byte("a = \"A\"\nb = \n")}
	th, _ = NewTheme(t.TempDir(), "default", bad)
	_, err = loadTranslations(th, []string{"vi", "fr"}, "vi", &diag.List{})
	var p *diag.Problem
	if !errors.As(err, &p) || p.File != "themes/default/i18n/fr.toml (built in)" || p.Line != 2 {
		t.Errorf("invalid TOML: %v, want a Problem at the file's line 2", err)
	}
}

func TestTranslationsManyLanguages(t *testing.T) {
	// A site in languages the theme has no strings for, whose default
	// language has none either, reads English; a language whose file
	// lacks many strings is one warning with the count.
	files := baseTheme()
	files["i18n/en.toml"] = &fstest.MapFile{Data: []byte("a = \"A en\"\nb = \"B en\"\nc = \"C en\"\nd = \"D en\"\ne = \"E en\"\nf = \"F en\"\ng = \"G en\"\n")}
	files["i18n/de.toml"] = &fstest.MapFile{Data: []byte("a = \"A de\"\n")}
	th, err := NewTheme(t.TempDir(), "default", files)
	if err != nil {
		t.Fatal(err)
	}
	diags := &diag.List{}
	tr, err := loadTranslations(th, []string{"ja", "de", "ko"}, "ja", diags)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"b", "c", "d", "e", "f", "g", "b"} {
		tr.get("de", k)
		tr.get("ko", k)
	}
	if got := tr.get("ja", "b"); got != "B en" {
		t.Errorf("get(ja, b) = %q, want English", got)
	}
	for lang, want := range map[string]string{"ja": "ja", "pt-br": "pt_BR", "de": "de"} {
		if got := tr.locale(lang); got != want {
			t.Errorf("locale(%s) = %q, want %q", lang, got, want)
		}
	}
	if got := tr.get("de", "a"); got != "A de" {
		t.Errorf("get(de, a) = %q", got)
	}
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`themes/default/i18n/de.toml (built in): warning: 6 interface strings are not translated into de ("b", "c", "d", "e", "f", …): using en`,
		"themes/default/i18n/ja.toml (built in): warning: no interface strings for ja: using en",
		"themes/default/i18n/ko.toml (built in): warning: no interface strings for ko: using en",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDefaultThemeStringsComplete(t *testing.T) {
	th, err := NewTheme(t.TempDir(), "default", themes.Default())
	if err != nil {
		t.Fatal(err)
	}
	tr, err := loadTranslations(th, []string{"vi", "fr"}, "vi", &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	for key := range tr.byLang["vi"] {
		if _, ok := tr.byLang["fr"][key]; !ok {
			t.Errorf("%q is in vi.toml but not fr.toml", key)
		}
	}
	for key := range tr.byLang["fr"] {
		if _, ok := tr.byLang["vi"][key]; !ok {
			t.Errorf("%q is in fr.toml but not vi.toml", key)
		}
	}
}

func TestParseLayoutsNeedsRequiredLayouts(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html": {Data: []byte(`{{define "base"}}{{block "main" .}}{{end}}{{end}}`)},
		"layouts/page.html": {Data: []byte(`{{template "base" .}}`)},
	}
	th, _ := NewTheme(t.TempDir(), "default", fsys)
	cfg := &config.Config{BaseURL: "/"}
	if _, err := parseLayouts(th, funcs(cfg, newFragmentCache()), newFragmentCache(), defaultTwins()); err == nil || !strings.Contains(err.Error(), "layouts/home.html is missing") {
		t.Errorf("parseLayouts = %v", err)
	}
	fsys["layouts/home.html"] = &fstest.MapFile{Data: []byte(`{{template "base" .}}{{define "main"}}{{.Broken}`)}
	if _, err := parseLayouts(th, funcs(cfg, newFragmentCache()), newFragmentCache(), defaultTwins()); err == nil || !strings.Contains(err.Error(), "themes/default/layouts/home.html (built in)") {
		t.Errorf("parseLayouts with a syntax error = %v", err)
	}
}

func TestLayoutFor(t *testing.T) {
	tests := []struct {
		page content.Page
		want string
	}{
		{content.Page{IsHome: true, IsSection: true}, "home.html"},
		{content.Page{IsSection: true}, "section.html"},
		{content.Page{Kind: content.Quote}, "quote.html"},
		{content.Page{Kind: content.Principle}, "principle.html"},
		{content.Page{}, "page.html"},
	}
	for _, tt := range tests {
		if got := layoutFor(&tt.page); got != tt.want {
			t.Errorf("layoutFor(%+v) = %s, want %s", tt.page, got, tt.want)
		}
	}
	if got := OutputPath(&content.Page{URL: "/vi/principles/day-one/"}); got != "vi/principles/day-one/index.html" {
		t.Errorf("OutputPath = %s", got)
	}
}

func TestAliasPath(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
		"content/fr/_index.md": "---\ntitle: Accueil\n---\n",
	})
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
	tests := []struct{ lang, alias, want string }{
		{"vi", "/old/", "/vi/old/"},
		{"vi", "old", "/vi/old/"},
		{"vi", "/old/index.html", "/vi/old/"},
		{"vi", "/fr/ancien/", "/fr/ancien/"},
		{"fr", "/vi/cu", "/vi/cu/"},
		{"fr", "/a/../b/", "/fr/b/"},
		{"fr", "/", "/fr/"},
		{"vi", "/../../etc/", "/vi/etc/"},
	}
	for _, tt := range tests {
		if got := set.AliasURL(tt.lang, tt.alias); got != tt.want {
			t.Errorf("AliasURL(%s, %q) = %q, want %q", tt.lang, tt.alias, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	got := format("{day} {month} năm {year}", map[string]string{"day": "12", "month": "tháng 4", "year": "2016"})
	if got != "12 tháng 4 năm 2016" {
		t.Errorf("format = %q", got)
	}
	if got := format("{n} pages, {missing}", map[string]string{"n": "3"}); got != "3 pages, {missing}" {
		t.Errorf("format = %q", got)
	}
}

func TestWriteStylePrefixesEverySelector(t *testing.T) {
	var buf bytes.Buffer
	const prefix = ":root[data-theme=dark] "
	if err := writeStyle(&buf, styles.Get("github-dark"), prefix); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) < 10 {
		t.Fatalf("only %d lines of CSS:\n%s", len(lines), buf.String())
	}
	for _, l := range lines {
		if !strings.Contains(l, "{") {
			continue
		}
		selector := l
		if strings.HasPrefix(l, "/*") {
			selector = l[strings.Index(l, "*/ ")+3:]
		}
		if !strings.HasPrefix(selector, prefix+".") {
			t.Errorf("selector not prefixed: %q", l)
		}
	}
}
