package content

import (
	"fmt"
	"path"
	"sort"
	"strconv"

	"handbook/build/config"
	"handbook/build/diag"
)

// Link ties the loaded pages together: it gives every language a home
// and every folder a section page, orders sections, pairs translations
// and resolves the handbook's relations in both directions. Dangling
// references and clashing pages are reported to diags.
func Link(set *Set, cfg *config.Config, diags *diag.List) {
	for _, lang := range set.Langs {
		lang.Pages = nil
	}
	for _, p := range set.Pages {
		l := set.byLang[p.Lang]
		l.Pages = append(l.Pages, p)
	}
	for _, lang := range set.Langs {
		addMissingSections(set, lang, cfg)
	}
	set.Pages = set.Pages[:0]
	for _, lang := range set.Langs {
		sort.Slice(lang.Pages, func(i, j int) bool { return lang.Pages[i].RelPath < lang.Pages[j].RelPath })
		set.Pages = append(set.Pages, lang.Pages...)
	}
	for i, p := range set.Pages {
		p.ID = i
	}
	for _, lang := range set.Langs {
		index(lang, diags)
		buildTree(lang)
		resolveRelations(lang, diags)
	}
	claimOutputs(set, diags)
	pairTranslations(set, diags)
	linkOriginals(set, cfg.DefaultLanguage)
}

// addMissingSections makes a section page, with no source file, for the
// home and for every folder that has pages but no _index.md (other than a
// leaf bundle's index.md), so that every page has a parent to list it and
// breadcrumbs never break.
func addMissingSections(set *Set, lang *Lang, cfg *config.Config) {
	have := map[string]bool{}
	for _, p := range lang.Pages {
		if p.IsSection {
			have[path.Dir(p.RelPath)] = true
		}
	}
	need := map[string]bool{".": true}
	for _, p := range lang.Pages {
		markFoldersAbove(p, need)
	}
	dirs := make([]string, 0, len(need))
	for d := range need {
		if !have[d] {
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		lang.Pages = append(lang.Pages, lang.madeSection(d, cfg))
	}
}

// markFoldersAbove marks the folders above p as needing a section page.
// A section's _index.md and a leaf bundle's index.md are the page of
// their own folder, which needs no other.
func markFoldersAbove(p *Page, need map[string]bool) {
	own := p.IsSection || pageStem(p.RelPath) == "index"
	for d := path.Dir(p.RelPath); d != "."; d = path.Dir(d) {
		if own && d == path.Dir(p.RelPath) {
			continue
		}
		need[d] = true
	}
}

// madeSection is the page made for folder dir when it has no _index.md.
func (l *Lang) madeSection(dir string, cfg *config.Config) *Page {
	p := &Page{Lang: l.Code, RelPath: path.Join(dir, "_index.md"), IsSection: true, IsHome: dir == ".", hugo: cfg.Hugo}
	p.Title = path.Base(dir)
	if p.IsHome {
		p.Title = l.Title
		if p.Title == "" {
			p.Title = cfg.Title
		}
	}
	p.applyDefaults(nil)
	return p
}

func index(lang *Lang, diags *diag.List) {
	lang.byRelPath = sortPagesBy(lang.Pages, relPathOf, true)
	// Of pages with one URL, the first is found; claimOutputs reports
	// the clash, with the alias and file clashes.
	lang.byURL = sortPagesBy(lang.Pages, urlOf, false)
	lang.principles = map[string]*Page{}
	lang.letters = map[int]*Page{}
	for _, p := range lang.Pages {
		if p.IsHome {
			lang.Home = p
		}
		if lang.byURL.find(p.URL) != p {
			continue
		}
		switch p.Kind {
		case Principle:
			if other, dup := lang.principles[p.Slug]; dup {
				diags.Errorf(p.File, 1, "a principle named %q already exists: %s", p.Slug, other.File)
				continue
			}
			lang.principles[p.Slug] = p
		case Letter:
			if p.Year == 0 {
				diags.Errorf(p.File, 1, "a letter needs a year: field (year: 2016)")
				continue
			}
			if other, dup := lang.letters[p.Year]; dup {
				diags.Errorf(p.File, 1, "a letter of %d already exists: %s", p.Year, other.File)
				continue
			}
			lang.letters[p.Year] = p
		}
	}
}

// section is the section page of folder dir: its _index.md, or on a
// Hugo site its _index.html.
func (l *Lang) section(dir string) *Page {
	if p := l.byRelPath.find(path.Join(dir, "_index.md")); p != nil {
		return p
	}
	return l.byRelPath.find(path.Join(dir, "_index.html"))
}

// buildTree gives each page its parent section, each section its children
// in reading order, and each page its previous and next sibling.
func buildTree(lang *Lang) {
	for _, p := range lang.Pages {
		p.Children = nil
	}
	for _, p := range lang.Pages {
		if p.IsHome {
			continue
		}
		dir := path.Dir(p.RelPath)
		if p.IsSection {
			dir = path.Dir(dir)
		}
		for {
			if parent := lang.section(dir); parent != nil {
				p.Parent = parent
				if !p.buildOpts().unlisted() {
					parent.Children = append(parent.Children, p)
				}
				break
			}
			if dir == "." {
				break
			}
			dir = path.Dir(dir)
		}
	}
	for _, p := range lang.Pages {
		if !p.IsSection {
			continue
		}
		sortPages(p.Children)
		var prev *Page
		for _, c := range p.Children {
			if c.IsSection {
				continue
			}
			c.Prev = prev
			if prev != nil {
				prev.Next = c
			}
			prev = c
		}
	}
}

// resolveRelations turns the slugs and years written in front matter into
// pages, and records the reverse direction: a principle learns its quotes,
// stories and exercises, a letter its quotes.
func resolveRelations(lang *Lang, diags *diag.List) {
	for _, p := range lang.Pages {
		p.rel = nil
	}
	for _, p := range lang.Pages {
		if p.Kind == Quote {
			linkLetter(lang, p, diags)
		}
		for _, ref := range p.principleRefs() {
			target := lang.principles[ref.value]
			if target == nil {
				diags.Errorf(p.File, ref.line, "no principle %q in %s (principles are named by their file name, such as customer-obsession)", ref.value, lang.Code)
				continue
			}
			p.related().principles = append(p.Principles(), target)
			switch t := target.related(); p.Kind {
			case Quote:
				t.quotes = append(t.quotes, p)
			case Story:
				t.stories = append(t.stories, p)
			case Exercise:
				t.exercises = append(t.exercises, p)
			}
		}
	}
	for _, p := range lang.Pages {
		sortPages(p.Quotes())
		sortPages(p.Stories())
		sortPages(p.Exercises())
	}
}

func linkLetter(lang *Lang, p *Page, diags *diag.List) {
	ref := p.letterRef()
	if ref.value == "" {
		// An empty field (a new page's) is reported on its own line.
		diags.Errorf(p.File, max(ref.line, 1), "a quote needs a letter: field naming its letter's year (letter: 2016)")
		return
	}
	year, err := strconv.Atoi(ref.value)
	if err != nil {
		diags.Errorf(p.File, ref.line, "letter %q must be the letter's year, such as 2016", ref.value)
		return
	}
	target := lang.letters[year]
	if target == nil {
		diags.Errorf(p.File, ref.line, "no letter of %d in %s", year, lang.Code)
		return
	}
	if p.Year != 0 && p.Year != year {
		diags.Errorf(p.File, ref.line, "the quote says year %d but its letter is of %d", p.Year, year)
	}
	p.Year = year
	p.related().letter = target
	t := target.related()
	t.quotes = append(t.quotes, p)
}

// pairTranslations links pages that share a translationKey across
// languages. Two pages of one language with the same key are an error,
// since a reader switching language could not know which one to open.
func pairTranslations(set *Set, diags *diag.List) {
	groups := map[string][]*Page{}
	var keys []string
	for _, p := range set.Pages {
		key := p.TranslationKey
		for _, other := range groups[key] {
			if other.Lang == p.Lang {
				diags.Add(diag.Diagnostic{File: p.File, Code: diag.CodeDuplicateTranslationKey,
					Message: fmt.Sprintf("translationKey %q is already used by %s", key, other.File)})
			}
		}
		if groups[key] == nil {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], p)
	}
	for _, key := range keys {
		g := groups[key]
		for _, p := range g {
			p.Translations = p.Translations[:0]
			for _, other := range g {
				if other != p && other.Lang != p.Lang {
					p.Translations = append(p.Translations, other)
				}
			}
		}
	}
}
