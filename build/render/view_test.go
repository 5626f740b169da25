package render

import (
	"bytes"
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
