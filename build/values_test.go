package build

import (
	"reflect"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/output"
)

// TestRenderLeavesPagesAsRead: the stages after the content stage hand
// their results forward as values and never write into a page, whether
// the site keeps everything to render again or lets each page's Markdown
// and conversion go as a build does.
func TestRenderLeavesPagesAsRead(t *testing.T) {
	for _, tc := range []struct {
		name         string
		dropMD, keep bool
	}{
		{"as Load leaves it", false, false},
		{"as a build renders", true, false},
		{"as the preview renders", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Load(Options{Source: writeSite(t, siteFiles())})
			if err != nil {
				t.Fatalf("Load: %v\n%v", err, diagsOf(s))
			}
			s.DropMarkdown, s.KeepContent = tc.dropMD, tc.keep
			before := make([]content.Page, len(s.Pages.Pages))
			for i, p := range s.Pages.Pages {
				before[i] = *p
			}
			if err := s.Render(output.NewMemory()); err != nil {
				t.Fatalf("Render: %v\n%v", err, diagsOf(s))
			}
			for i, p := range s.Pages.Pages {
				if !reflect.DeepEqual(*p, before[i]) {
					t.Errorf("rendering changed %s:\n%+v\nwas\n%+v", p.URL, *p, before[i])
				}
			}
		})
	}
}

// TestTemplatesReadOtherPagesResults: a theme that shows, on each page,
// the headings of its translations reads them from the translations'
// last results. Rendering again, after a render that let the pages' HTML
// go, every translation has one, whichever page is rendered first: what
// a render lets go is the HTML and the text, never the headings.
func TestTemplatesReadOtherPagesResults(t *testing.T) {
	files := siteFiles()
	files["themes/default/layouts/principle.html"] = `<main>{{.Content}}</main>` +
		`<aside>{{range .Translations}}{{range .TOC}}<i>{{.ID}}</i>{{end}}{{end}}</aside>`
	s, err := Load(Options{Source: writeSite(t, files)})
	if err != nil {
		t.Fatalf("Load: %v\n%v", err, diagsOf(s))
	}
	if err := s.Render(output.NewMemory()); err != nil {
		t.Fatalf("Render: %v\n%v", err, diagsOf(s))
	}
	again := output.NewMemory()
	if err := s.Render(again); err != nil {
		t.Fatalf("Render again: %v\n%v", err, diagsOf(s))
	}
	for page, want := range map[string]string{
		"vi/principles/customer-obsession/index.html": `<aside><i>qui-est-le-client</i></aside>`,
		"fr/principles/customer-obsession/index.html": `<aside><i>khach-hang-la-ai</i></aside>`,
	} {
		got, ok := again.File(page)
		if !ok {
			t.Fatalf("no %s", page)
		}
		mustContain(t, page, string(got), want)
	}
}

// TestRenderKeepsWhatChecksRead: once a render let the pages' HTML and
// text go, each page's result still holds the headings, anchors and
// links the checks read; a site rendered with KeepContent keeps all, and
// a build, which renders once, nothing.
func TestRenderKeepsWhatChecksRead(t *testing.T) {
	root := writeSite(t, siteFiles())
	loaded, _, err := renderMemory(t, root, config.Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	kept, err := Load(Options{Source: root})
	if err != nil {
		t.Fatal(err)
	}
	kept.KeepContent = true
	if err := kept.Render(output.NewMemory()); err != nil {
		t.Fatal(err)
	}
	built, _, _ := buildInto(t, root, config.Overrides{})
	p := loaded.Pages.Lang("vi").ByRelPath("principles/customer-obsession.md")
	r := loaded.Result(p)
	if r == nil || len(r.TOC) != 1 || !r.Anchors.Has("khach-hang-la-ai") {
		t.Fatalf("the render's result of %s lacks its headings: %+v", p.File, r)
	}
	if r.HTML != "" || r.Text != "" {
		t.Errorf("the render kept %s's HTML or text", p.File)
	}
	for _, b := range built.Pages.Pages {
		if r := built.Result(b); r != nil {
			t.Errorf("the build kept the result of %s", b.URL)
		}
	}
	q := kept.Pages.Lang("vi").ByRelPath("principles/customer-obsession.md")
	if r := kept.Result(q); r == nil || !strings.Contains(string(r.HTML), `id="khach-hang-la-ai"`) || r.Text == "" {
		t.Errorf("KeepContent let %s's HTML or text go: %+v", q.File, r)
	}
}
