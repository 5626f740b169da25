package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/history"
	"handbook/build/output"
)

// changesLayout renders a language's "what's new" page.
const changesLayout = "changes.html"

// changesPath is the site path of a language's "what's new" page, and
// feedPath its Atom feed's.
func changesPath(lang string) string { return "/" + lang + "/changes/" }
func feedPath(lang string) string    { return "/" + lang + "/feed.xml" }

// siteChanges are the recent changes of the site's pages, by language,
// newest first.
type siteChanges struct {
	byLang map[string][]pageChange
	// newest is the date of the newest commit, the feeds' date when
	// they have no entry.
	newest time.Time
}

// pageChange is one change of one page.
type pageChange struct {
	page            *content.Page
	kind            history.ChangeKind
	when            time.Time
	commit, subject string
}

// UseChanges gives the renderer the site's recent changes (newest
// first) and the date of its newest commit, for the "what's new" page
// and the feed of each language; it reports a page, alias or file that
// would land on one of them. Drafts are left out, and so are the
// subjects of the commits that changed one, and a page's change of a
// kind older than another of the same month: the newest stands for them.
func (r *Renderer) UseChanges(changes []history.Change, newest time.Time) {
	byFile := map[string]*content.Page{}
	for _, p := range r.set.Pages {
		if p.File != "" && !p.Draft {
			byFile[p.File] = p
		}
	}
	type monthKind struct {
		page        *content.Page
		kind        history.ChangeKind
		year, month int
	}
	listed := map[monthKind]bool{}
	private := privateCommits(changes, byFile)
	sc := &siteChanges{byLang: map[string][]pageChange{}, newest: newest}
	for _, c := range changes {
		p := byFile[c.File]
		if p == nil || c.Kind == history.Restamped && p.Original == nil {
			continue // a draft, or a stamp on an original, which means nothing
		}
		if private[c.Commit] {
			c.Subject = ""
		}
		k := monthKind{p, c.Kind, c.When.Year(), int(c.When.Month())}
		if listed[k] {
			continue
		}
		listed[k] = true
		sc.byLang[p.Lang] = append(sc.byLang[p.Lang], pageChange{p, c.Kind, c.When, c.Commit, c.Subject})
	}
	r.changes = sc
	r.checkChangesClash()
}

// privateCommits are the commits that changed a page the site does not
// publish (a draft): their subjects may speak of it, so none is shown.
func privateCommits(changes []history.Change, published map[string]*content.Page) map[string]bool {
	private := map[string]bool{}
	for _, c := range changes {
		if strings.HasSuffix(c.File, ".md") && published[c.File] == nil {
			private[c.Commit] = true
		}
	}
	return private
}

// checkChangesClash reports each page, alias, file beside the pages or
// static file that would be written where a "what's new" page or feed
// is: one of the two would be lost.
func (r *Renderer) checkChangesClash() {
	for _, l := range r.set.Langs {
		for _, sitePath := range []string{changesPath(l.Code), feedPath(l.Code)} {
			file := strings.TrimPrefix(sitePath, "/")
			if strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			what := "the \"what's new\" page " + sitePath
			if strings.HasSuffix(sitePath, ".xml") {
				what = "the feed " + sitePath
			}
			fix := ": move it, or set changesMonths = 0 under [history] to make no \"what's new\" page"
			if origin, ok := r.set.OutputOrigin(file); ok {
				r.diags.Add(diag.Diagnostic{File: origin.File, Line: origin.Line, Code: diag.CodeURLClash,
					Message: origin.What() + " would replace " + what + fix})
			}
			if _, err := os.Stat(filepath.Join(r.cfg.Root, "static", filepath.FromSlash(file))); err == nil {
				r.diags.Add(diag.Diagnostic{File: "static/" + file, Code: diag.CodeURLClash,
					Message: "the static file /" + file + " would replace " + what + fix})
			}
		}
	}
}

// feedURL is the site path of lang's Atom feed; "" when the site has
// none.
func (r *Renderer) feedURL(lang string) string {
	if r.changes == nil {
		return ""
	}
	return feedPath(lang)
}

// changesURL is the site path of lang's "what's new" page; "" when the
// site has none.
func (r *Renderer) changesURL(lang string) string {
	if r.changes == nil {
		return ""
	}
	return changesPath(lang)
}

// changesData is what the "what's new" page lists, as .Changes.
type changesData struct {
	// MonthsBack is how far back it goes, in months.
	MonthsBack int
	Months     []changeMonth
}

// changeMonth is a month's changes, newest first.
type changeMonth struct {
	// ID is the month as "2026-12", for an anchor; Label as the
	// language writes it, as a heading ("Tháng 12 năm 2026").
	ID, Label string
	Entries   []changeEntry
}

// changeEntry is one line of the "what's new" page.
type changeEntry struct {
	Page viewed
	// Kind is "added", "changed" or "restamped" (a translation brought
	// up to date); the interface string change_<Kind> names it.
	Kind    string
	When    time.Time
	Subject string
}

var changeKindNames = map[history.ChangeKind]string{history.Added: "added", history.Changed: "changed", history.Restamped: "restamped"}

// writeChanges writes each language's "what's new" page and feed, when
// the site has its history.
func (r *Renderer) writeChanges(w output.Writer) error {
	if r.changes == nil {
		return nil
	}
	pages := r.changesPages()
	for _, l := range r.set.Langs {
		if err := r.writeChangesPage(pages, l.Code, w); err != nil {
			return err
		}
		if err := w.WriteFile(strings.TrimPrefix(feedPath(l.Code), "/"), r.feed(l.Code)); err != nil {
			return err
		}
	}
	return nil
}

// changesPages makes a page for each language's "what's new" page, each
// the translation of the others, so that the language switcher and the
// hreflang links lead from one to the other.
func (r *Renderer) changesPages() map[string]*content.Page {
	pages := map[string]*content.Page{}
	var all []*content.Page
	for _, l := range r.set.Langs {
		p := &content.Page{Lang: l.Code, URL: changesPath(l.Code), Parent: l.Home,
			Title: r.tr.get(l.Code, "changes_title"), Description: r.tr.get(l.Code, "changes_description")}
		pages[l.Code] = p
		all = append(all, p)
	}
	for _, p := range all {
		for _, t := range all {
			if t != p {
				p.Translations = append(p.Translations, t)
			}
		}
	}
	return pages
}

// writeChangesPage renders lang's "what's new" page with the theme.
func (r *Renderer) writeChangesPage(pages map[string]*content.Page, lang string, w output.Writer) error {
	p := pages[lang]
	rec := newRecorder(nil, r.set, r.bodies)
	d := r.dataFor(p, rec)
	d.Changes = r.changesData(lang, d, rec)
	var buf bytes.Buffer
	if err := r.layouts[changesLayout].Execute(&buf, d); err != nil {
		return r.theme.templateProblem(err, "layouts/"+changesLayout, p.URL)
	}
	return w.WriteFile(OutputPath(p), buf.Bytes())
}

// changesData groups lang's changes by month, as the page shows them.
func (r *Renderer) changesData(lang string, d *pageData, rec *recorder) *changesData {
	out := &changesData{MonthsBack: r.cfg.History.ChangesMonths}
	for _, c := range r.changes.byLang[lang] {
		id := c.when.Format("2006-01")
		if n := len(out.Months); n == 0 || out.Months[n-1].ID != id {
			label := format(d.T("month_year"), map[string]string{
				"month": d.T("month_" + strconv.Itoa(int(c.when.Month()))),
				"year":  strconv.Itoa(c.when.Year()),
			})
			out.Months = append(out.Months, changeMonth{ID: id, Label: upperFirst(label)})
		}
		m := &out.Months[len(out.Months)-1]
		m.Entries = append(m.Entries, changeEntry{Page: rec.view(c.page), Kind: changeKindNames[c.kind], When: c.when, Subject: c.subject})
	}
	return out
}

// upperFirst writes s's first letter as a capital, as a heading starts.
func upperFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[size:]
}
