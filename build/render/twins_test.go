package render

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"strings"
	"testing"
	"time"
)

// twinSite is goldenSite with what the twins must escape as the
// templates do: markup, quotes, "+" and "%" in titles and headings, a
// base path with a space, pages in long sections, a page with related
// lists and none, first and last pages of a section.
func twinSite() map[string]string {
	files := maps.Clone(goldenSite())
	files["handbook.toml"] = strings.Replace(files["handbook.toml"], "https://intranet.example/docs/", "https://intranet.example/my docs+1/", 1)
	files["content/vi/about.md"] = "---\ntitle: \"Về <b>&amp; 'x' + \\\"y\\\" 100%\"\ntranslationKey: about\n---\n" +
		"## Một <em>hai</em> & \"ba\" + 'bốn'\n\n### 100% cà phê?\n\n## a%2Fb #c\n\nVăn bản.\n"
	// An exercise whose duration is a number, not text, which the
	// twins leave to the templates.
	files["content/vi/exercises/e2.md"] = "---\ntitle: E2\nkind: exercise\nduration: 15\nprinciples: [a]\n---\nBài.\n"
	files["content/vi/stories/s2.md"] = "---\ntitle: S2\nkind: story\n---\nKhông năm.\n"
	for i := range 5 {
		files[fmt.Sprintf("content/vi/notes/n%d.md", i)] = fmt.Sprintf("---\ntitle: \"Ghi chú %d <&> +\"\nweight: %d\n---\n\n## Mục %d\n\n## Mục \"%d\"\n\nVăn bản.\n", i, i, i, i)
	}
	return files
}

// TestTwinsRenderAsTheirTemplates renders every page of twinSite with
// the twins and with the default theme's templates alone, in a build's
// rendering and in the preview's, which must also record the same
// reads: a twin stands in for its template without a byte of
// difference, and the preview re-renders a page on the same changes.
func TestTwinsRenderAsTheirTemplates(t *testing.T) {
	twinned, set := convertedSiteTwins(t, twinSite(), defaultTwins())
	plain, plainSet := convertedSiteTwins(t, twinSite(), nil)
	updated := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	set.Lang("vi").ByURL("/vi/about/").Updated = updated
	plainSet.Lang("vi").ByURL("/vi/about/").Updated = updated
	for _, tw := range defaultTwins() {
		for _, layout := range []string{"page.html", printLayout} {
			if len(twinned.layouts[layout].Lookup(tw.name).Tree.Root.Nodes) != 1 {
				t.Fatalf("the default theme's %s is not rendered by its twin in %s", tw.name, layout)
			}
		}
	}
	for _, layout := range []string{"page.html", "principle.html", "quote.html", "section.html", "home.html"} {
		if _, ok := twinned.bases[layout]; !ok {
			t.Errorf("the base template of %s is not rendered by its twin", layout)
		}
	}
	for _, layout := range []string{"page.html", "principle.html", "letter.html", "quote.html", "story.html", "exercise.html", "section.html"} {
		if twinned.bases[layout].main == nil {
			t.Errorf("the main template of %s is not rendered by its twin", layout)
		}
	}
	if twinned.printArticle == nil {
		t.Error("the print article is not rendered by its twin")
	}
	if len(plain.bases) > 0 || plain.printArticle != nil {
		t.Errorf("without twins, base is rendered in Go for %v, the print article %v", plain.bases, plain.printArticle != nil)
	}
	articles := 0
	for i, p := range set.Pages {
		q := plainSet.Pages[i]
		for _, record := range []bool{false, true} {
			var got, want bytes.Buffer
			var gotReads, wantReads Reads
			if record {
				gotReads, wantReads = Reads{}, Reads{}
			}
			if err := twinned.RenderPage(p, &got, gotReads); err != nil {
				t.Fatalf("%s: %v", p.URL, err)
			}
			if err := plain.RenderPage(q, &want, wantReads); err != nil {
				t.Fatalf("%s: %v", q.URL, err)
			}
			if got.String() != want.String() {
				t.Errorf("%s (recording %v): twins render\n%s", p.URL, record, firstDifference(got.String(), want.String()))
			}
			if !reflect.DeepEqual(readsByURL(gotReads), readsByURL(wantReads)) {
				t.Errorf("%s: twins read %v, the templates %v", p.URL, readsByURL(gotReads), readsByURL(wantReads))
			}
			gotArticle, err := twinned.RenderPrintFragment(p, &got, gotReads)
			if err != nil {
				t.Fatalf("%s: %v", p.URL, err)
			}
			wantArticle, err := plain.RenderPrintFragment(q, &want, wantReads)
			if err != nil {
				t.Fatalf("%s: %v", q.URL, err)
			}
			if gotArticle == nil || wantArticle == nil {
				if gotArticle != wantArticle {
					t.Errorf("%s: a print article with twins %v, without %v", p.URL, gotArticle != nil, wantArticle != nil)
				}
				continue
			}
			articles++
			if g, w := assemble(gotArticle, "/vi/print/"), assemble(wantArticle, "/vi/print/"); g != w {
				t.Errorf("%s (recording %v): twins render the print article\n%s", p.URL, record, firstDifference(g, w))
			}
			if !reflect.DeepEqual(readsByURL(gotReads), readsByURL(wantReads)) {
				t.Errorf("%s: twins read %v for the print article, the templates %v", p.URL, readsByURL(gotReads), readsByURL(wantReads))
			}
		}
	}
	if articles == 0 {
		t.Error("no page has a print article")
	}
}

// readsByURL are reads keyed by the pages' addresses, comparable across
// two readings of a site.
func readsByURL(reads Reads) map[string]Read {
	out := map[string]Read{}
	for p, what := range reads {
		out[p.URL] = what
	}
	return out
}

// TestTwinsStandOnlyForTheDefaultPartials gives a theme its own
// prevnext partial and a layout that defines toc again: each renders
// as the theme wrote it, not as the default theme's twin would.
func TestTwinsStandOnlyForTheDefaultPartials(t *testing.T) {
	files := twinSite()
	files["themes/default/layouts/partials/prevnext.html"] = `{{define "prevnext"}}<p class="mine">{{with .Prev}}{{.Title}}{{end}}|{{with .Next}}{{.Title}}{{end}}</p>{{end}}`
	files["themes/default/layouts/page.html"] = `{{template "base" .}}{{define "main"}}{{.Content}}{{end}}{{define "toc"}}<ol class="my-toc">{{range .TOC}}<li>{{.Text}}</li>{{end}}</ol>{{end}}`
	r, set := convertedSite(t, files)
	p := set.Lang("vi").ByURL("/vi/notes/n2/")
	var buf bytes.Buffer
	if err := r.RenderPage(p, &buf, nil); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{`<p class="mine">Ghi chú 1 &lt;&amp;&gt; &#43;|Ghi chú 3 &lt;&amp;&gt; &#43;</p>`, `<ol class="my-toc"><li>Mục 2</li><li>Mục “2”</li></ol>`} {
		if !strings.Contains(got, want) {
			t.Errorf("the page lacks the theme's own %s:\n%s", want, got)
		}
	}
	for _, notWant := range []string{`class="prev-next"`, `class="toc"`} {
		if strings.Contains(got, notWant) {
			t.Errorf("the page shows the default theme's %s:\n%s", notWant, got)
		}
	}
}

// TestTwinStandsOnlyWhereWhatItCallsIsTheDefault gives a layout its own
// pagelist, which the default relatedsections calls through related: the
// related lists render through the theme's pagelist, not the twin's.
func TestTwinStandsOnlyWhereWhatItCallsIsTheDefault(t *testing.T) {
	files := twinSite()
	files["themes/default/layouts/principle.html"] = `{{template "base" .}}{{define "main"}}{{template "relatedsections" .}}{{end}}{{define "pagelist"}}<ol class="my-list">{{range .pages}}<li>{{.Title}}</li>{{end}}</ol>{{end}}`
	r, set := convertedSite(t, files)
	var buf bytes.Buffer
	if err := r.RenderPage(set.Lang("vi").ByURL("/vi/principles/a/"), &buf, nil); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	if !strings.Contains(got, `<ol class="my-list"><li>Q</li></ol>`) || strings.Contains(got, `class="page-list"`) {
		t.Errorf("the related lists do not render through the theme's own pagelist:\n%s", got)
	}
}

// TestBaseTwinStandsOnlyForTheDefaultBase gives a theme its own
// untranslated partial, a layout of its own that writes more than base,
// and one that calls base with other data: each layout renders through
// the templates, and the theme's partial shows.
func TestBaseTwinStandsOnlyForTheDefaultBase(t *testing.T) {
	files := twinSite()
	files["themes/default/layouts/partials/untranslated.html"] = `{{define "untranslated"}}<p class="mine">{{len .Untranslated}}</p>{{end}}`
	r, set := convertedSite(t, files)
	if len(r.bases) > 0 {
		t.Errorf("with the theme's own untranslated, base is rendered in Go for %v", r.bases)
	}
	var buf bytes.Buffer
	if err := r.RenderPage(set.Lang("vi").ByURL("/vi/principles/b/"), &buf, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<p class="mine">2</p>`) {
		t.Errorf("the page lacks the theme's own untranslated notice:\n%s", buf.String())
	}

	files = twinSite()
	files["themes/default/layouts/page.html"] = `<!-- mine -->{{template "base" .}}{{define "main"}}{{.Content}}{{end}}`
	files["themes/default/layouts/principle.html"] = `{{template "base" .Page}}{{define "main"}}{{.Content}}{{end}}`
	files["themes/default/layouts/letter.html"] = `{{template "base" .}}{{define "main"}}{{.Content}}{{end}}<!-- after -->`
	r, _ = convertedSite(t, files)
	for _, layout := range []string{"page.html", "principle.html"} {
		if _, ok := r.bases[layout]; ok {
			t.Errorf("base is rendered in Go for %s", layout)
		}
	}
	if bt, ok := r.bases["letter.html"]; !ok || bt.after != "<!-- after -->" || bt.main != nil {
		t.Errorf("letter.html's base is rendered in Go %v, followed by %q, its own main in Go %v", ok, bt.after, bt.main != nil)
	}
}

// wrappedData is a page's layout data inside a value of another type,
// as a theme's template may pass it to a partial.
type wrappedData struct {
	*pageData
}

// TestTwinGivenOtherDataRunsItsTemplate calls a twinned partial with
// data that is not a page's layout data: the partial's template renders
// it, as it would without twins, on every page of twinSite (each twin
// writing something on one at least).
func TestTwinGivenOtherDataRunsItsTemplate(t *testing.T) {
	r, set := convertedSite(t, twinSite())
	set.Lang("vi").ByURL("/vi/about/").Updated = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	layout := r.layouts["page.html"]
	for _, tw := range defaultTwins() {
		wrote := false
		for _, p := range set.Pages {
			d := r.dataFor(p, newRecorder(nil, r.set, r.bodies))
			var fromTwin bytes.Buffer
			if err := tw.render(d, &fromTwin); err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			if err := layout.ExecuteTemplate(&got, tw.name, wrappedData{pageData: d}); err != nil {
				t.Fatal(err)
			}
			if got.String() != fromTwin.String() {
				t.Errorf("%s given wrapped data renders on %s\n%s\nits twin\n%s", tw.name, p.URL, got.String(), fromTwin.String())
			}
			wrote = wrote || got.Len() > 0
		}
		if !wrote {
			t.Errorf("%s renders nothing on any page of the site", tw.name)
		}
	}
}
