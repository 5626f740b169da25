package content

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
)

// heldBound is the most a read and linked page may keep live, in
// bytes, front matter and tables included: a large site holds it for
// every page from reading to the end of its build. TestHeldPerPage's
// pages held 1,790 bytes each when a Page took 768 bytes and its
// parameters were a map, about 1,350 since, and about 1,180 since the
// output-claims table holds no copy of a page's path and origin, the
// pages share their parameters' names and tags and a TextHash holds only
// its digits, and about 1,090 since a page's relations are held apart
// (1,175 before), most of this handbook's pages having some; about
// 1,040 since the output-claims table does not hold a page's own folder
// apart from its file (1,073 before); about 1,000 since pages share
// their same lists of texts, their same texts' boxes and their
// translation keys (1,041 before); about 890 since a language finds its
// pages by path and URL in slices sorted by them, not maps, a page keeps
// its file's path apart from the site's root, and the output-claims
// table finds a file by its key in a sorted slice, not a map; about 905
// since a language finds its pages by path and URL in a table of their
// texts' hashes beside the sorted slices (6 bytes a page each, for a
// lookup that reads one page where halving read 17 at 2×100,000).
const heldBound = 920

// TestHeldPerPage reads and links a handbook of principles, quotes and
// plain pages in two languages as a build reads it (its bodies not
// held), and wants what stays live per page under heldBound: what a page
// holds is a large site's peak memory, times its pages, and must not
// grow back unnoticed.
func TestHeldPerPage(t *testing.T) {
	const perLang = 1500
	files := map[string]string{"handbook.toml": twoLanguages}
	for _, lang := range []string{"vi", "fr"} {
		files["content/"+lang+"/_index.md"] = "---\ntitle: Home\n---\n"
		files["content/"+lang+"/principles/_index.md"] = "---\ntitle: Principles\nweight: 1\n---\n"
		files["content/"+lang+"/quotes/_index.md"] = "---\ntitle: Quotes\nweight: 2\n---\n"
		files["content/"+lang+"/letters/_index.md"] = "---\ntitle: Letters\nweight: 3\n---\n"
		files["content/"+lang+"/letters/l-2016.md"] = "---\ntitle: Letter 2016\nkind: letter\nyear: 2016\n---\nText.\n"
		files["content/"+lang+"/notes/_index.md"] = "---\ntitle: Notes\nweight: 4\n---\n"
		for i := range perLang / 3 {
			files[fmt.Sprintf("content/%s/principles/p-%04d.md", lang, i)] = fmt.Sprintf(
				"---\ntitle: \"Principle %d: the customer\"\nkind: principle\nweight: %d\nstatement: \"Start with the customer, %d.\"\ndate: 2016-04-12\ntags: [customers, teams]\n---\n\nThe body of the principle.\n", i, i+1, i)
			files[fmt.Sprintf("content/%s/quotes/q-%04d.md", lang, i)] = fmt.Sprintf(
				"---\ntitle: \"Quote %d: the answer\"\nkind: quote\nletter: 2016\nprinciples: [p-%04d, p-%04d]\ntext: \"Words of quote %d.\"\nweight: %d\n---\n\nThe quote's story.\n", i, i, (i+1)%(perLang/3), i, i+1)
			files[fmt.Sprintf("content/%s/notes/n-%04d.md", lang, i)] = fmt.Sprintf(
				"---\ntitle: \"Note %d\"\ndescription: \"What note %d is about.\"\ntranslationKey: notes-n-%04d\nweight: %d\ndate: 2020-01-02\ntags: [notes, day-one]\n---\n\nA note, [linking](/notes/n-0000/).\n", i, i, i, i+1)
		}
	}
	root := writeSite(t, files)
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	before := liveHeap()
	set, err := LoadWithoutBodies(cfg, &diags)
	if err != nil {
		t.Fatal(err)
	}
	Link(set, cfg, &diags)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	after := liveHeap()
	runtime.KeepAlive(set)
	for _, p := range set.Pages {
		if p.Kind == Plain && p.rel != nil {
			t.Errorf("%s has no relation and holds %+v", p.File, *p.rel)
		}
	}
	held := after - min(before, after)
	perPage := held / uint64(len(set.Pages))
	t.Logf("%d pages hold %d bytes, %d a page", len(set.Pages), held, perPage)
	if perPage > heldBound {
		t.Errorf("a read and linked page holds %d bytes, past %d", perPage, heldBound)
	}
}

// liveHeap is the heap's live bytes, after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// A page's TextHash holds its twelve digits, not the whole SHA-256 in hex
// that they were cut from: a site keeps one for every page.
func TestTextHashHoldsOnlyItsDigits(t *testing.T) {
	const n = 10000
	p := &Page{Title: "A title", Description: "What the page is about"}
	hashes := make([]string, n)
	before := liveHeap()
	for i := range hashes {
		hashes[i] = p.textHash(fmt.Appendf(nil, "The body of page %d.", i))
	}
	after := liveHeap()
	runtime.KeepAlive(hashes)
	if len(hashes[0]) != textHashLen {
		t.Fatalf("TextHash %q has %d digits, want %d", hashes[0], len(hashes[0]), textHashLen)
	}
	if per := (after - min(before, after)) / n; per > 24 {
		t.Errorf("a TextHash holds %d bytes, want at most 24", per)
	}
}

// A page holds its file's path in the site, not the absolute path it
// was cut from: a site at the end of a long path holds no more a page
// than one near the root.
func TestPagesHoldNotTheSiteRoot(t *testing.T) {
	files := map[string]string{"handbook.toml": twoLanguages}
	for _, lang := range []string{"vi", "fr"} {
		files["content/"+lang+"/_index.md"] = "---\ntitle: Home\n---\n"
		for i := range 500 {
			files[fmt.Sprintf("content/%s/notes/n-%04d.md", lang, i)] = fmt.Sprintf("---\ntitle: Note %d\n---\nText.\n", i)
		}
	}
	near := heldPerPage(t, writeSite(t, files))
	deep := t.TempDir()
	for range 12 {
		deep = filepath.Join(deep, strings.Repeat("a-long-folder-name-", 3))
	}
	for name, text := range files {
		path := filepath.Join(deep, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	far := heldPerPage(t, deep)
	t.Logf("a page holds %d bytes near the root, %d at %d bytes from it", near, far, len(deep))
	// Measures vary by some 60 bytes a page; the root is 700 and more.
	if far > near+200 {
		t.Errorf("a page of a site at a long path holds %d bytes, %d near the root", far, near)
	}
}

// heldPerPage is what a page of the site at root holds once read and
// linked, as a build reads it.
func heldPerPage(t *testing.T, root string) uint64 {
	t.Helper()
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	before := liveHeap()
	set, err := LoadWithoutBodies(cfg, &diags)
	if err != nil {
		t.Fatal(err)
	}
	Link(set, cfg, &diags)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	after := liveHeap()
	runtime.KeepAlive(set)
	return (after - min(before, after)) / uint64(len(set.Pages))
}
