package themes_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"handbook/internal/sitetest"
)

// axeViolation is one rule axe-core finds broken on a page.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"` // the first few elements, with what is wrong
}

// axeRun audits the page with axe-core's rules: all but the experimental
// ones in the light theme, and in the dark one, which changes nothing but
// colours, those about colours.
func axeRun(scheme string) string {
	rules := ""
	if scheme == "dark" {
		rules = `runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] }, `
	}
	return `axe.run(document, { ` + rules + `resultTypes: ['violations'] }).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || '', help: v.help,
	nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
})))`
}

// testAxe audits every kind of page, in both languages, in the light and
// the dark theme, with axe-core (installed by npm under testdata/axe),
// and the page of wide things (code, a table) on a phone, where they
// scroll: no violation may be serious or critical. Lesser ones are
// logged.
func (f *fixture) testAxe(t *testing.T) {
	source := sitetest.NeedFile(t, "axe-core", "testdata/axe/node_modules/axe-core/axe.min.js",
		"install it with: npm ci --prefix themes/testdata/axe")
	// A tab of its own, where every page gets axe-core before its own
	// scripts.
	ctx, cancel := chromedp.NewContext(f.browser)
	t.Cleanup(cancel)
	b := &browserT{t: t, ctx: ctx}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: string(source)}); err != nil {
		t.Fatal(err)
	}
	lesser := map[string]string{}
	first := true
	f.eachPage(func(lang, kind, url string) {
		if first {
			b.openFresh(url) // no theme choice left by another test
			first = false
		} else {
			b.open(url)
		}
		audit(b, lang+" "+kind+" ("+url+")", lesser)
	})
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 375, Height: 800, DeviceScaleFactor: 2, Mobile: true}); err != nil {
		t.Fatal(err)
	}
	for _, url := range []string{f.wideURL, strings.Replace(f.wideURL, "/vi/", "/fr/", 1)} {
		b.open(url)
		audit(b, "wide page at 375 px ("+url+")", lesser)
	}
	for _, id := range slices.Sorted(maps.Keys(lesser)) {
		t.Logf("axe, not failing the test: %s %s", id, lesser[id])
	}
}

// audit runs axe-core on the open page in the light and the dark theme,
// fails the test for a serious or critical violation, and notes lesser
// ones in lesser (rule → what and where).
func audit(b *browserT, where string, lesser map[string]string) {
	b.t.Helper()
	defer b.emulate("")
	for _, scheme := range []string{"light", "dark"} {
		b.emulate("", "prefers-color-scheme", scheme)
		for _, v := range eval[[]axeViolation](b, axeRun(scheme)) {
			if v.Impact == "serious" || v.Impact == "critical" {
				b.t.Errorf("%s, %s theme: %s %s: %s\n\t%s", where, scheme, v.Impact, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
			} else {
				lesser[v.ID] = v.Impact + ": " + v.Help + " (" + where + ", " + scheme + ")"
			}
		}
	}
}
