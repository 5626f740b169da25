package themes_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"handbook/internal/sitetest"
)

// browserT drives one browser tab for one (sub)test: every failure is
// the test's.
type browserT struct {
	t   *testing.T
	ctx context.Context
}

func (f *fixture) tab(t *testing.T) *browserT { return &browserT{t: t, ctx: f.browser} }

func (b *browserT) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](b *browserT, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds, through page
// loads, for up to ten seconds.
func (b *browserT) waitFor(cond, what string) {
	b.t.Helper()
	sitetest.WaitFor(b.t, b.ctx, cond, what, nil)
}

// open loads a page and waits until its scripts have run: the theme
// switch is shown, an exercise's worksheet is ready, and two frames have
// been drawn, so that what scripts do once the layout is done (resize
// observers) is done.
func (b *browserT) open(url string) {
	b.t.Helper()
	b.do(chromedp.Navigate(url))
	b.waitFor(`document.readyState === 'complete' && (!document.querySelector('[data-theme-toggle]') || !document.querySelector('[data-theme-toggle]').hidden) && (!document.querySelector('[data-worksheet]') || document.querySelector('[data-worksheet]').hasAttribute('data-ready'))`, "the page's scripts")
	b.do(chromedp.Evaluate[chromedp.Void](`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))`, chromedp.EvalAwaitPromise))
}

// openFresh opens a page with nothing stored by earlier pages of its
// site: no answers, no theme choice.
func (b *browserT) openFresh(url string) {
	b.t.Helper()
	b.open(url)
	b.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	b.open(url)
}

// reload reloads the page and waits for its scripts.
func (b *browserT) reload() {
	b.t.Helper()
	b.open(eval[string](b, `location.href`))
}

// emulate sets the media features the page sees (name, value pairs), and
// the media type: "print", or "" for the screen.
func (b *browserT) emulate(media string, features ...string) {
	b.t.Helper()
	p := emulation.SetEmulatedMediaParams{Media: media}
	for i := 0; i+1 < len(features); i += 2 {
		p.Features = append(p.Features, &emulation.MediaFeature{Name: features[i], Value: features[i+1]})
	}
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, p); err != nil {
		b.t.Fatal(err)
	}
}

// press presses a key the way a keyboard does (kb names the special
// keys: kb.Tab, kb.Enter).
func (b *browserT) press(key string) {
	b.t.Helper()
	b.do(chromedp.KeyEvent(key))
}

// tabTo presses Tab until the focused element matches selector, as a
// keyboard user would, and fails after max presses.
func (b *browserT) tabTo(selector string, max int) {
	b.t.Helper()
	check := fmt.Sprintf(`document.activeElement !== null && document.activeElement.matches(%q)`, selector)
	for range max {
		b.press(kb.Tab)
		if eval[bool](b, check) {
			return
		}
	}
	b.t.Fatalf("%d presses of Tab never reached %s (focus on %s)", max, selector, eval[string](b, `document.activeElement.outerHTML.slice(0, 120)`))
}

// recordRequests records the URL of every request the tab makes until
// the returned function is called, which returns them.
func (b *browserT) recordRequests() (stop func() []string) {
	ctx, cancel := context.WithCancel(b.ctx)
	events := chromedp.Events(ctx, network.RequestWillBeSent)
	var (
		mu   sync.Mutex
		urls []string
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		for ev, err := range events {
			if err != nil {
				return
			}
			mu.Lock()
			urls = append(urls, ev.Request.URL)
			mu.Unlock()
		}
	}()
	return func() []string {
		cancel()
		<-done
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(urls)
	}
}

// dialogAnswer is what answerDialog saw.
type dialogAnswer struct {
	message string
	err     error
}

// answerDialog accepts, or dismisses, the next dialog the page opens
// (confirm, alert), from another goroutine: the page waits for the
// answer, and so does the click or key press that opened it.
func (b *browserT) answerDialog(accept bool) <-chan dialogAnswer {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	answer := make(chan dialogAnswer, 1)
	go func() {
		defer cancel()
		for ev, err := range events {
			if err == nil {
				_, err = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
			}
			answer <- dialogAnswer{ev.Message, err}
			return
		}
		answer <- dialogAnswer{err: fmt.Errorf("no dialog opened: %w", ctx.Err())}
	}()
	return answer
}

// download runs trigger, which must make the page download a file, and
// returns the file's suggested name and contents.
func (b *browserT) download(trigger chromedp.Action[chromedp.Void]) (name string, data []byte) {
	b.t.Helper()
	dir := b.t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: new(true),
	}); err != nil {
		b.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	b.do(trigger)
	var guid string
	for ev, err := range begins {
		if err != nil {
			b.t.Fatalf("waiting for the download to begin: %v", err)
		}
		guid, name = ev.GUID, ev.SuggestedFilename
		break
	}
	for ev, err := range progress {
		if err != nil {
			b.t.Fatalf("waiting for the download of %s: %v", name, err)
		}
		if ev.GUID != guid {
			continue
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			path := ev.FilePath
			if path == "" {
				path = filepath.Join(dir, name)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				b.t.Fatal(err)
			}
			return name, data
		case browser.DownloadProgressStateCanceled:
			b.t.Fatalf("the download of %s was canceled", name)
		}
	}
	b.t.Fatalf("the download of %s never completed", name)
	return "", nil
}
