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

// A list of texts that pages repeat, and a text value they repeat, are
// held once: the pages' parameters hold the same list and the same boxed
// text, not copies that read the same. A list that differs by an item,
// or that holds other than texts, is a page's own.
func TestRepeatedValuesAreHeldOnce(t *testing.T) {
	files := map[string]string{
		"handbook.toml":        twoLanguages,
		"content/vi/_index.md": "",
		"content/fr/_index.md": "",
		"content/vi/c.md":      "---\ntitle: C\ntags: [customers, teams]\nnumbers: [1, 2]\n---\n",
	}
	for _, name := range []string{"a", "b"} {
		files["content/vi/"+name+".md"] = "---\ntitle: " + name + "\nauthor: Lan\ntags: [\"customers\", teams, \"day one\"]\nnumbers: [1, 2]\n---\n"
	}
	files["content/vi/d.md"] = "---\ntitle: D\ntranslationKey: \"day-one-d\"\n---\n"
	files["content/fr/d.md"] = "---\ntitle: D\ntranslationKey: day-one-d\n---\n"
	set, diags := loadSite(t, writeSite(t, files), config.Overrides{})
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	a, b, c := pageByFile(t, set, "content/vi/a.md"), pageByFile(t, set, "content/vi/b.md"), pageByFile(t, set, "content/vi/c.md")
	if want := []any{"customers", "teams", "day one"}; !reflect.DeepEqual(a.Params.Get("tags"), want) || !reflect.DeepEqual(b.Params.Get("tags"), want) {
		t.Fatalf("tags = %#v and %#v, want %#v", a.Params.Get("tags"), b.Params.Get("tags"), want)
	}
	if !sameList(a.Params.Get("tags"), b.Params.Get("tags")) {
		t.Error("two pages' same tags are two lists, not one")
	}
	if sameList(a.Params.Get("tags"), c.Params.Get("tags")) {
		t.Error("a page's shorter list of tags is another page's")
	}
	if sameList(a.Params.Get("numbers"), b.Params.Get("numbers")) {
		t.Error("a list of numbers is shared, when only lists of texts are")
	}
	if !sameBox(a.Params.Get("author"), b.Params.Get("author")) {
		t.Error("two pages' same author is boxed twice, not held once")
	}
	if got := c.Params.Get("tags"); !reflect.DeepEqual(got, []any{"customers", "teams"}) {
		t.Errorf("c's tags = %#v", got)
	}
	vi, fr := pageByFile(t, set, "content/vi/d.md"), pageByFile(t, set, "content/fr/d.md")
	if !sameText(vi.TranslationKey, fr.TranslationKey) {
		t.Errorf("the translations' key %q is a copy on each page, not shared", vi.TranslationKey)
	}
}

// sameList says whether x and y are one list, not two that read the same.
func sameList(x, y any) bool {
	xl, ok1 := x.([]any)
	yl, ok2 := y.([]any)
	return ok1 && ok2 && len(xl) > 0 && len(xl) == len(yl) && &xl[0] == &yl[0]
}

// sameBox says whether x and y hold a text in one box: the data word of
// the interface is the same pointer.
func sameBox(x, y any) bool {
	type eface struct{ typ, data unsafe.Pointer }
	return sameText(x, y) && (*eface)(unsafe.Pointer(&x)).data == (*eface)(unsafe.Pointer(&y)).data
}
