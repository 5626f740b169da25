package build

import (
	"fmt"
	"runtime"
	"slices"
	"testing"

	"handbook/build/content"
	"handbook/build/markdown"
	"handbook/build/output"
)

// sitemapWatcher is a Writer that, when the sitemap is written (after
// every page is and the anchors are checked, before a build lets the
// results go), counts what the site's results still hold.
type sitemapWatcher struct {
	output.Writer
	site              *Site
	results, anchored int
	seen              bool
}

func (w *sitemapWatcher) WriteFile(path string, data []byte) error {
	if path == "sitemap.xml" {
		w.site.results.mu.RLock()
		w.results = len(w.site.results.byPage)
		for _, a := range w.site.results.anchorsByID {
			if a != "" {
				w.anchored++
			}
		}
		w.site.results.mu.RUnlock()
		w.seen = true
	}
	return w.Writer.WriteFile(path, data)
}

// TestBuildKeepsOnlyTheAnchorsOfWrittenPages: a site that renders once
// keeps, of each page written, its anchors for the checks and no result
// (headings, links, the result itself), and its checks still find them;
// only the homes, which the root and 404 pages show, keep theirs.
func TestBuildKeepsOnlyTheAnchorsOfWrittenPages(t *testing.T) {
	files := siteFiles()
	files["content/vi/principles/linking.md"] = "---\ntitle: Liên kết\n---\n\n[khách hàng](customer-obsession.md#khach-hang-la-ai)\n"
	s, err := load(Options{Source: writeSite(t, files)}, false, nil, nil)
	if err != nil {
		t.Fatalf("load: %v\n%v", err, diagsOf(s))
	}
	s.DropMarkdown = true
	w := &sitemapWatcher{Writer: output.NewMemory(), site: s}
	if err := s.Render(w); err != nil {
		t.Fatalf("Render: %v\n%v", err, diagsOf(s))
	}
	if !w.seen {
		t.Fatal("no sitemap written")
	}
	if homes := len(s.Pages.Langs); w.results != homes {
		t.Errorf("the build held %d results once its pages were written, want the %d homes'", w.results, homes)
	}
	if w.anchored == 0 {
		t.Error("the build kept no page's anchors for the checks")
	}
}

// TestWrittenPageHoldsItsAnchorsOnly: what results keep of a written
// page is its anchors, a few bytes beyond their texts, and the anchors
// are found by page as before.
func TestWrittenPageHoldsItsAnchorsOnly(t *testing.T) {
	const n = 20000
	pages := make([]*content.Page, n)
	anchors := make([]markdown.Anchors, n)
	for i := range pages {
		pages[i] = &content.Page{ID: i}
		anchors[i] = markdown.Anchors{fmt.Sprintf("muc-%d", i)}
	}
	rs := newResults()
	before := liveHeap()
	for i, p := range pages {
		rs.set(p, &markdown.Result{
			TOC:     []content.Heading{{Level: 2, ID: anchors[i][0], Text: fmt.Sprintf("Mục %d", i)}},
			Anchors: anchors[i], LinksTo: []*content.Page{pages[0]},
		})
		rs.keepAnchors(p, anchors[i])
	}
	after := liveHeap()
	runtime.KeepAlive(rs)
	if per := (after - min(before, after)) / n; per > 40 {
		t.Errorf("a written page's result holds %d bytes, want at most 40 beyond its anchors", per)
	}
	for i, p := range pages {
		if rs.of(p) != nil {
			t.Fatalf("page %d keeps its result once written", i)
		}
		if got := rs.anchors(p); len(got) != 1 || got[0] != anchors[i][0] {
			t.Fatalf("page %d's anchors are %q, want %q", i, got, anchors[i])
		}
	}
}

// TestWrittenPageAnchorsArePacked: a written page's anchors are held
// packed in one string, a few bytes beyond their texts rather than a
// slice of strings, and read back as they were, in their order.
func TestWrittenPageAnchorsArePacked(t *testing.T) {
	const n = 20000
	pages := make([]*content.Page, n)
	for i := range pages {
		pages[i] = &content.Page{ID: i}
	}
	anchorsOf := func(i int) markdown.Anchors {
		return markdown.Anchors{fmt.Sprintf("cau-chuyen-%d", i), fmt.Sprintf("khach-hang-la-ai-%d", i), "muc-tieu"}
	}
	rs := newResults()
	before := liveHeap()
	for i, p := range pages {
		rs.keepAnchors(p, anchorsOf(i))
	}
	after := liveHeap()
	runtime.KeepAlive(rs)
	// The texts take 13+19+8 bytes, 40 on average, packed in 48; the
	// slot takes 16, and the slots' room to grow a few more. As a slice
	// they took 150: its 24-byte slot, its 48 bytes and a string each.
	per := (after - min(before, after)) / n
	t.Logf("three anchors hold %d bytes", per)
	if per > 88 {
		t.Errorf("a written page's three anchors hold %d bytes, want at most 88", per)
	}
	for i, p := range pages {
		if got, want := rs.anchors(p), anchorsOf(i); !slices.Equal(got, want) {
			t.Fatalf("page %d's anchors are %q, want %q", i, got, want)
		}
	}
	if got := unpackAnchors(packAnchors(nil)); got != nil {
		t.Errorf("no anchors read back as %q", got)
	}
}
