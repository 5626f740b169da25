package serve

import (
	"bytes"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/output"
	"handbook/build/search"
	"handbook/internal/sitetest"
)

// TestIncrementalEqualsFullBuild makes a series of edits, rebuilding
// after each only what the edit needs, and checks after each that the
// site in memory, search index included, is the one a fresh full build
// makes, file by file.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	editAndCompare(t, newSite(t))
}

// probes are themes that read the site in unusual ways, each a partial
// "probe" that every layout shows beside the page's text: what an edit
// re-renders must follow what the templates read, whatever they read.
var probes = map[string]string{
	"grandchildren": `{{define "probe"}}{{range .Home.Children}}{{range .Children}}{{range .Children}}{{.Title}};{{end}}{{end}}{{end}}{{end}}`,
	"every page's translations": `{{define "probe"}}{{template "walk" .Home}}{{end}}` +
		`{{define "walk"}}<{{.Title}}|{{range .Translations}}{{.Title}}={{.URL}},{{end}}>{{range .Children}}{{template "walk" .}}{{end}}{{end}}`,
	"relations of relations": `{{define "probe"}}{{range .Principles}}{{.Title}}({{range .Quotes}}{{.Title}}:{{with .Letter}}{{.Title}}{{end}}/` +
		`{{range .Principles}}{{.Statement}}{{end}};{{end}}{{range .Stories}}{{.Title}};{{end}}){{end}}` +
		`{{range .Quotes}}{{range .Principles}}{{range .Stories}}{{.Title}}{{end}}{{end}}{{end}}` +
		`{{with .Letter}}{{range .Quotes}}{{range .Principles}}{{.Title}}{{end}}{{end}}{{end}}{{end}}`,
	"neighbours' titles": `{{define "probe"}}{{with .Prev}}{{.Title}}<{{with .Prev}}{{.Title}}{{end}}{{end}}|` +
		`{{with .Next}}{{.Title}}>{{with .Next}}{{.Title}}{{end}}{{end}}|` +
		`{{with .Parent}}{{with .Prev}}{{.Title}}{{end}}{{with .Next}}{{.Title}}{{end}}{{end}}{{end}}`,
}

// TestIncrementalEqualsFullBuildCustomThemes is TestIncrementalEqualsFullBuild
// with each of the probes in every layout of the site's theme.
func TestIncrementalEqualsFullBuildCustomThemes(t *testing.T) {
	for name, probe := range probes {
		t.Run(name, func(t *testing.T) {
			files := siteFiles()
			files["themes/default/layouts/partials/probe.html"] = probe
			for _, layout := range []string{"home", "section", "page", "principle", "quote", "story", "letter"} {
				files["themes/default/layouts/"+layout+".html"] = `{{template "base" .}}` +
					`{{define "main"}}<article>{{.Content}}</article><aside>{{template "probe" .}}</aside>{{end}}`
			}
			editAndCompare(t, sitetest.Write(t, files))
		})
	}
}

// editAndCompare makes the series of edits to the site at root.
func editAndCompare(t *testing.T, root string) {
	rb := &rebuilder{opts: build.Options{Source: root}}
	if o := rb.buildAll("the site"); o.err != nil {
		t.Fatalf("first build: %v", o.err)
	}
	steps := []struct {
		name string
		edit func() []string
		// full is whether the step may take a full build.
		full bool
		// broken names the page whose error the step makes: its last
		// good version stays served.
		broken string
	}{
		{"body of a page", func() []string {
			return []string{editFile(t, root, "content/vi/principles/bias-for-action.md", "Nhanh.", "Nhanh hơn nữa.")}
		}, false, ""},
		{"body of a default-language page with a translation", func() []string {
			return []string{editFile(t, root, "content/vi/about.md", "Xem", "Hãy xem")}
		}, false, ""},
		{"title of a principle", func() []string {
			return []string{editFile(t, root, "content/vi/principles/customer-obsession.md", "Ám ảnh về khách hàng", "Khách hàng trước hết")}
		}, false, ""},
		{"title that reorders a section", func() []string {
			return []string{editFile(t, root, "content/vi/principles/bias-for-action.md", "weight: 2", "weight: 0")}
		}, false, ""},
		{"relation of a quote", func() []string {
			return []string{editFile(t, root, "content/vi/quotes/q-day-two.md", "principles: [customer-obsession]", "principles: [bias-for-action]")}
		}, false, ""},
		{"a link", func() []string {
			return []string{editFile(t, root, "content/fr/about.md", "/principles/customer-obsession/", "/letters/2016/")}
		}, false, ""},
		{"a heading another page links to", func() []string {
			return []string{
				editFile(t, root, "content/vi/principles/customer-obsession.md", "## Khách hàng là ai?", "## Khách hàng là ai?\n\n## Thêm một phần"),
			}
		}, false, ""},
		{"the title of a section in the navigation", func() []string {
			return []string{editFile(t, root, "content/vi/letters/_index.md", "title: Thư\n", "title: Thư từ\n")}
		}, false, ""},
		{"the title of a nested section", func() []string {
			return []string{editFile(t, root, "content/vi/principles/more/_index.md", "title: Thêm", "title: Thêm nữa")}
		}, false, ""},
		{"a new page", func() []string {
			return []string{writeFile(t, root, "content/vi/stories/second.md", "---\ntitle: Chuyện thứ hai\nkind: story\nprinciples: [customer-obsession]\n---\n\nLại chuyện.\n")}
		}, false, ""},
		{"a new page in a new folder", func() []string {
			return []string{writeFile(t, root, "content/fr/stories/deux.md", "---\ntitle: Deuxième histoire\ntranslationKey: stories/second\n---\n\nEncore.\n")}
		}, false, ""},
		{"a page linked to a page that did not exist", func() []string {
			p := writeFile(t, root, "content/vi/links.md", "---\ntitle: Liên kết\n---\n\n[Về](about.md) và [chuyện](stories/second.md).\n")
			return []string{p}
		}, false, ""},
		{"a slug others link to", func() []string {
			return []string{editFile(t, root, "content/vi/about.md", "title: Giới thiệu\n", "title: Giới thiệu\nslug: ve-chung-toi\n")}
		}, false, ""},
		{"an alias", func() []string {
			return []string{editFile(t, root, "content/vi/about.md", "aliases: [/gioi-thieu/]", "aliases: [/cu/]")}
		}, false, ""},
		{"a draft", func() []string {
			return []string{editFile(t, root, "content/vi/links.md", "title: Liên kết\n", "title: Liên kết\ndraft: true\n")}
		}, false, ""},
		{"an _index.md for a made section", func() []string {
			return []string{writeFile(t, root, "content/fr/stories/_index.md", "---\ntitle: Histoires\nweight: 3\n---\n")}
		}, false, ""},
		{"the _index.md removed again", func() []string {
			return []string{removeFile(t, root, "content/fr/stories/_index.md")}
		}, false, ""},
		{"a deleted page", func() []string {
			return []string{removeFile(t, root, "content/vi/stories/second.md")}
		}, false, ""},
		{"a deleted folder", func() []string {
			return []string{removeFile(t, root, "content/vi/principles/more")}
		}, false, ""},
		{"a new folder of pages", func() []string {
			writeFile(t, root, "content/vi/guides/one.md", "---\ntitle: Hướng dẫn một\n---\n\nMột.\n")
			writeFile(t, root, "content/vi/guides/sub/two.md", "---\ntitle: Hướng dẫn hai\n---\n\n[Một](../one.md)\n")
			return []string{root + "/content/vi/guides"}
		}, false, ""},
		{"a stylesheet", func() []string {
			return []string{editFile(t, root, "static/css/extra.css", "black", "navy")}
		}, false, ""},
		{"a new stylesheet and a removed one", func() []string {
			return []string{writeFile(t, root, "static/css/more.css", "p{}\n"), removeFile(t, root, "static/css/extra.css")}
		}, false, ""},
		{"a broken link", func() []string {
			return []string{editFile(t, root, "content/vi/guides/one.md", "Một.", "[Không có](/nowhere/).")}
		}, false, "vi/guides/one/index.html"},
		{"the link fixed", func() []string {
			return []string{editFile(t, root, "content/vi/guides/one.md", "[Không có](/nowhere/).", "[Có](/ve-chung-toi/).")}
		}, false, ""},
		{"broken front matter", func() []string {
			return []string{editFile(t, root, "content/fr/about.md", "title: À propos", "title: [À propos")}
		}, false, "fr/about/index.html"},
		{"the front matter fixed", func() []string {
			return []string{editFile(t, root, "content/fr/about.md", "title: [À propos", "title: À propos")}
		}, false, ""},
		{"an image beside the pages", func() []string {
			return []string{writeFile(t, root, "content/vi/guides/picture.png", "not really a PNG")}
		}, true, ""},
		{"a synonym file", func() []string {
			return []string{writeFile(t, root, "data/synonyms/vi.toml", "groups = [[\"hướng dẫn\", \"chỉ dẫn\"]]\n")}
		}, true, ""},
		{"the configuration", func() []string {
			return []string{editFile(t, root, "handbook.toml", `title = "Test Handbook"`, `title = "Another Handbook"`)}
		}, true, ""},
	}
	for _, step := range steps {
		var before []byte
		if step.broken != "" {
			before, _ = rb.site().File(step.broken)
		}
		paths := step.edit()
		o := rb.apply(paths)
		if o.err != nil && !build.IsContentError(o.err) {
			t.Fatalf("%s: %v", step.name, o.err)
		}
		if o.full && !step.full {
			t.Errorf("%s: took a full build", step.name)
		}
		errs := errorsOf(rb.diagnostics())
		if step.broken != "" {
			after, _ := rb.site().File(step.broken)
			if len(errs) == 0 {
				t.Errorf("%s: no error reported", step.name)
			}
			if !bytes.Equal(after, before) {
				t.Errorf("%s: %s changed; its last good version should stay", step.name, step.broken)
			}
			continue
		}
		if len(errs) > 0 {
			t.Fatalf("%s: errors %v", step.name, errs)
		}
		compareWithFullBuild(t, step.name, rb)
	}
}

// compareWithFullBuild builds the site from scratch and compares every
// file with the rebuilder's, the search index with one written from its
// pages.
func compareWithFullBuild(t *testing.T, step string, rb *rebuilder) {
	t.Helper()
	want := output.NewMemory()
	s, err := build.Load(rb.opts)
	if err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	if err := s.Render(want); err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	got := rb.site()
	index := output.NewMemory()
	if err := rb.live.SearchInput().Write(index, func() bool { return false }); err != nil {
		t.Fatal(err)
	}
	gotPaths := map[string]bool{}
	for _, p := range got.Paths() {
		gotPaths[p] = true
	}
	for _, p := range index.Paths() {
		gotPaths[p] = true
	}
	for _, p := range want.Paths() {
		from := got
		if strings.HasPrefix(p, search.Dir+"/") {
			from = index
		}
		w, _ := want.File(p)
		g, ok := from.File(p)
		delete(gotPaths, p)
		switch {
		case !ok:
			t.Errorf("%s: %s is missing", step, p)
		case !bytes.Equal(g, w):
			t.Errorf("%s: %s differs from a full build's:\n%s", step, p, firstDifference(g, w))
		}
	}
	for p := range gotPaths {
		t.Errorf("%s: %s is left over: a full build has no such file", step, p)
	}
}

// firstDifference shows where two files part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "\nwant: …" + string(want[from:min(len(want), i+80)])
}

// An edit of a page's body renders that page and its translations, and
// nothing else; an edit of its title also renders the pages that show it.
func TestRebuildRendersWhatAnEditReaches(t *testing.T) {
	root := newSite(t)
	rb := &rebuilder{opts: build.Options{Source: root}}
	if o := rb.buildAll("the site"); o.err != nil {
		t.Fatal(o.err)
	}
	cases := []struct {
		name      string
		edit      func() string
		wantPages int
	}{
		{"body of a page without translation", func() string {
			return editFile(t, root, "content/vi/principles/bias-for-action.md", "Nhanh.", "Nhanh lên.")
		}, 1},
		{"body of a page with a translation", func() string {
			return editFile(t, root, "content/vi/principles/customer-obsession.md", "Văn bản.", "Văn bản khác.")
		}, 2},
		// The pages whose templates read the title: the page, its
		// translation, its section, its neighbour, and its story and
		// quote, which name it. Neither the home, which counts the
		// section's pages, nor the page whose text links to it shows it.
		{"title of a principle", func() string {
			return editFile(t, root, "content/vi/principles/customer-obsession.md", "title: Ám ảnh về khách hàng", "title: Khách hàng")
		}, 6},
	}
	for _, c := range cases {
		o := rb.apply([]string{c.edit()})
		if o.err != nil || o.full {
			t.Fatalf("%s: err %v, full %v", c.name, o.err, o.full)
		}
		if o.update.Pages != c.wantPages {
			t.Errorf("%s: %d pages rendered, want %d", c.name, o.update.Pages, c.wantPages)
		}
	}
}
