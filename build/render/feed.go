package render

import (
	"bytes"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"html/template"
	"time"
)

// atomNS is the namespace of an Atom feed (RFC 4287).
const atomNS = "http://www.w3.org/2005/Atom"

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID      string    `xml:"id"`
	Title   atomText  `xml:"title"`
	Link    atomLink  `xml:"link"`
	Updated string    `xml:"updated"`
	Summary *atomText `xml:"summary,omitempty"`
}

// feed is lang's Atom feed: an entry per line of its "what's new" page,
// newest first. Its dates are the commits', and its ids are made from
// the site's address, the commits and the files, so that the same
// commit makes the same feed and a reader's feed reader sees an entry
// once.
func (r *Renderer) feed(lang string) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	fmt.Fprintf(&buf, "<feed xmlns=%q xml:lang=%q>\n", atomNS, template.HTMLEscapeString(lang))
	enc := xml.NewEncoder(&buf)
	enc.Indent("  ", "  ")
	entries := r.changes.byLang[lang]
	updated := r.changes.newest
	if len(entries) > 0 {
		updated = entries[0].when
	}
	title := r.langTitle(lang) + " · " + r.tr.get(lang, "changes_title")
	head := []struct {
		name  string
		value any
	}{
		{"id", uuidURN(r.cfg.BaseURL + feedPath(lang))},
		{"title", atomText{Text: title}},
		{"updated", updated.Format(time.RFC3339)},
		{"link", atomLink{Rel: "self", Type: "application/atom+xml", Href: r.absURL(feedPath(lang))}},
		{"link", atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(changesPath(lang))}},
		{"author", struct {
			Name string `xml:"name"`
		}{r.langTitle(lang)}},
	}
	for _, h := range head {
		_ = enc.EncodeElement(h.value, xmlStart(h.name)) // writes to a buffer: no error
	}
	for _, c := range entries {
		kind := r.tr.get(lang, "change_"+changeKindNames[c.kind])
		e := atomEntry{
			ID:      uuidURN(c.commit + "\x00" + c.page.File + "\x00" + changeKindNames[c.kind]),
			Title:   atomText{Text: format(r.tr.get(lang, "change_title"), map[string]string{"kind": kind, "title": c.page.Title})},
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(c.page.URL)},
			Updated: c.when.Format(time.RFC3339),
		}
		if c.subject != "" {
			e.Summary = &atomText{Text: c.subject}
		}
		_ = enc.EncodeElement(e, xmlStart("entry"))
	}
	_ = enc.Flush()
	buf.WriteString("\n</feed>\n")
	return buf.Bytes()
}

// langTitle is the site's title in lang.
func (r *Renderer) langTitle(lang string) string {
	if l, ok := r.cfg.Language(lang); ok && l.Title != "" {
		return l.Title
	}
	return r.cfg.Title
}

// uuidURN is a name-based (SHA-1, version 5) UUID URN made from name:
// an Atom id that stays the same for the same name, whatever the site's
// address is like (a base URL of "/" makes no absolute address).
func uuidURN(name string) string {
	sum := sha1.Sum([]byte(name))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
