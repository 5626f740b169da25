package build

import (
	"encoding/xml"
	"handbook/internal/sitetest"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/output"
	"handbook/themes"
)

// writeSite writes files (path → content) into a new temporary folder and
// returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	writeFiles(t, root, files)
	return root
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	sitetest.WriteFiles(t, root, files)
}

const siteConfig = sitetest.SmallHandbookConfig

// siteFiles is a small handbook in Vietnamese and French. The story is
// only in Vietnamese, and one Vietnamese page is a draft.
func siteFiles() map[string]string { return sitetest.SmallHandbook() }

// snapshot reads every file under root, path → content.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Name())
	}
	return out
}

// buildInto builds the site at root into a new folder and returns the
// site and the folder's files.
func buildInto(t *testing.T, root string, over config.Overrides) (*Site, string, map[string]string) {
	t.Helper()
	if over.Dest == "" {
		over.Dest = filepath.Join(t.TempDir(), "public")
	}
	s, err := Build(Options{Source: root, Overrides: over})
	if err != nil {
		t.Fatalf("Build: %v\n%v", err, diagsOf(s))
	}
	return s, over.Dest, snapshot(t, over.Dest)
}

// renderMemory runs the whole pipeline into memory.
func renderMemory(t *testing.T, root string, over config.Overrides) (*Site, *output.Memory, error) {
	t.Helper()
	s, err := Load(Options{Source: root, Overrides: over})
	if err != nil {
		return s, nil, err
	}
	mem := output.NewMemory()
	return s, mem, s.Render(mem)
}

func diagsOf(s *Site) []string {
	if s == nil || s.Diags == nil {
		return nil
	}
	var out []string
	for _, d := range s.Diags.Sorted() {
		out = append(out, d.String())
	}
	return out
}

func mustContain(t *testing.T, name, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %s\n--- %s:\n%s", name, w, name, got)
		}
	}
}

func mustNotContain(t *testing.T, name, got string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(got, b) {
			t.Errorf("%s contains %s\n--- %s:\n%s", name, b, name, got)
		}
	}
}

func TestBuildBilingualSite(t *testing.T) {
	s, _, files := buildInto(t, writeSite(t, siteFiles()), config.Overrides{})
	if d := diagsOf(s); len(d) > 0 {
		t.Errorf("diagnostics: %v", d)
	}
	page := func(p string) string {
		t.Helper()
		body, ok := files[p]
		if !ok {
			t.Fatalf("%s not written; files: %v", p, keys(files))
		}
		return body
	}

	viAbout := page("vi/about/index.html")
	mustContain(t, "vi/about", viAbout,
		`<html lang="vi">`,
		`<link rel="canonical" href="https://handbook.example/vi/about/">`,
		`<link rel="alternate" hreflang="vi" href="https://handbook.example/vi/about/">`,
		`<link rel="alternate" hreflang="fr" href="https://handbook.example/fr/about/">`,
		`<link rel="alternate" hreflang="x-default" href="https://handbook.example/vi/about/">`,
		`<a href="/fr/about/" hreflang="fr" lang="fr" rel="alternate">Français</a>`,
		`<span class="current-lang" aria-current="true" lang="vi">Tiếng Việt</span>`,
		`<a href="/vi/principles/customer-obsession/">nguyên tắc</a>`,
		`<a href="/vi/stories/only-vi/">câu chuyện</a>`,
		`<title>Giới thiệu · Sổ tay</title>`,
	)
	mustNotContain(t, "vi/about", viAbout, "notice-untranslated")

	frAbout := page("fr/about/index.html")
	mustContain(t, "fr/about", frAbout,
		`<html lang="fr">`,
		`<link rel="canonical" href="https://handbook.example/fr/about/">`,
		`<link rel="alternate" hreflang="fr" href="https://handbook.example/fr/about/">`,
		`<link rel="alternate" hreflang="vi" href="https://handbook.example/vi/about/">`,
		// x-default is the default language's page.
		`<link rel="alternate" hreflang="x-default" href="https://handbook.example/vi/about/">`,
		`<a href="/vi/about/" hreflang="vi" lang="vi" rel="alternate">Tiếng Việt</a>`,
		// A French site path resolves in French.
		`<a href="/fr/principles/customer-obsession/">le principe</a>`,
		`<meta property="og:locale" content="fr_FR">`,
	)

	story := page("vi/stories/only-vi/index.html")
	mustContain(t, "untranslated story", story,
		`<p class="notice notice-untranslated" data-lang="fr">Trang này chưa được dịch sang Français. <a href="/fr/" hreflang="fr">Về trang chủ bằng Français</a></p>`,
		`<a class="untranslated" href="/fr/" hreflang="fr" lang="fr"`,
		`<link rel="canonical" href="https://handbook.example/vi/stories/only-vi/">`,
	)
	mustNotContain(t, "untranslated story", story, `hreflang="x-default"`, `rel="alternate">Français`)
	if _, ok := files["fr/stories/only-vi/index.html"]; ok {
		t.Error("an untranslated page was written in French")
	}

	principle := page("vi/principles/customer-obsession/index.html")
	mustContain(t, "principle", principle,
		`<article class="principle">`,
		`<p class="statement">Bắt đầu từ khách hàng.</p>`,
		`<h2 id="khach-hang-la-ai">Khách hàng là ai?</h2>`,
		`<section class="related related-quotes"`, `<a href="/vi/quotes/q-day-two/">Ngày 2 là trì trệ</a>`,
		`<section class="related related-stories"`, `<a href="/vi/stories/only-vi/">Chỉ có tiếng Việt</a>`,
		`<a href="#khach-hang-la-ai">Khách hàng là ai?</a>`,
	)
	quote := page("fr/quotes/q-day-two/index.html")
	mustContain(t, "quote", quote,
		`<blockquote><p>Le jour 2, c’est la stase.</p></blockquote>`,
		`<cite><a href="/fr/letters/2016/">Lettre de 2016</a></cite>`,
		`<a href="/fr/principles/customer-obsession/">L’obsession du client</a>`,
	)
	mustContain(t, "letter", page("vi/letters/2016/index.html"),
		`<a href="/vi/quotes/q-day-two/">Trích dẫn</a>`,
		`<img src="/vi/letters/letter-2016.pdf" alt="bìa">`,
	)

	root := page("index.html")
	mustContain(t, "root index.html", root,
		`<a href="/vi/" hreflang="vi" lang="vi">Sổ tay</a>`,
		`<a href="/fr/" hreflang="fr" lang="fr">Le manuel</a>`,
		`<link rel="alternate" hreflang="x-default" href="https://handbook.example/vi/">`,
		`<meta http-equiv="refresh" content="0; url=/vi/">`,
	)
	mustContain(t, "404.html", page("404.html"),
		`<h1>Không tìm thấy trang</h1>`,
		`<a href="/vi/" hreflang="vi" lang="vi">Sổ tay</a>`,
		`<a href="/fr/" hreflang="fr" lang="fr">Le manuel</a>`,
	)
	if got, want := page("robots.txt"), "User-agent: *\nAllow: /\nSitemap: https://handbook.example/sitemap.xml\n"; got != want {
		t.Errorf("robots.txt = %q, want %q", got, want)
	}
	alias := page("vi/gioi-thieu/index.html")
	mustContain(t, "alias", alias,
		`<html lang="vi">`,
		`<meta http-equiv="refresh" content="0; url=/vi/about/">`,
		`<link rel="canonical" href="/vi/about/">`,
		`<meta name="robots" content="noindex">`,
	)
	if got := page("vi/letters/letter-2016.pdf"); got != "%PDF-1.4 not really\n" {
		t.Errorf("resource copied as %q", got)
	}
	defaultCSS, err := fs.ReadFile(themes.Default(), "static/css/style.css")
	if err != nil {
		t.Fatal(err)
	}
	if page("css/style.css") != string(defaultCSS) {
		t.Error("css/style.css is not the default theme's")
	}
	mustContain(t, "syntax.css", page("css/syntax.css"), ".chroma", "@media (prefers-color-scheme: dark)", ":root[data-theme=dark] .chroma")

	// Drafts are left out.
	for p := range files {
		if strings.Contains(p, "draft-idea") {
			t.Errorf("draft written: %s", p)
		}
	}
	// html/template replaces values it finds unsafe with ZgotmplZ.
	for p, body := range files {
		if strings.Contains(body, "ZgotmplZ") {
			t.Errorf("%s holds an unsafe value (ZgotmplZ)", p)
		}
	}
	// Every page of both languages is written.
	for _, p := range s.Pages.Pages {
		if _, ok := files[strings.TrimPrefix(p.URL, "/")+"index.html"]; !ok {
			t.Errorf("page %s not written", p.URL)
		}
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestSitemap(t *testing.T) {
	_, _, files := buildInto(t, writeSite(t, siteFiles()), config.Overrides{})
	raw := files["sitemap.xml"]
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				XMLName  xml.Name
				Rel      string `xml:"rel,attr"`
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatalf("sitemap.xml is not XML: %v\n%s", err, raw)
	}
	if doc.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" || doc.XMLName.Local != "urlset" {
		t.Errorf("root element %v", doc.XMLName)
	}
	alternates := map[string][]string{}
	for _, u := range doc.URLs {
		var links []string
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("%s: link rel %q", u.Loc, l.Rel)
			}
			links = append(links, l.Hreflang+"="+l.Href)
		}
		alternates[u.Loc] = links
	}
	if len(doc.URLs) != 18 {
		t.Errorf("%d URLs in the sitemap, want 18 (every page but the draft)", len(doc.URLs))
	}
	want := map[string][]string{
		"https://handbook.example/fr/about/": {"fr=https://handbook.example/fr/about/", "vi=https://handbook.example/vi/about/"},
		"https://handbook.example/vi/principles/customer-obsession/": {
			"vi=https://handbook.example/vi/principles/customer-obsession/",
			"fr=https://handbook.example/fr/principles/customer-obsession/",
		},
		"https://handbook.example/vi/stories/only-vi/": nil,
	}
	for loc, w := range want {
		got, ok := alternates[loc]
		if !ok {
			t.Errorf("%s not in the sitemap", loc)
		} else if !reflect.DeepEqual(got, w) {
			t.Errorf("%s alternates = %v, want %v", loc, got, w)
		}
	}
	if _, ok := alternates["https://handbook.example/vi/principles/draft-idea/"]; ok {
		t.Error("draft in the sitemap")
	}
	mustContain(t, "sitemap.xml", raw, `<xhtml:link rel="alternate" hreflang="fr" href="https://handbook.example/fr/about/">`)
}

func TestBuildUnderSubPath(t *testing.T) {
	s, mem, err := renderMemory(t, writeSite(t, siteFiles()), config.Overrides{BaseURL: "https://intranet.example/handbook/"})
	if err != nil {
		t.Fatalf("%v %v", err, diagsOf(s))
	}
	file := func(p string) string {
		data, ok := mem.File(p)
		if !ok {
			t.Fatalf("%s not written", p)
		}
		return string(data)
	}
	mustContain(t, "vi/about", file("vi/about/index.html"),
		`<a href="/handbook/vi/principles/customer-obsession/">nguyên tắc</a>`,
		`<link rel="canonical" href="https://intranet.example/handbook/vi/about/">`,
		`<link rel="stylesheet" href="/handbook/css/style.css">`,
		`<a href="/handbook/fr/about/" hreflang="fr"`,
	)
	mustContain(t, "letter", file("vi/letters/2016/index.html"), `<img src="/handbook/vi/letters/letter-2016.pdf"`)
	mustContain(t, "alias", file("vi/gioi-thieu/index.html"), `url=/handbook/vi/about/`)
	mustContain(t, "root", file("index.html"), `<a href="/handbook/fr/" hreflang="fr"`)
	mustContain(t, "robots.txt", file("robots.txt"), "Sitemap: https://intranet.example/handbook/sitemap.xml\n")
	mustContain(t, "sitemap.xml", file("sitemap.xml"), "<loc>https://intranet.example/handbook/fr/about/</loc>")
}

func TestThemeOverrideAndI18nFallback(t *testing.T) {
	files := siteFiles()
	files["handbook.toml"] = `theme = "custom"` + "\n" + siteConfig
	files["themes/custom/layouts/page.html"] = "{{template \"base\" .}}\n{{define \"main\"}}<article class=\"custom-page\">CUSTOM {{.Title}}</article>{{end}}\n"
	files["themes/custom/static/css/style.css"] = "/* the site's own style */\n"
	// The French strings of the custom theme lack the footer.
	fr, err := fs.ReadFile(themes.Default(), "i18n/fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(fr), "\n") {
		if !strings.HasPrefix(l, "footer ") {
			kept = append(kept, l)
		}
	}
	if len(kept) != len(strings.Split(string(fr), "\n"))-1 {
		t.Fatal("the default French strings have no footer line to remove")
	}
	files["themes/custom/i18n/fr.toml"] = strings.Join(kept, "\n")

	s, mem, err := renderMemory(t, writeSite(t, files), config.Overrides{})
	if err != nil {
		t.Fatalf("%v %v", err, diagsOf(s))
	}
	file := func(p string) string {
		data, ok := mem.File(p)
		if !ok {
			t.Fatalf("%s not written", p)
		}
		return string(data)
	}
	viAbout := file("vi/about/index.html")
	mustContain(t, "vi/about", viAbout, `<article class="custom-page">CUSTOM Giới thiệu</article>`, `<html lang="vi">`)
	mustNotContain(t, "vi/about", viAbout, `<article class="page">`)
	// The layouts the site does not override stay the built-in ones.
	mustContain(t, "principle", file("vi/principles/customer-obsession/index.html"), `<article class="principle">`)
	if got := file("css/style.css"); got != "/* the site's own style */\n" {
		t.Errorf("css/style.css = %q, want the site's", got)
	}

	// The missing French string falls back to Vietnamese, with one warning.
	viFooter := `<footer class="site-footer"><p>Sổ tay Ngày 1: nguyên tắc lãnh đạo, trích dẫn, câu chuyện và bài tập.</p></footer>`
	mustContain(t, "fr/about", file("fr/about/index.html"), viFooter, `<a class="skip-link" href="#main">Aller au contenu</a>`)
	want := diag.Diagnostic{File: "themes/custom/i18n/fr.toml", Severity: diag.Warning,
		Message: `1 interface string is not translated into fr ("footer"): using vi`}
	var warnings []diag.Diagnostic
	for _, d := range s.Diags.Sorted() {
		if d.Severity == diag.Warning {
			warnings = append(warnings, d)
		}
	}
	if !reflect.DeepEqual(warnings, []diag.Diagnostic{want}) {
		t.Errorf("warnings = %v, want only %v", warnings, want)
	}
}

func TestUnknownThemeFails(t *testing.T) {
	files := siteFiles()
	files["handbook.toml"] = `theme = "missing"` + "\n" + siteConfig
	_, err := Load(Options{Source: writeSite(t, files)})
	if err == nil || !strings.Contains(err.Error(), "theme missing: no folder themes/missing") {
		t.Errorf("Load = %v", err)
	}
}

// TestBrokenLayoutAndPageBothReported parses a theme's templates, which
// happens while the pages are read: a layout that does not parse fails
// the load with its file and line, after the pages are read, so a broken
// page's error is reported too.
func TestBrokenLayoutAndPageBothReported(t *testing.T) {
	files := siteFiles()
	files["handbook.toml"] = `theme = "custom"` + "\n" + siteConfig
	files["themes/custom/layouts/page.html"] = "{{define \"main\"}}\n<p>{{.Title}</p>\n{{end}}\n"
	files["content/vi/broken.md"] = "---\ntitle: [\n"
	s, err := Load(Options{Source: writeSite(t, files)})
	if err == nil || !strings.Contains(err.Error(), "layouts/page.html:2") {
		t.Errorf("Load = %v, want the layout's line", err)
	}
	if s.Renderer() != nil {
		t.Error("a renderer was made with a layout that does not parse")
	}
	var pageErr bool
	for _, d := range s.Diags.Sorted() {
		pageErr = pageErr || d.File == "content/vi/broken.md" && d.Severity == diag.Error
	}
	if !pageErr {
		t.Errorf("the broken page's error is missing: %v", s.Diags.Sorted())
	}
}

func TestFailedBuildLeavesPreviousOutput(t *testing.T) {
	root := writeSite(t, siteFiles())
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	_, _, before := buildInto(t, root, config.Overrides{Dest: dest})
	if len(before) < 20 {
		t.Fatalf("first build wrote only %v", keys(before))
	}

	// A dead link on line 6 of about.md.
	writeFiles(t, root, map[string]string{
		"content/vi/about.md": "---\ntitle: Giới thiệu mới\n---\n\nĐoạn một.\nXem [trang mất](principles/gone.md).\n",
		"content/vi/new.md":   "---\ntitle: Trang mới\n---\n",
	})
	s, err := Build(Options{Source: root, Overrides: config.Overrides{Dest: dest}})
	if err == nil {
		t.Fatal("build with a dead link succeeded")
	}
	if !IsContentError(err) {
		t.Errorf("error %v is not a content error", err)
	}
	want := "content/vi/about.md:6: broken link principles/gone.md: no such page in vi"
	if d := diagsOf(s); !reflect.DeepEqual(d, []string{want}) {
		t.Errorf("diagnostics = %v, want [%s]", d, want)
	}
	if after := snapshot(t, dest); !reflect.DeepEqual(after, before) {
		for p := range after {
			if after[p] != before[p] {
				t.Errorf("%s changed", p)
			}
		}
		for p := range before {
			if _, ok := after[p]; !ok {
				t.Errorf("%s removed", p)
			}
		}
	}
	if got := entries(t, parent); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("beside the output folder after a failed build: %v", got)
	}

	// A broken anchor is found after the pages are written; the output
	// is still left alone.
	writeFiles(t, root, map[string]string{
		"content/vi/about.md": "---\ntitle: Giới thiệu\n---\n\n[x](principles/customer-obsession.md#nope)\n",
	})
	if _, err := Build(Options{Source: root, Overrides: config.Overrides{Dest: dest}}); !IsContentError(err) {
		t.Fatalf("build with a broken anchor: %v", err)
	}
	if after := snapshot(t, dest); !reflect.DeepEqual(after, before) {
		t.Error("a build with a broken anchor changed the output")
	}
	if got := entries(t, parent); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("beside the output folder after a failed build: %v", got)
	}

	// Fixed, the next build replaces the output.
	writeFiles(t, root, map[string]string{"content/vi/about.md": "---\ntitle: Giới thiệu đã sửa\n---\n"})
	_, _, fixed := buildInto(t, root, config.Overrides{Dest: dest})
	mustContain(t, "vi/about", fixed["vi/about/index.html"], "Giới thiệu đã sửa")
	if _, ok := fixed["vi/new/index.html"]; !ok {
		t.Error("the new page is missing after a good build")
	}
	if got := entries(t, parent); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("beside the output folder after a good build: %v", got)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	root := writeSite(t, siteFiles())
	_, _, a := buildInto(t, root, config.Overrides{})
	_, _, b := buildInto(t, root, config.Overrides{})
	if len(a) < 20 {
		t.Fatalf("only %d files built", len(a))
	}
	if !reflect.DeepEqual(keys(a), keys(b)) {
		t.Fatalf("different files:\n%v\n%v", keys(a), keys(b))
	}
	for p := range a {
		if a[p] != b[p] {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func TestDrafts(t *testing.T) {
	root := writeSite(t, siteFiles())
	s, _, files := buildInto(t, root, config.Overrides{})
	if _, ok := files["vi/principles/draft-idea/index.html"]; ok {
		t.Error("draft built without Drafts")
	}
	if s.Pages.Skipped != 1 {
		t.Errorf("Skipped = %d, want 1", s.Pages.Skipped)
	}
	s, _, files = buildInto(t, root, config.Overrides{Drafts: true})
	mustContain(t, "draft", files["vi/principles/draft-idea/index.html"], "<h1>Bản nháp</h1>", "Chưa xong.")
	if s.Pages.Skipped != 0 || strings.Contains(s.Summary(), "drafts") {
		t.Errorf("Skipped = %d, summary %q", s.Pages.Skipped, s.Summary())
	}
}

func TestSummary(t *testing.T) {
	s, _, _ := buildInto(t, writeSite(t, siteFiles()), config.Overrides{})
	want := "  vi: 10 pages (1 letters, 1 pages, 1 principles, 1 quotes, 5 sections, 1 stories)\n" +
		"  fr: 8 pages (1 letters, 1 pages, 1 principles, 1 quotes, 4 sections)\n" +
		"  1 drafts left out (--drafts includes them)\n"
	if got := s.Summary(); got != want {
		t.Errorf("Summary:\n%s\nwant:\n%s", got, want)
	}
	var stages []string
	for _, st := range s.Timings {
		stages = append(stages, st.Stage)
	}
	if want := []string{"config", "read", "link", "history", "templates", "render", "files", "write"}; !reflect.DeepEqual(stages, want) {
		t.Errorf("stages = %v, want %v", stages, want)
	}
}

func TestAliasClashingWithAnotherLanguagesPage(t *testing.T) {
	files := siteFiles()
	files["content/vi/about.md"] = "---\ntitle: Giới thiệu\naliases: [/fr/about/, /]\n---\n"
	s, mem, err := renderMemory(t, writeSite(t, files), config.Overrides{})
	if !IsContentError(err) {
		t.Fatalf("Render = %v, want a content error", err)
	}
	const fix = ": give one of them another slug, alias or file name"
	want := []string{
		"content/vi/about.md:3: the alias /fr/about/ is written at fr/about/index.html, as is content/fr/about.md:1 (the page /fr/about/)" + fix,
		"content/vi/about.md:3: the alias /vi/ is written at vi/index.html, as is content/vi/_index.md:1 (the page /vi/)" + fix,
	}
	if got := diagsOf(s); !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics = %v, want %v", got, want)
	}
	// The clash is found while loading, before anything is rendered.
	if mem != nil {
		t.Errorf("the site was rendered: %v", mem.Paths())
	}
}

func TestLoadErrors(t *testing.T) {
	files := siteFiles()
	files["content/fr/bad.md"] = "---\ntitle: Mauvais\n---\n\nLatin-1: caf\xe9\n"
	s, err := Load(Options{Source: writeSite(t, files)})
	if !IsContentError(err) {
		t.Fatalf("Load = %v, want a content error", err)
	}
	want := []string{"content/fr/bad.md:5: the file is not valid UTF-8: save it as UTF-8"}
	if got := diagsOf(s); !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics = %v, want %v", got, want)
	}

	if _, err := Load(Options{Source: filepath.Join(t.TempDir(), "nowhere")}); err == nil || IsContentError(err) {
		t.Errorf("Load of a missing folder = %v", err)
	}
}
