package search

import (
	"testing"
)

// A set whose pages have the IDs Link gives, here in another order than
// the set's, is numbered by ID; one whose pages have none, by page. The
// index of each is the same.
func TestNumberedPagesIndexAsUnnumbered(t *testing.T) {
	unnumbered, bodies := orderSet()
	numbered, numberedBodies := orderSet()
	for i, p := range numbered.Pages {
		p.ID = len(numbered.Pages) - 1 - i
	}
	idx := NewIndex(numbered)
	for _, li := range idx.langs {
		if li.docOf == nil || li.docByPage != nil {
			t.Fatalf("%s: numbered pages are not looked up by ID", li.lang)
		}
	}
	if li := NewIndex(unnumbered).langs["vi"]; li.docByPage == nil {
		t.Fatal("pages without IDs are looked up by ID")
	}
	want := writeIndex(t, unnumbered, bodies, unnumbered.Pages, 1)
	sameFiles(t, want, writeIndex(t, numbered, numberedBodies, numbered.Pages, 1), "when the pages are numbered")
}
