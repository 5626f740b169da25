package themes_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/content"
	"handbook/internal/sitetest"
)

// basePath is the sub-path the handbook is built and served under, as a
// baseURL may ask, so that the theme's scripts are tested with it.
const basePath = "/handbook"

// TestThemeInBrowser builds the repository's handbook with the default
// theme and drives it in one headless Chromium: the exercise worksheets,
// the light/dark switch, a phone's width, the keyboard's focus, and an
// axe-core audit of every kind of page in both languages and both themes.
// The subtests share the browser and the built site, which take most of
// the time.
func TestThemeInBrowser(t *testing.T) {
	chromium := sitetest.NeedTool(t, "Chromium", "/usr/bin/chromium", "chromium", "chromium-browser")
	if testing.Short() {
		t.Skip("starts a browser")
	}
	f := newFixture(t, chromium)
	t.Run("worksheet", f.testWorksheet)
	t.Run("worksheet keyboard", f.testWorksheetKeyboard)
	t.Run("without scripts", f.testWithoutScripts)
	t.Run("theme switch", f.testThemeSwitch)
	t.Run("phone width", f.testPhoneWidth)
	t.Run("focus visible", f.testFocusVisible)
	t.Run("axe", f.testAxe)
}

// fixture is what the subtests share: the built handbook and its server,
// a second site whose page is as wide as text gets, and the browser.
type fixture struct {
	site    *build.Site
	dir     string // the built handbook
	base    string // the handbook's address: server + basePath
	wideURL string // the wide page's address, in Vietnamese; French is beside it
	strings map[string]map[string]string
	// pages is, per language and kind, the site path of the page tested
	// for that kind.
	pages   map[string]map[string]string
	browser context.Context // the tab every subtest but axe drives
	alloc   context.Context // the browser, for more tabs
}

func newFixture(t *testing.T, chromium string) *fixture {
	t.Helper()
	f := &fixture{dir: filepath.Join(t.TempDir(), "public")}
	var err error
	f.site, err = build.Build(build.Options{Source: "..", Overrides: config.Overrides{Dest: f.dir, BaseURL: "http://127.0.0.1" + basePath + "/"}})
	if err != nil {
		t.Fatalf("building the handbook: %v", err)
	}
	srv := httptest.NewServer(serveSite(f.dir, basePath))
	t.Cleanup(srv.Close)
	f.base = srv.URL + basePath
	f.wideURL = serveWideSite(t)
	f.pages = pagesByKind(f.site)
	for _, lang := range []string{"vi", "fr"} {
		for _, kind := range pageKinds() {
			if _, ok := f.pages[lang][kind]; !ok && kind != "404" {
				t.Fatalf("the handbook has no %s page in %s to test", kind, lang)
			}
		}
	}
	f.strings = map[string]map[string]string{"vi": sitetest.ThemeStrings(t, "vi"), "fr": sitetest.ThemeStrings(t, "fr")}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	f.alloc, cancel = chromedp.NewExecAllocator(ctx,
		append(sitetest.ChromiumOptions(chromium, t.TempDir()), chromedp.WindowSize(1280, 900))...)
	t.Cleanup(cancel) // runs before the user-data-dir is removed
	f.browser, cancel = chromedp.NewContext(f.alloc)
	t.Cleanup(cancel)
	if err := chromedp.Do(f.browser); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return f
}

// url is the address of the page of a kind in a language.
func (f *fixture) url(lang, kind string) string { return f.base + f.pages[lang][kind] }

// pageKinds are the kinds of page the theme lays out differently.
func pageKinds() []string {
	return []string{"home", "section", "principle", "letter", "quote", "story", "exercise", "page", "404"}
}

// eachPage calls fn with every kind of page in every language, in a
// stable order.
func (f *fixture) eachPage(fn func(lang, kind, url string)) {
	for _, lang := range []string{"vi", "fr"} {
		for _, kind := range pageKinds() {
			if _, ok := f.pages[lang][kind]; ok {
				fn(lang, kind, f.url(lang, kind))
			}
		}
	}
}

// serveSite serves a built site under prefix, and its 404.html, with the
// status 404, for a path it does not have, as the web server does.
func serveSite(dir, prefix string) http.Handler {
	files := http.StripPrefix(prefix, http.FileServer(http.Dir(dir)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, prefix)
		if ok && exists(dir, rel) {
			files.ServeHTTP(w, r)
			return
		}
		page, err := os.ReadFile(filepath.Join(dir, "404.html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(page)
	})
}

// exists reports whether a site path names a file, or a folder with an
// index.html.
func exists(dir, sitePath string) bool {
	p := filepath.Join(dir, filepath.FromSlash(sitePath))
	info, err := os.Stat(p)
	if err == nil && info.IsDir() {
		_, err = os.Stat(filepath.Join(p, "index.html"))
	}
	return err == nil
}

// pagesByKind picks, per language, one page of each kind: the one with
// the longest text, which is the likeliest to be too wide or too long
// for something. "404" is a path no page has: the site has one 404 page,
// in its default language, with links to every language's home.
func pagesByKind(s *build.Site) map[string]map[string]string {
	longest := map[string]map[string]*content.Page{}
	for _, p := range s.Pages.Pages {
		kind := kindOf(p)
		if longest[p.Lang] == nil {
			longest[p.Lang] = map[string]*content.Page{}
		}
		if q := longest[p.Lang][kind]; q == nil || len(s.Pages.Body(p)) > len(s.Pages.Body(q)) {
			longest[p.Lang][kind] = p
		}
	}
	out := map[string]map[string]string{}
	for lang, byKind := range longest {
		out[lang] = map[string]string{}
		if lang == s.Config.DefaultLanguage {
			out[lang]["404"] = "/" + lang + "/no-such-page/"
		}
		for kind, p := range byKind {
			out[lang][kind] = p.URL
		}
	}
	return out
}

func kindOf(p *content.Page) string {
	switch {
	case p.IsHome:
		return "home"
	case p.IsSection:
		return "section"
	case p.Kind == content.Plain:
		return "page"
	}
	return string(p.Kind)
}

// wideText is a page of everything that can make a page wider than a
// phone: a long word, a long address, a wide table, a long line of code.
const wideText = `Một từ rất dài: PneumonoultramicroscopicsilicovolcanoconiosisAnticonstitutionnellementSupercalifragilisticexpialidocious.

Một địa chỉ dài: https://handbook.example/a/very/long/path/that/never/ends/and/keeps/going/on/and/on/index.html?with=a&long=query&string=too

[Một liên kết có chữ rất dài](https://handbook.example/Pneumonoultramicroscopicsilicovolcanoconiosis/Anticonstitutionnellement/)

| Nguyên tắc | Ngày | Câu hỏi | Câu trả lời | Ghi chú | Người phụ trách | Hạn chót | Trạng thái |
|---|---|---|---|---|---|---|---|
| Ám ảnh khách hàng | 2016 | Ở đâu? | Ẩn ý | Ỗn định | Nguyễn Thị Ặng | 31/12/2026 | Đang làm |

` + "```go\nfunc thisIsAVeryLongFunctionNameThatDoesNotFitOnAPhone(withAVeryLongArgumentName string, andAnother int) (string, error) { return withAVeryLongArgumentName, nil }\n```\n\n" +
	"`inline_code_that_is_very_long_and_has_no_spaces_at_all_so_it_cannot_break_normally()`\n"

// serveWideSite builds a small bilingual site whose page "wide" holds
// wideText, serves it, and returns the Vietnamese page's address.
func serveWideSite(t *testing.T) string {
	t.Helper()
	root := sitetest.Write(t, map[string]string{
		"handbook.toml":        sitetest.Config,
		"content/vi/_index.md": "---\ntitle: Sổ tay\ndescription: Trang chủ.\n---\n",
		"content/fr/_index.md": "---\ntitle: Le manuel\ndescription: Accueil.\n---\n",
		"content/vi/wide.md":   "---\ntitle: Trang rộng\ndescription: Rộng.\n---\n\n" + wideText,
		"content/fr/wide.md":   "---\ntitle: Page large\ndescription: Large.\n---\n\n" + wideText,
	})
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: root, Overrides: config.Overrides{Dest: dir, BaseURL: "http://127.0.0.1/"}}); err != nil {
		t.Fatalf("building the wide page's site: %v", err)
	}
	srv := httptest.NewServer(serveSite(dir, ""))
	t.Cleanup(srv.Close)
	return srv.URL + "/vi/wide/"
}
