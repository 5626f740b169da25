package markdown

import (
	"bytes"
	"html/template"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/shortcode"
)

// Converter turns pages' Markdown into HTML. It is safe for concurrent use
// and is built once per build: goldmark instances are reused for every
// page.
type Converter struct {
	cfg         *config.Config
	set         *content.Set
	byLang      map[string]goldmark.Markdown
	resolver    *resolver
	highlighter *highlighter
	shortcodes  *shortcode.Expander
}

// NewConverter prepares one goldmark instance per language of set.
func NewConverter(cfg *config.Config, set *content.Set, static func(sitePath string) bool) *Converter {
	c := &Converter{cfg: cfg, set: set, byLang: map[string]goldmark.Markdown{}}
	c.highlighter = newHighlighter()
	c.resolver = &resolver{set: set, basePath: cfg.BasePath(), static: static, defaultLang: cfg.DefaultLanguage}
	if cfg.Hugo {
		c.resolver.severity = diag.Warning
	}
	c.shortcodes = shortcode.New(shortcode.Options{
		Root: cfg.Root, Set: set, SiteTitle: cfg.Title, BaseURL: cfg.BaseURL, BasePath: cfg.BasePath(),
		SiteParams: func(lang string) map[string]any {
			l, _ := cfg.Language(lang)
			return l.Params
		},
		Highlight: func(lang, code string) template.HTML {
			return template.HTML(c.highlighter.highlight(lang, code))
		},
		Markdownify: c.markdownify,
	})
	for _, l := range cfg.Languages {
		c.byLang[l.Code] = c.newGoldmark(l.Code)
	}
	return c
}

func (c *Converter) newGoldmark(lang string) goldmark.Markdown {
	rendererOpts := []goldmark.Option{}
	if c.cfg.Markup.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	extensions := []goldmark.Extender{
		// GFM, its linkify asked only where a block may hold an address.
		quickLinkify{},
		extension.Table,
		extension.Strikethrough,
		extension.TaskList,
		extension.Footnote,
		extension.DefinitionList,
		typographer{substitutions: typography(lang)},
		c.highlighter,
		&escapedHTML{enabled: !c.cfg.Markup.UnsafeHTML},
		shortcodeMarkers{},
		githubAlerts{},
	}
	tree := &pageTree{links: &pageLinks{resolver: c.resolver}}
	if c.cfg.Markup.HugoIDs != "" {
		tree.hugo = &hugoHeadings{idType: c.cfg.Markup.HugoIDs, terms: c.cfg.Markup.DefinitionTermIDs}
		extensions = append(extensions, tree.hugo)
	}
	extensions = append(extensions, tree)
	return goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)...)
}

// typography gives French its « guillemets » (with the narrow no-break
// space French typography wants inside them); other languages keep
// goldmark's curly quotes.
func typography(lang string) map[extension.TypographicPunctuation]string {
	if lang != "fr" {
		return nil
	}
	return map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  "«\u202f",
		extension.RightDoubleQuote: "\u202f»",
	}
}

// Result is what converting one page's Markdown gives: a value of its
// own, which the caller keeps for as long as it needs it and hands to
// the stages after this one (the templates, the index, the checks).
// Convert never changes the page, so a site can be converted again.
type Result struct {
	HTML template.HTML
	// TOC lists the body's headings, in order.
	TOC []content.Heading
	// Anchors are the ids of the body's headings, which links may target.
	Anchors Anchors
	// LinksTo are the pages the body links to.
	LinksTo []*content.Page
	// RelativeLinks are the links and images left as written, for a
	// check of the written site.
	RelativeLinks []content.LinkRef
	// Text is the body as plain text, code left out, for the search
	// index; empty when the site has no search.
	Text string
	// AnchorRefs are the links to anchors, to check with CheckAnchors
	// once every page is converted.
	AnchorRefs []AnchorRef
}

// Convert renders one page's Markdown body, using buf as scratch space.
// It reads p and changes nothing of it.
func (c *Converter) Convert(p *content.Page, body []byte, buf *bytes.Buffer, diags *diag.List) Result {
	if body == nil {
		return Result{}
	}
	if p.IsHTML {
		return c.convertHTML(body)
	}
	md := c.byLang[p.Lang]
	// Shortcodes are expanded first, on the lines they were written on,
	// so what is said of the Markdown below names the writer's lines.
	expanded := c.shortcodes.Expand(p, body, diags)
	src := expanded.Source
	state := &pageState{page: p, diags: diags, ids: newHeadingIDs()}
	pc := parser.NewContext(parser.WithIDs(state.ids))
	pc.Set(stateKey, state)
	pc.Set(fragmentsKey, expanded.Fragments)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	buf.Reset()
	buf.Grow(len(src) * 3 / 2)
	if err := md.Renderer().Render(bufferWriter{buf}, src, doc); err != nil {
		diags.Errorf(p.File, 0, "rendering Markdown: %v", err)
	}
	r := Result{
		HTML:          htmlOf(buf.Bytes()),
		Anchors:       state.ids.sorted(),
		LinksTo:       state.linksTo,
		RelativeLinks: state.relative,
		AnchorRefs:    state.anchors,
	}
	// The HTML is copied out of buf: the page's text is gathered in it next.
	r.TOC, r.Text = pageText(doc, src, c.cfg.Search, buf)
	if len(expanded.Fragments) > 0 {
		resolveMarkers(&r, expanded.Fragments)
	}
	return r
}

// Anchors are the ids of a page's headings, sorted: a slice rather than
// a set, as a page has few and a site holds them for every page until
// its links are checked.
type Anchors []string

// Has reports whether id is one of the anchors.
func (a Anchors) Has(id string) bool {
	_, found := slices.BinarySearch(a, id)
	return found
}

// ReportShortcodes reports, once each, the shortcodes the pages converted
// since the last report used that the tool does not know, and the site's
// shortcode templates it could not run.
func (c *Converter) ReportShortcodes(diags *diag.List) { c.shortcodes.Report(diags) }
