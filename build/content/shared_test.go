package content

import (
	"reflect"
	"testing"
	"unsafe"

	"handbook/build/config"
)

// The pages of a site share the names of their parameters and the texts
// of their lists, and each still reads as written.
func TestPagesShareTexts(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"handbook.toml":        twoLanguages,
		"content/vi/_index.md": "",
		"content/fr/_index.md": "",
		"content/vi/a.md":      "---\ntitle: A\nauthor: Lan\ntags: [customers, \"teams\"]\n---\n",
		"content/vi/b.md":      "---\ntitle: B\nauthor: Minh\ntags:\n  - teams\n  - customers\n  - 3\n---\n",
	}), config.Overrides{})
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	a, b := pageByFile(t, set, "content/vi/a.md"), pageByFile(t, set, "content/vi/b.md")
	if got, want := a.Params.Get("tags"), []any{"customers", "teams"}; !reflect.DeepEqual(got, want) {
		t.Errorf("a's tags = %#v, want %#v", got, want)
	}
	if got, want := b.Params.Get("tags"), []any{"teams", "customers", 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("b's tags = %#v, want %#v", got, want)
	}
	if a.Params.Get("author") != "Lan" || b.Params.Get("author") != "Minh" {
		t.Errorf("authors = %v, %v, want Lan, Minh", a.Params.Get("author"), b.Params.Get("author"))
	}
	at, bt := a.Params.Get("tags").([]any), b.Params.Get("tags").([]any)
	if !sameText(at[0], bt[1]) || !sameText(at[1], bt[0]) {
		t.Error("the pages' tags are copies of their own, not shared")
	}
	ak, bk := (*a.Params.fields)[0].key, (*b.Params.fields)[0].key
	if unsafe.StringData(ak) != unsafe.StringData(bk) {
		t.Errorf("the key %q is a copy on each page, not shared", ak)
	}
}

// sameText says whether x and y hold one copy of a text.
func sameText(x, y any) bool {
	xs, ok1 := x.(string)
	ys, ok2 := y.(string)
	return ok1 && ok2 && xs == ys && unsafe.StringData(xs) == unsafe.StringData(ys)
}

func pageByFile(t *testing.T, set *Set, file string) *Page {
	t.Helper()
	for _, p := range set.Pages {
		if p.File == file {
			return p
		}
	}
	t.Fatalf("no page of %s", file)
	return nil
}
