package serve

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"handbook/build/check"
	"handbook/build/content"
	"handbook/internal/sitetest"
)

// The original of the translator's view tests, at the stamp and after.
const (
	aboutV1 = "---\ntitle: Giới thiệu\n---\n\n## Mục đích\n\nSổ tay giúp người mới.\n\nĐoạn cuối.\n"
	aboutV2 = "---\ntitle: Giới thiệu sổ tay\n---\n\n## Mục đích\n\nSổ tay giúp mọi người mới.\n\nĐoạn cuối.\n"
)

// stampOf is the stamp of the original of vi with text data.
func stampOf(t *testing.T, data string) string {
	t.Helper()
	p, _, errs := content.ParsePage("vi", "content/vi/about.md", "about.md", []byte(data))
	if p == nil || len(errs) > 0 {
		t.Fatalf("parse: %v", errs)
	}
	return p.TextHash
}

// translatedSite is the fixture site in a git repository, its
// fr/about.md translating aboutV1, stamped and committed, and the
// original then edited to aboutV2 (on disk only).
func translatedSite(t *testing.T) *sitetest.GitRepo {
	t.Helper()
	files := siteFiles()
	files["content/vi/about.md"] = aboutV1
	files["content/fr/about.md"] = "---\ntitle: À propos\nsourceHash: \"" + stampOf(t, aboutV1) +
		"\"\n---\n\n## But\n\nLe manuel aide les <nouveaux>.\n\nDernier paragraphe.\n"
	g := sitetest.NewGitRepo(t, t.TempDir())
	g.Write(files)
	g.Commit("the handbook")
	g.Write(map[string]string{"content/vi/about.md": aboutV2})
	return g
}

func TestTranslatorsView(t *testing.T) {
	g := translatedSite(t)
	tp := startPreview(t, g.Dir, nil)
	code, page := tp.get(t, "/fr/about/")
	if code != http.StatusOK || !strings.Contains(page, `<a class="handbook-translate" href="/_handbook/translate/fr/about/">`) {
		t.Fatalf("the out-of-date page (%d) has no link to its translator's view:\n%s", code, page)
	}
	if built, _ := tp.rb.site().File("fr/about/index.html"); strings.Contains(string(built), "_handbook/translate") {
		t.Error("the site in memory, as a build would write it, links to the translator's view")
	}
	code, view := tp.get(t, "/_handbook/translate/fr/about/")
	if code != http.StatusOK {
		t.Fatalf("translator's view: %d\n%s", code, view)
	}
	for _, want := range []string{
		// The title, changed since the stamp, beside the translation's.
		`<span class="field">title</span>Giới thiệu<ins> sổ tay</ins></div><div class="cell tr changed field-row" lang="fr"><span class="field">title</span>À propos</div>`,
		// The heading beside the heading.
		`lang="vi"><span class="line">5</span>## Mục đích</div><div class="cell tr same" lang="fr"><span class="line">6</span>## But</div>`,
		// The changed paragraph, marked, beside its translation, escaped.
		`<span class="line">7</span>Sổ tay giúp <ins>mọi </ins>người mới.</div><div class="cell tr changed" lang="fr"><span class="line">8</span>Le manuel aide les &lt;nouveaux&gt;.</div>`,
		`Đoạn cuối.</div><div class="cell tr same" lang="fr"><span class="line">10</span>Dernier paragraphe.</div>`,
		"Out of date.", "(changes not committed)",
		scriptTag,
	} {
		if !strings.Contains(view, want) {
			t.Errorf("the view lacks %s:\n%s", want, view)
		}
	}
}

func TestTranslatorsViewServesOnlyTranslations(t *testing.T) {
	g := translatedSite(t)
	tp := startPreview(t, g.Dir, nil)
	for path, want := range map[string]int{
		"/_handbook/translate/vi/about/":                         http.StatusNotFound, // an original
		"/_handbook/translate/fr/nowhere/":                       http.StatusNotFound,
		"/_handbook/translate/fr/../../etc/passwd":               http.StatusBadRequest,
		"/_handbook/translate/fr/%2e%2e/%2e%2e/":                 http.StatusBadRequest,
		"/_handbook/translate/fr/about%5c..%5c..%5c/":            http.StatusBadRequest,
		"/_handbook/translate/fr/principles/customer-obsession/": http.StatusOK, // unstamped
	} {
		if code, body := tp.get(t, path); code != want {
			t.Errorf("%s: %d, want %d\n%s", path, code, want, body)
		}
	}
	if _, view := tp.get(t, "/_handbook/translate/fr/principles/customer-obsession/"); !strings.Contains(view, "not stamped (no sourceHash)") ||
		!strings.Contains(view, `## Khách hàng là ai?</div><div class="cell tr same" lang="fr"><span class="line">8</span>## Qui est le client ?</div>`) {
		t.Errorf("the view of an unstamped translation does not say so, beside the two texts:\n%s", view)
	}
}

func TestLinkTranslatorsView(t *testing.T) {
	outdated := func(u string) bool { return u == "/fr/x y/" }
	link := `<a class="handbook-translate" href="/_handbook/translate/fr/x%20y/">Side by side with the original, its changes marked (preview)</a>`
	for _, tc := range []struct{ name, page, want string }{
		{"fr/x y/index.html",
			`<main><P id=n class="notice notice-outdated">Old. <a href="/vi/x/">Read</a></P></main>`,
			`<main><P id=n class="notice notice-outdated">Old. <a href="/vi/x/">Read</a> ` + link + `</P></main>`},
		// A theme without the notice, or the class's name in the text
		// alone: a bar at the top of the body.
		{"fr/x y/index.html", `<body class="a"><p>notice-outdated</p></body>`, `<body class="a"><p class="handbook-translate-bar"`},
		{"fr/x y/index.html", `<p class="notice-outdated">unclosed`, `<p class="handbook-translate-bar"`},
		// Pages up to date, and other files, stay as built.
		{"fr/index.html", `<p class="notice-outdated">x</p>`, `<p class="notice-outdated">x</p>`},
		{"fr/x y/print.html", `<p class="notice-outdated">x</p>`, `<p class="notice-outdated">x</p>`},
	} {
		got := string(linkTranslatorsView([]byte(tc.page), tc.name, outdated))
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s %s became\n%s\nwant it to start with\n%s", tc.name, tc.page, got, tc.want)
		}
	}
}

// TestTranslatorsViewLinkInAnotherTheme: a theme whose out-of-date
// notice is its own still links the page to its translator's view.
func TestTranslatorsViewLinkInAnotherTheme(t *testing.T) {
	g := translatedSite(t)
	g.Write(map[string]string{
		"handbook.toml": "theme = \"plain\"\n" + sitetest.Config,
		"themes/plain/layouts/partials/outdated.html": `{{define "outdated"}}{{if .Outdated}}<div class="stale">Ancienne version.</div>{{end}}{{end}}`,
	})
	tp := startPreview(t, g.Dir, nil)
	_, page := tp.get(t, "/fr/about/")
	if !strings.Contains(page, `<p class="handbook-translate-bar"`) || !strings.Contains(page, `href="/_handbook/translate/fr/about/"`) || !strings.Contains(page, "Ancienne version.") {
		t.Errorf("the page has no link to its translator's view:\n%s", page)
	}
	if _, page := tp.get(t, "/fr/"); strings.Contains(page, "handbook-translate") {
		t.Errorf("a page up to date links to a translator's view:\n%s", page)
	}
	// Stamped again, the translation is up to date: its link goes.
	editFile(t, g.Dir, "content/fr/about.md", stampOf(t, aboutV1), stampOf(t, aboutV2))
	for deadline := time.Now().Add(waitTimeout); ; time.Sleep(20 * time.Millisecond) {
		_, page := tp.get(t, "/fr/about/")
		if !strings.Contains(page, "Ancienne version.") && !strings.Contains(page, "handbook-translate") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page stamped again still links to its view:\n%s", page)
		}
	}
}

// TestAlignRows: the translation's paragraphs stand beside the ones of
// the version stamped they translate, whatever was added or removed
// since; one of its own gets a row of its own.
func TestAlignRows(t *testing.T) {
	then := check.Paragraphs("## A\n\nkept\n\ngone\n\nchanged\n\n## B\n\nlast\n", 1)
	now := check.Paragraphs("## A\n\nkept\n\nchanged, now\n\nnew\n\n## B\n\nlast\n", 1)
	tr := check.Paragraphs("## A'\n\nkept'\n\ngone'\n\nchanged'\n\nextra'\n\n## B'\n\nlast'\n", 1)
	var got []string
	for _, row := range alignRows(check.DiffParagraphs(then, now), tr) {
		left := ""
		for _, w := range row.left {
			left += w.Text
		}
		right := ""
		if row.right != nil {
			right = row.right.Text
		}
		got = append(got, changeClasses[row.change]+":"+left+"|"+right)
	}
	want := []string{
		"same:## A|## A'", "same:kept|kept'", "removed:gone|gone'", "changed:changed, now|changed'",
		"added:new|", "same:|extra'", "same:## B|## B'", "same:last|last'",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
