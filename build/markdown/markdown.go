package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
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
}

// NewConverter prepares one goldmark instance per language of set.
func NewConverter(cfg *config.Config, set *content.Set, static func(sitePath string) bool) *Converter {
	c := &Converter{cfg: cfg, set: set, byLang: map[string]goldmark.Markdown{}}
	c.highlighter = newHighlighter()
	c.resolver = &resolver{set: set, basePath: cfg.BasePath(), static: static}
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
	return goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewTypographer(extension.WithTypographicSubstitutions(typography(lang))),
			c.highlighter,
			&pageLinks{resolver: c.resolver},
			&escapedHTML{enabled: !c.cfg.Markup.UnsafeHTML},
		),
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

// Convert renders one page into p.Content, p.TOC and p.Anchors, using buf
// as scratch space, and returns the links to anchors that remain to be
// checked with CheckAnchors once every page is converted. It releases
// p.Body.
func (c *Converter) Convert(p *content.Page, buf *bytes.Buffer, diags *diag.List) []AnchorRef {
	if p.Body == nil {
		p.Anchors = map[string]bool{}
		return nil
	}
	md := c.byLang[p.Lang]
	state := &pageState{page: p, diags: diags, ids: newHeadingIDs()}
	pc := parser.NewContext(parser.WithIDs(state.ids))
	pc.Set(stateKey, state)
	doc := md.Parser().Parse(text.NewReader(p.Body), parser.WithContext(pc))
	buf.Reset()
	buf.Grow(len(p.Body) * 3 / 2)
	if err := md.Renderer().Render(buf, p.Body, doc); err != nil {
		diags.Errorf(p.File, 0, "rendering Markdown: %v", err)
	}
	p.TOC = tableOfContents(doc, p.Body)
	if c.cfg.Search {
		p.BodyText = bodyText(doc, p.Body)
	}
	p.Anchors = state.ids.used
	p.LinksTo = state.linksTo
	p.RelativeLinks = state.relative
	p.Content = htmlOf(buf.Bytes())
	p.Body = nil
	return state.anchors
}
