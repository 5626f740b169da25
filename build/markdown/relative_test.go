package markdown_test

import (
	"reflect"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
)

// TestRelativeLinksRecorded: the links and images left as written, for the
// check of the written site, are those with a relative path that names
// neither a page's source nor a file beside the pages.
func TestRelativeLinksRecorded(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	_, r, diags := f.convert(t, "vi", "[page](../letters/2016.md) [file](diagram.png) [ext](https://example.com/a.png)\n"+
		"[site](/letters/2016/) [anchor](#x)\n\n"+
		"![gone](missing.png) [dir](../principles/)\n\n## X\n")
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	want := []content.LinkRef{{Dest: "missing.png", Line: 7}, {Dest: "../principles/", Line: 7}}
	if !reflect.DeepEqual(r.RelativeLinks, want) {
		t.Errorf("RelativeLinks = %v, want %v", r.RelativeLinks, want)
	}
}
