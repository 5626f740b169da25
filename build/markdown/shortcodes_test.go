package markdown_test

import (
	"fmt"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

// shortcodeFixture is the small site with shortcode templates of its own:
// one that uses what the tool offers, one that calls a function it does
// not (Hugo's partial), and one that fails as it runs.
func shortcodeFixture(t *testing.T) *fixture {
	files := siteFiles()
	files["layouts/shortcodes/badge.html"] = `<span class="badge {{ .Get "color" | default "grey" }}" title="{{ .Page.Title }}">{{ .Inner | markdownify }}</span>`
	files["layouts/_shortcodes/card.html"] = "<div class=\"card\" data-named=\"{{ .IsNamedParams }}\">\n<h3>{{ .Get 0 | upper }}</h3>\n{{ .Inner }}</div>"
	files["layouts/shortcodes/sitemapx.html"] = "line one\n{{ partial \"x\" . }}"
	files["layouts/shortcodes/broken.html"] = `{{ .Page.Nope }}`
	return newFixture(t, files, config.Overrides{})
}

// wants checks that html holds each of want, in order.
func wants(t *testing.T, html string, want ...string) {
	t.Helper()
	rest := html
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("missing (in order) %q in\n%s", w, html)
			return
		}
		rest = rest[i+len(w):]
	}
}

func noRawShortcode(t *testing.T, html string) {
	t.Helper()
	if strings.Contains(html, "{{&lt;") || strings.Contains(html, "{{<") || strings.Contains(html, "{{%") ||
		strings.ContainsAny(html, "\uE000\uE001\uE002") {
		t.Errorf("shortcode text or marker left in\n%s", html)
	}
}

func TestKnownShortcodes(t *testing.T) {
	f := shortcodeFixture(t)
	tests := []struct {
		name, body string
		want       []string
	}{
		{"note, content as Markdown", "{{< note >}}\nIt **matters**.\n{{< /note >}}\n",
			[]string{`<div class="callout callout-note" role="note"><p class="callout-title">Note</p>`, "<p>It <strong>matters</strong>.</p>", "</div>"}},
		{"warning with a title, in a paragraph's flow", "Before.\n{{% warning \"Mind\" %}}\nText.\n{{% /warning %}}\nAfter.\n",
			[]string{"<p>Before.</p>", `callout-warning`, `<p class="callout-title">Mind</p>`, "<p>Text.</p>", "</div>", "<p>After.</p>"}},
		{"notice takes its kind first", "{{% notice tip \"Psst\" %}}\nx\n{{% /notice %}}", []string{`callout-tip`, `>Psst</p>`}},
		{"docsy's alert by colour", "{{< alert color=\"danger\" title=\"Stop\" >}}\nx\n{{< /alert >}}", []string{`callout-caution`, `>Stop</p>`}},
		{"book's hint", "{{< hint warning >}}\nx\n{{< /hint >}}", []string{`callout-warning`, `>Warning</p>`}},
		{"info and caution", "{{< info >}}\na\n{{< /info >}}\n{{< caution >}}\nb\n{{< /caution >}}", []string{`callout-info`, `callout-caution`}},
		{"details", "{{< details summary=\"More\" open=true >}}\nHidden *text*.\n{{< /details >}}",
			[]string{`<details class="details" open><summary>More</summary>`, "<em>text</em>", "</details>"}},
		{"figure", `{{< figure src="/img/a.png" alt="A cat" caption="Our *cat*" link="https://example.com/" >}}`,
			[]string{`<figure><a href="https://example.com/"><img src="/img/a.png" alt="A cat"`, `<figcaption>Our <em>cat</em></figcaption></figure>`}},
		{"highlight with chroma", "{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}",
			[]string{`<pre class="chroma">`, `<span class="kd">func</span>`}},
		{"youtube and vimeo as links", "{{< youtube id=\"w7Ft2ymGmfc\" title=\"Intro\" >}} and {{< vimeo 146022717 >}}",
			[]string{`<a class="video-link" href="https://www.youtube.com/watch?v=w7Ft2ymGmfc">Intro</a>`, `<a class="video-link" href="https://vimeo.com/146022717">Vimeo video 146022717</a>`}},
		{"param of the page", "Team: {{< param \"team.name\" >}}.", []string{"<p>Team: Platform.</p>"}},
		{"relref in a link", `[the principle]({{< relref "../principles/customer-obsession" >}})`,
			[]string{`<a href="/vi/principles/customer-obsession/">the principle</a>`}},
		{"ref with an anchor, by file name", `[2016]({{% ref "2016.md#ngay-2" %}})`,
			[]string{`<a href="/vi/letters/2016/#ngay-2">2016</a>`}},
		{"ref from the root, in another language", `[fr]({{< relref path="/principles/customer-obsession" lang="fr" >}})`,
			[]string{`<a href="/fr/principles/customer-obsession/">fr</a>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm := "---\ntitle: Test\nteam:\n  name: Platform\n---\n"
			html, _, d := f.convertFile(t, "vi", fm+tt.body)
			if len(d) > 0 {
				t.Errorf("diagnostics: %v", d)
			}
			wants(t, html, tt.want...)
			noRawShortcode(t, html)
		})
	}
}

func TestSiteShortcodeTemplates(t *testing.T) {
	f := shortcodeFixture(t)
	html, _, d := f.convert(t, "vi", "Status {{< badge color=\"green\" >}}*new*{{< /badge >}}.\n\n"+
		"{{% card \"Title\" %}}\nSome **Markdown**, {{< badge >}}x{{< /badge >}}.\n{{% /card %}}\n")
	if len(d) > 0 {
		t.Errorf("diagnostics: %v", d)
	}
	wants(t, html,
		`<p>Status <span class="badge green" title="Test"><em>new</em></span>.</p>`,
		`<div class="card" data-named="false">`, `<h3>TITLE</h3>`,
		`<p>Some <strong>Markdown</strong>, <span class="badge grey" title="Test">x</span>.</p>`, `</div>`)
	noRawShortcode(t, html)
}

// A template that uses what the tool does not offer, or fails as it
// runs, is reported once, at its line, and its shortcode is unknown.
func TestShortcodeTemplatesTheToolCannotRun(t *testing.T) {
	f := shortcodeFixture(t)
	html, _, _ := f.convert(t, "vi", "{{< sitemapx >}}\n\n{{< broken >}}\ninside\n{{< /broken >}}\n\n{{< broken >}}\nagain\n{{< /broken >}}\n")
	wants(t, html, `<div class="shortcode-broken">`, "<p>inside</p>", "</div>", "<p>again</p>")
	noRawShortcode(t, html)
	var report diag.List
	f.conv.ReportShortcodes(&report)
	got := diagStrings(report.Sorted())
	want := []string{
		`layouts/shortcodes/broken.html:1: warning: shortcode "broken" is not run: executing "broken" at <.Page.Nope>: can't evaluate field Nope in type *shortcode.pageData [shortcode-template]`,
		`layouts/shortcodes/sitemapx.html:2: warning: shortcode "sitemapx" is not run: function "partial" not defined [shortcode-template]`,
	}
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("report lacks %q:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

func diagStrings(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s [%s]", d, d.Code))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Unknown shortcodes keep their content in a wrapper named after them
// (Markdown for {{% %}}), a self-closing one is dropped, and each name is
// reported once for the whole build, with its count and first place.
func TestUnknownShortcodes(t *testing.T) {
	f := shortcodeFixture(t)
	html, _, _ := f.convert(t, "vi", "{{< tabs >}}\n{{% tab \"One\" %}}\n*first*\n{{% /tab %}}\n{{% tab \"Two\" %}}\nsecond\n{{% /tab %}}\n{{< /tabs >}}\n\n"+
		"Text {{< gist user 123 >}} more.\n")
	wants(t, html, `<div class="shortcode-tabs">`, `<div class="shortcode-tab">`, "<p><em>first</em></p>", "</div>",
		`<div class="shortcode-tab">`, "<p>second</p>", "</div>", "</div>", "<p>Text  more.</p>")
	noRawShortcode(t, html)
	_, _, _ = f.convertFile(t, "fr", "---\ntitle: Autre\n---\n\n\n{{< tabs >}}\nx\n{{< /tabs >}}\n")
	var report diag.List
	f.conv.ReportShortcodes(&report)
	var got []string
	for _, d := range diagStrings(report.Sorted()) {
		if strings.HasSuffix(d, "[unknown-shortcode]") {
			got = append(got, d)
		}
	}
	want := []string{
		`content/fr/notes/test.md:6: warning: unknown shortcode "tabs" (used 2 times), its content kept in <div class="shortcode-tabs"> [unknown-shortcode]`,
		`content/vi/notes/test.md:5: warning: unknown shortcode "tab" (used 2 times), its content kept in <div class="shortcode-tab"> [unknown-shortcode]`,
		`content/vi/notes/test.md:13: warning: unknown shortcode "gist" (used once), dropped (it has no content) [unknown-shortcode]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("report:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var again diag.List
	f.conv.ReportShortcodes(&again)
	if n := len(again.Sorted()); n != 0 {
		t.Errorf("a second report repeats %d diagnostics", n)
	}
}

func TestShortcodesNested(t *testing.T) {
	f := shortcodeFixture(t)
	html, _, d := f.convert(t, "vi", "{{< note >}}\nOuter.\n{{< details summary=\"In\" >}}\n{{< tip >}}\nInnermost [x]({{< relref \"/letters/2016\" >}}).\n{{< /tip >}}\n{{< /details >}}\n{{< /note >}}\n")
	if len(d) > 0 {
		t.Errorf("diagnostics: %v", d)
	}
	wants(t, html, `callout-note`, "<p>Outer.</p>", "<details", `callout-tip`, `<a href="/vi/letters/2016/">x</a>`, "</div>", "</details>", "</div>")
	noRawShortcode(t, html)
}

// Escaped shortcodes are literal text, in code too; real ones in code
// are left exactly as written.
func TestShortcodesEscapedAndInCode(t *testing.T) {
	f := shortcodeFixture(t)
	html, _, d := f.convert(t, "vi", "Write {{</* note */>}} or {{%/* tip */%}}.\n\n"+
		"```\n{{< note >}}\n{{</* note */>}}\n```\n\n"+
		"    {{< warning >}}\n\n"+
		"Inline `{{< badge >}}` and `{{</* x */>}}`.\n\n"+
		"- item\n\n  ~~~md\n  {{% tip %}}\n  ~~~\n")
	if len(d) > 0 {
		t.Errorf("diagnostics: %v", d)
	}
	wants(t, html,
		"<p>Write {{&lt; note &gt;}} or {{% tip %}}.</p>",
		"<pre><code>{{&lt; note &gt;}}\n{{&lt; note &gt;}}\n</code></pre>",
		"<pre><code>{{&lt; warning &gt;}}\n</code></pre>",
		"<p>Inline <code>{{&lt; badge &gt;}}</code> and <code>{{&lt; x &gt;}}</code>.</p>",
		"{{% tip %}}")
	var report diag.List
	f.conv.ReportShortcodes(&report)
	for _, d := range report.Sorted() {
		if d.Code == diag.CodeUnknownShortcode {
			t.Errorf("a shortcode in code was read: %v", d)
		}
	}
}

// What the Markdown stage reports after shortcodes, and what the
// shortcodes report, name the lines the writer wrote.
func TestShortcodeDiagnosticsKeepTheirLines(t *testing.T) {
	f := shortcodeFixture(t)
	body := "{{< figure\n  src=\"/a.png\"\n  caption=\"three lines\" >}}\n" + // lines 4-6
		"{{% note %}}\n[one](/nope-1/)\n{{% /note %}}\n" + // 7-9
		"Inline {{< youtube\n  abc >}} then [two](/nope-2/).\n" + // 10-11
		"[three]({{< relref \"missing-page\" >}})\n" + // 12
		"{{< highlight go >}}\na\nb\n{{< /highlight >}}\n[four](/nope-4/)\n" + // 13-17
		"{{< note\n" // 18
	_, _, d := f.convert(t, "vi", body)
	got := diagStrings(d)
	want := []string{
		"content/vi/notes/test.md:8: broken link /nope-1/: no page at /vi/nope-1/ [broken-link]",
		"content/vi/notes/test.md:11: broken link /nope-2/: no page at /vi/nope-2/ [broken-link]",
		`content/vi/notes/test.md:12: broken relref "missing-page": no such page in vi [broken-link]`,
		"content/vi/notes/test.md:17: broken link /nope-4/: no page at /vi/nope-4/ [broken-link]",
		`content/vi/notes/test.md:18: shortcode "note" has no end (>}}) []`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
