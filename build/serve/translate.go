package serve

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/content"
)

// translatePrefix is where the preview serves its translator's views:
// /_handbook/translate/fr/about/ puts the translation /fr/about/ beside
// its original. The prefix is the preview's own, so no page of a site
// can be there (a site's folder starting with "_" is hidden).
const translatePrefix = "/_handbook/translate"

// translationOf returns, from the last site that loaded, the translation
// whose URL is u with its original, copied so that they can be read
// while the site changes, and the site's configuration. ok is false when
// u is no translation's page.
func (r *rebuilder) translationOf(u string) (site *build.Site, tr *content.Page, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.good == nil || r.good.Site == nil {
		return nil, nil, false
	}
	s := r.good.Site
	lang := strings.Split(strings.TrimPrefix(u, "/"), "/")[0]
	l := s.Pages.Lang(lang)
	if l == nil || lang == s.Config.DefaultLanguage {
		return nil, nil, false
	}
	p := l.ByURL(u)
	if p == nil || p.File == "" {
		return nil, nil, false
	}
	page := *p
	if p.Original != nil {
		original := *p.Original
		page.Original = &original
	}
	return &build.Site{Config: s.Config}, &page, true
}

// serveTranslation answers a request for a translator's view. Only the
// files of a translation the site has, and of its original, are read.
func (h *handler) serveTranslation(w http.ResponseWriter, r *http.Request) {
	u := strings.TrimPrefix(r.URL.Path, translatePrefix)
	if _, ok := sitePath(u); !ok || !strings.HasPrefix(u, "/") {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if !strings.HasSuffix(u, "/") {
		http.Redirect(w, r, translateURL(u+"/"), http.StatusFound)
		return
	}
	site, tr, ok := h.translation(u)
	if !ok {
		page := viewPage("No translation here", "", `<p>No translation of the site has the address <code>`+html.EscapeString(u)+`</code>.</p>`)
		serveFile(w, r, http.StatusNotFound, "translate.html", page)
		return
	}
	serveFile(w, r, http.StatusOK, "translate.html", translationView(r.Context(), site, tr))
}

// translateURL is the address of the translator's view of the page at
// URL u.
func translateURL(u string) string {
	return (&url.URL{Path: translatePrefix + u}).EscapedPath()
}

// translationView renders the side-by-side page of translation tr: the
// original on the left, its changes since the stamp marked, the
// translation on the right, aligned by heading and paragraph. When the
// changes cannot be known (no git, a shallow clone), it says why and
// shows the two side by side alone.
func translationView(ctx context.Context, site *build.Site, tr *content.Page) []byte {
	title := "Translation of " + tr.File
	trNow, err := check.ReadSource(site, tr)
	if err != nil {
		return viewPage(title, "", problem(err))
	}
	// The stamp as saved: a stamp made since the last rebuild counts.
	tr.SourceHash = trNow.SourceHash
	status, rows, err := viewRows(ctx, site, tr, trNow)
	if err != nil {
		return viewPage(title, "", problem(err))
	}
	var b bytes.Buffer
	orig := tr.Original
	fmt.Fprintf(&b, "<div class=\"grid\">\n<div class=\"head\">%s <small>%s</small></div><div class=\"head\">%s <small>%s</small></div>\n",
		html.EscapeString(orig.Lang), html.EscapeString(orig.File), html.EscapeString(tr.Lang), html.EscapeString(tr.File))
	for _, row := range rows {
		writeRow(&b, row, orig.Lang, tr.Lang)
	}
	b.WriteString("</div>\n")
	return viewPage(title, status, b.String())
}

// viewRows are the rows of a translator's view, and the status line
// above them: what the marks are measured from, or why there are none.
// trNow is the translation as saved.
func viewRows(ctx context.Context, site *build.Site, tr *content.Page, trNow *check.Source) (status string, rows []viewRow, err error) {
	trParagraphs := check.Paragraphs(string(trNow.Body), trNow.BodyLine)
	since, err := check.SinceStamp(ctx, site, tr)
	if err == nil {
		status = `<p class="status">` + sinceStatus(since) + "</p>\n"
		return status, append(fieldRows(since, trNow.Page), alignRows(since.Body, trParagraphs)...), nil
	}
	if tr.Original == nil {
		return "", nil, err
	}
	// No marks: the two side by side, and why.
	now, readErr := check.ReadSource(site, tr.Original)
	if readErr != nil {
		return "", nil, readErr
	}
	ps := check.Paragraphs(string(now.Body), now.BodyLine)
	rows = append(fieldRows(&check.Since{Now: now, Then: now}, trNow.Page), alignRows(check.DiffParagraphs(ps, ps), trParagraphs)...)
	return problem(err), rows, nil
}

// problem says why the view cannot show something.
func problem(err error) string {
	return `<p class="problem">` + html.EscapeString(err.Error()) + "</p>\n"
}

// sinceStatus says what the left column's marks are measured from.
func sinceStatus(s *check.Since) string {
	if s.UpToDate() {
		return "Up to date: the original has not changed since the translation was stamped (sourceHash " + html.EscapeString(s.Translation.SourceHash) + ")."
	}
	v := s.Stamped
	msg := fmt.Sprintf("Out of date. Marked: what changed in the original since the version stamped (sourceHash %s), commit %s of %s, “%s”",
		html.EscapeString(s.Translation.SourceHash), v.Short(), v.Date.Format("2006-01-02"), html.EscapeString(v.Subject))
	if v.Path != s.Now.File {
		msg += ", then at " + html.EscapeString(v.Path)
	}
	msg += "; to the original as saved on disk"
	if s.Uncommitted {
		msg += " (changes not committed)"
	}
	return msg + "."
}

// outdatedPages remembers, for the site served, which pages are
// translations out of date, as pages are asked for: each is looked up
// once per change of the site, and a rebuild costs nothing more
// however large the site.
type outdatedPages struct {
	mu    sync.Mutex
	known map[string]bool
}

// forget empties the memory, once the site changed. The rebuilder calls
// it with its lock held, which orders it with isOutdated's lookups.
func (o *outdatedPages) forget() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.known = nil
}

func (o *outdatedPages) get(u string) (outdated, ok bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	outdated, ok = o.known[u]
	return outdated, ok
}

func (o *outdatedPages) set(u string, outdated bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.known == nil {
		o.known = map[string]bool{}
	}
	o.known[u] = outdated
}

// isOutdated reports whether the page at URL u of the site served is a
// translation out of date.
func (r *rebuilder) isOutdated(u string) bool {
	if outdated, ok := r.outdated.get(u); ok {
		return outdated
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	outdated := false
	if r.good != nil && r.good.Site != nil {
		lang := strings.Split(strings.TrimPrefix(u, "/"), "/")[0]
		if l := r.good.Site.Pages.Lang(lang); l != nil {
			p := l.ByURL(u)
			outdated = p != nil && p.Outdated()
		}
	}
	r.outdated.set(u, outdated)
	return outdated
}

// outdatedClass marks the out-of-date notice of a translation's page, in
// the default theme's partial outdated.html; a theme that keeps the
// class gets the link to the translator's view in its notice.
const outdatedClass = "notice-outdated"

// linkTranslatorsView adds to the out-of-date notice of the page at
// name ("fr/about/index.html") a link to its translator's view, before
// the notice's closing tag. The page of a translation out of date whose
// theme has no such notice gets the link in a bar of its own at the top
// of its body. Other pages are left as built.
func linkTranslatorsView(page []byte, name string, outdated func(u string) bool) []byte {
	u := "/" + strings.TrimSuffix(name, "index.html")
	if path.Base(name) != "index.html" || !outdated(u) {
		return page
	}
	link := `<a class="handbook-translate" href="` + html.EscapeString(translateURL(u)) + `">Side by side with the original, its changes marked (preview)</a>`
	if out, ok := linkInNotice(page, link); ok {
		return out
	}
	return linkInBar(page, link)
}

// noticeClass finds the out-of-date notice's class in a tag: the
// class's name alone could be in the page's text.
var noticeClass = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9]*\s[^<>]*class="[^"<>]*\b` + outdatedClass + `\b`)

// linkInNotice puts link at the end of the out-of-date notice.
func linkInNotice(page []byte, link string) ([]byte, bool) {
	loc := noticeClass.FindIndex(page)
	if loc == nil {
		return nil, false
	}
	at := loc[1]
	open := bytes.LastIndexByte(page[:at], '<')
	if open < 0 {
		return nil, false
	}
	tag := page[open+1:]
	n := bytes.IndexFunc(tag, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') })
	if n <= 0 {
		return nil, false
	}
	end := indexFold(page[at:], []byte("</"+strings.ToLower(string(tag[:n]))))
	if end < 0 {
		return nil, false
	}
	return insertAt(page, at+end, " "+link), true
}

// linkInBar puts link in a bar of its own, right after the <body> tag
// (or at the page's start when it has none).
func linkInBar(page []byte, link string) []byte {
	at := 0
	if body := indexFold(page, []byte("<body")); body >= 0 {
		if end := bytes.IndexByte(page[body:], '>'); end >= 0 {
			at = body + end + 1
		}
	}
	bar := `<p class="handbook-translate-bar" style="margin:0;padding:.5rem 1rem;background:#fff8d6;color:#1a1a1a;font:14px/1.5 system-ui,sans-serif">This translation is out of date. ` +
		strings.Replace(link, "<a ", `<a style="color:#0b57d0" `, 1) + `</p>`
	return insertAt(page, at, bar)
}

func insertAt(page []byte, at int, s string) []byte {
	out := make([]byte, 0, len(page)+len(s))
	return append(append(append(out, page[:at]...), s...), page[at:]...)
}

// indexFold is bytes.Index ignoring ASCII case; tag is lower case.
func indexFold(s, tag []byte) int {
	for i := 0; i+len(tag) <= len(s); i++ {
		if s[i] == '<' && bytes.EqualFold(s[i:i+len(tag)], tag) {
			return i
		}
	}
	return -1
}
