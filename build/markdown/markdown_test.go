package markdown_test

import (
	"bytes"
	"fmt"
	"handbook/internal/sitetest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/markdown"
)

// writeSite writes files (site path → content) under a new temporary
// folder and returns the folder.
func writeSite(t testing.TB, files map[string]string) string {
	return sitetest.Write(t, files)
}

const siteConfig = sitetest.Config

// siteFiles is a small bilingual site whose pages the links of the tests
// lead to.
func siteFiles() map[string]string {
	return map[string]string{
		"handbook.toml":                   siteConfig,
		"content/vi/_index.md":            "---\ntitle: Sổ tay\n---\n\nChào mừng.\n",
		"content/vi/principles/_index.md": "---\ntitle: Nguyên tắc\n---\n",
		"content/vi/principles/customer-obsession.md": "---\ntitle: Ám ảnh về khách hàng\nkind: principle\n---\n\n" +
			"## Khách hàng là ai?\n\nVăn bản.\n\n## Tại sao quan trọng\n",
		"content/vi/letters/2016.md":   "---\ntitle: Thư năm 2016\nkind: letter\nyear: 2016\n---\n\n## Ngày 2\n",
		"content/vi/notes/diagram.png": "not really a PNG",
		"content/fr/_index.md":         "---\ntitle: Le manuel\n---\n",
		"content/fr/principles/customer-obsession.md": "---\ntitle: L’obsession du client\nkind: principle\n---\n\n" +
			"## Qui est le client ?\n",
		"content/fr/letters/2016.md": "---\ntitle: Lettre de 2016\nkind: letter\nyear: 2016\n---\n\n## Le jour 2\n",
	}
}

type fixture struct {
	cfg  *config.Config
	set  *content.Set
	conv *markdown.Converter
	// results are the conversions of the site's pages.
	results map[*content.Page]markdown.Result
}

// anchorsOf are a page's anchors, for CheckAnchors: those of the
// site's pages, or of the page converted last, this.
func (f *fixture) anchorsOf(this *content.Page, r markdown.Result) func(*content.Page) markdown.Anchors {
	return func(p *content.Page) markdown.Anchors {
		if p == this {
			return r.Anchors
		}
		return f.results[p].Anchors
	}
}

// staticFiles stands for the theme's and the site's static folders.
func staticFiles(sitePath string) bool { return sitePath == "/css/style.css" }

// newFixture loads a site of files and converts every page, so that
// links to their headings can be checked.
func newFixture(t testing.TB, files map[string]string, over config.Overrides) *fixture {
	t.Helper()
	root := writeSite(t, files)
	diags := &diag.List{}
	cfg, err := config.Load(root, over, diags)
	if err != nil {
		t.Fatalf("config: %v %v", err, diags.Sorted())
	}
	set, err := content.Load(cfg, diags)
	if err != nil {
		t.Fatal(err)
	}
	content.Link(set, cfg, diags)
	conv := markdown.NewConverter(cfg, set, staticFiles)
	var buf bytes.Buffer
	results := map[*content.Page]markdown.Result{}
	for _, p := range set.Pages {
		results[p] = conv.Convert(p, set.Body(p), &buf, diags)
	}
	if diags.HasErrors() {
		t.Fatalf("fixture has errors: %v", diags.Sorted())
	}
	return &fixture{cfg: cfg, set: set, conv: conv, results: results}
}

const testFrontMatter = "---\ntitle: Test\n---\n"

// convertFile converts a page notes/test.md of lang written as src (front
// matter included) and checks its anchors, as Site.Render does.
func (f *fixture) convertFile(t testing.TB, lang, src string) (string, markdown.Result, []diag.Diagnostic) {
	t.Helper()
	file := "content/" + lang + "/notes/test.md"
	p, body, errs := content.ParsePage(lang, file, "notes/test.md", []byte(src))
	if p == nil || len(errs) > 0 {
		t.Fatalf("parsing the test page: %v", errs)
	}
	diags := &diag.List{}
	var buf bytes.Buffer
	r := f.conv.Convert(p, body, &buf, diags)
	markdown.CheckAnchors(r.AnchorRefs, f.anchorsOf(p, r), diags)
	return string(r.HTML), r, diags.Sorted()
}

// convert converts a body written after a three-line front matter.
func (f *fixture) convert(t testing.TB, lang, body string) (string, markdown.Result, []diag.Diagnostic) {
	t.Helper()
	return f.convertFile(t, lang, testFrontMatter+body)
}

func TestLinkRewriting(t *testing.T) {
	plain := newFixture(t, siteFiles(), config.Overrides{})
	sub := newFixture(t, siteFiles(), config.Overrides{BaseURL: "https://intranet.example/handbook/"})
	tests := []struct {
		name, lang, dest string
		want, wantSub    string // the href written, at "/" and under /handbook/
	}{
		{"relative md", "vi", "../letters/2016.md", "/vi/letters/2016/", "/handbook/vi/letters/2016/"},
		{"relative section", "vi", "../principles/_index.md", "/vi/principles/", "/handbook/vi/principles/"},
		{"root md", "vi", "/principles/customer-obsession.md", "/vi/principles/customer-obsession/", "/handbook/vi/principles/customer-obsession/"},
		{"root md in fr", "fr", "/principles/customer-obsession.md", "/fr/principles/customer-obsession/", "/handbook/fr/principles/customer-obsession/"},
		{"site path", "vi", "/principles/customer-obsession/", "/vi/principles/customer-obsession/", "/handbook/vi/principles/customer-obsession/"},
		{"site path without slash", "vi", "/letters/2016", "/vi/letters/2016/", "/handbook/vi/letters/2016/"},
		{"site path in own language", "fr", "/principles/customer-obsession/", "/fr/principles/customer-obsession/", "/handbook/fr/principles/customer-obsession/"},
		{"other language md", "vi", "/fr/principles/customer-obsession.md", "/fr/principles/customer-obsession/", "/handbook/fr/principles/customer-obsession/"},
		{"other language site path", "vi", "/fr/letters/2016/", "/fr/letters/2016/", "/handbook/fr/letters/2016/"},
		{"other language home", "vi", "/fr/", "/fr/", "/handbook/fr/"},
		{"root", "fr", "/", "/fr/", "/handbook/fr/"},
		{"md with anchor", "vi", "../principles/customer-obsession.md#khach-hang-la-ai", "/vi/principles/customer-obsession/#khach-hang-la-ai", "/handbook/vi/principles/customer-obsession/#khach-hang-la-ai"},
		{"site path with anchor", "fr", "/letters/2016/#le-jour-2", "/fr/letters/2016/#le-jour-2", "/handbook/fr/letters/2016/#le-jour-2"},
		{"query kept", "vi", "../letters/2016.md?print=1", "/vi/letters/2016/?print=1", "/handbook/vi/letters/2016/?print=1"},
		{"local anchor", "vi", "#local", "#local", "#local"},
		{"https", "vi", "https://example.com/a.md", "https://example.com/a.md", "https://example.com/a.md"},
		{"mailto", "vi", "mailto:someone@example.com", "mailto:someone@example.com", "mailto:someone@example.com"},
		{"protocol-relative", "vi", "//cdn.example/x.md", "//cdn.example/x.md", "//cdn.example/x.md"},
		{"resource beside the page", "vi", "diagram.png", "/vi/notes/diagram.png", "/handbook/vi/notes/diagram.png"},
		{"resource by site path", "vi", "/notes/diagram.png", "/vi/notes/diagram.png", "/handbook/vi/notes/diagram.png"},
		{"static file", "vi", "/css/style.css", "/css/style.css", "/handbook/css/style.css"},
		{"unknown relative path left alone", "vi", "other/", "other/", "other/"},
	}
	// The local anchor needs a heading to land on.
	const local = "\n## Local\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				f    *fixture
				want string
			}{{plain, tt.want}, {sub, tt.wantSub}} {
				html, _, diags := c.f.convert(t, tt.lang, "See [the page]("+tt.dest+").\n"+local)
				if len(diags) > 0 {
					t.Fatalf("base %s: unexpected diagnostics: %v", c.f.cfg.BaseURL, diags)
				}
				want := `<a href="` + c.want + `">the page</a>`
				if !strings.Contains(html, want) {
					t.Errorf("base %s: %s written as\n%s\nwant %s", c.f.cfg.BaseURL, tt.dest, html, want)
				}
			}
		})
	}
}

func TestImageRewriting(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{BaseURL: "https://intranet.example/handbook/"})
	html, _, diags := f.convert(t, "vi", "![Sơ đồ](diagram.png)\n\n![ext](https://example.com/x.png)\n")
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	for _, want := range []string{`<img src="/handbook/vi/notes/diagram.png" alt="Sơ đồ">`, `<img src="https://example.com/x.png" alt="ext">`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

func TestLinksToRecorded(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	_, r, _ := f.convert(t, "vi", "[a](../letters/2016.md) [b](/fr/letters/2016/) [c](https://example.com/) [d](#x)\n\n## X\n")
	var got []string
	for _, q := range r.LinksTo {
		got = append(got, q.URL)
	}
	want := []string{"/vi/letters/2016/", "/fr/letters/2016/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LinksTo = %v, want %v", got, want)
	}
}

func TestBrokenLinks(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	// Front matter is lines 1–3; the body starts on line 4.
	src := testFrontMatter + // 1–3
		"\n" + // 4
		"# Tiêu đề\n" + // 5
		"\n" + // 6
		"See [missing](../letters/1999.md).\n" + // 7
		"\n" + // 8
		"A paragraph over lines: [first](nowhere.md) and\n" + // 9
		"then again [second](nowhere.md), on line 10.\n" + // 10
		"\n" + // 11
		"- item\n" + // 12
		"- [site path](/principles/nope/)\n" + // 13
		"\n" + // 14
		"[bad anchor](../principles/customer-obsession.md#nope)\n" + // 15
		"\n" + // 16
		"[bad local](#nowhere) [other language](/fr/principles/missing.md)\n" + // 17
		"\n" + // 18
		"| a | b |\n" + // 19
		"|---|---|\n" + // 20
		"| x | ![img](/letters/1999/) |\n" // 21
	_, _, diags := f.convertFile(t, "vi", src)
	const file = "content/vi/notes/test.md"
	want := []string{
		file + ":7: broken link ../letters/1999.md: no such page in vi",
		file + ":9: broken link nowhere.md: no such page in vi",
		file + ":10: broken link nowhere.md: no such page in vi",
		file + ":13: broken link /principles/nope/: no page at /vi/principles/nope/",
		file + ":15: broken link ../principles/customer-obsession.md#nope: no heading #nope in content/vi/principles/customer-obsession.md",
		file + ":17: broken link #nowhere: no heading #nowhere on this page",
		file + ":17: broken link /fr/principles/missing.md: no such page in fr",
		file + ":21: broken link /letters/1999/: no page at /vi/letters/1999/",
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBrokenLinkLineWithoutFrontMatter(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	_, _, diags := f.convertFile(t, "fr", "Texte.\n\n> Citée [ici](../nope.md)\n")
	if len(diags) != 1 || diags[0].File != "content/fr/notes/test.md" || diags[0].Line != 3 {
		t.Errorf("diagnostics = %v, want one at content/fr/notes/test.md:3", diags)
	}
}

func TestBrokenLinkLinesWithoutText(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	src := testFrontMatter + // 1–3
		"[](gone.md) first line\n" + // 4
		"text ![](gone.md) *[](gone.md)*\n" + // 5
		"see [the reference][r]\n" + // 6
		"\n" + // 7
		"[r]: ../letters/1999.md\n" // 8
	_, _, diags := f.convertFile(t, "vi", src)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d %s", d.Line, d.Message))
	}
	want := []string{
		"4 broken link gone.md: no such page in vi",
		"5 broken link gone.md: no such page in vi",
		// A reference link is reported where its destination is written.
		"8 broken link ../letters/1999.md: no such page in vi",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHeadingIDsAndTOC(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	body := "# Tiêu đề trang\n\n" +
		"## Khách hàng là ai?\n\n" +
		"### Đạo đức & lãnh đạo\n\n" +
		"## Tổng quan\n\n" +
		"## Tổng quan\n\n" +
		"## Tổng quan\n\n" +
		"#### Quá sâu\n\n" +
		"## See [the letter](../letters/2016.md)\n\n" +
		"## Ce qu'il \"dit\" -- vraiment...\n\n" +
		"## !!!\n\n" +
		"## Custom {#my-id}\n\n" +
		"## Q&amp;A \\*not emphasis\\* `a\\*b`\n"
	html, r, diags := f.convert(t, "vi", body)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	wantTOC := []content.Heading{
		{Level: 2, ID: "khach-hang-la-ai", Text: "Khách hàng là ai?"},
		{Level: 3, ID: "dao-duc-lanh-dao", Text: "Đạo đức & lãnh đạo"},
		{Level: 2, ID: "tong-quan", Text: "Tổng quan"},
		{Level: 2, ID: "tong-quan-1", Text: "Tổng quan"},
		{Level: 2, ID: "tong-quan-2", Text: "Tổng quan"},
		{Level: 2, ID: "see-the-letter", Text: "See the letter"},
		{Level: 2, ID: "ce-qu-il-dit-vraiment", Text: "Ce qu’il “dit” – vraiment…"},
		{Level: 2, ID: "section", Text: "!!!"},
		{Level: 2, ID: "my-id", Text: "Custom"},
		{Level: 2, ID: "q-amp-a-not-emphasis-a-b", Text: "Q&A *not emphasis* a\\*b"},
	}
	if !reflect.DeepEqual(r.TOC, wantTOC) {
		t.Errorf("TOC:\n%+v\nwant:\n%+v", r.TOC, wantTOC)
	}
	for _, id := range []string{"tieu-de-trang", "khach-hang-la-ai", "tong-quan-2", "qua-sau", "my-id"} {
		if !r.Anchors.Has(id) {
			t.Errorf("Anchors lacks %q: %v", id, r.Anchors)
		}
		if !strings.Contains(html, `id="`+id+`"`) {
			t.Errorf("no element with id %q in\n%s", id, html)
		}
	}
	if !strings.Contains(html, `<h2 id="see-the-letter">See <a href="/vi/letters/2016/">the letter</a></h2>`) {
		t.Errorf("heading link not rewritten:\n%s", html)
	}
}

func TestFrenchHeadingIDs(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	_, r, _ := f.convert(t, "fr", "## Ce que ce n’est pas\n\n## Œuvre à l’été\n\n## Ce que ce n’est pas\n")
	var ids []string
	for _, h := range r.TOC {
		ids = append(ids, h.ID)
	}
	want := []string{"ce-que-ce-n-est-pas", "oeuvre-a-l-ete", "ce-que-ce-n-est-pas-1"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("ids = %v, want %v", ids, want)
	}
}

func TestLinkToHeadingOfAnotherLanguage(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	html, _, diags := f.convert(t, "vi", "[fr](/fr/principles/customer-obsession.md#qui-est-le-client)\n")
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if !strings.Contains(html, `href="/fr/principles/customer-obsession/#qui-est-le-client"`) {
		t.Errorf("link not rewritten:\n%s", html)
	}
	// The French page has no Vietnamese heading.
	_, _, diags = f.convert(t, "vi", "[fr](/fr/principles/customer-obsession.md#khach-hang-la-ai)\n")
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "no heading #khach-hang-la-ai in content/fr/principles/customer-obsession.md") {
		t.Errorf("diagnostics = %v", diags)
	}
}

func TestRawHTML(t *testing.T) {
	body := "Inline <span class=\"x\">span</span> here.\n\n<script>alert(1)</script>\n\n<div>\nblock\n</div>\n"
	files := siteFiles()
	escaped := newFixture(t, files, config.Overrides{})
	html, _, _ := escaped.convert(t, "vi", body)
	for _, want := range []string{
		"&lt;span class=&#34;x&#34;&gt;span&lt;/span&gt;",
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&lt;div&gt;",
		`<p class="raw-html">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("escaped output lacks %s:\n%s", want, html)
		}
	}
	for _, bad := range []string{"<script>", "<span", "<div>"} {
		if strings.Contains(html, bad) {
			t.Errorf("escaped output contains raw %s:\n%s", bad, html)
		}
	}

	files["handbook.toml"] += "\n[markup]\nunsafeHTML = true\n"
	unsafe := newFixture(t, files, config.Overrides{})
	html, _, _ = unsafe.convert(t, "vi", body)
	for _, want := range []string{`<span class="x">span</span>`, "<script>alert(1)</script>", "<div>\nblock\n</div>"} {
		if !strings.Contains(html, want) {
			t.Errorf("unsafe output lacks %s:\n%s", want, html)
		}
	}
	if strings.Contains(html, "&lt;") {
		t.Errorf("unsafe output escaped something:\n%s", html)
	}
}

func TestCodeHighlighting(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	body := "```go\nfunc main() { fmt.Println(\"<hi>\") }\n```\n\n" +
		"```nosuchlanguage\nif a < b && c > d {}\n```\n\n" +
		"```\nplain <b>\n```\n"
	html, _, _ := f.convert(t, "vi", body)
	if !strings.Contains(html, `<pre class="chroma">`) {
		t.Errorf("no chroma block:\n%s", html)
	}
	if !strings.Contains(html, `<span class="kd">func</span>`) {
		t.Errorf("Go keyword not highlighted with a class:\n%s", html)
	}
	if strings.Contains(html, "style=") {
		t.Errorf("highlighting uses inline styles, want classes:\n%s", html)
	}
	want := "<pre><code class=\"language-nosuchlanguage\">if a &lt; b &amp;&amp; c &gt; d {}\n</code></pre>"
	if !strings.Contains(html, want) {
		t.Errorf("unknown language not escaped plainly; want %s in\n%s", want, html)
	}
	if !strings.Contains(html, "<pre><code>plain &lt;b&gt;\n</code></pre>") {
		t.Errorf("block without language not plain:\n%s", html)
	}
	// The same block in another language's page comes out the same.
	frHTML, _, _ := f.convert(t, "fr", body)
	if frHTML != html {
		t.Errorf("the same code renders differently in fr:\n%s\nvs\n%s", frHTML, html)
	}
}

func TestTypography(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	fr, _, _ := f.convert(t, "fr", "Il a dit \"bonjour\" à tous.\n")
	if !strings.Contains(fr, "Il a dit «\u202fbonjour\u202f» à tous.") {
		t.Errorf("French quotes not guillemets: %q", fr)
	}
	vi, _, _ := f.convert(t, "vi", "Ông nói \"xin chào\".\n")
	if !strings.Contains(vi, "Ông nói &ldquo;xin chào&rdquo;.") {
		t.Errorf("Vietnamese quotes not curly: %q", vi)
	}
}

func TestExtensions(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	body := "Text with a note[^1].\n\n[^1]: The note.\n\n" +
		"| Cột | Giá trị |\n|-----|--------:|\n| a | 1 |\n\n" +
		"- [x] done\n- [ ] todo\n\n" +
		"Term\n: Definition\n\n" +
		"~~gone~~\n"
	html, _, diags := f.convert(t, "vi", body)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	for _, want := range []string{
		`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
		`<div class="footnotes" role="doc-endnotes">`,
		"<table>", "<th>Cột</th>", `<td style="text-align:right">1</td>`,
		`<input checked="" disabled="" type="checkbox"> done`,
		`<input disabled="" type="checkbox"> todo`,
		"<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>",
		"<del>gone</del>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
}

func TestConvertEmptyBody(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	// A section made up by Link has no body.
	home := f.set.Lang("vi").ByURL("/vi/letters/")
	if home == nil || home.File != "" {
		t.Fatalf("want a generated section at /vi/letters/, got %+v", home)
	}
	if r := f.results[home]; len(r.Anchors) != 0 || r.HTML != "" {
		t.Errorf("generated section: Anchors %v, Content %q", r.Anchors, r.HTML)
	}
	_, _, diags := f.convert(t, "vi", "[s](/letters/#x)\n")
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "no heading #x on /vi/letters/") {
		t.Errorf("diagnostics = %v", diags)
	}
}

// TestConvertLeavesThePage: converting reads the page and changes
// nothing of it, so a site converts again to the same result.
func TestConvertLeavesThePage(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	p, body, errs := content.ParsePage("vi", "content/vi/notes/test.md", "notes/test.md", []byte(testFrontMatter+"Hello [x](#a).\n\n## A\n"))
	if p == nil || len(errs) > 0 {
		t.Fatalf("parsing the test page: %v", errs)
	}
	before, bodyBefore := *p, bytes.Clone(body)
	var buf bytes.Buffer
	first := f.conv.Convert(p, body, &buf, &diag.List{})
	if !reflect.DeepEqual(*p, before) || !bytes.Equal(body, bodyBefore) {
		t.Errorf("Convert changed the page:\n%+v\nwas\n%+v", *p, before)
	}
	if got := strings.TrimSpace(string(first.HTML)); got != "<p>Hello <a href=\"#a\">x</a>.</p>\n<h2 id=\"a\">A</h2>" {
		t.Errorf("HTML = %q", got)
	}
	second := f.conv.Convert(p, body, &buf, &diag.List{})
	if !reflect.DeepEqual(first, second) {
		t.Errorf("converting again gave\n%+v\nnot\n%+v", second, first)
	}
}

func ExampleConverter_Convert() {
	root, _ := os.MkdirTemp("", "handbook-example-")
	defer os.RemoveAll(root)
	for name, body := range siteFiles() {
		p := filepath.Join(root, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.WriteFile(p, []byte(body), 0o644)
	}
	diags := &diag.List{}
	cfg, _ := config.Load(root, config.Overrides{}, diags)
	set, _ := content.Load(cfg, diags)
	content.Link(set, cfg, diags)
	conv := markdown.NewConverter(cfg, set, func(string) bool { return false })
	p, body, _ := content.ParsePage("fr", "content/fr/notes/x.md", "notes/x.md", []byte("Voir [la lettre](../letters/2016.md).\n"))
	r := conv.Convert(p, body, new(bytes.Buffer), diags)
	fmt.Print(r.HTML)
	// Output: <p>Voir <a href="/fr/letters/2016/">la lettre</a>.</p>
}
