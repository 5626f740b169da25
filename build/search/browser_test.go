package search_test

import (
	"context"
	"encoding/json"
	"fmt"
	"handbook/internal/sitetest"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/fold"
	"handbook/build/search/query"
)

// TestBrowserSearch drives the search box of the built handbook in
// headless Chromium: nothing is fetched before the box has focus; typed
// queries (plain, Telex, with a word no page has) show what the Go
// Searcher finds, with highlights and kind labels; the keyboard opens a
// result, whose page highlights the query; "all languages" lists a page or
// its translation, not both; the count is announced; the box fits a phone.
// The site is built under a sub-path (/docs/), as a baseURL may ask.
func TestBrowserSearch(t *testing.T) {
	chromium := sitetest.NeedTool(t, "Chromium", "/usr/bin/chromium", "chromium", "chromium-browser")
	if testing.Short() {
		t.Skip("starts a browser")
	}
	site := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: "../..", Overrides: config.Overrides{Dest: site, BaseURL: "http://127.0.0.1/docs/"}}); err != nil {
		t.Fatalf("building the handbook: %v", err)
	}
	searcher := query.NewSearcher(os.DirFS(site))
	vi, fr := sitetest.ThemeStrings(t, "vi"), sitetest.ThemeStrings(t, "fr")

	var (
		mu      sync.Mutex
		fetched []string // the index files requested, in order
	)
	files := http.StripPrefix("/docs", http.FileServer(http.Dir(site)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/_search/") {
			mu.Lock()
			fetched = append(fetched, r.URL.Path)
			mu.Unlock()
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	indexFiles := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(fetched)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		append(sitetest.ChromiumOptions(chromium, t.TempDir()), chromedp.WindowSize(1280, 900))...)
	t.Cleanup(cancelAlloc) // runs before the user-data-dir is removed
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)

	b := &browserT{t: t, ctx: ctx}
	b.do(chromedp.Navigate(srv.URL + "/docs/vi/"))
	b.waitFor(`document.querySelector('[data-search][data-ready]') !== null`, "the search module to start")
	// The scoring loops run as WebAssembly here: were it refused, the
	// client would score in JavaScript, to the same results but slower.
	kernel, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`import('/docs/js/search.js').then(m => m.createSearch('/docs/_search/').kernel())`, chromedp.EvalAwaitPromise))
	if err != nil || kernel != "wasm" {
		t.Errorf("the search client scores with %q (%v), want WebAssembly", kernel, err)
	}
	time.Sleep(300 * time.Millisecond) // time for an eager fetch to show
	if got := indexFiles(); len(got) != 0 {
		t.Fatalf("the page fetched %q before the search box had focus", got)
	}

	// "/" focuses the box, which fetches meta.json and nothing else.
	b.do(pressKey("/", "Slash", 191))
	if got := b.evalString(`document.activeElement.id + '|' + document.activeElement.value`); got != "site-search-input|" {
		t.Fatalf("after /: active element id|value = %q, want the empty search box", got)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(indexFiles()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	if got := indexFiles(); !slices.Equal(got, []string{"/docs/_search/vi/meta.json"}) {
		t.Fatalf("on focus the page fetched %q, want only /docs/_search/vi/meta.json", got)
	}

	// A query without marks: the results Go finds, in its order, with
	// their kind labels, highlights and the count announced.
	want := b.typeQuery(searcher, "khach hang", []string{"vi"})
	kinds := b.evalStrings(`[...document.querySelectorAll('#site-search-list [role=option] .search-kind')].map(e => e.textContent)`)
	for i, r := range want.Results {
		label := vi["kind_"+r.Kind]
		if r.Kind == "" {
			label = vi["search_kind_page"]
		}
		if i >= len(kinds) || kinds[i] != label {
			t.Errorf("result %d (%s): kind label %q, want %q", i, r.URL, kinds, label)
		}
	}
	marks := b.evalStrings(`[...document.querySelectorAll('#site-search-list [role=option]')].map(o => [...o.querySelectorAll('mark')].map(m => m.textContent).join(' '))`)
	for i, m := range marks {
		words := strings.Fields(m)
		if len(words) == 0 {
			t.Errorf("result %d has no <mark>", i)
		}
		for _, w := range words {
			if f := fold.String(w); f != "khach" && f != "hang" {
				t.Errorf("result %d marks %q, which is not a word of the query", i, w)
			}
		}
	}
	b.checkMarkup()
	if got := b.evalString(`document.getElementById('site-search-input').getAttribute('aria-expanded')`); got != "true" {
		t.Errorf("aria-expanded = %q with results shown", got)
	}
	if got, wantLive := b.evalString(`document.querySelector('.site-search [aria-live=polite]').textContent`), count(vi, "vi", want.Total); got != wantLive {
		t.Errorf("the live region says %q, want %q", got, wantLive)
	}

	// Telex finds the same pages; a word no page has is reported.
	b.typeQuery(searcher, "khachs hangf", []string{"vi"})
	// The pages with the other words follow, each saying which word it
	// is without.
	partial := b.typeQuery(searcher, "lanh xyzzyq", []string{"vi"})
	unmatched := strings.ReplaceAll(vi["search_unmatched"], "{word}", "xyzzyq")
	b.waitFor(fmt.Sprintf(`document.querySelector('.search-message').textContent.includes(%q)`, unmatched), "the unmatched word's message")
	without := strings.ReplaceAll(vi["search_without"], "{words}", "xyzzyq")
	b.waitFor(fmt.Sprintf(`document.querySelector('.search-message').textContent.includes(%q)`, without), "the message saying which word the results are without")
	if partial.Full != 0 || len(partial.Results) == 0 {
		t.Fatalf("lanh xyzzyq: %d full matches, %d results; want partial matches only", partial.Full, len(partial.Results))
	}
	resultWithout := strings.ReplaceAll(vi["search_result_without"], "{words}", "xyzzyq")
	if got := b.evalStrings(`[...document.querySelectorAll('#site-search-list [role=option]')].map(o => o.querySelector('.search-without')?.textContent || '')`); len(got) != len(partial.Results) || slices.ContainsFunc(got, func(s string) bool { return s != resultWithout }) {
		t.Errorf("the partial matches say %q, want %q on each", got, resultWithout)
	}
	if got, wantLive := b.evalString(`document.querySelector('.site-search [aria-live=polite]').textContent`), count(vi, "vi", partial.Total); got != wantLive {
		t.Errorf("with partial matches the live region says %q, want %q", got, wantLive)
	}

	// A synonym (the handbook's lists) and a quoted phrase find what Go
	// finds.
	b.typeQuery(searcher, "nguoi tieu dung", []string{"vi"})
	b.typeQuery(searcher, `"khach hang" tu dong`, []string{"vi"})

	// A word only the French pages have: a button offers them, and shows
	// all languages, a page and its translation once.
	b.typeQuery(searcher, "immobilisme", []string{"vi"})
	b.waitFor(`document.querySelector('.search-elsewhere') !== null`, "the offer of the French results")
	b.do(chromedp.Click(".search-elsewhere", chromedp.NodeVisible))
	elsewhere := b.waitResults(searcher, "immobilisme", []string{"vi", "fr"})
	if len(elsewhere.Results) == 0 || b.evalString(`String(document.querySelector('.search-scope input').checked)`) != "true" {
		t.Errorf("after the offer's click: %d results, all languages %s", len(elsewhere.Results), b.evalString(`String(document.querySelector('.search-scope input').checked)`))
	}
	b.do(chromedp.Click(".search-scope input"))
	b.waitResults(searcher, "immobilisme", []string{"vi"})

	// The keyboard: arrows move the active option, Escape closes, Enter
	// opens the page, which highlights the query.
	want = b.typeQuery(searcher, "khach hang", []string{"vi"})
	if len(want.Results) < 2 {
		t.Fatalf("khach hang finds %d pages: too few to move between", len(want.Results))
	}
	b.do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp))
	if got := b.evalString(`(i => i.getAttribute('aria-activedescendant') + '|' + document.getElementById(i.getAttribute('aria-activedescendant'))?.getAttribute('aria-selected') + '|' + document.querySelectorAll('[role=option][aria-selected=true]').length)(document.getElementById('site-search-input'))`); got != "site-search-option-0|true|1" {
		t.Errorf("after ArrowDown ArrowDown ArrowUp: aria-activedescendant|aria-selected|selected options = %q, want site-search-option-0|true|1", got)
	}
	b.do(chromedp.KeyEvent(kb.Escape))
	if got := b.evalString(`document.querySelector('.search-panel').hidden + '|' + document.getElementById('site-search-input').getAttribute('aria-expanded')`); got != "true|false" {
		t.Errorf("after Escape: panel hidden|aria-expanded = %q, want true|false", got)
	}
	b.do(chromedp.KeyEvent(kb.ArrowDown))
	before := len(indexFiles())
	b.do(chromedp.KeyEvent(kb.Enter))
	target := want.Results[0].URL + "?q=khach%20hang"
	b.waitFor(fmt.Sprintf(`location.pathname + location.search === %q && document.querySelector('main mark.search-hit') !== null`, target), "the opened page with its highlights")
	for _, m := range b.evalStrings(`[...document.querySelectorAll('main mark.search-hit')].map(m => m.textContent)`) {
		if f := fold.String(m); f != "khach" && f != "hang" && !strings.HasPrefix(f, "hang") {
			t.Errorf("the opened page marks %q, which is not a word of the query", m)
		}
	}
	if got := b.evalString(`document.getElementById('site-search-input').value`); got != "khach hang" {
		t.Errorf("the opened page's search box holds %q, want the query", got)
	}
	time.Sleep(200 * time.Millisecond)
	if got := indexFiles()[before:]; len(got) != 0 {
		t.Errorf("the opened page fetched %q before its search box had focus", got)
	}

	// Ctrl-K focuses the box; "all languages" lists a page or its
	// translation, never both.
	b.do(chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	if got := b.evalString(`document.activeElement.id`); got != "site-search-input" {
		t.Fatalf("after Ctrl-K the focus is on %q", got)
	}
	query := pickBilingualQuery(t, searcher)
	b.typeQuery(searcher, query, []string{"vi"})
	b.do(chromedp.Click(".search-scope input"))
	all := b.waitResults(searcher, query, []string{"vi", "fr"})
	keys := b.evalStrings(`[...document.querySelectorAll('#site-search-list [role=option]')].map(o => o.dataset.key)`)
	langs := b.evalStrings(`[...document.querySelectorAll('#site-search-list [role=option]')].map(o => o.dataset.lang + (o.querySelector('.search-lang') ? '+label' : ''))`)
	seen := map[string]bool{}
	for i, k := range keys {
		if k == "" || seen[k] {
			t.Errorf("all languages: result %d has translation key %q, listed already or empty (keys %q)", i, k, keys)
		}
		seen[k] = true
	}
	if !slices.Contains(langs, "vi") || !slices.Contains(langs, "fr+label") || slices.Contains(langs, "vi+label") || slices.Contains(langs, "fr") {
		t.Errorf("all languages from a Vietnamese page: result languages %q, want vi unlabelled and fr labelled", langs)
	}
	if got, wantLive := b.evalString(`document.querySelector('.site-search [aria-live=polite]').textContent`), count(vi, "vi", all.Total); got != wantLive {
		t.Errorf("all languages: the live region says %q, want %q", got, wantLive)
	}

	// A click on a result opens its page, the French one of "all
	// languages" included.
	b.checkMarkup()
	href := b.evalString(`[...document.querySelectorAll('#site-search-list [role=option]')].find(o => o.dataset.lang == 'fr').querySelector('a').href`)
	b.do(chromedp.Click(`#site-search-list [role=option][data-lang=fr] a`, chromedp.NodeVisible))
	b.waitFor(fmt.Sprintf(`location.href === %q && document.querySelector('main mark.search-hit') !== null`, href), "the clicked result's page")

	// A phone: the box and its results fit 375 px without sideways
	// scrolling; a French page announces in French.
	b.do(chromedp.EmulateViewport(375, 800), chromedp.Navigate(srv.URL+"/docs/fr/"))
	b.waitFor(`document.querySelector('[data-search][data-ready]') !== null`, "the search module to start")
	b.do(pressKey("/", "Slash", 191))
	frAnswer := b.typeQuery(searcher, "client", []string{"fr"})
	if got := b.evalString(`document.documentElement.scrollWidth + '|' + Math.ceil(document.querySelector('.search-panel').getBoundingClientRect().right) + '|' + Math.ceil(document.getElementById('site-search-input').getBoundingClientRect().right)`); !fitsPhone(got) {
		t.Errorf("at 375 px: page width|results' right edge|box's right edge = %s, want all ≤ 375", got)
	}
	if got, wantLive := b.evalString(`document.querySelector('.site-search [aria-live=polite]').textContent`), count(fr, "fr", frAnswer.Total); got != wantLive {
		t.Errorf("French page: the live region says %q, want %q", got, wantLive)
	}
}

// checkMarkup fails for every attribute of the listed results that a
// missing value wrote as text ("undefined", "null"), and every empty
// class: each element carries the classes the theme styles, or none.
func (b *browserT) checkMarkup() {
	b.t.Helper()
	bad := b.evalStrings(`[...document.querySelectorAll('#site-search-list *')].flatMap(e => [...e.attributes]
		.filter(a => /^(undefined|null|NaN)$|undefined/.test(a.value) || (a.name == 'class' && !a.value.trim()))
		.map(a => e.tagName.toLowerCase() + ' ' + a.name + '="' + a.value + '"'))`)
	if n := b.evalString(`String(document.querySelectorAll('#site-search-list [role=option] a').length)`); n == "0" {
		b.t.Error("no result to check the markup of")
	}
	if len(bad) > 0 {
		b.t.Errorf("the results' markup holds %q", bad)
	}
}

// pressKey presses a key the way a keyboard does: one keyDown event that
// carries the text it types, which the page can cancel, then keyUp.
// (chromedp.KeyEvent sends the text in a char event of its own, which a
// page cannot cancel from its keydown handler.)
func pressKey(key, code string, keyCode int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: code, Text: key, UnmodifiedText: key, WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode}
		up := down
		up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		for _, ev := range []input.DispatchKeyEventParams{down, up} {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// browserT runs chromedp actions for a test.
type browserT struct {
	t   *testing.T
	ctx context.Context
}

func (b *browserT) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browserT) evalString(expr string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return s
}

func (b *browserT) evalStrings(expr string) []string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return s
}

// waitFor polls a JavaScript condition until it holds, through page
// loads, for up to ten seconds.
func (b *browserT) waitFor(cond, what string) {
	b.t.Helper()
	sitetest.WaitFor(b.t, b.ctx, cond, what, b.panelText)
}

func (b *browserT) panelText() string {
	s, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href + '\n' + (document.querySelector('.search-panel')?.innerText || '(no panel)')`))
	return s
}

// typeQuery replaces the query in the focused search box by typing it,
// and waits for the results the Go Searcher finds.
func (b *browserT) typeQuery(s *query.Searcher, query string, langs []string) *query.Answer {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('site-search-input').select()`), chromedp.KeyEvent(query))
	return b.waitResults(s, query, langs)
}

// waitResults waits until the listed results are the links of the pages
// the Go Searcher finds for query, in its order.
func (b *browserT) waitResults(s *query.Searcher, query string, langs []string) *query.Answer {
	b.t.Helper()
	want, err := s.Query(query, langs, 10)
	if err != nil {
		b.t.Fatal(err)
	}
	var links []string
	for _, r := range want.Results {
		links = append(links, r.URL+"?q="+strings.ReplaceAll(url.QueryEscape(query), "+", "%20"))
	}
	wantJSON, _ := json.Marshal(links)
	if links == nil {
		wantJSON = []byte("[]")
	}
	b.waitFor(fmt.Sprintf(`document.getElementById('site-search-input').value === %q && JSON.stringify([...document.querySelectorAll('#site-search-list [role=option] a')].map(a => a.getAttribute('href'))) === %q && !document.querySelector('.search-panel').hidden`, query, wantJSON),
		fmt.Sprintf("the results of %q in %v: %s", query, langs, wantJSON))
	return want
}

// pickBilingualQuery finds a query whose results in both languages list
// pages of both and would list some page twice without the deduplication.
func pickBilingualQuery(t *testing.T, s *query.Searcher) string {
	t.Helper()
	for _, q := range []string{"bezos", "amazon", "2016", "1998"} {
		both, err1 := s.Query(q, []string{"vi", "fr"}, 10)
		vi, err2 := s.Query(q, []string{"vi"}, 0)
		fr, err3 := s.Query(q, []string{"fr"}, 0)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		langs := map[string]bool{}
		for _, r := range both.Results {
			langs[r.Lang] = true
		}
		if langs["vi"] && langs["fr"] && both.Total < vi.Total+fr.Total {
			return q
		}
	}
	t.Fatal("no query finds pages in both languages and a page with its translation")
	return ""
}

// count is the announcement of n results: French uses the singular for
// zero and one, Vietnamese has no plural.
func count(strs map[string]string, lang string, n int) string {
	key := "search_results"
	if lang == "fr" && n < 2 {
		key = "search_results_one"
	}
	return strings.ReplaceAll(strs[key], "{n}", strconv.Itoa(n))
}

func fitsPhone(measures string) bool {
	for _, f := range strings.Split(measures, "|") {
		if n, err := strconv.Atoi(f); err != nil || n > 375 {
			return false
		}
	}
	return true
}

// TestBrowserSearchJapanese types a Japanese query into the search box of
// a site in Japanese, English and German, gets the pages Go finds (the
// page with the word first), and opens the first.
func TestBrowserSearchJapanese(t *testing.T) {
	chromium := sitetest.NeedTool(t, "Chromium", "/usr/bin/chromium", "chromium", "chromium-browser")
	if testing.Short() {
		t.Skip("starts a browser")
	}
	site := buildSite(t, writeAnyLanguageSite(t))
	searcher := query.NewSearcher(os.DirFS(site))
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	t.Cleanup(srv.Close)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		append(sitetest.ChromiumOptions(chromium, t.TempDir()), chromedp.WindowSize(1280, 900))...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)

	b := &browserT{t: t, ctx: ctx}
	b.do(chromedp.Navigate(srv.URL + "/ja/"))
	b.waitFor(`document.querySelector('[data-search][data-ready]') !== null`, "the search module to start")
	b.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('site-search-input').focus()`))
	for _, q := range []string{"東", "サーバー", "入社初日"} {
		want := b.typeQuery(searcher, q, []string{"ja"})
		if len(want.Results) == 0 {
			t.Fatalf("Go finds nothing for %q: the site no longer fits the test", q)
		}
	}
	b.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#site-search-list [role=option] a').click()`))
	b.waitFor(`location.pathname === '/ja/tokyo/'`, "the page of 入社初日 to open")
}
