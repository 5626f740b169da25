package build

import (
	"strings"
	"testing"

	"handbook/build/config"
)

// TestSearchCanBeTurnedOff checks that a site writes its search index and
// search box by default, and neither with search turned off.
func TestSearchCanBeTurnedOff(t *testing.T) {
	root := writeSite(t, siteFiles())
	_, _, on := buildInto(t, root, config.Overrides{})
	_, _, off := buildInto(t, root, config.Overrides{NoSearch: true})
	if _, ok := on["_search/vi/meta.json"]; !ok {
		t.Error("the default build has no search index")
	}
	if !strings.Contains(on["vi/index.html"], `class="site-search"`) {
		t.Error("the default build has no search box")
	}
	for name := range off {
		if strings.HasPrefix(name, "_search/") {
			t.Fatalf("with search off, the build wrote %s", name)
		}
	}
	if strings.Contains(off["vi/index.html"], `class="site-search"`) {
		t.Error("with search off, pages still show a search box")
	}
}
