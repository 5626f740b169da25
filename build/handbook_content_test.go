package build

import (
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/content"
	"handbook/build/output"
)

// TestHandbookContent checks the shape of the handbook this repository
// publishes: it builds without an error or a warning, every page exists in
// every language, every principle has quotes and exercises, every quote its
// letter and year.
func TestHandbookContent(t *testing.T) {
	site, err := Load(Options{Source: filepath.Join("..")})
	if err != nil {
		t.Fatalf("loading the handbook: %v\n%v", err, site.Diags.Sorted())
	}
	if err := site.Render(output.NewMemory()); err != nil {
		t.Fatalf("rendering the handbook: %v\n%v", err, site.Diags.Sorted())
	}
	for _, d := range site.Diags.Sorted() {
		t.Errorf("the handbook should build cleanly: %s", d)
	}
	langs := site.Pages.Langs
	if len(langs) != 2 || langs[0].Code != "vi" || langs[1].Code != "fr" {
		t.Fatalf("languages = %v, want vi and fr", langs)
	}
	for _, p := range site.Pages.Pages {
		if len(p.Translations) != len(langs)-1 {
			t.Errorf("%s (%s) is not translated into every language", p.File, p.TranslationKey)
		}
		if p.File != "" && (p.Title == "" || p.Description == "") {
			t.Errorf("%s: needs a title and a description", p.File)
		}
	}
	for _, l := range langs {
		counts := map[content.Kind]int{}
		for _, p := range l.Pages {
			counts[p.Kind]++
			checkHandbookPage(t, p, site.Result(p).LinksTo)
		}
		for kind, least := range map[content.Kind]int{content.Principle: 8, content.Letter: 4, content.Quote: 10, content.Story: 8, content.Exercise: 6} {
			if counts[kind] < least {
				t.Errorf("%s: %d %s pages, want at least %d", l.Code, counts[kind], kind, least)
			}
		}
		for _, year := range []string{"1998", "2008", "2012", "2016"} {
			if l.ByRelPath("letters/"+year+".md") == nil {
				t.Errorf("%s: no letter of %s", l.Code, year)
			}
		}
		if l.ByRelPath("about.md") == nil {
			t.Errorf("%s: no about page", l.Code)
		}
	}
}

// checkHandbookPage checks a page of the handbook, whose body links to
// linksTo.
func checkHandbookPage(t *testing.T, p *content.Page, linksTo []*content.Page) {
	t.Helper()
	switch p.Kind {
	case content.Principle:
		if len(p.Exercises()) == 0 {
			t.Errorf("%s: a principle needs at least one exercise", p.File)
		}
		// The French post on the 2016 letter quotes only its Day 2
		// sentence: a principle drawn from that letter alone may have
		// no quote; every other one needs one.
		if len(p.Quotes()) == 0 && !onlyFrom2016(linksTo) {
			t.Errorf("%s: a principle needs at least one quote", p.File)
		}
		if p.Statement == "" {
			t.Errorf("%s: a principle needs its one-line statement", p.File)
		}
	case content.Quote:
		if p.Letter() == nil || p.Year == 0 || len(p.Principles()) == 0 || strings.TrimSpace(p.Text) == "" {
			t.Errorf("%s: a quote needs its text, letter, year and principles", p.File)
		}
	case content.Story, content.Exercise:
		if len(p.Principles()) == 0 {
			t.Errorf("%s: needs at least one principle", p.File)
		}
	case content.Letter:
		if p.Year == 0 {
			t.Errorf("%s: a letter needs its year", p.File)
		}
	}
}

// onlyFrom2016 reports whether the letter of 2016 is the only letter a
// page's text links to, given the pages it links to.
func onlyFrom2016(linksTo []*content.Page) bool {
	letters := 0
	for _, q := range linksTo {
		if q.Kind == content.Letter {
			if q.Year != 2016 {
				return false
			}
			letters++
		}
	}
	return letters > 0
}
