package preview

import (
	"handbook/build/content"
	"handbook/build/diag"
)

// ledger holds a Live site's diagnostics by the stage and file they come
// from, so that an update replaces exactly those of the work it does
// again: reading a file, linking the set, converting and rendering a
// page, writing the listings or the assets.
type ledger struct {
	// base are the configuration's and the theme's, kept until the next
	// full build; a set, since a theme's warnings come again each time
	// the theme is loaded.
	base      map[diag.Diagnostic]bool
	read      map[string][]diag.Diagnostic // by file
	link      []diag.Diagnostic
	linkError map[string]bool // the files link found an error in
	pages     map[*content.Page]*pageDiags
	listings  []diag.Diagnostic
	assets    []diag.Diagnostic
}

// pageDiags are one page's diagnostics from converting its Markdown,
// checking its links to anchors, and rendering its template.
type pageDiags struct {
	convert, anchors, template []diag.Diagnostic
}

func newLedger() *ledger {
	return &ledger{
		base:      map[diag.Diagnostic]bool{},
		read:      map[string][]diag.Diagnostic{},
		linkError: map[string]bool{},
		pages:     map[*content.Page]*pageDiags{},
	}
}

func (d *ledger) addBase(ds []diag.Diagnostic) {
	for _, x := range ds {
		d.base[x] = true
	}
}

// addFailure records an error that stopped a build, unless the
// diagnostics already explain it.
func (d *ledger) addFailure(err error) {
	for x := range d.base {
		if x.Severity == diag.Error {
			return
		}
	}
	d.base[errorDiagnostic(err)] = true
}

// errorDiagnostic makes an error that stopped a build into a diagnostic:
// a template's, at its file and line.
func errorDiagnostic(err error) diag.Diagnostic { return diag.FromError(err, "") }

func (d *ledger) setRead(file string, ds []diag.Diagnostic) {
	if len(ds) == 0 {
		delete(d.read, file)
		return
	}
	d.read[file] = ds
}

func (d *ledger) setLink(ds []diag.Diagnostic) {
	d.link = ds
	clear(d.linkError)
	for _, x := range ds {
		if x.Severity == diag.Error {
			d.linkError[x.File] = true
		}
	}
}

// setPage changes a page's diagnostics with f.
func (d *ledger) setPage(p *content.Page, f func(*pageDiags)) {
	pd := d.pages[p]
	if pd == nil {
		pd = &pageDiags{}
	}
	f(pd)
	if len(pd.convert)+len(pd.anchors)+len(pd.template) == 0 {
		delete(d.pages, p)
		return
	}
	d.pages[p] = pd
}

// forget drops the diagnostics of a page that left the site.
func (d *ledger) forget(p *content.Page) { delete(d.pages, p) }

// hasErrors reports whether the page, or its file, has an error.
func (d *ledger) hasErrors(p *content.Page) bool {
	if p.File != "" && (d.linkError[p.File] || hasError(d.read[p.File])) {
		return true
	}
	if pd := d.pages[p]; pd != nil {
		return hasError(pd.convert) || hasError(pd.anchors) || hasError(pd.template)
	}
	return false
}

// convertErrors reports whether converting the page found an error,
// such as a link to a page that does not exist.
func (d *ledger) convertErrors(p *content.Page) bool {
	pd := d.pages[p]
	return pd != nil && hasError(pd.convert)
}

func hasError(ds []diag.Diagnostic) bool {
	for _, x := range ds {
		if x.Severity == diag.Error {
			return true
		}
	}
	return false
}

// all returns every diagnostic, sorted as the build prints them.
func (d *ledger) all() []diag.Diagnostic {
	var list diag.List
	for x := range d.base {
		list.Add(x)
	}
	for _, ds := range d.read {
		addAll(&list, ds)
	}
	addAll(&list, d.link)
	for _, pd := range d.pages {
		addAll(&list, pd.convert)
		addAll(&list, pd.anchors)
		addAll(&list, pd.template)
	}
	addAll(&list, d.listings)
	addAll(&list, d.assets)
	return list.Sorted()
}

func addAll(list *diag.List, ds []diag.Diagnostic) {
	for _, x := range ds {
		list.Add(x)
	}
}
