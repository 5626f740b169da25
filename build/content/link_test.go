package content

import (
	"handbook/internal/sitetest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

const twoLanguages = `title = "Handbook"
[languages.vi]
weight = 1
title = "Sổ tay"
[languages.fr]
weight = 2
`

// writeSite writes files (slash-separated path -> contents) under a fresh
// temporary folder and returns it; a path ending in "/" is an empty folder.
func writeSite(t *testing.T, files map[string]string) string {
	return sitetest.Write(t, files)
}

// loadSite reads the configuration and content of the site at root and
// links it, returning whatever the stages reported.
func loadSite(t *testing.T, root string, over config.Overrides) (*Set, *diag.List) {
	t.Helper()
	var diags diag.List
	cfg, err := config.Load(root, over, &diags)
	if err != nil {
		t.Fatalf("config.Load: %v; %v", err, diags.Sorted())
	}
	set, err := Load(cfg, &diags)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	Link(set, cfg, &diags)
	return set, &diags
}

// fixture is a small handbook in two languages that is free of errors.
var fixture = map[string]string{
	"handbook.toml": twoLanguages,

	"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
	"content/vi/about.md":  "---\ntitle: Giới thiệu\ntranslationKey: about-page\n---\n",

	"content/vi/principles/_index.md":             "---\ntitle: Nguyên tắc\nweight: 1\n---\n",
	"content/vi/principles/customer-obsession.md": "---\ntitle: Ám ảnh khách hàng\nkind: principle\nweight: 1\n---\n",
	"content/vi/principles/day-one.md":            "---\ntitle: Luôn là Ngày 1\nkind: principle\nweight: 2\n---\n",
	"content/vi/principles/frugality.md":          "---\ntitle: Tiết kiệm\nkind: principle\n---\n",
	"content/vi/principles/bias.md":               "---\ntitle: Hành động\nkind: principle\n---\n",
	"content/vi/principles/invent/index.md":       "---\ntitle: Phát minh\nkind: principle\n---\n",
	"content/vi/principles/invent/diagram.png":    "PNG",
	"content/vi/principles/draft.md":              "---\ntitle: Nháp\nkind: principle\ndraft: true\n---\n",

	// Editor leftovers: never pages, never resources.
	"content/vi/principles/day-one.md.swp": "swap",
	"content/vi/principles/day-one.md~":    "backup",
	"content/vi/principles/.#day-one.md":   "lock",
	"content/vi/principles/#day-one.md#":   "autosave",
	"content/vi/principles/4913":           "",
	"content/vi/.hidden/secret.md":         "---\ntitle: hidden\n---\n",

	"content/vi/letters/2016.md": "---\ntitle: Thư 2016\nkind: letter\nyear: 2016\n---\n",
	"content/vi/letters/1998.md": "+++\ntitle = \"Thư 1998\"\nkind = \"letter\"\nyear = 1998\n+++\n",

	"content/vi/quotes/_index.md": "---\ntitle: Trích dẫn\nweight: 2\n---\n",
	"content/vi/quotes/q1.md":     "---\ntitle: Q1\nkind: quote\nletter: 2016\nprinciples: [day-one, customer-obsession]\nweight: 2\n---\n",
	"content/vi/quotes/q2.md":     "---\ntitle: Q2\nkind: quote\nletter: \"1998\"\nyear: 1998\nprinciples:\n  - customer-obsession\nweight: 1\n---\n",

	"content/vi/stories/s1.md":   "---\ntitle: S1\nkind: story\nprinciples: [frugality]\n---\n",
	"content/vi/exercises/e1.md": "---\ntitle: E1\nkind: exercise\nprinciple: day-one\n---\n",
	"content/vi/files/guide.pdf": "%PDF",

	"content/fr/a-propos.md":                      "---\ntitle: À propos\ntranslationKey: about-page\n---\n",
	"content/fr/principles/_index.md":             "---\ntitle: Principes\n---\n",
	"content/fr/principles/day-one.md":            "---\ntitle: Toujours le Jour 1\nkind: principle\n---\n",
	"content/fr/principles/customer-obsession.md": "---\ntitle: L’obsession du client\nkind: principle\n---\n",
	"content/fr/letters/2016.md":                  "---\ntitle: Lettre 2016\nkind: letter\nyear: 2016\n---\n",
	"content/fr/quotes/q1.md":                     "---\ntitle: Q1\nkind: quote\nletter: 2016\nprinciples: [day-one]\n---\n",
}

// rels gives the RelPaths of pages, for readable comparisons.
func rels(pages []*Page) []string {
	out := []string{}
	for _, p := range pages {
		out = append(out, p.RelPath)
	}
	return out
}

func page(t *testing.T, set *Set, lang, rel string) *Page {
	t.Helper()
	l := set.Lang(lang)
	if l == nil {
		t.Fatalf("no language %s", lang)
	}
	p := l.ByRelPath(rel)
	if p == nil {
		t.Fatalf("no page %s in %s; pages: %v", rel, lang, rels(l.Pages))
	}
	return p
}

func loadFixture(t *testing.T, over config.Overrides) (*Set, *diag.List) {
	t.Helper()
	set, diags := loadSite(t, writeSite(t, fixture), over)
	if d := diags.Sorted(); len(d) != 0 {
		t.Fatalf("the fixture has problems: %v", d)
	}
	return set, diags
}

func TestLoadAndLinkPages(t *testing.T) {
	set, _ := loadFixture(t, config.Overrides{})

	wantVi := []string{
		"_index.md", "about.md",
		"exercises/_index.md", "exercises/e1.md",
		"letters/1998.md", "letters/2016.md", "letters/_index.md",
		"principles/_index.md", "principles/bias.md", "principles/customer-obsession.md",
		"principles/day-one.md", "principles/frugality.md", "principles/invent/index.md",
		"quotes/_index.md", "quotes/q1.md", "quotes/q2.md",
		"stories/_index.md", "stories/s1.md",
	}
	if got := rels(set.Lang("vi").Pages); !reflect.DeepEqual(got, wantVi) {
		t.Errorf("vi pages =\n%q\nwant\n%q", got, wantVi)
	}
	wantFr := []string{
		"_index.md", "a-propos.md",
		"letters/2016.md", "letters/_index.md",
		"principles/_index.md", "principles/customer-obsession.md", "principles/day-one.md",
		"quotes/_index.md", "quotes/q1.md",
	}
	if got := rels(set.Lang("fr").Pages); !reflect.DeepEqual(got, wantFr) {
		t.Errorf("fr pages =\n%q\nwant\n%q", got, wantFr)
	}
	if len(set.Pages) != len(wantVi)+len(wantFr) {
		t.Errorf("set has %d pages, want %d", len(set.Pages), len(wantVi)+len(wantFr))
	}
	for i, p := range set.Pages {
		if p.ID != i {
			t.Errorf("%s %s has ID %d at index %d", p.Lang, p.RelPath, p.ID, i)
		}
		if got := set.Lang(p.Lang).ByURL(p.URL); got != p {
			t.Errorf("ByURL(%s) = %v, want %s", p.URL, got, p.RelPath)
		}
	}
	if set.Pages[0].Lang != "vi" || set.Pages[len(set.Pages)-1].Lang != "fr" {
		t.Error("pages are not in language order")
	}
	if set.Skipped != 1 {
		t.Errorf("Skipped = %d, want 1 draft", set.Skipped)
	}
}

func TestDrafts(t *testing.T) {
	set, _ := loadFixture(t, config.Overrides{Drafts: true})
	p := page(t, set, "vi", "principles/draft.md")
	if !p.Draft {
		t.Error("draft page lost its Draft flag")
	}
	if set.Skipped != 0 {
		t.Errorf("Skipped = %d with drafts on", set.Skipped)
	}
	section := page(t, set, "vi", "principles/_index.md")
	if !contains(section.Children, p) {
		t.Errorf("draft missing from its section: %v", rels(section.Children))
	}
}

func contains(pages []*Page, p *Page) bool {
	for _, q := range pages {
		if q == p {
			return true
		}
	}
	return false
}

func TestSections(t *testing.T) {
	set, _ := loadFixture(t, config.Overrides{})
	home := page(t, set, "vi", "_index.md")
	if set.Lang("vi").Home != home || !home.IsHome || home.Parent != nil {
		t.Errorf("vi home: Home %v, IsHome %v, Parent %v", set.Lang("vi").Home == home, home.IsHome, home.Parent)
	}
	tests := []struct {
		section  string
		children []string
	}{
		// Weighted pages first, by weight; then by title (byte order, so
		// the capitalised "Giới thiệu" comes before the synthesized
		// sections named after their folders). files/ holds no page, so it
		// gets no section; nor does the leaf bundle principles/invent/.
		{"_index.md", []string{"principles/_index.md", "quotes/_index.md", "about.md", "exercises/_index.md", "letters/_index.md", "stories/_index.md"}},
		{"principles/_index.md", []string{"principles/customer-obsession.md", "principles/day-one.md", "principles/bias.md", "principles/invent/index.md", "principles/frugality.md"}},
		{"letters/_index.md", []string{"letters/1998.md", "letters/2016.md"}},
		{"quotes/_index.md", []string{"quotes/q2.md", "quotes/q1.md"}},
	}
	for _, tt := range tests {
		s := page(t, set, "vi", tt.section)
		if !s.IsSection {
			t.Errorf("%s is not a section", tt.section)
		}
		if got := rels(s.Children); !reflect.DeepEqual(got, tt.children) {
			t.Errorf("children of %s =\n%q\nwant\n%q", tt.section, got, tt.children)
		}
		for _, c := range s.Children {
			if c.Parent != s {
				t.Errorf("%s: Parent = %v, want %s", c.RelPath, c.Parent, tt.section)
			}
		}
	}

	// Prev and Next walk the section's pages, skipping subsections.
	order := []string{"principles/customer-obsession.md", "principles/day-one.md", "principles/bias.md", "principles/invent/index.md", "principles/frugality.md"}
	for i, rel := range order {
		p := page(t, set, "vi", rel)
		var prev, next *Page
		if i > 0 {
			prev = page(t, set, "vi", order[i-1])
		}
		if i < len(order)-1 {
			next = page(t, set, "vi", order[i+1])
		}
		if p.Prev != prev || p.Next != next {
			t.Errorf("%s: Prev, Next = %v, %v; want %v, %v", rel, name(p.Prev), name(p.Next), name(prev), name(next))
		}
	}
	about := page(t, set, "vi", "about.md")
	if about.Prev != nil || about.Next != nil {
		t.Errorf("about.md, the home's only page, has Prev %v, Next %v", name(about.Prev), name(about.Next))
	}
	if s := page(t, set, "vi", "principles/_index.md"); s.Prev != nil || s.Next != nil {
		t.Errorf("a section has Prev %v, Next %v", name(s.Prev), name(s.Next))
	}
}

func name(p *Page) string {
	if p == nil {
		return "<nil>"
	}
	return p.RelPath
}

func TestSynthesizedSections(t *testing.T) {
	set, _ := loadFixture(t, config.Overrides{})
	letters := page(t, set, "vi", "letters/_index.md")
	if letters.File != "" || !letters.IsSection || letters.IsHome || letters.Title != "letters" || letters.URL != "/vi/letters/" {
		t.Errorf("synthesized letters section = %+v", letters)
	}
	if letters.Parent != page(t, set, "vi", "_index.md") {
		t.Errorf("synthesized section's parent = %v, want the home", name(letters.Parent))
	}
	if letters.TranslationKey != "letters/_index" {
		t.Errorf("TranslationKey = %q", letters.TranslationKey)
	}

	// A leaf bundle's folder is its index.md page, not a section.
	invent := page(t, set, "vi", "principles/invent/index.md")
	if set.Lang("vi").ByRelPath("principles/invent/_index.md") != nil {
		t.Error("a section was made for the leaf bundle principles/invent/")
	}
	if invent.URL != "/vi/principles/invent/" || set.Lang("vi").ByURL(invent.URL) != invent {
		t.Errorf("leaf bundle URL = %q, ByURL = %v", invent.URL, name(set.Lang("vi").ByURL(invent.URL)))
	}
	if invent.Parent != page(t, set, "vi", "principles/_index.md") || invent.IsSection {
		t.Errorf("leaf bundle: Parent %v, IsSection %v", name(invent.Parent), invent.IsSection)
	}

	frHome := page(t, set, "fr", "_index.md")
	if set.Lang("fr").Home != frHome || !frHome.IsHome || !frHome.IsSection || frHome.File != "" || frHome.URL != "/fr/" {
		t.Errorf("synthesized fr home = %+v", frHome)
	}
	// fr has no title of its own: the site's title.
	if frHome.Title != "Handbook" {
		t.Errorf("fr home title = %q, want the site title", frHome.Title)
	}
	// Titles compare as bytes: "Principes" < "letters" < "quotes" < "À propos".
	if got := rels(frHome.Children); !reflect.DeepEqual(got, []string{"principles/_index.md", "letters/_index.md", "quotes/_index.md", "a-propos.md"}) {
		t.Errorf("fr home children = %q", got)
	}
}

func TestSynthesizedHomeTakesLanguageTitle(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"handbook.toml":            twoLanguages,
		"content/vi/a/b/c.md":      "---\ntitle: C\n---\n",
		"content/fr/a/_index.md":   "---\ntitle: A\n---\n",
		"content/fr/a/b/_index.md": "---\ntitle: B\n---\n",
	}), config.Overrides{})
	if d := diags.Sorted(); len(d) != 0 {
		t.Fatalf("diagnostics: %v", d)
	}
	home := page(t, set, "vi", "_index.md")
	if home.Title != "Sổ tay" {
		t.Errorf("vi home title = %q, want the language's title", home.Title)
	}
	// Every folder on the way gets a section, so c.md has a chain of parents.
	var chain []string
	for p := page(t, set, "vi", "a/b/c.md"); p != nil; p = p.Parent {
		chain = append(chain, p.RelPath)
	}
	if want := []string{"a/b/c.md", "a/b/_index.md", "a/_index.md", "_index.md"}; !reflect.DeepEqual(chain, want) {
		t.Errorf("parents = %q, want %q", chain, want)
	}
	if got := rels(page(t, set, "fr", "a/_index.md").Children); !reflect.DeepEqual(got, []string{"a/b/_index.md"}) {
		t.Errorf("fr a/ children = %q", got)
	}
	if n := len(set.Lang("fr").Pages); n != 3 {
		t.Errorf("fr has %d pages, want 3 (home, a, a/b): %q", n, rels(set.Lang("fr").Pages))
	}
}

func TestTranslations(t *testing.T) {
	set, _ := loadFixture(t, config.Overrides{})
	tests := []struct {
		lang, rel string
		want      []string // lang:relPath
	}{
		{"vi", "principles/day-one.md", []string{"fr:principles/day-one.md"}},
		{"fr", "principles/day-one.md", []string{"vi:principles/day-one.md"}},
		{"vi", "about.md", []string{"fr:a-propos.md"}},
		{"fr", "a-propos.md", []string{"vi:about.md"}},
		{"vi", "_index.md", []string{"fr:_index.md"}},
		{"fr", "letters/_index.md", []string{"vi:letters/_index.md"}},
		{"vi", "principles/frugality.md", nil},
		{"vi", "quotes/q2.md", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range page(t, set, tt.lang, tt.rel).Translations {
			got = append(got, p.Lang+":"+p.RelPath)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %s: translations = %q, want %q", tt.lang, tt.rel, got, tt.want)
		}
	}
}

func TestTranslationsThreeLanguages(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"handbook.toml":   "[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.en]\nweight = 3\n",
		"content/vi/x.md": "", "content/fr/x.md": "", "content/en/x.md": "",
	}), config.Overrides{})
	if d := diags.Sorted(); len(d) != 0 {
		t.Fatalf("diagnostics: %v", d)
	}
	var got []string
	for _, p := range page(t, set, "fr", "x.md").Translations {
		got = append(got, p.Lang)
	}
	if want := []string{"vi", "en"}; !reflect.DeepEqual(got, want) {
		t.Errorf("translations of fr/x.md in languages %q, want %q (language order)", got, want)
	}
}

func TestRelations(t *testing.T) {
	set, _ := loadFixture(t, config.Overrides{})
	vi := func(rel string) *Page { return page(t, set, "vi", rel) }
	q1, q2 := vi("quotes/q1.md"), vi("quotes/q2.md")
	l1998, l2016 := vi("letters/1998.md"), vi("letters/2016.md")
	dayOne, obsession, frugality := vi("principles/day-one.md"), vi("principles/customer-obsession.md"), vi("principles/frugality.md")

	tests := []struct {
		what string
		got  []*Page
		want []*Page
	}{
		{"q1.Principles() (as written)", q1.Principles(), []*Page{dayOne, obsession}},
		{"q2.Principles()", q2.Principles(), []*Page{obsession}},
		{"s1.Principles()", vi("stories/s1.md").Principles(), []*Page{frugality}},
		{"e1.Principles()", vi("exercises/e1.md").Principles(), []*Page{dayOne}},
		{"customer-obsession.Quotes() (by weight)", obsession.Quotes(), []*Page{q2, q1}},
		{"day-one.Quotes()", dayOne.Quotes(), []*Page{q1}},
		{"day-one.Exercises()", dayOne.Exercises(), []*Page{vi("exercises/e1.md")}},
		{"day-one.Stories()", dayOne.Stories(), nil},
		{"frugality.Stories()", frugality.Stories(), []*Page{vi("stories/s1.md")}},
		{"2016.Quotes()", l2016.Quotes(), []*Page{q1}},
		{"1998.Quotes()", l1998.Quotes(), []*Page{q2}},
	}
	for _, tt := range tests {
		if got, want := rels(tt.got), rels(tt.want); !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %q, want %q", tt.what, got, want)
		}
	}
	if q1.Letter() != l2016 || q1.Year != 2016 {
		t.Errorf("q1: Letter %v, Year %d; want letters/2016.md, 2016", name(q1.Letter()), q1.Year)
	}
	if q2.Letter() != l1998 || q2.Year != 1998 {
		t.Errorf("q2: Letter %v, Year %d; want letters/1998.md, 1998", name(q2.Letter()), q2.Year)
	}
	// Relations stay within a language.
	frQ1 := page(t, set, "fr", "quotes/q1.md")
	if frQ1.Letter() != page(t, set, "fr", "letters/2016.md") || len(frQ1.Principles()) != 1 || frQ1.Principles()[0] != page(t, set, "fr", "principles/day-one.md") {
		t.Errorf("fr q1: Letter %v, Principles %v", name(frQ1.Letter()), rels(frQ1.Principles()))
	}
	if got := rels(page(t, set, "fr", "principles/day-one.md").Quotes()); !reflect.DeepEqual(got, []string{"quotes/q1.md"}) {
		t.Errorf("fr day-one quotes = %q", got)
	}
}

func TestResources(t *testing.T) {
	set, _ := loadFixture(t, config.Overrides{})
	var got []string
	for _, r := range set.Resources {
		got = append(got, r.Lang+" "+r.URL)
		if !filepath.IsAbs(r.Src) {
			t.Errorf("resource source %q is not absolute", r.Src)
		}
		if data, err := os.ReadFile(r.Src); err != nil || len(data) == 0 {
			t.Errorf("resource %s: %v", r.Src, err)
		}
		if !set.ResourceURL(r.URL) {
			t.Errorf("ResourceURL(%s) = false", r.URL)
		}
	}
	sort.Strings(got)
	if want := []string{"vi /vi/files/guide.pdf", "vi /vi/principles/invent/diagram.png"}; !reflect.DeepEqual(got, want) {
		t.Errorf("resources = %q, want %q", got, want)
	}
	for _, u := range []string{"/vi/principles/day-one.md.swp", "/vi/principles/4913", "/vi/principles/day-one.md~", "/fr/files/guide.pdf"} {
		if set.ResourceURL(u) {
			t.Errorf("ResourceURL(%s) = true", u)
		}
	}
}

func TestIgnoredName(t *testing.T) {
	tests := []struct {
		name    string
		ignored bool
	}{
		{"page.md.swp", true},
		{".page.md.swp", true},
		{"page.md.swx", true},
		{"page.md~", true},
		{".#page.md", true},
		{"#page.md#", true},
		{"4913", true},
		{"page.md.tmp", true},
		{"page.md.bak", true},
		{".git", true},
		{"page.md", false},
		{"diagram.png", false},
		{"49130", false},
		{"2016.md", false},
		{"_index.md", false},
	}
	for _, tt := range tests {
		if got := IgnoredName(tt.name); got != tt.ignored {
			t.Errorf("IgnoredName(%q) = %v, want %v", tt.name, got, tt.ignored)
		}
	}
}

func TestLinkErrors(t *testing.T) {
	const (
		principle = "---\ntitle: P\nkind: principle\n---\n"
		letter    = "---\ntitle: L\nkind: letter\nyear: 2016\n---\n"
	)
	type want struct {
		file string
		line int
		msg  []string
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{
			name: "duplicate translationKey in one language",
			files: map[string]string{
				"content/vi/a.md": "---\ntranslationKey: same\n---\n",
				"content/vi/b.md": "---\ntranslationKey: same\n---\n",
				"content/fr/c.md": "---\ntranslationKey: same\n---\n",
			},
			want: []want{{"content/vi/b.md", 0, []string{`"same"`, "content/vi/a.md"}}},
		},
		{
			name: "explicit key equal to another page's default key",
			files: map[string]string{
				"content/vi/a.md": "",
				"content/vi/b.md": "---\ntranslationKey: a\n---\n",
			},
			want: []want{{"content/vi/b.md", 0, []string{`"a"`, "content/vi/a.md"}}},
		},
		{
			name: "missing principle",
			files: map[string]string{
				"content/vi/principles/day-one.md": principle,
				"content/vi/letters/2016.md":       letter,
				"content/vi/quotes/q.md":           "---\ntitle: Q\nkind: quote\nletter: 2016\n\nprinciples: [day-one, no-such]\n---\n",
			},
			want: []want{{"content/vi/quotes/q.md", 6, []string{`"no-such"`, "vi"}}},
		},
		{
			name: "missing principle in a block list",
			files: map[string]string{
				"content/vi/stories/s.md": "---\ntitle: S\nkind: story\nprinciples:\n  - nowhere\n---\n",
			},
			want: []want{{"content/vi/stories/s.md", 4, []string{`"nowhere"`}}},
		},
		{
			name: "principle of another language",
			files: map[string]string{
				"content/fr/principles/frugalite.md": principle,
				"content/vi/exercises/e.md":          "+++\nkind = \"exercise\"\nprinciple = \"frugalite\"\n+++\n",
			},
			want: []want{{"content/vi/exercises/e.md", 3, []string{`"frugalite"`}}},
		},
		{
			name: "missing letter",
			files: map[string]string{
				"content/vi/letters/2016.md": letter,
				"content/vi/quotes/q.md":     "---\ntitle: Q\nkind: quote\n\nletter: 2001\n---\n",
			},
			want: []want{{"content/vi/quotes/q.md", 5, []string{"2001"}}},
		},
		{
			name: "letter that is not a year",
			files: map[string]string{
				"content/vi/quotes/q.md": "---\nkind: quote\nletter: the 2016 one\n---\n",
			},
			want: []want{{"content/vi/quotes/q.md", 3, []string{`"the 2016 one"`, "year"}}},
		},
		{
			name: "quote without letter",
			files: map[string]string{
				"content/vi/quotes/q.md": "---\ntitle: Q\nkind: quote\n---\n",
			},
			want: []want{{"content/vi/quotes/q.md", 1, []string{"needs a letter"}}},
		},
		{
			name: "quote whose year is not its letter's",
			files: map[string]string{
				"content/vi/letters/2016.md": letter,
				"content/vi/quotes/q.md":     "---\nkind: quote\nyear: 2015\nletter: 2016\n---\n",
			},
			want: []want{{"content/vi/quotes/q.md", 4, []string{"2015", "2016"}}},
		},
		{
			name: "letter without year",
			files: map[string]string{
				"content/vi/letters/x.md": "---\nkind: letter\n---\n",
			},
			want: []want{{"content/vi/letters/x.md", 1, []string{"year"}}},
		},
		{
			name: "two letters of one year",
			files: map[string]string{
				"content/vi/letters/a.md": letter,
				"content/vi/letters/b.md": letter,
			},
			want: []want{{"content/vi/letters/b.md", 1, []string{"2016", "content/vi/letters/a.md"}}},
		},
		{
			name: "two pages at one URL",
			files: map[string]string{
				"content/vi/principles.md":        "",
				"content/vi/principles/_index.md": "",
			},
			want: []want{{"content/vi/principles/_index.md", 1, []string{"/vi/principles/", "content/vi/principles.md"}}},
		},
		{
			name: "front matter error is reported with file and line",
			files: map[string]string{
				"content/vi/a.md": "---\ntitle: A\nweight: heavy\n---\n",
				"content/vi/b.md": "---\ntitle: B\n",
			},
			want: []want{
				{"content/vi/a.md", 3, []string{"weight"}},
				{"content/vi/b.md", 1, []string{"never closed"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"handbook.toml": twoLanguages, "content/vi/_index.md": "", "content/fr/_index.md": ""}
			for k, v := range tt.files {
				files[k] = v
			}
			_, diags := loadSite(t, writeSite(t, files), config.Overrides{})
			got := diags.Sorted()
			if len(got) != len(tt.want) {
				t.Fatalf("diagnostics = %v, want %d", got, len(tt.want))
			}
			for i, d := range got {
				w := tt.want[i]
				ok := d.Severity == diag.Error && d.File == w.file && d.Line == w.line
				for _, s := range w.msg {
					ok = ok && strings.Contains(d.Message, s)
				}
				if !ok {
					t.Errorf("diagnostic %d = %v (severity %v), want an error at %s:%d containing %q", i, d, d.Severity, w.file, w.line, w.msg)
				}
			}
		})
	}
}

func TestLoadLeavesOutBrokenPages(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"handbook.toml":   twoLanguages,
		"content/vi/a.md": "---\ntitle: A\n",
		"content/vi/b.md": "caf\xe9\n",
		"content/vi/c.md": "---\ntitle: C\nweight: x\n---\n", // a type error keeps the page
		"content/fr/":     "",
	}), config.Overrides{})
	if !diags.HasErrors() {
		t.Fatal("no errors reported")
	}
	vi := set.Lang("vi")
	if vi.ByRelPath("a.md") != nil || vi.ByRelPath("b.md") != nil {
		t.Error("a page that could not be parsed was kept")
	}
	if p := vi.ByRelPath("c.md"); p == nil || p.Title != "C" {
		t.Errorf("c.md = %v, want the page kept with its title", p)
	}
}
