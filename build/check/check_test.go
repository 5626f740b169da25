package check_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/output"
	"handbook/internal/sitetest"
)

const siteConfig = `title = "Test"
baseURL = "https://handbook.example/docs/"
defaultLanguage = "vi"

[languages.vi]
name = "Tiếng Việt"
weight = 1

[languages.fr]
name = "Français"
weight = 2
`

// siteFiles is a small bilingual site with nothing to report: every page
// has a title and a description, a translation, and a way to reach it.
func siteFiles() map[string]string {
	return map[string]string{
		"handbook.toml":                   siteConfig,
		"content/vi/_index.md":            "---\ntitle: Sổ tay\ndescription: Trang chủ.\n---\n\nXem [giới thiệu](about.md).\n",
		"content/vi/about.md":             "---\ntitle: Giới thiệu\ndescription: Về sổ tay.\n---\n\n## Nguồn\n",
		"content/vi/principles/_index.md": "---\ntitle: Nguyên tắc\ndescription: Các nguyên tắc.\n---\n",
		"content/vi/principles/day-one.md": "---\ntitle: Luôn là Ngày 1\ndescription: Ngày 1.\nkind: principle\n---\n\n" +
			"Một đoạn văn.\n\n![sơ đồ](diagram.png)\n",
		"content/vi/principles/diagram.png": "PNG",
		"content/fr/_index.md":              "---\ntitle: Le manuel\ndescription: Accueil.\n---\n\nVoir [à propos](about.md).\n",
		"content/fr/about.md":               "---\ntitle: À propos\ndescription: Le manuel.\n---\n\n## Sources\n",
		"content/fr/principles/_index.md":   "---\ntitle: Principes\ndescription: Les principes.\n---\n",
		"content/fr/principles/day-one.md":  "---\ntitle: Toujours le Jour 1\ndescription: Le Jour 1.\nkind: principle\n---\n\nUn paragraphe.\n",
	}
}

// runCheck checks the site made of files and returns its diagnostics as
// "file:line: severity code", and the error.
func runCheck(t *testing.T, files map[string]string) ([]string, error) {
	t.Helper()
	site, err := check.Run(check.Options{Build: build.Options{Source: sitetest.Write(t, files)}})
	if err != nil && !build.IsContentError(err) {
		t.Fatalf("check.Run: %v", err)
	}
	var got []string
	for _, d := range site.Diags.Sorted() {
		got = append(got, fmt.Sprintf("%s:%d: %s %s", d.File, d.Line, d.Severity, d.Code))
	}
	return got, err
}

func TestCleanSite(t *testing.T) {
	got, err := runCheck(t, siteFiles())
	if err != nil || len(got) != 0 {
		t.Errorf("err %v, diagnostics %v", err, got)
	}
}

// stampOf returns the TextHash of a page of the site made of files.
func stampOf(t *testing.T, files map[string]string, lang, rel string) string {
	t.Helper()
	site, err := build.Load(build.Options{Source: sitetest.Write(t, files)})
	if err != nil {
		t.Fatal(err)
	}
	return site.Pages.Lang(lang).ByRelPath(rel).TextHash
}

// stampAll stamps every page of fr with its original's TextHash, as
// handbook translations --stamp does.
func stampAll(t *testing.T, files map[string]string) {
	t.Helper()
	site, err := build.Load(build.Options{Source: sitetest.Write(t, files)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range site.Pages.Lang("fr").Pages {
		if p.Original == nil {
			continue
		}
		data, err := content.Stamp([]byte(files[p.File]), p.Original.TextHash)
		if err != nil {
			t.Fatal(err)
		}
		files[p.File] = string(data)
	}
}

func TestChecks(t *testing.T) {
	stampAbout := stampOf(t, siteFiles(), "vi", "about.md")
	tests := []struct {
		name   string
		edit   func(files map[string]string)
		want   []string
		failed bool // an error: the check fails
	}{
		{
			name: "a page missing in a language",
			edit: func(f map[string]string) { delete(f, "content/fr/principles/day-one.md") },
			want: []string{"content/vi/principles/day-one.md:0: warning missing-translation"},
		},
		{
			name: "a page missing in the default language",
			edit: func(f map[string]string) {
				f["content/fr/only.md"] = "---\ntitle: Seule\ndescription: Seule.\n---\n"
				f["content/fr/about.md"] += "\n[seule](only.md)\n"
			},
			// The translation links a page its original does not.
			want: []string{"content/fr/about.md:8: warning structure-drift", "content/fr/only.md:0: warning missing-translation"},
		},
		{
			name: "a stamped translation is up to date",
			edit: func(f map[string]string) {
				stampAll(t, f)
			},
		},
		{
			name: "the original changed after the stamp",
			edit: func(f map[string]string) {
				stampAll(t, f)
				f["content/vi/principles/day-one.md"] += "\nMột đoạn mới.\n"
			},
			want: []string{"content/fr/principles/day-one.md:5: warning outdated-translation"},
		},
		{
			name: "one stamped translation: the others of its language are unstamped",
			edit: func(f map[string]string) {
				f["content/fr/about.md"] = strings.Replace(f["content/fr/about.md"], "---\n", "---\nsourceHash: "+stampAbout+"\n", 1)
			},
			want: []string{
				"content/fr/_index.md:0: warning unstamped-translation",
				"content/fr/principles/_index.md:0: warning unstamped-translation",
				"content/fr/principles/day-one.md:0: warning unstamped-translation",
			},
		},
		{
			name: "a stamp on an original",
			edit: func(f map[string]string) {
				f["content/vi/about.md"] = strings.Replace(f["content/vi/about.md"], "---\n", "---\nsourceHash: abc\n", 1)
			},
			want: []string{"content/vi/about.md:2: warning stray-source-hash"},
		},
		{
			name: "empty title and description",
			edit: func(f map[string]string) { f["content/fr/about.md"] = "---\ntitle: \"\"\n---\n" },
			want: []string{"content/fr/about.md:0: warning empty-description", "content/fr/about.md:0: error empty-title",
				"content/fr/about.md:4: warning structure-drift"},
			failed: true,
		},
		{
			name: "a duplicate translationKey",
			edit: func(f map[string]string) {
				f["content/fr/a-propos.md"] = "---\ntitle: À propos bis\ndescription: Bis.\ntranslationKey: about\n---\n"
				f["content/fr/about.md"] += "\n[bis](a-propos.md)\n"
			},
			want:   []string{"content/fr/about.md:0: error duplicate-translation-key", "content/fr/about.md:8: warning structure-drift"},
			failed: true,
		},
		{
			name: "orphans",
			edit: func(f map[string]string) {
				// The home lists only its sections: a page beside them is
				// reached by a link, or by previous/next from one that is.
				f["content/vi/lost.md"] = "---\ntitle: Lạc\ndescription: Lạc.\n---\n"
				f["content/fr/lost.md"] = "---\ntitle: Perdue\ndescription: Perdue.\n---\n"
				f["content/fr/_index.md"] = "---\ntitle: Le manuel\ndescription: Accueil.\n---\n"
				// Only the other language links to them: still orphans in fr.
				f["content/vi/about.md"] += "\n[à propos](/fr/about/)\n"
			},
			want: []string{
				// The French home lost its original's link to about, and
				// about does not link itself as its original does.
				"content/fr/_index.md:5: warning structure-drift",
				"content/fr/about.md:0: warning orphan",
				"content/fr/about.md:6: warning structure-drift",
				"content/fr/lost.md:0: warning orphan",
			},
		},
		{
			name: "a dead image and a dead relative link",
			edit: func(f map[string]string) {
				f["content/vi/principles/day-one.md"] += "\n![ảnh](missing.png) [ok](../../about/) [không](../nowhere/)\n"
			},
			want: []string{
				"content/vi/principles/day-one.md:11: error broken-link",
				"content/vi/principles/day-one.md:11: error broken-link",
			},
			failed: true,
		},
		{
			name:   "a missing anchor",
			edit:   func(f map[string]string) { f["content/vi/_index.md"] += "\n[nguồn](about.md#khong-co)\n" },
			want:   []string{"content/fr/_index.md:5: warning structure-drift", "content/vi/_index.md:8: error missing-anchor"},
			failed: true,
		},
		{
			name: "the build's errors, and the checks of what is left",
			edit: func(f map[string]string) {
				f["content/vi/about.md"] = "---\ntitle: [\n---\n"
				f["content/fr/principles/day-one.md"] = strings.Replace(f["content/fr/principles/day-one.md"], "kind: principle", "kind: quote\nletter: 1999\nprinciples: [nope]", 1)
			},
			want: []string{
				"content/fr/about.md:0: warning missing-translation",
				"content/fr/principles/day-one.md:5: error ",
				// The translation's relations are not its original's.
				"content/fr/principles/day-one.md:5: warning structure-drift",
				"content/fr/principles/day-one.md:6: error ",
				"content/vi/_index.md:6: error broken-link",
				"content/vi/about.md:2: error ",
			},
			failed: true,
		},
		{
			name: "a translation with a heading its original lacks",
			edit: func(f map[string]string) { f["content/fr/about.md"] += "\n## Autres\n" },
			want: []string{"content/fr/about.md:8: warning structure-drift"},
		},
		{
			name: "a translation without its original's list item",
			edit: func(f map[string]string) {
				f["content/vi/about.md"] += "\n- Thư năm 2016.\n- Chương sách.\n"
				f["content/fr/about.md"] += "\n- La lettre de 2016.\n"
			},
			// At the translation's section: it has no second item.
			want: []string{"content/fr/about.md:6: warning structure-drift"},
		},
		{
			name: "a variant the terms file avoids, in the body and the front matter",
			edit: func(f map[string]string) {
				f["data/terms/vi.toml"] = "[[term]]\nuse = \"truy ngược\"\navoid = [\"đi ngược\"]\n"
				f["content/vi/about.md"] = "---\ntitle: Đi ngược\ndescription: Về sổ tay.\n---\n\n## Nguồn\n\nTruy ngược, rồi [đi ngược](#nguon).\n\n```\nđi ngược\n```\n"
			},
			want: []string{"content/vi/about.md:2: warning terminology", "content/vi/about.md:8: warning terminology"},
		},
		{
			name: "a terms file with an unknown key",
			edit: func(f map[string]string) {
				f["data/terms/fr.toml"] = "[[term]]\nuse = \"Jour\u00a01\"\navoid = [\"Jour 1\"]\nprefer = \"x\"\n"
			},
			want:   []string{"data/terms/fr.toml:4: error terminology"},
			failed: true,
		},
		{
			name: "a folder without _index.md",
			edit: func(f map[string]string) {
				f["content/vi/notes/a.md"] = "---\ntitle: A\ndescription: A.\n---\n"
				f["content/fr/notes/a.md"] = "---\ntitle: A\ndescription: A.\n---\n"
			},
			want: []string{
				"content/fr/notes/_index.md:0: warning missing-section-page",
				"content/vi/notes/_index.md:0: warning missing-section-page",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := siteFiles()
			tt.edit(files)
			got, err := runCheck(t, files)
			if !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if failed := errors.Is(err, diag.ErrContent); failed != tt.failed {
				t.Errorf("err = %v, want failure %v", err, tt.failed)
			}
		})
	}
}

func TestMessages(t *testing.T) {
	files := siteFiles()
	delete(files, "content/fr/principles/day-one.md")
	files["content/vi/about.md"] += "\n![ảnh](missing.png)\n"
	site, _ := check.Run(check.Options{Build: build.Options{Source: sitetest.Write(t, files)}})
	var got []string
	for _, d := range site.Diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		"content/vi/about.md:8: broken link missing.png: no file at /vi/about/missing.png",
		"content/vi/principles/day-one.md: warning: not translated into fr (no content/fr/principles/day-one.md)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRunWritesToOutput(t *testing.T) {
	mem := output.NewMemory()
	site, err := check.Run(check.Options{Build: build.Options{Source: sitetest.Write(t, siteFiles())}, Output: mem})
	if err != nil {
		t.Fatalf("%v %v", err, site.Diags.Sorted())
	}
	for _, p := range []string{"vi/about/index.html", "fr/index.html", "_search/vi/meta.json", "vi/principles/diagram.png"} {
		if _, ok := mem.File(p); !ok {
			t.Errorf("%s not written; written: %v", p, mem.Paths())
		}
	}
}

func TestRunWithoutOutputMakesNoIndex(t *testing.T) {
	root := sitetest.Write(t, siteFiles())
	if _, err := check.Run(check.Options{Build: build.Options{Source: root}}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(root)
	names := []string{}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if slices.Contains(names, "public") {
		t.Errorf("check wrote the site: %v", names)
	}
}

func TestRunMissingSite(t *testing.T) {
	_, err := check.Run(check.Options{Build: build.Options{Source: filepath.Join(t.TempDir(), "nowhere")}})
	if err == nil || build.IsContentError(err) {
		t.Errorf("err = %v, want a failure to load", err)
	}
}

func TestTranslations(t *testing.T) {
	files := siteFiles()
	stamp := stampOf(t, files, "vi", "principles/day-one.md")
	files["content/fr/principles/day-one.md"] = strings.Replace(files["content/fr/principles/day-one.md"], "kind:", "sourceHash: "+stamp+"\nkind:", 1)
	files["content/fr/about.md"] = strings.Replace(files["content/fr/about.md"], "---\n", "---\nsourceHash: 000000000000\n", 1)
	delete(files, "content/fr/principles/_index.md")
	files["content/fr/only.md"] = "---\ntitle: Seule\n---\n"
	site, err := build.Load(build.Options{Source: sitetest.Write(t, files)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range check.Translations(site, "") {
		got = append(got, fmt.Sprintf("%s %s: %s", s.Lang, s.File, s.State))
	}
	want := []string{
		"fr content/fr/_index.md: unstamped",
		"fr content/fr/about.md: out of date",
		"fr content/fr/principles/_index.md: missing",
		"fr content/fr/principles/day-one.md: up to date",
		"fr content/fr/only.md: no original",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(check.Translations(site, "vi")); n != 0 {
		t.Errorf("the default language has %d statuses", n)
	}
	if n := len(check.Translations(site, "fr")); n != len(want) {
		t.Errorf("fr has %d statuses, want %d", n, len(want))
	}
}

// TestOutdatedNotice: the built translation tells readers that its
// original has changed, and links to it.
func TestOutdatedNotice(t *testing.T) {
	files := siteFiles()
	files["content/fr/principles/day-one.md"] = strings.Replace(files["content/fr/principles/day-one.md"], "kind:", "sourceHash: 000000000000\nkind:", 1)
	mem := output.NewMemory()
	site, err := check.Run(check.Options{Build: build.Options{Source: sitetest.Write(t, files)}, Output: mem})
	if err != nil {
		t.Fatalf("%v %v", err, site.Diags.Sorted())
	}
	page := func(p string) string {
		data, _ := mem.File(p)
		return string(data)
	}
	want := `<p class="notice notice-outdated" data-lang="vi">Cette traduction n’est peut-être plus à jour : l’original (Tiếng Việt) a changé depuis. ` +
		`<a href="/docs/vi/principles/day-one/" hreflang="vi" lang="vi">Lire l’original (Tiếng Việt)</a></p>`
	if got := page("fr/principles/day-one/index.html"); !strings.Contains(got, want) {
		t.Errorf("no notice in the out-of-date page:\n%s", got)
	}
	for _, p := range []string{"fr/about/index.html", "vi/principles/day-one/index.html"} {
		if strings.Contains(page(p), "notice-outdated") {
			t.Errorf("%s has the notice", p)
		}
	}
}

// A Hugo page without a title builds with Hugo: check warns and names the
// title it is shown with, and the check passes.
func TestHugoPageWithoutTitleIsAWarning(t *testing.T) {
	files := map[string]string{
		"hugo.toml":                   "title = \"Glossary\"\n",
		"content/_index.md":           "---\ntitle: Glossary\ndescription: Terms.\n---\n\nSee [scaling](vertical-scaling/).\n",
		"content/vertical-scaling.md": "---\ndescription: Growing one machine.\n---\n\nText.\n",
	}
	got, err := runCheck(t, files)
	want := []string{"content/vertical-scaling.md:0: warning empty-title"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("err %v, diagnostics %v, want %v", err, got, want)
	}
}
