package render

import (
	"fmt"
	"html/template"
	"strconv"
	"time"

	"handbook/build/config"
	"handbook/build/content"
)

// pageData is what a layout sees as ".": the page, its language, the site
// and the navigation around it.
type pageData struct {
	*pageView

	// The page's own fields the layouts read most, copied as plain
	// values by copyPageFields. They shadow pageView's methods of the same
	// names, which templates reach only through reflection's costlier
	// method calls; dataFor records the page's metadata as read, so
	// reading them records what the methods would.
	IsHome, IsSection        bool
	Title, Description, Lang string
	Statement, Text          string
	Kind                     content.Kind
	Year                     int
	Updated                  time.Time
	Parent, Prev, Next       viewed
	Letter                   viewed
	Translations, Principles []viewed
	// The page's body and what is worked out from it, read as fields
	// for the same reason; dataFor records the body as read.
	Content template.HTML
	TOC     []content.Heading
	// HasTOC is whether the page has enough headings and related lists
	// for a table of contents to help.
	HasTOC bool

	// Page is the page itself, as {{.Page}} has always named it.
	Page viewed
	// Untranslated are the other languages the page is not translated
	// into yet, for one notice that lists them all.
	Untranslated []alternate
	// RelatedSections lists the non-empty related lists of the page, in
	// the order the theme shows them.
	RelatedSections []relatedSection
	// PrintURL is the site path of the page's print page, FeedURL of its
	// language's Atom feed, ChangesURL of its language's "what's new"
	// page; "" for none.
	PrintURL, FeedURL, ChangesURL string

	Site *siteData
	// Permalink is the page's absolute address.
	Permalink string
	// TopSection is the top-level section the page is in (or is), which
	// the navigation marks as current; nil for the home.
	TopSection viewed
	Language   config.Language
	LangTitle  string
	// Locale is the page's language as Open Graph names it (og:locale).
	Locale string
	// LangDescription is the site's description in the page's language.
	LangDescription string
	// Alternates has one entry per other language: the translation, or
	// nil when the page is not translated yet.
	Alternates []alternate
	// XDefault is the page in the default language, for hreflang
	// x-default; nil when it does not exist.
	XDefault    viewed
	Breadcrumbs []viewed
	Home        viewed
	// Sections are the home's subsections, for the navigation.
	Sections []viewed
	// Changes is what the "what's new" page lists; nil on other pages.
	Changes *changesData
	r       *Renderer
}

type siteData struct {
	Title string
	// Handbook is whether the site is the Day 1 handbook's model (not a
	// Hugo site, and with pages of a kind): the theme then uses the
	// handbook's own wording; another site is named by its title and
	// description.
	Handbook bool
	// Search is whether the site has a search index, and so a search box.
	Search          bool
	BaseURL         string
	DefaultLanguage string
	Languages       []config.Language
	Homes           []viewed
}

// alternate is one other language of a page.
type alternate struct {
	Language config.Language
	Page     viewed
	Home     viewed
}

// copyPageFields copies into d the fields of its page that shadow the
// view's methods.
func (d *pageData) copyPageFields() {
	p, rec := d.p, d.rec
	d.IsHome, d.IsSection = p.IsHome, p.IsSection
	d.Title, d.Description, d.Lang = p.Title, p.Description, p.Lang
	d.Statement, d.Text = p.Statement, p.Text
	d.Kind, d.Year, d.Updated = p.Kind, p.Year, p.Updated
	d.Parent, d.Prev, d.Next, d.Letter = rec.view(p.Parent), rec.view(p.Prev), rec.view(p.Next), rec.view(p.Letter())
	d.Translations, d.Principles = rec.viewsOf(p.Translations), rec.viewsOf(p.Principles())
	d.Page = rec.view(p)
	d.RelatedSections = d.relatedSections()
	rec.note(p, ReadBody)
	body := rec.bodies.of(p)
	d.Content, d.TOC = body.HTML, body.TOC
	d.HasTOC = len(d.TOC)+len(d.RelatedSections) > 1
}

// untranslated are the other languages the page is not translated into
// yet.
func (d *pageData) untranslated() []alternate {
	var out []alternate
	for _, a := range d.Alternates {
		if a.Page == nil {
			out = append(out, a)
		}
	}
	return out
}

// T translates an interface string into the page's language.
func (d *pageData) T(key string) string { return d.r.tr.get(d.Language.Code, key) }

// Tr translates an interface string and fills its placeholders, given as
// name, value pairs: {{.Tr "quote_from" "year" "2016"}}.
func (d *pageData) Tr(key string, pairs ...any) string {
	args := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		args[fmt.Sprint(pairs[i])] = fmt.Sprint(pairs[i+1])
	}
	return format(d.T(key), args)
}

// KindName is the translated name of a page's kind.
func (d *pageData) KindName(p viewed) string {
	kind := metaOf(p).Kind
	if kind == content.Plain {
		return ""
	}
	return d.T("kind_" + string(kind))
}

// FormatDate writes a page's date the way the language writes dates.
func (d *pageData) FormatDate(p viewed) string { return d.FormatDay(metaOf(p).Date) }

// metaOf is the page v shows, its metadata recorded as read.
func metaOf(v viewed) *content.Page {
	v.recorder().note(v.page(), ReadMeta)
	return v.page()
}

// FormatDay writes a day the way the page's language writes dates
// (the interface strings date_format and month_1 to month_12); "" for
// no date.
func (d *pageData) FormatDay(date time.Time) string {
	if date.IsZero() {
		return ""
	}
	return format(d.T("date_format"), map[string]string{
		"day":   strconv.Itoa(date.Day()),
		"month": d.T("month_" + strconv.Itoa(int(date.Month()))),
		"year":  strconv.Itoa(date.Year()),
	})
}

// relatedSection is a list of related pages shown under a page's text:
// a principle's quotes, stories and exercises, a letter's quotes.
type relatedSection struct {
	ID       string // the anchor, after "related-"
	TitleKey string // the interface string of its heading
	Pages    []viewed
}

// relatedSections lists the non-empty related lists of the page, in the
// order the theme shows them.
func (d *pageData) relatedSections() []relatedSection {
	var all []relatedSection
	switch d.Kind {
	case content.Principle:
		all = []relatedSection{{"quotes", "quotes", d.Quotes()}, {"stories", "stories", d.Stories()}, {"exercises", "exercises", d.Exercises()}}
	case content.Letter:
		all = []relatedSection{{"quotes", "quotes_in_letter", d.Quotes()}}
	}
	out := all[:0]
	for _, s := range all {
		if len(s.Pages) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// Param returns a front-matter parameter the handbook does not know.
func (d *pageData) Param(key string) any {
	d.rec.note(d.p, ReadMeta)
	return d.p.Params.Get(key)
}
