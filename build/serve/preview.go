package serve

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/diag"
)

// Options say what to preview and how.
type Options struct {
	// Build names the site and its overrides. The preview's address
	// belongs in Overrides.BaseURL, so the pages' links lead back to it.
	Build build.Options
	// Navigate makes the browsers follow the writer to the page just
	// edited.
	Navigate bool
	Watch    WatchOptions
	// SearchDelay is how long rebuilds must pause before the search
	// index is written again. Default 300ms.
	SearchDelay time.Duration
	// Log receives a line per rebuild and the site's diagnostics, as
	// file:line: message. nil discards them.
	Log io.Writer

	// indexed is called with the rebuild generation of each search
	// index swapped in, for tests.
	indexed func(generation uint64)
}

// Preview is one running preview: the site in memory, kept up to date by
// a watcher, and the HTTP handler that serves it.
type Preview struct {
	opts    Options
	id      string
	rb      *rebuilder
	ix      *indexer
	hub     *hub
	watcher *Watcher
	handler http.Handler
	ready   chan struct{}
	done    chan struct{}
	wg      sync.WaitGroup

	// errors are the site's errors after the last rebuild, which a
	// browser gets on connecting without waiting for a rebuild.
	errors atomic.Pointer[[]diagnostic]

	logMu sync.Mutex
	// published and printed are the diagnostics last sent to the
	// browsers and to the terminal.
	published     []diagnostic
	printed       []string
	printedErrors bool
}

// Start starts watching the site and builds it in the background; the
// handler answers at once, with a page that reloads once the site is
// built. Content errors never stop a preview: they are shown. An error is
// returned only when the site's folder cannot be watched.
func Start(opts Options) (*Preview, error) {
	if opts.SearchDelay <= 0 {
		opts.SearchDelay = 300 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.indexed == nil {
		opts.indexed = func(uint64) {}
	}
	root, err := filepath.Abs(opts.Build.Source)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("site folder %s does not exist or is not a folder", opts.Build.Source)
	}
	p := &Preview{
		opts:  opts,
		id:    strconv.FormatInt(time.Now().UnixNano(), 36),
		rb:    &rebuilder{opts: opts.Build},
		ready: make(chan struct{}),
		done:  make(chan struct{}),
	}
	p.hub = newHub(p.greeting)
	watchOpts := opts.Watch
	watchOpts.Logf = p.logf
	roots, skip := watchScope(root, opts.Build)
	watchOpts.Skip = skip
	if p.watcher, err = Watch(roots, watchOpts); err != nil {
		return nil, err
	}
	p.ix = newIndexer(p.rb, opts.SearchDelay, p.logf, opts.indexed)
	p.handler = &handler{site: p.rb.site, index: p.ix.index, events: p.hub, status: p.rb.status, translation: p.rb.translationOf, outdated: p.rb.isOutdated}
	p.wg.Add(1)
	go p.loop()
	return p, nil
}

// watchScope returns the folders to watch (the site, and any language
// folder outside it) and the folders to leave out, from the
// configuration as it is when the preview starts: at the site's root,
// only what the build reads is watched (the configuration, content,
// static, themes), so that an output folder, node_modules or Hugo's
// layouts cost no watches.
func watchScope(root string, opts build.Options) (roots []string, skip func(string) bool) {
	roots = []string{root}
	read := map[string]bool{"content": true, "static": true, "themes": true, "data": true} // data: the synonyms
	for _, name := range configFiles {
		read[name] = true
	}
	cfg, err := config.Load(root, opts.Overrides, &diag.List{})
	if err == nil {
		for _, d := range contentDirs(cfg) {
			if rel, err := filepath.Rel(root, d); err == nil && filepath.IsLocal(rel) {
				read[strings.Split(filepath.ToSlash(rel), "/")[0]] = true
			} else {
				roots = append(roots, d)
			}
		}
	}
	return roots, func(p string) bool {
		return filepath.Dir(p) == root && !read[filepath.Base(p)]
	}
}

// Handler serves the site, the live-reload script and its events.
func (p *Preview) Handler() http.Handler { return p.handler }

// Ready is closed once the first build is done, whether it succeeded.
func (p *Preview) Ready() <-chan struct{} { return p.ready }

// Close stops watching and ends every event stream at once, so that an
// HTTP server's Shutdown is not held by them, then waits for the rebuild
// under way, if any, to end.
func (p *Preview) Close() error {
	close(p.done)
	err := p.watcher.Close()
	p.hub.close()
	p.wg.Wait()
	p.ix.close()
	return err
}

// loop builds the site, then applies each batch of changes.
func (p *Preview) loop() {
	defer p.wg.Done()
	p.report(p.rb.buildAll("the site"))
	close(p.ready)
	for {
		select {
		case batch := <-p.watcher.Batches():
			p.report(p.rb.apply(batch))
		case <-p.done:
			return
		}
	}
}

// report tells the terminal, then the browsers, what a rebuild did. It
// runs once the rebuild is done, so no browser reloads before; and a
// browser that shows an error finds it already in the terminal.
func (p *Preview) report(o outcome) {
	diags := p.rb.diagnostics()
	p.logOutcome(o)
	p.logDiagnostics(diags)
	errs := errorsOf(diags)
	p.errors.Store(&errs)
	var events []Event
	if !slices.Equal(errs, p.published) {
		p.published = errs
		events = append(events, Event{eventDiagnostics, diagnosticsData{Errors: errs}})
	}
	if o.update.Changed {
		change := reloadData{CSS: o.css}
		if p.opts.Navigate && o.css == nil {
			change.URL = p.rb.pageURL(o.update.Edited)
		}
		events = append(events, Event{eventReload, change})
	}
	p.hub.publish(events...)
	p.ix.poke()
}

// greeting is what a browser gets on connecting.
func (p *Preview) greeting() []Event {
	errs := []diagnostic{}
	if e := p.errors.Load(); e != nil {
		errs = *e
	}
	return []Event{
		{eventHello, map[string]string{"id": p.id}},
		{eventDiagnostics, diagnosticsData{Errors: errs}},
	}
}

// errorsOf picks the errors, which the overlay shows; warnings go to the
// terminal only.
func errorsOf(ds []diag.Diagnostic) []diagnostic {
	out := []diagnostic{}
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, diagnostic{File: d.File, Line: d.Line, Message: d.Message, Text: d.String()})
		}
	}
	return out
}

func (p *Preview) logf(format string, args ...any) {
	p.logMu.Lock()
	defer p.logMu.Unlock()
	fmt.Fprintf(p.opts.Log, format+"\n", args...)
}

func (p *Preview) logOutcome(o outcome) {
	took := roundDuration(o.took)
	switch {
	case o.err != nil && !build.IsContentError(o.err):
		p.logf("handbook: %s: %v", o.what, o.err)
	case o.full && o.update.Changed:
		p.logf("handbook: %s: built %d pages in %s", o.what, o.update.Pages, took)
	case o.full:
		p.logf("handbook: %s: the site could not be built", o.what)
	case o.css != nil:
		p.logf("handbook: %s: stylesheet swapped in %s", o.what, took)
	case o.update.Changed:
		p.logf("handbook: %s: %d pages rendered in %s", o.what, o.update.Pages, took)
	}
}

// logDiagnostics prints the site's problems when they changed.
func (p *Preview) logDiagnostics(ds []diag.Diagnostic) {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	p.logMu.Lock()
	defer p.logMu.Unlock()
	if slices.Equal(lines, p.printed) {
		return
	}
	p.printed = lines
	for _, l := range lines {
		fmt.Fprintln(p.opts.Log, l)
	}
	errs := len(errorsOf(ds)) > 0
	if !errs && p.printedErrors {
		fmt.Fprintln(p.opts.Log, "handbook: no errors left")
	}
	p.printedErrors = errs
}

// roundDuration shows milliseconds with a decimal, seconds above.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(10 * time.Millisecond)
}
