package content

import (
	"fmt"
	"testing"
)

// A language's pages are found by path and by URL as the maps that held
// them found them: of two pages at one path the last, of two at one URL
// the first (the other is a clash, reported), none for a text no page
// has; and a page put or removed is found or not at once.
func TestSortedPagesFindAsMapsDid(t *testing.T) {
	var pages []*Page
	for i := range 50 {
		pages = append(pages, &Page{RelPath: fmt.Sprintf("notes/n-%02d.md", (i*7)%50), URL: fmt.Sprintf("/vi/u-%02d/", (i*3)%40)})
	}
	pages = append(pages, &Page{RelPath: "notes/n-07.md", URL: "/vi/u-07/"})
	byRelPath, byURL := map[string]*Page{}, map[string]*Page{}
	for _, p := range pages {
		byRelPath[p.RelPath] = p
		if byURL[p.URL] == nil {
			byURL[p.URL] = p
		}
	}
	rel, url := sortPagesBy(pages, relPathOf, true), sortPagesBy(pages, urlOf, false)
	for _, k := range []string{"notes/n-07.md", "notes/n-00.md", "notes/n-49.md", "notes/n-50.md", "", "notes/"} {
		if got, want := rel.find(k), byRelPath[k]; got != want {
			t.Errorf("by path %q: %p, want %p", k, got, want)
		}
	}
	for _, k := range []string{"/vi/u-07/", "/vi/u-00/", "/vi/u-39/", "/vi/u-40/", "/vi/", ""} {
		if got, want := url.find(k), byURL[k]; got != want {
			t.Errorf("by URL %q: %p, want %p", k, got, want)
		}
	}
	fresh := &Page{RelPath: "a-first.md"}
	rel.put(fresh)
	again := &Page{RelPath: "notes/n-07.md"}
	rel.put(again)
	if rel.find("a-first.md") != fresh || rel.find("notes/n-07.md") != again || len(rel.pages) != 51 {
		t.Errorf("a page put is not found in place of its path's (%d pages)", len(rel.pages))
	}
	rel.remove("notes/n-00.md")
	if rel.find("notes/n-00.md") != nil || rel.find("notes/n-01.md") == nil || len(rel.pages) != 50 {
		t.Errorf("a page removed is still found, or another is lost (%d pages)", len(rel.pages))
	}
}

// TestHashedPagesFindAsHalving: the table of slots finds every page, and
// no text no page has, as searching the sorted pages by halves does,
// among many pages whose texts share long beginnings, before and after
// pages are put and removed.
func TestHashedPagesFindAsHalving(t *testing.T) {
	var pages []*Page
	for i := range 5000 {
		pages = append(pages, &Page{URL: fmt.Sprintf("/vi/principles/khach-hang-truoc-tien/%d/", i*7%5003)})
	}
	s := sortPagesBy(pages, urlOf, false)
	check := func(when string) {
		t.Helper()
		halving := s
		halving.slots = nil
		for i := range 5100 {
			k := fmt.Sprintf("/vi/principles/khach-hang-truoc-tien/%d/", i)
			if got, want := s.find(k), halving.find(k); got != want {
				t.Fatalf("%s: %q found %p, want %p", when, k, got, want)
			}
		}
		if s.find("") != nil || s.find("/vi/") != nil {
			t.Fatalf("%s: a text no page has was found", when)
		}
	}
	check("sorted")
	for i := range 50 {
		s.put(&Page{URL: fmt.Sprintf("/vi/principles/khach-hang-truoc-tien/%d/", 5000+i)})
		s.remove(fmt.Sprintf("/vi/principles/khach-hang-truoc-tien/%d/", i*7))
	}
	check("after puts and removes")
}
