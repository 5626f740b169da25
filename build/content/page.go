package content

import (
	"time"

	"handbook/build/config"
)

// Kind is what a page is in the handbook's model.
type Kind string

// The kinds of the handbook. A page with no kind is a plain page.
const (
	Plain     Kind = ""
	Principle Kind = "principle"
	Letter    Kind = "letter"
	Quote     Kind = "quote"
	Story     Kind = "story"
	Exercise  Kind = "exercise"
)

// Kinds lists the kinds a writer may set, in the order the theme shows them.
var Kinds = []Kind{Principle, Letter, Quote, Story, Exercise}

func validKind(k Kind) bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

// Page is one page of one language, as the content stage read and
// linked it: front matter and body by Load, the ties between pages by
// Link. The stages after it never change a page: converting its body
// gives a value of its own (markdown.Result).
type Page struct {
	// ID is the page's index in Set.Pages; stable for a given input.
	ID   int
	Lang string

	// File is the source path relative to the site root ("" for a
	// section page the site did not write); RelPath is relative to the
	// language's content folder, with forward slashes.
	File    string
	RelPath string
	// BodyLine is the line of File on which the Markdown body starts;
	// the body itself is the Set's (Set.Body, Set.ReadBody).
	BodyLine int
	// place is where the body is in File, to read it again, in a set
	// that holds no bodies (bodyagain.go).
	place bodyPlace

	IsSection bool
	IsHome    bool
	// IsHTML is true for a Hugo site's .html content file: its body is
	// HTML, the page's content as written (escaped unless the site
	// allows raw HTML), not Markdown.
	IsHTML bool
	// hugo is true when the page is a Hugo site's, read and addressed
	// by Hugo's rules (config.Config.Hugo).
	hugo bool
	// TitleFromFile is true when a Hugo page has no title of its own:
	// Title is then made from its file's name (nameUntitled).
	TitleFromFile bool
	Draft         bool

	Title string
	// linkTitle is the front matter's linkTitle (Hugo's), see LinkTitle.
	linkTitle   string
	Description string
	Weight      int
	Date        time.Time
	// Updated is when the page's file last changed its text, from the
	// site's git history; zero outside git, or with the history off.
	// Set by the build after Link.
	Updated time.Time
	// hugoOnly are the fields of a Hugo page's front matter that decide
	// whether and where it is published; nil when it sets none, as most
	// pages do (hugofields.go).
	hugoOnly       *hugoFields
	TranslationKey string
	Aliases        []string
	Kind           Kind
	Slug           string
	// slugLine and aliasLine are the lines of the slug and aliases
	// fields (0 when the front matter has none), for the messages of
	// URLs that clash.
	slugLine, aliasLine int32
	// SourceHash is the TextHash of the original this translation was
	// made from, as `handbook translations --stamp` recorded it;
	// SourceHashLine is the line of the field, for the diagnostics.
	SourceHash     string
	SourceHashLine int
	// TextHash identifies the version of the page's text: its title,
	// description, statement, quote text and body.
	TextHash string
	// Params holds the front-matter fields the handbook does not know,
	// for templates (like Hugo's .Params).
	Params Params

	// The handbook's fields.
	Statement string // a principle's one-line statement
	Text      string // a quote's words
	Year      int    // a letter's year, or a quote's (its letter's)
	// refs are the letter and principles the front matter names, which
	// Link resolves; nil on a page that names none.
	refs *pageRefs

	// URL is the page's path inside the site, without the base path:
	// "/vi/principles/customer-obsession/".
	URL string

	// Set by Link.
	Parent       *Page
	Children     []*Page // a section's pages and subsections, in reading order
	Prev, Next   *Page   // neighbours within the section
	Translations []*Page // the same page in the other languages, by language order
	// rel are the handbook's relations (Letter, Principles, Quotes,
	// Stories, Exercises); nil on a page that has none, as every page of
	// a site without the handbook's kinds: a site holds its pages to the
	// end of its build, and the relations took 104 of a page's bytes.
	rel *relations

	// Original is the page in the default language that this page
	// translates; nil on the default language's pages and where it has
	// no such page. Set by Link.
	Original *Page
}

// relations are the pages a page is tied to by the handbook's model,
// which Link sets.
type relations struct {
	letter     *Page   // a quote's letter
	principles []*Page // the principles a quote, story or exercise supports
	quotes     []*Page // a principle's or letter's quotes
	stories    []*Page // a principle's stories
	exercises  []*Page // a principle's exercises
}

// Letter is a quote's letter; nil on other pages.
func (p *Page) Letter() *Page {
	if p.rel == nil {
		return nil
	}
	return p.rel.letter
}

// Principles are the principles a quote, story or exercise supports.
func (p *Page) Principles() []*Page {
	if p.rel == nil {
		return nil
	}
	return p.rel.principles
}

// Quotes are a principle's or a letter's quotes.
func (p *Page) Quotes() []*Page {
	if p.rel == nil {
		return nil
	}
	return p.rel.quotes
}

// Stories are a principle's stories.
func (p *Page) Stories() []*Page {
	if p.rel == nil {
		return nil
	}
	return p.rel.stories
}

// Exercises are a principle's exercises.
func (p *Page) Exercises() []*Page {
	if p.rel == nil {
		return nil
	}
	return p.rel.exercises
}

// related is p's relations, made when it has none yet.
func (p *Page) related() *relations {
	if p.rel == nil {
		p.rel = &relations{}
	}
	return p.rel
}

// Unlink clears what Link set on p: its place among the other pages, its
// translations and its relations, so that p stands alone (a copy the
// preview indexes) or is linked again.
func (p *Page) Unlink() {
	p.Parent, p.Children, p.Prev, p.Next, p.Translations = nil, nil, nil, nil, nil
	p.rel, p.Original = nil, nil
}

// LinkTitle is the page's title in menus, lists and breadcrumbs: its
// linkTitle, else its title, as Hugo's .LinkTitle.
func (p *Page) LinkTitle() string {
	if p.linkTitle != "" {
		return p.linkTitle
	}
	return p.Title
}

// LinkRef is a link destination as written in a page's body, with the
// line of the file it is on: the Markdown stage lists the relative ones,
// which only a check of the written site can follow.
type LinkRef struct {
	Dest string
	Line int
}

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// pageRefs are the pages a page's front matter names by the handbook's
// fields: a quote's letter, and the principles a quote, story or
// exercise supports. They are a value of their own, which the pages
// that name none do not carry.
type pageRefs struct {
	letter     fieldRef
	principles []fieldRef
}

// letterRef is the letter p's front matter names, zero when none.
func (p *Page) letterRef() fieldRef {
	if p.refs == nil {
		return fieldRef{}
	}
	return p.refs.letter
}

// principleRefs are the principles p's front matter names.
func (p *Page) principleRefs() []fieldRef {
	if p.refs == nil {
		return nil
	}
	return p.refs.principles
}

// namedRefs are p's refs, made when it has none yet.
func (p *Page) namedRefs() *pageRefs {
	if p.refs == nil {
		p.refs = &pageRefs{}
	}
	return p.refs
}

// fieldRef is a front-matter value that names another page, with the line
// it was written on so a dangling reference can be reported there.
type fieldRef struct {
	value string
	line  int
}

// Lang groups one language's pages and the indexes used to resolve links
// and references within it.
type Lang struct {
	config.Language
	Home  *Page
	Pages []*Page

	byRelPath  sortedPages
	byURL      sortedPages
	principles map[string]*Page
	letters    map[int]*Page
}

// ByRelPath finds a page by its path relative to the language's content
// folder ("principles/day-one.md").
func (l *Lang) ByRelPath(rel string) *Page { return l.byRelPath.find(rel) }

// ByURL finds a page by its site path ("/vi/principles/day-one/").
func (l *Lang) ByURL(u string) *Page { return l.byURL.find(u) }

// Resource is a file beside the pages (an image, a PDF) that is copied
// into the output as it is.
type Resource struct {
	Lang string
	// Src is the absolute source path, File the path relative to the
	// site root; URL the path in the site.
	Src  string
	File string
	URL  string
	// rel is the file's path relative to its language's content folder,
	// without a language's code in its name, as pages' RelPath.
	rel string
}

// Set is every page of every language.
type Set struct {
	Pages     []*Page
	Langs     []*Lang
	Resources []Resource
	// Skipped counts the drafts left out.
	Skipped int

	byLang    map[string]*Lang
	resources map[string]bool
	bodies    *bodies // the pages' Markdown
	// again reads the pages' bodies again, in a set that holds none
	// (LoadWithoutBodies); nil otherwise.
	again *rereader
	// draftFolders are the folders of the drafts left out (drafts.go).
	draftFolders privateFolders
	outputs      *outputClaims // what writes each output file, set by Link
}

// Lang returns the language with the given code, or nil.
func (s *Set) Lang(code string) *Lang { return s.byLang[code] }

// ResourceURL reports whether a copied file is served at site path u.
func (s *Set) ResourceURL(u string) bool { return s.resources[u] }
