package serve

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"path"
	"strings"

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
	var b bytes.Buffer
	trNow, err := check.ReadSource(site, tr)
	if err != nil {
		return viewPage(title, "", `<p class="problem">`+html.EscapeString(err.Error())+`</p>`)
	}
	since, err := check.SinceStamp(ctx, site, tr)
	var rows []viewRow
	switch {
	case err == nil:
		fmt.Fprintf(&b, "<p class=\"status\">%s</p>\n", sinceStatus(since))
		rows = alignRows(since.Body, check.Paragraphs(string(trNow.Body), trNow.BodyLine))
		rows = append(fieldRows(since, trNow), rows...)
	case tr.Original == nil:
		return viewPage(title, "", `<p class="problem">`+html.EscapeString(err.Error())+`</p>`)
	default:
		fmt.Fprintf(&b, "<p class=\"problem\">%s</p>\n", html.EscapeString(err.Error()))
		now, rerr := check.ReadSource(site, tr.Original)
		if rerr != nil {
			return viewPage(title, b.String(), "")
		}
		ps := check.Paragraphs(string(now.Body), now.BodyLine)
		rows = alignRows(check.DiffParagraphs(ps, ps), check.Paragraphs(string(trNow.Body), trNow.BodyLine))
		rows = append(fieldRows(&check.Since{Now: now, Then: now}, trNow), rows...)
	}
	orig := tr.Original
	fmt.Fprintf(&b, "<div class=\"grid\">\n<div class=\"head\">%s <small>%s</small></div><div class=\"head\">%s <small>%s</small></div>\n",
		html.EscapeString(orig.Lang), html.EscapeString(orig.File), html.EscapeString(tr.Lang), html.EscapeString(tr.File))
	for _, row := range rows {
		writeRow(&b, row, orig.Lang, tr.Lang)
	}
	b.WriteString("</div>\n")
	return viewPage(title, "", b.String())
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

// outdatedClass marks the out-of-date notice of a translation's page, in
// the default theme's partial outdated.html; a theme that keeps the
// class gets the link to the translator's view in its notice.
const outdatedClass = "notice-outdated"

// linkTranslatorsView adds to the out-of-date notice of the page at
// name ("fr/about/index.html") a link to its translator's view, before
// the notice's closing tag. Pages without the notice are left as built.
func linkTranslatorsView(page []byte, name string) []byte {
	at := bytes.Index(page, []byte(outdatedClass))
	if at < 0 || path.Base(name) != "index.html" {
		return page
	}
	open := bytes.LastIndexByte(page[:at], '<')
	if open < 0 {
		return page
	}
	tag := page[open+1:]
	n := bytes.IndexFunc(tag, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') })
	if n <= 0 {
		return page
	}
	end := indexFold(page[at:], []byte("</"+strings.ToLower(string(tag[:n]))))
	if end < 0 {
		return page
	}
	end += at
	u := "/" + strings.TrimSuffix(name, "index.html")
	link := ` <a class="handbook-translate" href="` + html.EscapeString(translateURL(u)) + `">Side by side with the original, its changes marked (preview)</a>`
	out := make([]byte, 0, len(page)+len(link))
	out = append(append(append(out, page[:end]...), link...), page[end:]...)
	return out
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
