package serve

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"handbook/internal/sitetest"
)

// TestBrowserTranslatorsView follows the link of an out-of-date
// translation's notice to its translator's view in headless Chromium,
// then saves the original and the translation: the view shows each save,
// the original's new words marked, without anyone reloading it.
func TestBrowserTranslatorsView(t *testing.T) {
	chromium := sitetest.NeedTool(t, "Chromium", "/usr/bin/chromium", "chromium", "chromium-browser")
	if testing.Short() {
		t.Skip("starts a browser")
	}
	g := translatedSite(t)
	tp := startPreview(t, g.Dir, nil)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, sitetest.ChromiumOptions(chromium, t.TempDir())...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	describe := func() string {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ''`))
		return text
	}
	waitFor := func(what, cond string) {
		t.Helper()
		sitetest.WaitFor(t, ctx, cond, what, describe)
	}
	const connected = `document.documentElement.dataset.handbookServe === 'connected'`

	if _, err := chromedp.Run(ctx, chromedp.Navigate(tp.url+"/fr/about/")); err != nil {
		t.Fatal(err)
	}
	waitFor("the link in the out-of-date notice", `document.querySelector('.notice-outdated a.handbook-translate') !== null`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('.notice-outdated a.handbook-translate').click()`)); err != nil {
		t.Fatal(err)
	}
	waitFor("the translator's view", `location.pathname === '/_handbook/translate/fr/about/' && `+connected)
	waitFor("the words added since the stamp, marked", `[...document.querySelectorAll('.orig ins')].map(e => e.textContent).join('|') === ' sổ tay|mọi '`)

	editFile(t, g.Dir, "content/vi/about.md", "Đoạn cuối.", "Đoạn cuối, viết lại.")
	waitFor("the original's new save, marked", `[...document.querySelectorAll('.orig ins')].map(e => e.textContent).join('|') === ' sổ tay|mọi |, viết lại' && `+connected)
	waitFor("the paragraph marked changed", `[...document.querySelectorAll('.orig.changed')].some(e => e.textContent.endsWith('Đoạn cuối, viết lại.'))`)

	editFile(t, g.Dir, "content/fr/about.md", "Dernier paragraphe.", "Dernier paragraphe, réécrit.")
	waitFor("the translation's new save", `[...document.querySelectorAll('.cell.tr')].some(e => e.textContent.includes('Dernier paragraphe, réécrit.')) && `+connected)
}
