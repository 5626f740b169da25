package render

// The accessors at the end follow one pattern per kind of field; keep
// them in step with content.Page's fields and markdown.Result's.

import (
	"bytes"
	"html/template"
	"time"

	"handbook/build/content"
	"handbook/build/markdown"
)

// Read says what a rendering read of a page.
type Read uint8

const (
	// ReadMeta is a read of what the front matter and the ties between
	// pages decide: title, address, kind, parent, children, relations.
	ReadMeta Read = 1 << iota
	// ReadBody is a read of what the page's body decides: its HTML,
	// headings, text and text hash.
	ReadBody
	// ReadChildren is a read of a section's list of pages.
	ReadChildren
)

// Reads are the pages a rendering read, and what of each. The preview
// renders a page again when something it read changes.
type Reads map[*content.Page]Read

// Bodies finds a page's last conversion, which the page step handed
// over: what the templates read of its body ({{.Content}}, {{.TOC}}).
// It returns nil for a page not converted, whose body reads as empty.
type Bodies func(*content.Page) *markdown.Result

// recorder hands the templates of one rendering a view of each page,
// and records what they read through them. Its recordings are nested:
// a partial rendered for the fragment cache records its own reads as
// well as the page's. It belongs to one rendering, on one goroutine.
type recorder struct {
	views map[*content.Page]viewed
	sets  []Reads
	// plain is whether the rendering records nothing, as a build's: its
	// views are then plainViews, whose fields templates read without
	// reflection's method calls.
	plain  bool
	set    *content.Set // whose Markdown the views read; nil for none
	bodies Bodies       // nil when no page is converted
	// used are the plain views handed out in this rendering; spare
	// those of earlier renderings, handed out again: a build renders
	// every page with a recorder reused (Renderer.plainRecorder), and
	// no view outlives the rendering it was made for.
	used, spare []*plainView
	// data and site are the layout's data of the last rendering, whose
	// memory a reused recorder makes the next one's in (newData).
	data *pageData
	site *siteData
	// twinSpace is where a twin renders before its output is copied
	// out (runTwin).
	twinSpace bytes.Buffer
}

// newData returns the memory for a rendering's layout data: a reused
// recorder's last, else new.
func (r *recorder) newData() (*pageData, *siteData) {
	if !r.plain {
		return &pageData{}, &siteData{}
	}
	if r.data == nil {
		r.data, r.site = &pageData{}, &siteData{}
	}
	return r.data, r.site
}

// ancestors are the views of p's parent, its parent's, and so on up to
// the home, home first, each recorded as read.
func (r *recorder) ancestors(p *content.Page) []viewed {
	n := 0
	for a := p.Parent; a != nil; a = a.Parent {
		n++
	}
	if n == 0 {
		return nil
	}
	out := make([]viewed, n)
	for a := p.Parent; a != nil; a = a.Parent {
		r.note(a, ReadMeta)
		n--
		out[n] = r.view(a)
	}
	return out
}

// newRecorder returns a recorder into reads, whose views read the
// pages' Markdown from set and their conversions from bodies; nil reads
// records nothing.
func newRecorder(reads Reads, set *content.Set, bodies Bodies) *recorder {
	r := &recorder{views: map[*content.Page]viewed{}, set: set, bodies: bodies, plain: reads == nil}
	if reads != nil {
		r.sets = []Reads{reads}
	}
	return r
}

// note records a read of p.
func (r *recorder) note(p *content.Page, what Read) {
	if p == nil {
		return
	}
	for _, s := range r.sets {
		s[p] |= what
	}
}

// push starts a nested recording; pop ends it and returns what it read.
func (r *recorder) push() { r.sets = append(r.sets, Reads{}) }

func (r *recorder) pop() Reads {
	last := r.sets[len(r.sets)-1]
	r.sets = r.sets[:len(r.sets)-1]
	return last
}

// replay records reads made earlier, by a partial whose output is reused.
func (r *recorder) replay(reads Reads) {
	for p, what := range reads {
		r.note(p, what)
	}
}

// view returns the one view of p in this rendering (so that templates
// comparing pages with eq compare views of the same page equal): a
// plainView when the rendering records nothing, else a pageView; nil
// for a nil p.
func (r *recorder) view(p *content.Page) viewed {
	if p == nil {
		return nil
	}
	v := r.views[p]
	if v == nil {
		if r.plain {
			v = r.plainView(p)
		} else {
			v = &pageView{p: p, rec: r}
		}
		r.views[p] = v
	}
	return v
}

// plainView is a new plain view of p, made in a spare one if there is.
func (r *recorder) plainView(p *content.Page) *plainView {
	var v *plainView
	if n := len(r.spare); n > 0 {
		v = r.spare[n-1]
		r.spare = r.spare[:n-1]
		setPlainView(v, p, r)
	} else {
		v = newPlainView(p, r)
	}
	r.used = append(r.used, v)
	return v
}

// keptViews is how many views a reused recorder keeps the memory of:
// enough for a page's navigation, not a long section's list of pages,
// whose map every later rendering would then clear.
const keptViews = 64

// reset readies the recorder of a rendering that is over for another:
// it forgets its views, whose memory it keeps to make the next ones in.
func (r *recorder) reset() {
	if len(r.views) > keptViews {
		r.views = map[*content.Page]viewed{}
	} else {
		clear(r.views)
	}
	r.spare = append(r.spare, r.used[:min(len(r.used), keptViews-len(r.spare))]...)
	clear(r.used)
	r.used = r.used[:0]
	r.sets = r.sets[:0]
}

// recording returns the view of p that records what is read of it,
// for the page a layout renders; nil for a nil p.
func (r *recorder) recording(p *content.Page) *pageView {
	switch v := r.view(p).(type) {
	case *pageView:
		return v
	case *plainView:
		return &v.pv
	}
	return nil
}

// body is p's last conversion.
func (r *recorder) body(p *content.Page) markdown.Result { return r.bodies.of(p) }

// of is p's last conversion, empty when it has none.
func (b Bodies) of(p *content.Page) markdown.Result {
	if b != nil {
		if r := b(p); r != nil {
			return *r
		}
	}
	return markdown.Result{}
}

func (r *recorder) viewsOf(ps []*content.Page) []viewed {
	if ps == nil {
		return nil
	}
	out := make([]viewed, len(ps))
	for i, p := range ps {
		out[i] = r.view(p)
	}
	return out
}

// pageView is a page as templates see it: methods named as
// content.Page's fields, so themes read {{.Title}} or {{.Parent.URL}} as
// they always have, each of which records the read.
type pageView struct {
	p   *content.Page
	rec *recorder
}

// Outdated reports whether the page is a stamped translation whose
// original has changed since.
func (v *pageView) Outdated() bool {
	v.rec.note(v.p, ReadMeta)
	v.rec.note(v.p.Original, ReadBody|ReadMeta)
	return v.p.Outdated()
}

// LinksTo are the pages the body links to.
func (v *pageView) LinksTo() []viewed {
	v.rec.note(v.p, ReadBody)
	return v.rec.viewsOf(v.rec.body(v.p).LinksTo)
}

// page is the page seen; nil for no page.
func (v *pageView) page() *content.Page {
	if v == nil {
		return nil
	}
	return v.p
}

// recorder is the rendering's recorder; nil for no page.
func (v *pageView) recorder() *recorder {
	if v == nil {
		return nil
	}
	return v.rec
}

// Accessors.

// ID is the page's ID.
func (v *pageView) ID() int {
	v.rec.note(v.p, ReadMeta)
	return v.p.ID
}

// Lang is the page's Lang.
func (v *pageView) Lang() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.Lang
}

// File is the page's File.
func (v *pageView) File() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.File
}

// RelPath is the page's RelPath.
func (v *pageView) RelPath() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.RelPath
}

// IsSection is the page's IsSection.
func (v *pageView) IsSection() bool {
	v.rec.note(v.p, ReadMeta)
	return v.p.IsSection
}

// IsHome is the page's IsHome.
func (v *pageView) IsHome() bool {
	v.rec.note(v.p, ReadMeta)
	return v.p.IsHome
}

// Title is the page's Title.
func (v *pageView) Title() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.Title
}

// Description is the page's Description.
func (v *pageView) Description() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.Description
}

// Weight is the page's Weight.
func (v *pageView) Weight() int {
	v.rec.note(v.p, ReadMeta)
	return v.p.Weight
}

// Date is the page's Date.
func (v *pageView) Date() time.Time {
	v.rec.note(v.p, ReadMeta)
	return v.p.Date
}

// Updated is the page's Updated: when its file last changed, from git.
func (v *pageView) Updated() time.Time {
	v.rec.note(v.p, ReadMeta)
	return v.p.Updated
}

// Draft is the page's Draft.
func (v *pageView) Draft() bool {
	v.rec.note(v.p, ReadMeta)
	return v.p.Draft
}

// TranslationKey is the page's TranslationKey.
func (v *pageView) TranslationKey() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.TranslationKey
}

// Aliases is the page's Aliases.
func (v *pageView) Aliases() []string {
	v.rec.note(v.p, ReadMeta)
	return v.p.Aliases
}

// Kind is the page's Kind.
func (v *pageView) Kind() content.Kind {
	v.rec.note(v.p, ReadMeta)
	return v.p.Kind
}

// Slug is the page's Slug.
func (v *pageView) Slug() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.Slug
}

// SourceHash is the page's SourceHash.
func (v *pageView) SourceHash() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.SourceHash
}

// SourceHashLine is the page's SourceHashLine.
func (v *pageView) SourceHashLine() int {
	v.rec.note(v.p, ReadMeta)
	return v.p.SourceHashLine
}

// Params is the page's Params, as a map of its own.
func (v *pageView) Params() map[string]any {
	v.rec.note(v.p, ReadMeta)
	return v.p.Params.Map()
}

// Statement is the page's Statement.
func (v *pageView) Statement() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.Statement
}

// Text is the page's Text.
func (v *pageView) Text() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.Text
}

// Year is the page's Year.
func (v *pageView) Year() int {
	v.rec.note(v.p, ReadMeta)
	return v.p.Year
}

// URL is the page's URL.
func (v *pageView) URL() string {
	v.rec.note(v.p, ReadMeta)
	return v.p.URL
}

// BodyLine is the page's BodyLine.
func (v *pageView) BodyLine() int {
	v.rec.note(v.p, ReadBody)
	return v.p.BodyLine
}

// Body is the page's Markdown, as read; nil once a build let it go.
func (v *pageView) Body() []byte {
	v.rec.note(v.p, ReadBody)
	if v.rec.set == nil {
		return nil
	}
	return v.rec.set.Body(v.p)
}

// TextHash is the page's TextHash.
func (v *pageView) TextHash() string {
	v.rec.note(v.p, ReadBody)
	return v.p.TextHash
}

// Content is the HTML of the page's body.
func (v *pageView) Content() template.HTML {
	v.rec.note(v.p, ReadBody)
	return v.rec.body(v.p).HTML
}

// TOC lists the headings of the page's body.
func (v *pageView) TOC() []content.Heading {
	v.rec.note(v.p, ReadBody)
	return v.rec.body(v.p).TOC
}

// Anchors are the ids of the page's headings, sorted.
func (v *pageView) Anchors() markdown.Anchors {
	v.rec.note(v.p, ReadBody)
	return v.rec.body(v.p).Anchors
}

// RelativeLinks are the links of the page's body left as written.
func (v *pageView) RelativeLinks() []content.LinkRef {
	v.rec.note(v.p, ReadBody)
	return v.rec.body(v.p).RelativeLinks
}

// BodyText is the page's body as plain text.
func (v *pageView) BodyText() string {
	v.rec.note(v.p, ReadBody)
	return v.rec.body(v.p).Text
}

// Parent is the page's Parent.
func (v *pageView) Parent() viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.view(v.p.Parent)
}

// Prev is the page's Prev.
func (v *pageView) Prev() viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.view(v.p.Prev)
}

// Next is the page's Next.
func (v *pageView) Next() viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.view(v.p.Next)
}

// Letter is the page's Letter.
func (v *pageView) Letter() viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.view(v.p.Letter())
}

// Original is the page's Original.
func (v *pageView) Original() viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.view(v.p.Original)
}

// Children are the page's Children.
func (v *pageView) Children() []viewed {
	v.rec.note(v.p, ReadChildren)
	return v.rec.viewsOf(v.p.Children)
}

// Translations are the page's Translations.
func (v *pageView) Translations() []viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.viewsOf(v.p.Translations)
}

// Principles are the page's Principles.
func (v *pageView) Principles() []viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.viewsOf(v.p.Principles())
}

// Quotes are the page's Quotes.
func (v *pageView) Quotes() []viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.viewsOf(v.p.Quotes())
}

// Stories are the page's Stories.
func (v *pageView) Stories() []viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.viewsOf(v.p.Stories())
}

// Exercises are the page's Exercises.
func (v *pageView) Exercises() []viewed {
	v.rec.note(v.p, ReadMeta)
	return v.rec.viewsOf(v.p.Exercises())
}
