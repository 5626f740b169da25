package render

import (
	"bytes"
	"strings"
	"testing"
)

// TestPageFieldsAreThePagesOwn: what a layout reads as .Title, .Prev,
// .Translations and the other fields copied into its data is what the
// same names read through .Page, on pages of every kind and place, and
// reading them records no more than the page's metadata and its own body
// (.Content, .TOC and .HasTOC are fields too), which a preview renders
// again whenever it changes.
func TestPageFieldsAreThePagesOwn(t *testing.T) {
	var check strings.Builder
	for _, name := range []string{"IsHome", "IsSection", "Title", "Description", "Lang", "Statement", "Text", "Kind", "Year", "Updated", "Parent", "Prev", "Next", "Letter", "Translations", "Principles", "Content", "TOC"} {
		check.WriteString(`{{if ne (printf "%v" .` + name + `) (printf "%v" .Page.` + name + `)}}` + name + ` differs: {{printf "%v" .` + name + `}}, {{printf "%v" .Page.` + name + `}}; {{end}}`)
		check.WriteString(`{{printf "%v" .` + name + `}}|`)
	}
	layout := check.String()
	files := map[string]string{
		"handbook.toml":                   twoLanguages,
		"content/vi/_index.md":            "---\ntitle: Trang chủ\ndescription: Mô tả\n---\n",
		"content/fr/_index.md":            "---\ntitle: Accueil\n---\n",
		"content/vi/principles/_index.md": "---\ntitle: Nguyên tắc\n---\n",
		"content/vi/principles/a.md":      "---\ntitle: A\nkind: principle\nstatement: Luôn luôn\ntranslationKey: a\n---\n",
		"content/vi/principles/b.md":      "---\ntitle: B\n---\n",
		"content/fr/principles/a.md":      "---\ntitle: A fr\ntranslationKey: a\n---\n",
		"content/vi/letters/2016.md":      "---\ntitle: Thư 2016\nkind: letter\nyear: 2016\nprinciples: [a]\n---\n",
		"content/vi/stories/s.md":         "---\ntitle: S\nkind: story\nyear: 2015\n---\n",
		"content/vi/quotes/q.md":          "---\ntitle: Q\nkind: quote\ntext: Một câu\nletter: 2016\nprinciples: [a]\n---\n",
	}
	for _, name := range []string{"home", "section", "page", "principle", "letter", "quote", "story"} {
		files["themes/default/layouts/"+name+".html"] = layout
	}
	r, set, _ := newSite(t, files)
	out := map[string]string{}
	for _, p := range set.Pages {
		var buf bytes.Buffer
		reads := Reads{}
		if err := r.RenderPage(p, &buf, reads); err != nil {
			t.Fatalf("%s: %v", p.URL, err)
		}
		if strings.Contains(buf.String(), "differs") {
			t.Errorf("%s: %s", p.URL, buf.String())
		}
		for q, what := range reads {
			if q != p && what&ReadBody != 0 {
				t.Errorf("%s: reading its own fields recorded a read of %s's body", p.URL, q.URL)
			}
		}
		out[p.URL] = buf.String()
	}
	for url, want := range map[string]string{
		"/vi/":              "true|true|Trang chủ|Mô tả|vi|",
		"/vi/principles/a/": "|Luôn luôn|",
		"/vi/quotes/q/":     "|Một câu|",
		"/vi/letters/2016/": "|2016|",
	} {
		if !strings.Contains(out[url], want) {
			t.Errorf("%s reads %q, without %q", url, out[url], want)
		}
	}
}
