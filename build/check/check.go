// Package check owns checking a loaded site: everything the build
// validates (front matter, relations, links and anchors), and what only a
// look at the whole written site can tell: pages missing in a language,
// translations whose original has changed since they were stamped or
// whose structure differs from it, wordings a language's terms file
// avoids, relative links and images that lead to no file, pages without a title
// or description, and pages no navigation reaches.
//
// It is a driver of the pipeline, like the command line: Run loads and
// renders the site with package build, recording what is written, then
// adds its own diagnostics to the site's list. Publishing runs the same
// check while it writes a release, so a site is never published with a
// problem check would have found.
package check

import (
	"io"

	"handbook/build"
	"handbook/build/diag"
	"handbook/build/output"
)

// Options say which site to check, and where its files go.
type Options struct {
	Build build.Options
	// Output receives the site's files as they are rendered. When nil,
	// nothing is written, and the search index, which validates nothing,
	// is not made.
	Output output.Writer
}

// Run loads and renders the site, then checks it. Every problem is in
// the returned site's Diags. The error is diag.ErrContent when any of
// them is an error, and another error when the site could not be checked
// at all (no such folder, a broken theme, an unwritable output).
func Run(opts Options) (*build.Site, error) {
	w := opts.Output
	if w == nil {
		opts.Build.Overrides.NoSearch = true
		w = discard{}
	}
	site, err := build.Load(opts.Build)
	if err != nil && (!build.IsContentError(err) || site.Pages == nil) {
		// The configuration, or more than the content, is broken: there
		// is no site to render.
		return site, err
	}
	statuses := Translations(site, "")
	rec := newRecorder(w, site.Config.BasePath())
	if err := site.Render(rec); err != nil && !build.IsContentError(err) {
		return site, err
	}
	checkPages(site, rec)
	checkTranslations(site, statuses)
	checkTerms(site)
	if site.Diags.HasErrors() {
		return site, diag.ErrContent
	}
	return site, nil
}

// discard is an output that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) CopyFile(string, string) error  { return nil }

func (discard) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
