package check

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"handbook/build"
	"handbook/build/content"
	"handbook/build/diag"
)

// State is where a page stands in one language, against its original in
// the default language.
type State string

// The states of a translation.
const (
	UpToDate  State = "up to date"
	OutOfDate State = "out of date" // the original changed since the stamp
	Unstamped State = "unstamped"   // no sourceHash: nothing to compare
	Missing   State = "missing"     // the language has no such page
	// NoOriginal is a page the default language does not have.
	NoOriginal State = "no original"
)

// Status is one page of one language that is not the default.
type Status struct {
	Lang  string
	State State
	// Page is the translation; nil when it is missing.
	Page *content.Page
	// Original is the page in the default language; nil for NoOriginal.
	Original *content.Page
	// File is the translation's file, or where it belongs when missing.
	File string
	// Drift is the first difference between the translation's structure
	// and its original's; Drifted says there is one.
	Drift   content.Drift
	Drifted bool
}

// Translations lists the status of every page in every language other
// than the default one, or in lang alone when it is not "": first each
// original in turn, then the pages that have none.
func Translations(site *build.Site, lang string) []Status {
	var out []Status
	def := site.Config.DefaultLanguage
	originals := site.Pages.Lang(def)
	if originals == nil {
		return nil
	}
	for _, l := range site.Pages.Langs {
		if l.Code == def || lang != "" && l.Code != lang {
			continue
		}
		for _, o := range originals.Pages {
			if o.File != "" {
				out = append(out, statusOf(site, l, o))
			}
		}
		for _, p := range l.Pages {
			if p.File != "" && p.Original == nil {
				out = append(out, Status{Lang: l.Code, State: NoOriginal, Page: p, File: p.File})
			}
		}
	}
	return out
}

func statusOf(site *build.Site, l *content.Lang, o *content.Page) Status {
	s := Status{Lang: l.Code, Original: o, State: Missing}
	for _, t := range o.Translations {
		if t.Lang == l.Code && t.File != "" {
			s.Page, s.File = t, t.File
		}
	}
	if s.Page != nil {
		s.Drift, s.Drifted = s.Page.StructureDrift(site.Pages)
	}
	switch {
	case s.Page == nil:
		s.File = path.Join(l.ContentDir, o.RelPath)
		if o.TranslationKey != defaultKey(o) {
			s.File = "" // any file with the same translationKey would do
		}
	case s.Page.SourceHash == "":
		s.State = Unstamped
	case s.Page.Outdated():
		s.State = OutOfDate
	default:
		s.State = UpToDate
	}
	return s
}

// defaultKey is the translationKey a page has when it sets none.
func defaultKey(p *content.Page) string { return strings.TrimSuffix(p.RelPath, ".md") }

// checkTranslations reports, from the statuses of the site's
// translations, pages missing in a language, translations out of date or
// whose structure differs from their original's, and, in a language where
// translations are stamped, the ones that are not.
func checkTranslations(site *build.Site, statuses []Status) {
	stamped := map[string]bool{}
	for _, p := range site.Pages.Pages {
		if p.SourceHash != "" {
			stamped[p.Lang] = true
		}
	}
	def := site.Config.DefaultLanguage
	for _, s := range statuses {
		if d, ok := diagnose(s, def, stamped[s.Lang]); ok {
			site.Diags.Add(d)
		}
		if s.Drifted {
			site.Diags.Add(DriftDiagnostic(s))
		}
	}
	if site.Pages.Lang(def) == nil {
		return
	}
	for _, p := range site.Pages.Lang(def).Pages {
		if p.SourceHash != "" {
			site.Diags.Add(diag.Diagnostic{File: p.File, Line: p.SourceHashLine, Severity: diag.Warning, Code: diag.CodeStraySourceHash,
				Message: fmt.Sprintf("sourceHash is for translations, and %s is the default language, whose pages are the originals: remove it", def)})
		}
	}
}

func diagnose(s Status, def string, stamped bool) (diag.Diagnostic, bool) {
	d := diag.Diagnostic{Severity: diag.Warning}
	switch s.State {
	case Missing:
		d.File, d.Code = s.Original.File, diag.CodeMissingTranslation
		where := "no page has its translationKey " + s.Original.TranslationKey
		if s.File != "" {
			where = "no " + s.File
		}
		d.Message = fmt.Sprintf("not translated into %s (%s)", s.Lang, where)
	case NoOriginal:
		d.File, d.Code = s.File, diag.CodeMissingTranslation
		d.Message = fmt.Sprintf("missing in %s, the default language: no page there has translationKey %s", def, s.Page.TranslationKey)
	case OutOfDate:
		d.File, d.Line, d.Code = s.File, s.Page.SourceHashLine, diag.CodeOutdatedTranslation
		d.Message = fmt.Sprintf("out of date: %s has changed since this translation was stamped (sourceHash %s, now %s); update the translation, then run: handbook translations --stamp %s",
			s.Original.File, s.Page.SourceHash, s.Original.TextHash, s.File)
	case Unstamped:
		if !stamped {
			return d, false // the site does not track this language
		}
		d.File, d.Code = s.File, diag.CodeUnstampedTranslation
		d.Message = fmt.Sprintf("not stamped: once it matches %s, run: handbook translations --stamp %s", s.Original.File, s.File)
	default:
		return d, false
	}
	return d, true
}

// DriftDiagnostic is the warning of a translation whose structure differs
// from its original's: at the translation's line, naming the original's.
func DriftDiagnostic(s Status) diag.Diagnostic {
	at := s.Original.File
	if s.Drift.OriginalLine > 0 {
		at += ":" + strconv.Itoa(s.Drift.OriginalLine)
	}
	return diag.Diagnostic{File: s.File, Line: s.Drift.Line, Severity: diag.Warning, Code: diag.CodeStructureDrift,
		Message: fmt.Sprintf("structure differs from the original (%s): %s; a translation keeps its original's headings, lists, links to pages and relations", at, s.Drift.Message)}
}
