package build

import (
	"encoding/binary"
	"slices"
	"sync"

	"handbook/build/content"
	"handbook/build/markdown"
)

// results holds each page's last conversion, which the page step hands
// forward: the templates read a page's HTML and headings from it, the
// index its text, the checks its anchors and links. A result is replaced
// whole, never changed in place, so a template reading another page's
// result keeps the value it got while the page step converts more pages
// on other goroutines.
type results struct {
	mu     sync.RWMutex
	byPage map[*content.Page]*markdown.Result
	// anchorsByID are the anchors of the pages a build wrote, by page
	// ID, once their results went (keepAnchors): the anchor checks read
	// nothing else of a written page, and a slot here takes 16 bytes
	// and its anchors packed in one string (packAnchors), where a result,
	// with its entry in byPage and its headings, took about 400 on the
	// benchmark corpus, and the anchors as a slice of strings twice what
	// they take packed.
	anchorsByID []string
}

func newResults() *results {
	return &results{byPage: map[*content.Page]*markdown.Result{}}
}

// of is p's last conversion; nil when p was never converted.
func (rs *results) of(p *content.Page) *markdown.Result {
	rs.mu.RLock()
	defer rs.mu.RUnlock()
	return rs.byPage[p]
}

// set records r as p's last conversion.
func (rs *results) set(p *content.Page, r *markdown.Result) {
	rs.mu.Lock()
	rs.byPage[p] = r
	rs.mu.Unlock()
}

// forget lets p's result go.
func (rs *results) forget(p *content.Page) {
	rs.mu.Lock()
	delete(rs.byPage, p)
	if p.ID >= 0 && p.ID < len(rs.anchorsByID) {
		rs.anchorsByID[p.ID] = ""
	}
	rs.mu.Unlock()
}

// clear lets every result go, and the anchors kept.
func (rs *results) clear() {
	rs.mu.Lock()
	clear(rs.byPage)
	rs.anchorsByID = nil
	rs.mu.Unlock()
}

// keepAnchors lets p's result go and keeps only its anchors, for the
// anchor checks: p is written, and nothing else of its result is read
// again in a site that renders once (a build). Templates of the pages
// rendered after see no result of p, as of a page not converted yet.
// p.ID must be p's own among the site's pages, as Link numbers them.
func (rs *results) keepAnchors(p *content.Page, anchors markdown.Anchors) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	delete(rs.byPage, p)
	if p.ID >= len(rs.anchorsByID) {
		rs.anchorsByID = slices.Grow(rs.anchorsByID, p.ID+1-len(rs.anchorsByID))[:p.ID+1]
	}
	rs.anchorsByID[p.ID] = packAnchors(anchors)
}

// anchors are p's anchors as its last conversion found them.
func (rs *results) anchors(p *content.Page) markdown.Anchors {
	if r := rs.of(p); r != nil {
		return r.Anchors
	}
	rs.mu.RLock()
	defer rs.mu.RUnlock()
	if p.ID >= 0 && p.ID < len(rs.anchorsByID) {
		return unpackAnchors(rs.anchorsByID[p.ID])
	}
	return nil
}

// packAnchors writes anchors in one string: each one's length in bytes
// (a uvarint), then its text.
func packAnchors(anchors markdown.Anchors) string {
	if len(anchors) == 0 {
		return ""
	}
	size := 0
	for _, a := range anchors {
		size += binary.MaxVarintLen64 + len(a)
	}
	b := make([]byte, 0, size)
	for _, a := range anchors {
		b = append(binary.AppendUvarint(b, uint64(len(a))), a...)
	}
	return string(b)
}

// unpackAnchors are the anchors packAnchors wrote in packed, whose
// texts are parts of it.
func unpackAnchors(packed string) markdown.Anchors {
	var anchors markdown.Anchors
	for len(packed) > 0 {
		n, size := binary.Uvarint([]byte(packed[:min(len(packed), binary.MaxVarintLen64)]))
		packed = packed[size:]
		anchors = append(anchors, packed[:n])
		packed = packed[n:]
	}
	return anchors
}

// written is what a build keeps of a page's result once the page is
// written and its text handed to the index: the headings, anchors and
// links that other pages' templates and the checks read, and neither
// its HTML nor its text, the bulk of it.
func written(r *markdown.Result) *markdown.Result {
	return &markdown.Result{TOC: r.TOC, Anchors: r.Anchors, LinksTo: r.LinksTo, RelativeLinks: r.RelativeLinks}
}
