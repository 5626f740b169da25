package themes_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// background is the page's computed background colour.
const background = `getComputedStyle(document.body).backgroundColor`

// testThemeSwitch follows the system's colour scheme, then the reader's
// choice: the switch is a toggle button with a name, says whether dark is
// on, changes the colours, and the choice survives a reload, applied
// before the page's body exists (so before the first paint).
func (f *fixture) testThemeSwitch(t *testing.T) {
	b := f.tab(t)
	t.Cleanup(func() { b.emulate("") })
	url := f.url("fr", "principle")
	script, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		// Records whether <html data-theme> was set while the page had no
		// <body> yet; a MutationObserver sees the attribute as it is set.
		Source: `new MutationObserver(() => {
			if (document.documentElement && document.documentElement.dataset.theme && !window.themeSetBeforeBody)
				window.themeSetBeforeBody = document.body === null ? 'yes' : 'no'
		}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-theme'] })`,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		chromedp.Call(b.ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams(script))
	})

	b.emulate("", "prefers-color-scheme", "dark")
	b.openFresh(url)
	dark := eval[string](b, background)
	light := f.toggleTheme(b, "dark", "false")
	if light == dark {
		t.Fatalf("the switch left the background %s", dark)
	}
	if got := eval[string](b, `localStorage.getItem('handbook-theme')`); got != "light" {
		t.Errorf("after choosing light on a dark system, localStorage has %q", got)
	}
	b.reload()
	if got := eval[string](b, background+` + '|' + document.querySelector('[data-theme-toggle]').getAttribute('aria-pressed') + '|' + window.themeSetBeforeBody`); got != light+"|false|yes" {
		t.Errorf("reloaded: background|aria-pressed|set before <body> = %s, want %s|false|yes", got, light)
	}

	// A light system: the stored choice (light) is the system's; choosing
	// dark is remembered.
	b.emulate("", "prefers-color-scheme", "light")
	if got := eval[string](b, background); got != light {
		t.Errorf("on a light system the background is %s, want %s", got, light)
	}
	if got := f.toggleTheme(b, "light", "true"); got != dark {
		t.Errorf("dark chosen on a light system: background %s, want %s", got, dark)
	}
	b.reload()
	if got := eval[string](b, background+` + '|' + localStorage.getItem('handbook-theme') + '|' + window.themeSetBeforeBody`); got != dark+"|dark|yes" {
		t.Errorf("reloaded: background|stored|set before <body> = %s, want %s|dark|yes", got, dark)
	}
	// Choosing the system's own theme again forgets the choice; the
	// keyboard works the switch too (Tab to it, Enter, then Space).
	if got := f.toggleTheme(b, "dark", "false"); got != light {
		t.Errorf("light chosen again: background %s, want %s", got, light)
	}
	b.reload()
	b.tabTo("[data-theme-toggle]", 40)
	b.press(kb.Enter)
	if got := eval[string](b, background+` + '|' + document.querySelector('[data-theme-toggle]').getAttribute('aria-pressed')`); got != dark+"|true" {
		t.Errorf("after Enter on the switch: background|aria-pressed = %s, want %s|true", got, dark)
	}
	b.press(" ")
	if got := eval[string](b, background+` + '|' + document.querySelector('[data-theme-toggle]').getAttribute('aria-pressed')`); got != light+"|false" {
		t.Errorf("after Space on the switch: background|aria-pressed = %s, want %s|false", got, light)
	}
	if got := eval[*string](b, `localStorage.getItem('handbook-theme')`); got != nil {
		t.Errorf("the system's theme chosen: localStorage keeps %q", *got)
	}
}

// toggleTheme checks the switch's name and state, clicks it, checks its
// new state (pressed: "true" or "false") and returns the new background.
func (f *fixture) toggleTheme(b *browserT, from, pressed string) string {
	b.t.Helper()
	name := eval[string](b, `(e => e.getAttribute('aria-pressed') + '|' + e.textContent.trim() + '|' + e.matches(':not([hidden])'))(document.querySelector('button[data-theme-toggle]'))`)
	wasPressed := strconv.FormatBool(from == "dark")
	if want := wasPressed + "|" + f.strings["fr"]["theme_dark"] + "|true"; name != want {
		b.t.Errorf("the switch before a click: aria-pressed|name|shown = %q, want %q", name, want)
	}
	b.do(chromedp.Click(`button[data-theme-toggle]`))
	if got := eval[string](b, `document.querySelector('[data-theme-toggle]').getAttribute('aria-pressed')`); got != pressed {
		b.t.Errorf("after a click aria-pressed = %s, want %s", got, pressed)
	}
	return eval[string](b, background)
}

// testPhoneWidth opens every kind of page, in both languages, on a
// 375-pixel-wide phone, and a page of the widest things text can hold
// (which must scroll inside their own boxes): nothing scrolls sideways,
// and no text can have its Vietnamese marks clipped.
func (f *fixture) testPhoneWidth(t *testing.T) {
	b := f.tab(t)
	if _, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 375, Height: 800, DeviceScaleFactor: 2, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { chromedp.Call(b.ctx, emulation.ClearDeviceMetricsOverride, struct{}{}) })
	check := func(url string) {
		b.open(url)
		checkTypography(b, url)
		if w := eval[int](b, `document.documentElement.scrollWidth`); w > 375 {
			// Name a few elements past the edge, outside the boxes that
			// scroll by design, to say what is too wide.
			wide := eval[string](b, `[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 375.5 && !e.closest('pre, table')).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(' ')`)
			t.Errorf("%s at 375 px: the page is %d px wide (%s)", url, w, wide)
		}
	}
	f.eachPage(func(lang, kind, url string) { check(url) })
	for _, url := range []string{f.wideURL, strings.Replace(f.wideURL, "/vi/", "/fr/", 1)} {
		check(url)
		// Each scrolls in its box, and the keyboard can scroll it (the
		// script that makes it focusable runs once the layout is done).
		b.waitFor(`(boxes => boxes.length === 2 && boxes.every(e => e.scrollWidth > e.clientWidth && e.getAttribute('tabindex') === '0'))([...document.querySelectorAll('main pre, main table')])`,
			"the wide table and code to scroll in their boxes, focusable")
	}
}

// textClipping lists the elements showing text whose line height is
// below 1.25 times their font size (1.5 for the text's paragraphs and
// list items), or that hide what overflows them: either can cut off the
// stacked marks of Vietnamese letters (Ở Ẩ Ỗ ặ ế). Hidden elements and
// the visually hidden ones (read by screen readers only) do not count.
const textClipping = `[...document.querySelectorAll('body *')].filter(e =>
	(['INPUT', 'TEXTAREA', 'BUTTON', 'SELECT'].includes(e.tagName) || [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) &&
	e.getClientRects().length > 0 && !e.closest('.visually-hidden, pre'))
.flatMap(e => {
	const s = getComputedStyle(e), ratio = parseFloat(s.lineHeight) / parseFloat(s.fontSize)
	const min = e.matches('main p, main li') ? 1.5 : 1.25
	const name = e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
	const out = []
	if (!(ratio >= min)) out.push(name + ' line-height ' + s.lineHeight + ' for ' + s.fontSize)
	// A text box's text scrolls inside it: its line height is what counts.
	const box = ['INPUT', 'SELECT'].includes(e.tagName)
	if (!box && (['hidden', 'clip'].includes(s.overflowY) || ['hidden', 'clip'].includes(s.overflowX))) out.push(name + ' overflow ' + s.overflowX + ' ' + s.overflowY)
	return out
}).slice(0, 8)`

// checkTypography fails the test for the open page's textClipping.
func checkTypography(b *browserT, url string) {
	b.t.Helper()
	if bad := eval[[]string](b, textClipping); len(bad) > 0 {
		b.t.Errorf("%s: text that can clip Vietnamese marks: %q", url, bad)
	}
}

// testFocusVisible tabs to a link, the theme switch, an answer field and
// a worksheet button, in both themes: each shows an outline of at least
// 2 px whose contrast with the page is at least 3:1.
func (f *fixture) testFocusVisible(t *testing.T) {
	b := f.tab(t)
	t.Cleanup(func() { b.emulate("") })
	for _, scheme := range []string{"light", "dark"} {
		b.emulate("", "prefers-color-scheme", scheme)
		b.openFresh(f.url("vi", "exercise"))
		for _, sel := range []string{".skip-link", ".site-nav a", "[data-theme-toggle]", "main .breadcrumbs a", "#worksheet-answer-1", "[data-action=download]"} {
			b.tabTo(sel, 80)
			got := eval[string](b, `(() => { `+contrastJS+`; const s = getComputedStyle(document.activeElement); return s.outlineStyle + '|' + parseFloat(s.outlineWidth) + '|' + contrast(s.outlineColor, getComputedStyle(document.body).backgroundColor).toFixed(1) })()`)
			parts := strings.Split(got, "|")
			w, _ := strconv.ParseFloat(parts[1], 64)
			c, _ := strconv.ParseFloat(parts[2], 64)
			if parts[0] == "none" || w < 2 || c < 3 {
				t.Errorf("%s theme, %s focused: outline style|width|contrast = %s, want visible, ≥ 2 px, ≥ 3:1", scheme, sel, got)
			}
		}
	}
}

// contrastJS defines contrast(a, b): the WCAG contrast ratio of two CSS
// rgb() colours.
const contrastJS = `const contrast = (a, b) => {
	const lum = c => { const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4); return 0.2126 * r + 0.7152 * g + 0.0722 * bl }
	const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p)
	return (x + 0.05) / (y + 0.05)
}`
