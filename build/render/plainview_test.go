package render

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"handbook/build/content"
)

// viewSite is a small handbook whose page layout is the given template,
// with the theme's files given in extra.
func viewSite(t *testing.T, layout string, extra ...string) (*Renderer, *content.Set) {
	t.Helper()
	files := map[string]string{
		"handbook.toml":                    twoLanguages,
		"content/vi/_index.md":             "---\ntitle: Home\n---\n",
		"content/fr/_index.md":             "---\ntitle: Accueil\n---\n",
		"content/vi/guides/_index.md":      "---\ntitle: Guides\n---\n",
		"content/vi/guides/a.md":           "---\ntitle: A <&>\ndescription: First\nweight: 1\ndate: 2020-02-03\ntranslationKey: a\naliases: [/old-a/]\nteam: ops\n---\n# One\n",
		"content/vi/guides/b.md":           "---\ntitle: B\nweight: 2\n---\n",
		"content/fr/guides/_index.md":      "---\ntitle: Guides FR\n---\n",
		"content/fr/guides/a.md":           "---\ntitle: A FR\ntranslationKey: a\n---\n",
		"themes/default/layouts/page.html": layout,
	}
	for i := 0; i+1 < len(extra); i += 2 {
		files[extra[i]] = extra[i+1]
	}
	r, set, _ := newSite(t, files)
	return r, set
}

// viewNames are the names templates read of a page's view, with a
// template that shows what each gives: a page's address for a view.
func viewNames() (names []string, show map[string]string) {
	viewType := reflect.TypeFor[viewed]()
	show = map[string]string{}
	pt := reflect.TypeFor[*pageView]()
	for i := range pt.NumMethod() {
		m := pt.Method(i)
		out := m.Type.Out(0)
		switch {
		case out == viewType:
			show[m.Name] = "{{with ." + m.Name + "}}{{.URL}}{{end}}"
		case out.Kind() == reflect.Slice && out.Elem() == viewType:
			show[m.Name] = "{{range ." + m.Name + "}}{{.URL}},{{end}}"
		default:
			show[m.Name] = "{{." + m.Name + "}}"
		}
		names = append(names, m.Name)
	}
	return names, show
}

// TestPlainViewsShowWhatRecordingViewsShow: a build's views of other
// pages (plain fields, recording nothing) show templates every name the
// preview's recording views show, with the same values.
func TestPlainViewsShowWhatRecordingViewsShow(t *testing.T) {
	names, show := viewNames()
	var layout strings.Builder
	layout.WriteString("{{range .Parent.Children}}")
	for _, n := range names {
		layout.WriteString(n + "=" + show[n] + "\n")
	}
	layout.WriteString(`team={{index .Params "team"}}` + "\n{{end}}")
	r, set := viewSite(t, layout.String())
	a := set.Lang("vi").ByURL("/vi/guides/a/")
	var plain, recorded bytes.Buffer
	if err := r.RenderPage(a, &plain, nil); err != nil {
		t.Fatal(err)
	}
	if err := r.RenderPage(a, &recorded, Reads{}); err != nil {
		t.Fatal(err)
	}
	if plain.String() != recorded.String() {
		t.Errorf("a build shows\n%s\nthe preview shows\n%s", plain.String(), recorded.String())
	}
	for _, want := range []string{"Title=A &lt;&amp;&gt;\n", "Parent=/vi/guides/\n", "Translations=/fr/guides/a/,\n", "team=ops\n", "Weight=2\n"} {
		if !strings.Contains(plain.String(), want) {
			t.Errorf("a build's views show no %q in\n%s", want, plain.String())
		}
	}
}

// TestPlainViewsHideWhatRecordingViewsHide: a page's fields and methods
// a recording view does not show fail in a build as in the preview.
func TestPlainViewsHideWhatRecordingViewsHide(t *testing.T) {
	shown, _ := viewNames()
	isShown := map[string]bool{}
	for _, n := range shown {
		isShown[n] = true
	}
	var hidden []string
	for _, f := range reflect.VisibleFields(reflect.TypeFor[content.Page]()) {
		if f.IsExported() && !isShown[f.Name] {
			hidden = append(hidden, f.Name)
		}
	}
	pt := reflect.TypeFor[*content.Page]()
	for i := range pt.NumMethod() {
		if n := pt.Method(i).Name; !isShown[n] {
			hidden = append(hidden, n)
		}
	}
	if len(hidden) == 0 {
		t.Fatal("found no hidden names")
	}
	for _, n := range hidden {
		r, set := viewSite(t, "{{with .Parent}}{{."+n+"}}{{end}}")
		a := set.Lang("vi").ByURL("/vi/guides/a/")
		var buf bytes.Buffer
		if err := r.RenderPage(a, &buf, Reads{}); err == nil {
			t.Errorf("the preview shows %s", n)
		}
		if err := r.RenderPage(a, &buf, nil); err == nil {
			t.Errorf("a build shows %s", n)
		}
	}
}

// TestFragmentsOfABuildAreNotReplayedInThePreview: a partial rendered
// once by a rendering that records nothing is rendered again, recording,
// for one that records, which then sees what the partial read.
func TestFragmentsOfABuildAreNotReplayedInThePreview(t *testing.T) {
	r, set := viewSite(t, `{{partialCached "titles" . "all"}}`,
		"themes/default/layouts/partials/titles.html",
		`{{define "titles"}}{{range .Parent.Children}}{{.Title}};{{end}}{{end}}`)
	vi := set.Lang("vi")
	a, b := vi.ByURL("/vi/guides/a/"), vi.ByURL("/vi/guides/b/")
	var buf bytes.Buffer
	if err := r.RenderPage(a, &buf, nil); err != nil {
		t.Fatal(err)
	}
	reads := Reads{}
	if err := r.RenderPage(b, &buf, reads); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "A &lt;&amp;&gt;;B;A &lt;&amp;&gt;;B;" {
		t.Errorf("rendered %q", buf.String())
	}
	// a is read only by the partial, when b is rendered.
	if reads[a]&ReadMeta == 0 {
		t.Errorf("a's title, read by the partial, is not recorded: %v", reads)
	}
}
