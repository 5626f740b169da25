package scaffold_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/output"
	"handbook/build/scaffold"
	"handbook/internal/sitetest"
)

// site is a small handbook with a principle and a letter in both
// languages, for the new pages' relations to name.
func site(t *testing.T) (root string, cfg *config.Config) {
	t.Helper()
	root = sitetest.Write(t, map[string]string{
		"handbook.toml":                    sitetest.Config,
		"content/vi/_index.md":             "---\ntitle: Sổ tay\n---\n",
		"content/vi/principles/_index.md":  "---\ntitle: Nguyên tắc\n---\n",
		"content/vi/principles/day-one.md": "---\ntitle: Luôn là Ngày 1\nkind: principle\nweight: 3\n---\n",
		"content/vi/letters/2016.md":       "---\ntitle: Thư 2016\nkind: letter\nyear: 2016\nweight: 1\n---\n",
		"content/fr/_index.md":             "---\ntitle: Le manuel\n---\n",
		"content/fr/principles/_index.md":  "---\ntitle: Principes\n---\n",
		"content/fr/principles/day-one.md": "---\ntitle: Le Jour 1\nkind: principle\nweight: 7\n---\n",
		"content/fr/letters/2016.md":       "---\ntitle: Lettre 2016\nkind: letter\nyear: 2016\nweight: 1\n---\n",
	})
	return root, loadConfig(t, root)
}

func loadConfig(t *testing.T, root string) *config.Config {
	t.Helper()
	cfg, err := config.Load(root, config.Overrides{}, &diag.List{})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// Every kind, started in both languages, makes pages the pipeline reads
// as drafts of that kind, paired as translations, that a build leaves
// out and a build with drafts renders.
func TestNewPagesLoad(t *testing.T) {
	root, cfg := site(t)
	slugs := map[content.Kind]string{
		content.Principle: "think-big", content.Letter: "2017", content.Quote: "q-2017-day-one",
		content.Story: "two-pizza-teams", content.Exercise: "press-release",
	}
	var want []string
	for _, kind := range content.Kinds {
		files, err := scaffold.Create(cfg, scaffold.Request{Kind: kind, Slug: slugs[kind]})
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		rel := scaffold.Folder(kind) + "/" + slugs[kind] + ".md"
		wantFiles := []string{"content/vi/" + rel, "content/fr/" + rel}
		if !reflect.DeepEqual(files, wantFiles) {
			t.Errorf("%s: wrote %v, want %v", kind, files, wantFiles)
		}
		want = append(want, wantFiles...)
	}

	published, err := build.Load(build.Options{Source: root})
	if err != nil {
		t.Fatalf("a site with new drafts should load: %v\n%v", err, published.Diags.Sorted())
	}
	if published.Pages.Skipped != len(want) {
		t.Errorf("%d drafts left out, want %d", published.Pages.Skipped, len(want))
	}

	s, err := build.Load(build.Options{Source: root, Overrides: config.Overrides{Drafts: true}})
	if err != nil && !build.IsContentError(err) {
		t.Fatal(err)
	}
	for _, d := range s.Diags.Sorted() {
		// A quote cannot be linked until its letter is filled in; that
		// is the one error a new page has.
		if d.Severity == diag.Error && !strings.Contains(d.Message, "a quote needs a letter") {
			t.Errorf("unexpected problem: %s", d)
		}
	}
	for _, kind := range content.Kinds {
		key := scaffold.Folder(kind) + "/" + slugs[kind]
		for _, lang := range []string{"vi", "fr"} {
			p := s.Pages.Lang(lang).ByRelPath(key + ".md")
			if p == nil {
				t.Errorf("%s: %s not loaded", lang, key)
				continue
			}
			if p.Kind != kind || p.TranslationKey != key || !p.Draft || p.Title == "" {
				t.Errorf("%s: kind %q, translationKey %q, draft %v, title %q", p.File, p.Kind, p.TranslationKey, p.Draft, p.Title)
			}
			if len(p.Translations) != 1 {
				t.Errorf("%s: %d translations, want 1", p.File, len(p.Translations))
			}
		}
	}
	letter := s.Pages.Lang("fr").ByRelPath("letters/2017.md")
	if letter == nil || letter.Year != 2017 || letter.Title != "Lettre aux actionnaires de 2017" {
		t.Errorf("the new letter: %+v", letter)
	}
}

// The files say what each kind has: its fields, relations as empty
// lists, the headings of its body in the page's language, and the
// draft mark; the weight puts the page last in its section in every
// language.
func TestNewPageContents(t *testing.T) {
	root, cfg := site(t)
	if _, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Exercise, Slug: "press-release"}); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Principle, Slug: "think-big"}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	vi, fr := read("content/vi/exercises/press-release.md"), read("content/fr/exercises/press-release.md")
	for _, want := range []string{`title: "Press release"`, "kind: exercise", "principles: []", "weight: 1\n", `duration: ""`, "draft: true", "## Câu hỏi\n\n1. "} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi exercise lacks %q:\n%s", want, vi)
		}
	}
	for _, want := range []string{"## Questions\n\n1. ", "## Pistes", "draft: true"} {
		if !strings.Contains(fr, want) {
			t.Errorf("fr exercise lacks %q:\n%s", want, fr)
		}
	}
	principle := read("content/fr/principles/think-big.md")
	for _, want := range []string{"weight: 8\n", `statement: ""`, "## Explication", "## Principes liés"} {
		if !strings.Contains(principle, want) {
			t.Errorf("fr principle lacks %q:\n%s", want, principle)
		}
	}
}

// When the file of any language exists, nothing is written, and the
// error names the file.
func TestNewRefusesToOverwrite(t *testing.T) {
	root, cfg := site(t)
	existing := filepath.Join(root, "content/fr/stories/call-back.md")
	sitetest.WriteFiles(t, root, map[string]string{"content/fr/stories/call-back.md": "mine\n"})
	_, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Story, Slug: "call-back"})
	var exists *scaffold.ExistsError
	if !errors.As(err, &exists) || !reflect.DeepEqual(exists.Paths, []string{"content/fr/stories/call-back.md"}) {
		t.Fatalf("err = %v, want the French file named", err)
	}
	if !strings.Contains(err.Error(), "content/fr/stories/call-back.md already exists") {
		t.Errorf("message %q", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content/vi/stories/call-back.md")); !os.IsNotExist(err) {
		t.Errorf("the Vietnamese page was written: %v", err)
	}
	if data, _ := os.ReadFile(existing); string(data) != "mine\n" {
		t.Errorf("the existing file changed: %q", data)
	}
	// The same page asked for again, in a language where it does not
	// exist, is written.
	files, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Story, Slug: "call-back", Langs: []string{"vi"}})
	if err != nil || len(files) != 1 {
		t.Fatalf("files %v, err %v", files, err)
	}
	if _, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Story, Slug: "call-back", Langs: []string{"vi"}}); !errors.As(err, &exists) {
		t.Errorf("a second time: err = %v, want ExistsError", err)
	}
}

// One language asked for writes that language's file only.
func TestNewOneLanguage(t *testing.T) {
	root, cfg := site(t)
	files, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Quote, Slug: "q-2016-new", Langs: []string{"fr"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(files, []string{"content/fr/quotes/q-2016-new.md"}) {
		t.Errorf("files %v", files)
	}
	if _, err := os.Stat(filepath.Join(root, "content/vi/quotes/q-2016-new.md")); !os.IsNotExist(err) {
		t.Errorf("the Vietnamese page was written: %v", err)
	}
}

func TestNewBadArguments(t *testing.T) {
	if _, err := scaffold.ParseKind("chapter"); err == nil || !strings.Contains(err.Error(), "principle, letter, quote, story, exercise") {
		t.Errorf("ParseKind(chapter) = %v, want the kinds listed", err)
	}
	for _, k := range content.Kinds {
		if got, err := scaffold.ParseKind(string(k)); err != nil || got != k {
			t.Errorf("ParseKind(%s) = %q, %v", k, got, err)
		}
	}
	bad := map[content.Kind][]string{
		content.Principle: {"", "Think-Big", "think big", "think_big", "-think", "think-", "think--big", "../x", "khách-hàng"},
		content.Letter:    {"letter-2017", "17", "20177"},
	}
	for kind, slugs := range bad {
		for _, slug := range slugs {
			if err := scaffold.CheckSlug(kind, slug); err == nil {
				t.Errorf("CheckSlug(%s, %q) accepted it", kind, slug)
			}
		}
	}
	for _, slug := range []string{"think-big", "q-2016-day-two", "a1"} {
		if err := scaffold.CheckSlug(content.Story, slug); err != nil {
			t.Errorf("CheckSlug(story, %q) = %v", slug, err)
		}
	}
	root, cfg := site(t)
	if _, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Story, Slug: "x", Langs: []string{"de"}}); err == nil || !strings.Contains(err.Error(), `no language "de"`) {
		t.Errorf("an unknown language: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(root, "content/vi"))
	for _, e := range entries {
		if e.Name() == "stories" {
			t.Error("a refused page made its folder")
		}
	}
}

// A site with a new draft still builds, the draft left out.
func TestNewPageDoesNotReachTheSite(t *testing.T) {
	root, cfg := site(t)
	if _, err := scaffold.Create(cfg, scaffold.Request{Kind: content.Principle, Slug: "think-big"}); err != nil {
		t.Fatal(err)
	}
	s, err := build.Load(build.Options{Source: root})
	if err != nil {
		t.Fatal(err)
	}
	out := output.NewMemory()
	if err := s.Render(out); err != nil {
		t.Fatalf("render: %v\n%v", err, s.Diags.Sorted())
	}
	for _, p := range out.Paths() {
		if strings.Contains(p, "think-big") {
			t.Errorf("the draft is published at %s", p)
		}
	}
	home, _ := out.File("vi/principles/index.html")
	if strings.Contains(string(home), "Think big") {
		t.Error("the section lists the draft")
	}
}
