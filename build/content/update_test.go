package content

import (
	"testing"
	"time"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/internal/sitetest"
)

// TestPutKeepsTheDateFromGit: a page saved again in the preview keeps
// the date of its file's last commit, which the save does not change.
func TestPutKeepsTheDateFromGit(t *testing.T) {
	root := writeSite(t, map[string]string{"content/vi/a.md": "---\ntitle: A\n---\nx\n"})
	set, _ := loadSite(t, root, config.Overrides{})
	p := page(t, set, "vi", "a.md")
	when := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	p.Updated = when
	sitetest.WriteFiles(t, root, map[string]string{"content/vi/a.md": "---\ntitle: A again\n---\ny\n"})
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	fresh, body, _ := ReadPage(cfg, "vi", "a.md", &diags)
	if got, _ := set.Put(fresh, body); got != p || got.Title != "A again" || !got.Updated.Equal(when) {
		t.Errorf("after Put: %q, Updated %v, want the new title and %v", got.Title, got.Updated, when)
	}
}
