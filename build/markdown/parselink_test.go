package markdown

import (
	"net/url"
	"testing"
)

// TestParseLinkReadsAsURLParse: a link is read as url.Parse reads it,
// whether it takes the way of plain paths or not.
func TestParseLinkReadsAsURLParse(t *testing.T) {
	for _, dest := range []string{
		"../principles/day-one.md", "/vi/principles/", "other.md", "a/b_c-d~e.f", ".", "..", "/",
		"//host/page.md", "///x", "page.md#anchor", "page.md?x=1", "%41.md", "a%2Fb.md",
		"trang chủ.md", "khách-hàng.md", "a:b", "./a:b.md", "a\x7fb", "a\x01b", "#top", "?q", "a+b.md",
		"a;b.md", "a@b.md", "a!b.md", "[x].md", "C:\\dir\\page.md",
	} {
		want, wantErr := url.Parse(dest)
		got, err := parseLink(dest)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%q: error %v, url.Parse's %v", dest, err, wantErr)
			continue
		}
		if err == nil && got != *want {
			t.Errorf("%q: read as %#v, url.Parse reads %#v", dest, got, *want)
		}
	}
}

// TestPlainLinksAllocateNothing: a link to a page by a plain path is
// read without an allocation.
func TestPlainLinksAllocateNothing(t *testing.T) {
	if !plainPath("../principles/day-one.md") || plainPath("page.md#h") || plainPath("//host/x") {
		t.Fatal("plainPath tells a plain path wrongly")
	}
	var u url.URL
	if allocs := testing.AllocsPerRun(100, func() { u, _ = parseLink("../principles/day-one.md") }); allocs != 0 {
		t.Errorf("a plain link took %.0f allocations", allocs)
	}
	if u.Path != "../principles/day-one.md" {
		t.Errorf("read as %#v", u)
	}
}
