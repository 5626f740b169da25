package content

import (
	"reflect"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

// TestBodiesBesideThePages: the set holds each page's Markdown as read,
// and no draft's when drafts are left out; a build lets a body go
// without changing the page; a page put again, or given a new body, has
// that body; a page removed has none.
func TestBodiesBesideThePages(t *testing.T) {
	files := map[string]string{
		"handbook.toml":        twoLanguages,
		"content/vi/_index.md": "---\ntitle: Trang chủ\n---\nXin chào.\n",
		"content/vi/a.md":      "---\ntitle: A\n---\n\nThân bài A.\n",
		"content/vi/b.md":      "---\ntitle: B\n---\nThân bài B.\n",
		"content/vi/draft.md":  "---\ntitle: Nháp\ndraft: true\n---\nBí mật.\n",
		"content/fr/_index.md": "---\ntitle: Accueil\n---\n",
	}
	root := writeSite(t, files)
	set, _ := loadSite(t, root, config.Overrides{})
	a := page(t, set, "vi", "a.md")
	if got := string(set.Body(a)); got != "\nThân bài A.\n" {
		t.Errorf("Body(a) = %q", got)
	}
	if n := len(set.bodies.of); n != 4 {
		t.Errorf("the set holds %d bodies, want the 4 pages' (no draft's)", n)
	}

	before := *a
	set.LetBodyGo(a)
	if set.Body(a) != nil || !reflect.DeepEqual(*a, before) {
		t.Errorf("LetBodyGo: body %q left, or the page changed", set.Body(a))
	}

	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	fresh, body, _ := ReadPage(cfg, "vi", "b.md", &diags)
	b := page(t, set, "vi", "b.md")
	fresh.BodyLine, fresh.TextHash = 9, "hash"
	set.PutBody(b, fresh, []byte("Mới.\n"))
	if string(set.Body(b)) != "Mới.\n" || b.BodyLine != 9 || b.TextHash != "hash" {
		t.Errorf("PutBody: body %q, line %d, hash %q", set.Body(b), b.BodyLine, b.TextHash)
	}
	if p, added := set.Put(fresh, body); added || p != b || string(set.Body(b)) != string(body) {
		t.Errorf("Put: added %v, same page %v, body %q", added, p == b, set.Body(b))
	}
	if set.Remove(b, cfg); set.Body(b) != nil {
		t.Errorf("a removed page keeps its body %q", set.Body(b))
	}
}
