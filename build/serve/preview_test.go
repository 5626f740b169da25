package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"handbook/build"
)

// lockedBuffer is a log the preview writes from several goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testPreview is a preview of a site under test, served over HTTP.
type testPreview struct {
	*Preview
	url string
	log *lockedBuffer
	// indexed delivers the generation of each search index written.
	indexed chan uint64
}

// startPreview previews the site at root and waits for its first build.
func startPreview(t *testing.T, root string, configure func(*Options)) *testPreview {
	t.Helper()
	tp := &testPreview{log: &lockedBuffer{}, indexed: make(chan uint64, 100)}
	opts := Options{
		Build:       build.Options{Source: root},
		Watch:       WatchOptions{Quiet: 20 * time.Millisecond},
		SearchDelay: 20 * time.Millisecond,
		Log:         tp.log,
		indexed:     func(g uint64) { tp.indexed <- g },
	}
	if configure != nil {
		configure(&opts)
	}
	p, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p.Handler())
	t.Cleanup(srv.Close)
	t.Cleanup(func() { p.Close() }) // first: it ends the event streams
	select {
	case <-p.Ready():
	case <-time.After(waitTimeout):
		t.Fatal("the first build never ended")
	}
	tp.Preview, tp.url = p, srv.URL
	return tp
}

// get fetches a path of the preview.
func (tp *testPreview) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(tp.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// sseEvent is one event received by an eventStream.
type sseEvent struct {
	name string
	data string
}

// eventStream is a browser's connection to the preview's events.
type eventStream struct {
	events chan sseEvent
}

// listen connects to the preview's events and waits for its greeting,
// returning the errors it shows.
func (tp *testPreview) listen(t *testing.T) (*eventStream, []diagnostic) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, tp.url+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	es := &eventStream{events: make(chan sseEvent, 100)}
	go func() {
		defer resp.Body.Close()
		defer close(es.events)
		lines := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for lines.Scan() {
			line := lines.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "":
				es.events <- ev
				ev = sseEvent{}
			}
		}
	}()
	es.next(t, eventHello)
	return es, es.next(t, eventDiagnostics).diagnostics(t)
}

// next waits for the next event and checks its name.
func (es *eventStream) next(t *testing.T, name string) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-es.events:
		if !ok {
			t.Fatalf("the event stream ended, waiting for %q", name)
		}
		if ev.name != name {
			t.Fatalf("event %q (%s), want %q", ev.name, ev.data, name)
		}
		return ev
	case <-time.After(waitTimeout):
		t.Fatalf("no %q event", name)
	}
	return sseEvent{}
}

// nextAfterReloads waits for the next event other than a reload, and
// checks its name.
func (es *eventStream) nextAfterReloads(t *testing.T, name string) sseEvent {
	t.Helper()
	for {
		select {
		case ev, ok := <-es.events:
			if !ok {
				t.Fatalf("the event stream ended, waiting for %q", name)
			}
			if ev.name == eventReload {
				continue
			}
			if ev.name != name {
				t.Fatalf("event %q (%s), want %q", ev.name, ev.data, name)
			}
			return ev
		case <-time.After(waitTimeout):
			t.Fatalf("no %q event", name)
		}
	}
}

// diagnostics decodes a diagnostics event.
func (ev sseEvent) diagnostics(t *testing.T) []diagnostic {
	t.Helper()
	var d diagnosticsData
	if err := json.Unmarshal([]byte(ev.data), &d); err != nil {
		t.Fatal(err)
	}
	return d.Errors
}

// reload decodes a reload event.
func (ev sseEvent) reload(t *testing.T) reloadData {
	t.Helper()
	var d reloadData
	if err := json.Unmarshal([]byte(ev.data), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// The reload event comes once the rebuild is done: a page fetched as it
// arrives already shows the edit, whether the edit re-renders the page
// alone or the pages around it.
func TestReloadAfterRebuild(t *testing.T) {
	root := newSite(t)
	tp := startPreview(t, root, nil)
	es, _ := tp.listen(t)
	checks := []struct {
		file, old, new, page, want string
	}{
		{"content/vi/principles/bias-for-action.md", "Nhanh.", "Nhanh như chớp.", "/vi/principles/bias-for-action/", "Nhanh như chớp."},
		{"content/vi/principles/bias-for-action.md", "title: Hành động", "title: Hành động ngay", "/vi/principles/", "Hành động ngay"},
		{"content/fr/about.md", "Voir", "Lisez", "/fr/about/", "Lisez"},
	}
	for _, c := range checks {
		editFile(t, root, c.file, c.old, c.new)
		es.next(t, eventReload)
		if _, body := tp.get(t, c.page); !strings.Contains(body, c.want) {
			t.Errorf("after the reload event for %s, %s does not show %q", c.file, c.page, c.want)
		}
	}
}

// An error shows in the overlay's event, with its file and line, and in
// the terminal; the page keeps its last good version; fixing the file
// clears the overlay.
func TestErrorOverlayEvents(t *testing.T) {
	root := newSite(t)
	tp := startPreview(t, root, nil)
	es, _ := tp.listen(t)
	cases := []struct {
		name, file, old, bad string
		page, good           string
		wantFile             string
		wantLine             int
		wantMsg              string
	}{
		{"broken front matter", "content/vi/about.md", "title: Giới thiệu", "title: [Giới thiệu",
			"/vi/about/", "Giới thiệu", "content/vi/about.md", 2, "front matter"},
		{"dead link", "content/vi/principles/bias-for-action.md", "Nhanh.", "Xem [đâu](/nowhere/).",
			"/vi/principles/bias-for-action/", "Nhanh.", "content/vi/principles/bias-for-action.md", 8, "broken link /nowhere/"},
	}
	for _, c := range cases {
		editFile(t, root, c.file, c.old, c.bad)
		errs := es.next(t, eventDiagnostics).diagnostics(t)
		if len(errs) != 1 || errs[0].File != c.wantFile || errs[0].Line != c.wantLine || !strings.Contains(errs[0].Message, c.wantMsg) {
			t.Fatalf("%s: overlay %+v, want one error at %s:%d about %q", c.name, errs, c.wantFile, c.wantLine, c.wantMsg)
		}
		if !strings.Contains(tp.log.String(), errs[0].Text) {
			t.Errorf("%s: the terminal does not show %q:\n%s", c.name, errs[0].Text, tp.log.String())
		}
		if _, body := tp.get(t, c.page); !strings.Contains(body, c.good) {
			t.Errorf("%s: %s lost its last good version", c.name, c.page)
		}
		// The fix makes the page as it was served: the overlay goes,
		// and no reload is needed.
		editFile(t, root, c.file, c.bad, c.old)
		if errs := es.next(t, eventDiagnostics).diagnostics(t); len(errs) != 0 {
			t.Fatalf("%s: fixed, but the overlay shows %+v", c.name, errs)
		}
	}
	if !strings.Contains(tp.log.String(), "no errors left") {
		t.Errorf("the terminal never said the errors were fixed:\n%s", tp.log.String())
	}
}

// A template that does not parse, or fails as it runs, shows at its file
// and line, a partial's error at the partial's; the site stays served;
// fixing it rebuilds everything.
func TestTemplateErrorOverlay(t *testing.T) {
	root := newSite(t)
	layout, partial := "themes/default/layouts/page.html", "themes/default/layouts/partials/note.html"
	writeFile(t, root, partial, "{{define \"note\"}}<p>\n\n{{.Missing}}</p>{{end}}\n")
	tp := startPreview(t, root, nil)
	es, _ := tp.listen(t)
	cases := []struct {
		name, bad string
		wantFile  string
		wantLine  int
		wantMsg   string
	}{
		{"parse error", "{{template \"base\" .}}\n{{define \"main\"}}\n{{if .Title}}\n{{end}}",
			layout, 4, "unexpected EOF"},
		{"execution error", "{{template \"base\" .}}\n{{define \"main\"}}<article>\n{{.NoSuchField}}</article>{{end}}\n",
			layout, 3, "can't evaluate field NoSuchField"},
		{"execution error in a partial", "{{template \"base\" .}}\n{{define \"main\"}}<article>\n{{partialCached \"note\" .}}</article>{{end}}\n",
			partial, 3, "can't evaluate field Missing"},
	}
	for i, c := range cases {
		writeFile(t, root, layout, c.bad)
		errs := es.next(t, eventDiagnostics).diagnostics(t)
		want := fmt.Sprintf("%s:%d: ", c.wantFile, c.wantLine)
		if len(errs) == 0 {
			t.Fatalf("%s: the overlay shows no error", c.name)
		}
		for _, e := range errs {
			if e.File != c.wantFile || e.Line != c.wantLine || !strings.Contains(e.Message, c.wantMsg) || !strings.HasPrefix(e.Text, want) {
				t.Fatalf("%s: overlay %+v, want errors at %s:%d about %q", c.name, errs, c.wantFile, c.wantLine, c.wantMsg)
			}
		}
		if code, _ := tp.get(t, "/vi/about/"); code != http.StatusOK {
			t.Errorf("%s: the page is no longer served: %d", c.name, code)
		}
		fixed := fmt.Sprintf("fixed-layout-%d", i)
		writeFile(t, root, layout, "{{template \"base\" .}}\n{{define \"main\"}}<div class=\""+fixed+"\">{{.Content}}</div>{{end}}\n")
		// The pages without the error may have reloaded before the fix.
		if errs := es.nextAfterReloads(t, eventDiagnostics).diagnostics(t); len(errs) != 0 {
			t.Fatalf("%s: fixed, but the overlay shows %+v", c.name, errs)
		}
		es.next(t, eventReload)
		if _, body := tp.get(t, "/vi/about/"); !strings.Contains(body, fixed) {
			t.Errorf("%s: the fixed layout is not used", c.name)
		}
	}
}

// When the very first build fails the server still answers, with a page
// that shows the errors and reloads once they are fixed.
func TestFirstBuildFails(t *testing.T) {
	root := newSite(t)
	editFile(t, root, "handbook.toml", `title = "Test Handbook"`, `title = "Test Handbook`)
	tp := startPreview(t, root, nil)
	code, body := tp.get(t, "/vi/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, scriptTag) {
		t.Fatalf("first build failed: status %d, want 503 with the live-reload script:\n%s", code, body)
	}
	es, errs := tp.listen(t)
	if len(errs) == 0 || errs[0].File != "handbook.toml" || errs[0].Line != 1 {
		t.Fatalf("overlay %+v, want the configuration's error at handbook.toml:1", errs)
	}
	editFile(t, root, "handbook.toml", `title = "Test Handbook`, `title = "Test Handbook"`)
	es.next(t, eventDiagnostics)
	es.next(t, eventReload)
	if code, _ := tp.get(t, "/vi/"); code != http.StatusOK {
		t.Errorf("fixed: status %d", code)
	}
}

// A stylesheet that changes alone is swapped in without a reload; with
// --navigate the browser goes to the page edited.
func TestReloadEventContents(t *testing.T) {
	root := newSite(t)
	tp := startPreview(t, root, func(o *Options) { o.Navigate = true })
	es, _ := tp.listen(t)
	editFile(t, root, "static/css/extra.css", "black", "navy")
	if got := es.next(t, eventReload).reload(t); len(got.CSS) != 1 || got.CSS[0] != "/css/extra.css" || got.URL != "" {
		t.Errorf("stylesheet edit: reload %+v, want the stylesheet to swap", got)
	}
	editFile(t, root, "content/fr/about.md", "Voir", "Lisez")
	if got := es.next(t, eventReload).reload(t); got.URL != "/fr/about/" || got.CSS != nil {
		t.Errorf("page edit: reload %+v, want to go to /fr/about/", got)
	}
}
