package render

import (
	"strings"

	"handbook/build/content"
	"handbook/build/output"
)

// The site's files other than pages fall in two groups, which the preview
// server rewrites separately: those that list pages, which change when a
// page is added, removed or renamed, and the assets, which change when a
// file of a static folder or beside the pages does. WriteSiteFiles writes
// both.

// WriteListings writes the files that list or point to pages: the
// language chooser at "/", 404.html, the aliases' redirects,
// robots.txt and the "what's new" pages and feeds, and reports the pages
// at a print page's address. sitemap.xml, which lists every page, is
// written apart; so are the print pages, which hold the pages themselves.
func (r *Renderer) WriteListings(w output.Writer) error {
	return r.writeSteps(w, r.writeRoot, r.writeAliases, r.writePrintClashes, r.writeRobots, r.writeChanges)
}

// WriteSitemap writes sitemap.xml, whose size grows with the site's: an
// update writes it only when a page's address, date or translations
// change.
func (r *Renderer) WriteSitemap(w output.Writer) error { return r.writeSitemap(w) }

// WriteAssets writes the theme's and the site's static files, the
// resources beside the pages and the code-highlighting stylesheet.
func (r *Renderer) WriteAssets(w output.Writer) error {
	return r.writeSteps(w, r.writeAssets, r.writeResources, r.writeSyntaxCSS)
}

func (r *Renderer) writeSteps(w output.Writer, steps ...func(output.Writer) error) error {
	for _, step := range steps {
		if err := step(w); err != nil {
			return err
		}
	}
	return nil
}

// AliasPaths are the files a page's aliases are written to.
func AliasPaths(p *content.Page, set *content.Set) []string {
	out := make([]string, len(p.Aliases))
	for i, a := range p.Aliases {
		out[i] = strings.TrimPrefix(set.AliasURL(p.Lang, a), "/") + "index.html"
	}
	return out
}
