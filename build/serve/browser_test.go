package serve

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"handbook/internal/sitetest"
)

// TestBrowserLiveReload drives the preview in headless Chromium: a page
// scrolled down reloads after an edit with the new text at the same
// scroll position; an error shows an overlay naming its file and line,
// which goes once fixed; a stylesheet is swapped in without a reload.
func TestBrowserLiveReload(t *testing.T) {
	chromium := sitetest.NeedTool(t, "Chromium", "/usr/bin/chromium", "chromium", "chromium-browser")
	if testing.Short() {
		t.Skip("starts a browser")
	}
	root := newSite(t)
	writeFile(t, root, "content/vi/long.md", "---\ntitle: Trang dài\n---\n\nMARKER-OLD ở đầu trang.\n\n"+
		strings.Repeat("Một đoạn văn dài để trang đủ cao mà cuộn xuống được, câu này lặp lại nhiều lần.\n\n", 150))
	writeFile(t, root, "static/css/style.css", "body { color: rgb(0, 0, 0); }\n")
	tp := startPreview(t, root, nil)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		append(sitetest.ChromiumOptions(chromium, t.TempDir()), chromedp.WindowSize(1000, 700))...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// waitFor asks the page until a condition holds; the page reloads
	// meanwhile, so the question is asked again rather than left
	// waiting in a page that goes. The browser's context bounds it.
	waitFor := func(what, cond string) {
		t.Helper()
		deadline := time.Now().Add(waitTimeout)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
			if err == nil && ok {
				return
			}
			if ctx.Err() != nil || time.Now().After(deadline) {
				t.Fatalf("waiting for %s (%s): %v", what, cond, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	const connected = `document.documentElement.dataset.handbookServe === 'connected'`

	do("open the page", chromedp.Navigate(tp.url+"/vi/long/"))
	waitFor("the live-reload script to connect", connected)
	y, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.scrollTo(0, 1500); window.scrollY`))
	if err != nil {
		t.Fatal(err)
	}
	if y < 1000 {
		t.Fatalf("the page scrolled to %v only: too short for the test", y)
	}

	editFile(t, root, "content/vi/long.md", "MARKER-OLD", "MARKER-NEW")
	waitFor("the edited text", `document.body.innerText.includes('MARKER-NEW') && `+connected)
	waitFor("the scroll position", `Math.abs(window.scrollY - `+strconv.FormatFloat(y, 'f', -1, 64)+`) < 1`)

	editFile(t, root, "content/vi/long.md", "MARKER-NEW", "[chết](/nowhere/) MARKER-NEW")
	waitFor("the error overlay", `(() => {
		const o = document.getElementById('handbook-serve-errors');
		return o !== null && o.shadowRoot.textContent.includes('content/vi/long.md:5') &&
			o.shadowRoot.textContent.includes('broken link /nowhere/');
	})()`)
	// Fixing the file clears the overlay and shows the page as fixed.
	editFile(t, root, "content/vi/long.md", "[chết](/nowhere/) MARKER-NEW", "MARKER-FIXED")
	waitFor("the fixed page", `document.body.innerText.includes('MARKER-FIXED') && `+connected)
	waitFor("the overlay to go", `document.getElementById('handbook-serve-errors') === null`)

	do("mark the page", chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`))
	editFile(t, root, "static/css/style.css", "rgb(0, 0, 0)", "rgb(1, 2, 3)")
	waitFor("the new stylesheet", `getComputedStyle(document.body).color === 'rgb(1, 2, 3)'`)
	kept, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.notReloaded === true`))
	if err != nil || !kept {
		t.Error("the page reloaded for a stylesheet")
	}
}
