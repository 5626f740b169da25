package build

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/search/query"
)

var (
	articleID = regexp.MustCompile(`<article class="print-page[^"]*" id="([^"]*)">`)
	anyID     = regexp.MustCompile(`\sid="([^"]*)"`)
	innerLink = regexp.MustCompile(`\shref="#([^"]*)"`)
)

// articles lists the pages a print page holds, by their anchors, in order.
func articles(html string) []string {
	var out []string
	for _, m := range articleID.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

// checkAnchors reports ids used twice in a print page, and links within
// it that lead to no id.
func checkAnchors(t *testing.T, name, html string) {
	t.Helper()
	ids := map[string]bool{}
	for _, m := range anyID.FindAllStringSubmatch(html, -1) {
		if ids[m[1]] {
			t.Errorf("%s: id %q twice", name, m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range innerLink.FindAllStringSubmatch(html, -1) {
		if !ids[m[1]] {
			t.Errorf("%s: link to #%s, which is no id of the page", name, m[1])
		}
	}
}

// The print pages hold every page of a language, or of a section, in
// reading order, drafts never; their ids are unique and their links lead
// inside them when they can, under the site's sub-path.
func TestPrintPages(t *testing.T) {
	root := writeSite(t, siteFiles())
	for _, drafts := range []bool{false, true} {
		s, mem, err := renderMemory(t, root, config.Overrides{BaseURL: "https://intranet.example/docs/", Drafts: drafts})
		if err != nil {
			t.Fatalf("%v %v", err, diagsOf(s))
		}
		file := func(p string) string {
			t.Helper()
			data, ok := mem.File(p)
			if !ok {
				t.Fatalf("%s not written", p)
			}
			return string(data)
		}
		whole := file("vi/print/index.html")
		want := []string{
			"vi/", "vi/principles/", "vi/principles/customer-obsession/", "vi/letters/", "vi/letters/2016/",
			"vi/about/", "vi/quotes/", "vi/quotes/q-day-two/", "vi/stories/", "vi/stories/only-vi/",
		}
		if got := articles(whole); !slices.Equal(got, want) {
			t.Errorf("drafts %v: vi/print holds %v, want %v", drafts, got, want)
		}
		mustNotContain(t, "vi/print", whole, "Bản nháp", "Chưa xong")
		checkAnchors(t, "vi/print", whole)
		mustContain(t, "vi/print", whole,
			`<link rel="canonical" href="https://intranet.example/docs/vi/print/">`,
			`<meta name="robots" content="noindex">`,
			`<link rel="stylesheet" href="/docs/css/print.css">`,
			`<h2 id="vi/principles/customer-obsession/khach-hang-la-ai">`,
			// about links to a principle, the letter to a quote, the
			// quote to its letter: all inside the page.
			`<a href="#vi/principles/customer-obsession/">nguyên tắc</a>`,
			`<a href="#vi/quotes/q-day-two/">Trích dẫn</a>`,
			`<cite><a href="#vi/letters/2016/">Thư năm 2016</a></cite>`,
			`<img src="/docs/vi/letters/letter-2016.pdf"`,
			`<li><a href="#vi/principles/customer-obsession/">Ám ảnh về khách hàng</a></li>`,
		)

		section := file("vi/principles/print/index.html")
		if got := articles(section); !slices.Equal(got, want[1:3]) {
			t.Errorf("drafts %v: vi/principles/print holds %v, want %v", drafts, got, want[1:3])
		}
		checkAnchors(t, "vi/principles/print", section)
		// The principle lists its quote, which is in another section.
		mustContain(t, "vi/principles/print", section, `<a href="/docs/vi/quotes/q-day-two/">Ngày 2 là trì trệ</a>`)

		mustContain(t, "vi home", file("vi/index.html"), `<a href="/docs/vi/print/">`)
		mustContain(t, "vi/principles", file("vi/principles/index.html"), `<a href="/docs/vi/principles/print/">`)
		mustContain(t, "fr home", file("fr/index.html"), `<a href="/docs/fr/print/">`)
		if got := articles(file("fr/print/index.html")); len(got) != 8 {
			t.Errorf("fr/print holds %v", got)
		}
		mustNotContain(t, "sitemap", file("sitemap.xml"), "print")
		mustNotContain(t, "vi/about", file("vi/about/index.html"), "print/")
	}
}

// The print pages are not in the search index.
func TestPrintPagesNotIndexed(t *testing.T) {
	_, dest, files := buildInto(t, writeSite(t, siteFiles()), config.Overrides{})
	if _, ok := files["vi/print/index.html"]; !ok {
		t.Fatal("no print page")
	}
	ans, err := query.NewSearcher(os.DirFS(dest)).Query("khách hàng", []string{"vi"}, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Results) == 0 {
		t.Fatal("the search finds nothing")
	}
	for _, r := range ans.Results {
		if strings.Contains(r.URL, "print") {
			t.Errorf("the search finds %s", r.URL)
		}
	}
}

// A page at a print page's URL keeps it, with a warning; an alias there
// is an error.
func TestPrintPageURLTaken(t *testing.T) {
	files := siteFiles()
	files["content/vi/print.md"] = "---\ntitle: In ấn\n---\n\nVề việc in.\n"
	s, mem, err := renderMemory(t, writeSite(t, files), config.Overrides{})
	if err != nil {
		t.Fatalf("%v %v", err, diagsOf(s))
	}
	data, _ := mem.File("vi/print/index.html")
	mustContain(t, "vi/print", string(data), "Về việc in.")
	mustNotContain(t, "vi/print", string(data), "print-page")
	mustContain(t, "diagnostics", strings.Join(diagsOf(s), "\n"),
		"content/vi/print.md: warning: the page's URL /vi/print/ is the print page's: the print page is left out")
	home, _ := mem.File("vi/index.html")
	mustNotContain(t, "vi home", string(home), `href="/vi/print/"`)
	if _, ok := mem.File("vi/principles/print/index.html"); !ok {
		t.Error("the sections' print pages are left out too")
	}

	files = siteFiles()
	files["content/fr/about.md"] = "---\ntitle: À propos\naliases: [/print/]\n---\n"
	s, mem, err = renderMemory(t, writeSite(t, files), config.Overrides{})
	if !IsContentError(err) {
		t.Fatalf("err = %v, want a content error", err)
	}
	mustContain(t, "diagnostics", strings.Join(diagsOf(s), "\n"),
		"content/fr/about.md:3: the alias /fr/print/ would replace the print page /fr/print/")
	// Found while loading: nothing was rendered.
	if mem != nil {
		t.Errorf("the site was rendered: %v", mem.Paths())
	}
}
