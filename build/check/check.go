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
// them is an error, including a template that does not parse or run, and
// another error when the site could not be checked at all (no such
// folder, a missing theme, an unwritable output).
func Run(opts Options) (*build.Site, error) {
	w := opts.Output
	if w == nil {
		opts.Build.Overrides.NoSearch = true
		w = discard{}
	}
	site, err := build.Load(opts.Build)
	if err != nil && (!build.IsContentError(err) || site.Pages == nil) {
		// The configuration, a template, or more than the content, is
		// broken: there is no site to render.
		return site, site.Diags.AddProblem(err)
	}
	statuses := Translations(site, "")
	rec := newRecorder(w, site.Config.BasePath())
	if err := site.Render(rec); err != nil && !build.IsContentError(err) {
		return site, site.Diags.AddProblem(err)
	}
	checkPages(site, rec)
	checkTranslations(site, statuses)
	checkTerms(site)
	if err := checkSynonyms(site); err != nil {
		return site, err
	}
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
