package render

import (
	"fmt"
	"html/template"

	"handbook/build/content"
	"handbook/build/markdown"
)

// pageFields is a page's fields without content.Page's methods: what a
// plainView shows templates as fields.
type pageFields content.Page

// plainView is a page as templates see it in a rendering that records
// nothing, as a build's: its own values ({{.Title}}, {{.URL}}) are plain
// fields, which templates read without reflection's method calls, the
// costliest part of executing a layout; what ties it to other pages or
// comes from its body goes through the methods of a pageView, so that
// templates see the same names, and the same views, as the preview's.
//
// The values the default theme reads of other pages are copied to the
// view's own fields: text/template finds a name among a struct's own
// fields at once, but looks for one in an embedded struct with a
// breadth-first walk that allocates. The embedded page holds the rest,
// which the own fields of the same names shadow.
type plainView struct {
	Title, URL, Lang, Description string
	Statement, Text               string
	Kind                          content.Kind
	IsSection, IsHome             bool
	Year                          int

	*pageFields
	pv pageView
}

// newPlainView is p's plain view in the rendering of rec.
func newPlainView(p *content.Page, rec *recorder) *plainView {
	v := &plainView{}
	setPlainView(v, p, rec)
	return v
}

// setPlainView makes v p's plain view in the rendering of rec.
func setPlainView(v *plainView, p *content.Page, rec *recorder) {
	*v = plainView{
		Title: p.Title, URL: p.URL, Lang: p.Lang, Description: p.Description,
		Statement: p.Statement, Text: p.Text, Kind: p.Kind,
		IsSection: p.IsSection, IsHome: p.IsHome, Year: p.Year,
		pageFields: (*pageFields)(p), pv: pageView{p: p, rec: rec},
	}
}

func (v *plainView) page() *content.Page    { return v.pv.page() }
func (v *plainView) recorder() *recorder    { return v.pv.rec }
func (v *plainView) Outdated() bool         { return v.pv.Outdated() }
func (v *plainView) LinksTo() []viewed      { return v.pv.LinksTo() }
func (v *plainView) Params() map[string]any { return v.pv.Params() }
func (v *plainView) Body() []byte           { return v.pv.Body() }
func (v *plainView) Content() template.HTML {
	return v.pv.Content()
}
func (v *plainView) TOC() []content.Heading           { return v.pv.TOC() }
func (v *plainView) Anchors() markdown.Anchors        { return v.pv.Anchors() }
func (v *plainView) RelativeLinks() []content.LinkRef { return v.pv.RelativeLinks() }
func (v *plainView) BodyText() string                 { return v.pv.BodyText() }
func (v *plainView) Parent() viewed                   { return v.pv.Parent() }
func (v *plainView) Prev() viewed                     { return v.pv.Prev() }
func (v *plainView) Next() viewed                     { return v.pv.Next() }
func (v *plainView) Letter() viewed                   { return v.pv.Letter() }
func (v *plainView) Original() viewed                 { return v.pv.Original() }
func (v *plainView) Children() []viewed               { return v.pv.Children() }
func (v *plainView) Translations() []viewed           { return v.pv.Translations() }
func (v *plainView) Principles() []viewed             { return v.pv.Principles() }
func (v *plainView) Quotes() []viewed                 { return v.pv.Quotes() }
func (v *plainView) Stories() []viewed                { return v.pv.Stories() }
func (v *plainView) Exercises() []viewed              { return v.pv.Exercises() }

// The page's fields a pageView does not show: a theme reading them fails
// in a build as it does in the preview.

// IsHTML is not shown to templates.
func (v *plainView) IsHTML() (bool, error) { return false, notShown("IsHTML") }

// TitleFromFile is not shown to templates.
func (v *plainView) TitleFromFile() (bool, error) { return false, notShown("TitleFromFile") }

func notShown(name string) error {
	return fmt.Errorf("a page has no field %s for templates", name)
}
