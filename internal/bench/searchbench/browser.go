package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"handbook/internal/sitetest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Phases of one measurement: the requests of the page load, those of the
// first (cold) query and those of the second (warm) one.
const (
	phaseLoad int32 = iota
	phaseCold
	phaseWarm
)

// traffic is what the browser fetched in one phase.
type traffic struct {
	Bytes      int64 // sum of Network.loadingFinished encodedDataLength
	Requests   int   // requests that finished
	Unfinished int   // requests still open when the phase was closed
	Failed     int
	URLs       []string

	Server serverCount // what the server saw in the same phase
}

// request is one request seen by the browser.
type request struct {
	phase  int32
	url    string
	done   bool
	failed bool
	bytes  float64
	// workerScript marks the main script of a dedicated worker, whose
	// request id is the worker's target id: Chrome reports it as its
	// headers only, or not at all.
	workerScript bool
}

// tracker adds up the network events of a page and of the workers it
// starts. Its listeners run on chromedp's reading goroutines, so they only
// record under the lock.
type tracker struct {
	mu        sync.Mutex
	phase     int32
	reqs      map[string]*request
	order     []string
	lastStart time.Time
	attaching int
	attachErr error
}

func newTracker() *tracker {
	return &tracker{reqs: map[string]*request{}}
}

func (t *tracker) setPhase(p int32) {
	t.mu.Lock()
	t.phase = p
	t.mu.Unlock()
}

// listener returns the event func of one target. Request ids are unique
// across the targets of a browser (the page's and its worker's share one
// renderer's numbering, and a worker's main script has the worker's target
// id), so one map holds them all. onWorker, if not nil, is called (on a
// goroutine of its own) for each worker the target starts.
func (t *tracker) listener(onWorker func(target.ID)) func(ev any) {
	return func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if u, err := url.Parse(ev.Request.URL); err == nil && u.Path == "/favicon.ico" {
				return // the browser's, not the page's
			}
			t.mu.Lock()
			key := string(ev.RequestID)
			if r := t.reqs[key]; r != nil {
				r.url = ev.Request.URL // a redirect: the same request goes on
			} else {
				t.reqs[key] = &request{phase: t.phase, url: ev.Request.URL}
				t.order = append(t.order, key)
			}
			t.lastStart = time.Now()
			t.mu.Unlock()
		case *network.EventLoadingFinished:
			t.mu.Lock()
			if r := t.reqs[string(ev.RequestID)]; r != nil {
				r.done = true
				r.bytes = ev.EncodedDataLength
			}
			t.mu.Unlock()
		case *network.EventLoadingFailed:
			t.mu.Lock()
			if r := t.reqs[string(ev.RequestID)]; r != nil {
				r.done, r.failed = true, true
			}
			t.mu.Unlock()
		case *target.EventAttachedToTarget:
			if onWorker != nil && ev.TargetInfo != nil && strings.HasSuffix(ev.TargetInfo.Type, "worker") {
				t.mu.Lock()
				t.attaching++
				if r := t.reqs[string(ev.TargetInfo.TargetID)]; r != nil {
					r.workerScript = true
				}
				t.mu.Unlock()
				go onWorker(ev.TargetInfo.TargetID)
			}
		}
	}
}

func (t *tracker) attached(err error) {
	t.mu.Lock()
	t.attaching--
	if err != nil && t.attachErr == nil {
		t.attachErr = err
	}
	t.mu.Unlock()
}

// waitIdle waits until the server has answered every request and none
// has started for quiet, with no worker being attached, and then up to
// grace more for the browser to report the end of its requests; or until
// limit.
func (t *tracker) waitIdle(ctx context.Context, srv *server, phase int32, quiet, limit time.Duration) {
	const grace = time.Second
	deadline := time.Now().Add(limit)
	var idleSince time.Time
	for time.Now().Before(deadline) && ctx.Err() == nil {
		t.mu.Lock()
		open := 0
		for _, r := range t.reqs {
			if r.phase == phase && !r.done && !r.workerScript {
				open++
			}
		}
		idle := t.attaching == 0 && time.Since(t.lastStart) >= quiet && srv.idle(quiet)
		t.mu.Unlock()
		switch {
		case !idle:
			idleSince = time.Time{}
		case open == 0:
			return
		case idleSince.IsZero():
			idleSince = time.Now()
		case time.Since(idleSince) >= grace:
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// traffic sums the requests of the phase, and also those of the page load
// whose URL path keep says belongs to the search (a page that fetched the
// search client early still made the user pay for it).
func (t *tracker) traffic(phase int32, keep func(path string) bool) traffic {
	t.mu.Lock()
	defer t.mu.Unlock()
	var tr traffic
	for _, key := range t.order {
		r := t.reqs[key]
		if r.phase != phase {
			if r.phase != phaseLoad || keep == nil {
				continue
			}
			u, err := url.Parse(r.url)
			if err != nil || !keep(u.Path) {
				continue
			}
		}
		switch {
		case !r.done && r.workerScript:
			tr.Requests++
		case !r.done:
			tr.Unfinished++
		case r.failed:
			tr.Failed++
		default:
			tr.Requests++
			tr.Bytes += int64(r.bytes)
		}
		tr.URLs = append(tr.URLs, fmt.Sprintf("%s %s %.0f", key, r.url, r.bytes))
	}
	return tr
}

// newBrowser makes the allocator of a Chromium with a new profile, headless
// and quiet. Its temporary files go into the profile's folder too (Chromium
// leaves its singleton socket folder in TMPDIR when it is killed), and done
// removes them all.
func newBrowser(parent context.Context, execPath string) (ctx context.Context, done func(), err error) {
	root, err := os.MkdirTemp("", "searchbench-")
	if err != nil {
		return nil, nil, err
	}
	profile, tmp := filepath.Join(root, "profile"), filepath.Join(root, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		os.RemoveAll(root)
		return nil, nil, err
	}
	ctx, cancel := chromedp.NewExecAllocator(parent,
		append(sitetest.ChromiumOptions(execPath, profile), chromedp.Env("TMPDIR="+tmp))...)
	return ctx, func() { cancel(); os.RemoveAll(root) }, nil
}

// outcome is what the page script of an engine returns.
type outcome struct {
	LoadMs    float64         `json:"loadMs"`  // import of the client and its set-up
	QueryMs   float64         `json:"queryMs"` // the query itself, to the results shown
	Total     int             `json:"total"`
	Shown     int             `json:"shown"`
	Unmatched json.RawMessage `json:"unmatched,omitempty"`
}

// run is one cold and one warm query of an engine in a fresh browser.
type run struct {
	Cold, Warm               outcome
	ColdTraffic, WarmTraffic traffic
}

// measure opens the page of the query's language in a new Chromium with a
// new profile, runs the query twice and returns what each took. Unless
// traced, the DevTools session reports no network events and attaches to
// no worker: reporting them costs the browser a few milliseconds a
// request, on the page's main thread as well, which a reader's browser
// does not spend. Only the server then counts the traffic. The page is
// left alone for cfg.settle after it loaded: a browser just started has
// work of its own going on for a while, which would be timed too.
func measure(parent context.Context, cfg *config, srv *server, e *engine, q query, traced bool) (*run, error) {
	actx, done, err := newBrowser(parent, cfg.chromium)
	if err != nil {
		return nil, err
	}
	defer done()

	tr := newTracker()
	var (
		pageCtx context.Context
		wmu     sync.Mutex
		wcancel []context.CancelFunc
	)
	// A web worker (Pagefind runs its search in one) is a target of its
	// own: attach to it so that its requests are counted too.
	onWorker := func(id target.ID) {
		ctx, cancel := chromedp.NewContext(pageCtx, chromedp.WithTargetID(id), chromedp.WithDetachOnCancel(),
			chromedp.WithListener(tr.listener(nil)))
		wmu.Lock()
		wcancel = append(wcancel, cancel)
		wmu.Unlock()
		err := chromedp.Do(ctx)
		if err != nil {
			err = fmt.Errorf("attaching to worker %s: %w", id, err)
		}
		tr.attached(err)
	}
	pageCtx, cancelPage := chromedp.NewContext(actx, chromedp.WithListener(tr.listener(onWorker)))
	defer func() {
		wmu.Lock()
		for _, c := range wcancel {
			c()
		}
		wmu.Unlock()
		cancelPage()
	}()

	// The first run starts the browser, which lives as long as the context
	// of that run: give it no timeout.
	if err := chromedp.Do(pageCtx); err != nil {
		return nil, fmt.Errorf("starting %s: %w", cfg.chromium, err)
	}
	ctx, cancel := context.WithTimeout(pageCtx, cfg.timeout)
	defer cancel()
	if !traced {
		if err := chromedp.Do(ctx, chromedp.Func(untrace)); err != nil {
			return nil, fmt.Errorf("turning DevTools network events off: %w", err)
		}
	}

	srv.setPhase(phaseLoad)
	srv.reset()
	tr.setPhase(phaseLoad)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.url+"/"+q.Lang+"/")); err != nil {
		return nil, fmt.Errorf("opening the page: %w", err)
	}
	tr.waitIdle(ctx, srv, phaseLoad, 100*time.Millisecond, 5*time.Second)
	select {
	case <-time.After(cfg.settle):
	case <-ctx.Done():
		return nil, ctx.Err()
	}

	var r run
	for _, p := range []int32{phaseCold, phaseWarm} {
		srv.setPhase(p)
		tr.setPhase(p)
		js := e.coldJS(q)
		if p == phaseWarm {
			js = e.warmJS(q)
		}
		out, err := chromedp.Run(ctx, chromedp.Evaluate[outcome](js, chromedp.EvalAwaitPromise))
		if err != nil {
			var ex *chromedp.ExceptionError
			if errors.As(err, &ex) && ex.Exception != nil && ex.Exception.Description != "" {
				err = errors.New(firstLine(ex.Exception.Description))
			}
			return nil, err
		}
		tr.waitIdle(ctx, srv, p, 200*time.Millisecond, 10*time.Second)
		var keep func(string) bool
		if p == phaseCold {
			keep = e.owns
		}
		t := tr.traffic(p, keep)
		t.Server = srv.take(p, keep)
		if p == phaseCold {
			r.Cold, r.ColdTraffic = out, t
		} else {
			r.Warm, r.WarmTraffic = out, t
		}
	}
	srv.setPhase(-1)
	tr.mu.Lock()
	err = tr.attachErr
	tr.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// untrace stops the network events chromedp turned on for the page, and
// the attaching to the workers it starts.
func untrace(ctx context.Context, t *chromedp.Target) error {
	if _, err := cdp.Call(ctx, t, network.Disable, cdp.Empty{}); err != nil {
		return err
	}
	_, err := cdp.Call(ctx, t, target.SetAutoAttach, target.SetAutoAttachParams{AutoAttach: false})
	return err
}

// browserVersion starts Chromium once and asks it for its version, so that
// a missing or broken browser fails before any measurement.
func browserVersion(parent context.Context, execPath string) (string, error) {
	actx, done, err := newBrowser(parent, execPath)
	if err != nil {
		return "", err
	}
	defer done()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	var v browser.GetVersionResult
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		v, err = cdp.Call(ctx, chromedp.FromContext(ctx).Browser, browser.GetVersion, cdp.Empty{})
		return err
	}))
	return v.Product, err
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
