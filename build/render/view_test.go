package render

import (
	"bytes"
	"fmt"
	"testing"

	"handbook/build/content"
)

// TestRenderPageRecordsReads: rendering a page records the pages its
// templates read, and what of each: a grandchild's title read through
// .Home.Children is a read of the grandchild; the home's list of pages
// is a read of its children; a page nobody shows is not read.
func TestRenderPageRecordsReads(t *testing.T) {
	r, set, _ := newSite(t, map[string]string{
		"handbook.toml":                   twoLanguages,
		"content/vi/_index.md":            "---\ntitle: Home\n---\n",
		"content/fr/_index.md":            "---\ntitle: Accueil\n---\n",
		"content/vi/about.md":             "---\ntitle: About\n---\n",
		"content/vi/guides/_index.md":     "---\ntitle: Guides\n---\n",
		"content/vi/guides/one/_index.md": "---\ntitle: One\n---\n",
		"content/vi/guides/one/deep.md":   "---\ntitle: Deep\n---\n",
		"content/vi/guides/one/other.md":  "---\ntitle: Other\n---\n",
		"themes/default/layouts/page.html": `{{range .Home.Children}}{{range .Children}}{{range .Children}}` +
			`{{if eq .Title "Deep"}}{{.Title}}{{end}}{{end}}{{end}}{{end}}{{.Content}}`,
	})
	vi := set.Lang("vi")
	about, deep, other := vi.ByURL("/vi/about/"), vi.ByURL("/vi/guides/one/deep/"), vi.ByURL("/vi/guides/one/other/")
	reads := Reads{}
	var buf bytes.Buffer
	if err := r.RenderPage(about, &buf, reads); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "Deep" {
		t.Errorf("rendered %q", buf.String())
	}
	// about is read by dataFor (its address, its parent), by .Content and,
	// as a child of the home, by .Children; guides/ and one/ only for
	// their lists of pages.
	want := map[*content.Page]Read{
		about:                       ReadMeta | ReadBody | ReadChildren,
		vi.Home:                     ReadMeta | ReadChildren,
		vi.ByURL("/vi/guides/"):     ReadChildren,
		vi.ByURL("/vi/guides/one/"): ReadChildren,
		deep:                        ReadMeta,
		other:                       ReadMeta,
	}
	if len(reads) != len(want) {
		t.Errorf("%d pages read, want %d", len(reads), len(want))
	}
	for p, what := range want {
		if reads[p] != what {
			t.Errorf("%s: read %b, want %b", p.URL, reads[p], what)
		}
	}
	if _, ok := reads[set.Lang("fr").Home]; ok {
		t.Errorf("the French home is recorded as read")
	}
}

// TestReusedRecordersRenderAsNewOnes: a build reuses its recorders and
// their views from page to page; every page, after a section listing
// more pages than a recorder keeps views for and after other pages,
// renders as with a recorder of its own.
func TestReusedRecordersRenderAsNewOnes(t *testing.T) {
	files := map[string]string{
		"handbook.toml":             twoLanguages,
		"content/vi/_index.md":      "---\ntitle: Home\n---\n",
		"content/fr/_index.md":      "---\ntitle: Accueil\n---\n",
		"content/vi/long/_index.md": "---\ntitle: Long\n---\n",
	}
	for i := range keptViews + 10 {
		files[fmt.Sprintf("content/vi/long/p%03d.md", i)] = fmt.Sprintf("---\ntitle: P%d\nweight: %d\n---\n## H\n\nText.\n\n## I\n", i, i)
	}
	r, set := convertedSite(t, files)
	order := append(append([]*content.Page{}, set.Pages...), set.Pages...)
	for _, p := range order {
		var reused, own bytes.Buffer
		if err := r.RenderPage(p, &reused, nil); err != nil {
			t.Fatal(err)
		}
		if err := r.RenderPage(p, &own, Reads{}); err != nil {
			t.Fatal(err)
		}
		if reused.String() != own.String() {
			t.Fatalf("%s renders\n%s\nwith a reused recorder, and\n%s\nwith its own", p.URL, reused.String(), own.String())
		}
	}
}
