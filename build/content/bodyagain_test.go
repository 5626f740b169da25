package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/internal/files"
)

// bodyFixture has the texts whose bodies are not where a plain split of
// the file would put them: a byte order mark, CRLF and old Mac endings,
// decomposed Vietnamese that is read in NFC, JSON and TOML front matter
// and none at all.
var bodyFixture = map[string]string{
	"handbook.toml":        twoLanguages,
	"content/vi/_index.md": "\xef\xbb\xbf---\ntitle: Trang chủ\n---\nXin chào.\n",
	"content/vi/crlf.md":   "---\r\ntitle: CRLF\r\n---\r\nDòng một.\r\nDòng hai.\r\n",
	"content/vi/mac.md":    "---\rtitle: Mac\r---\rMột.\rHai.\r",
	"content/vi/nfd.md":    "---\ntitle: NFD\n---\nTie\u0302\u0301ng Vie\u0323\u0302t.\n",
	"content/vi/nfdfm.md":  "---\ntitle: Tie\u0302\u0301ng\n---\nThân bài NFC.\n",
	"content/vi/marks.md":  "---\ntitle: Dấu\n---\ne\u0301 a\u20d0\u0323 ạ\u0302.\n",
	"content/vi/huge.md":   "\ufeff---\r\n" + hugeSimpleYAML(1_000) + "title: Lớn\r\n---\r\nThân bài.\r\n",
	"content/vi/json.md":   "{\"title\": \"JSON\"}\nThân bài JSON.\n",
	"content/vi/plain.md":  "Không có front matter.\n",
	"content/vi/empty.md":  "---\ntitle: Trống\n---\n",
	"content/vi/draft.md":  "---\ntitle: Nháp\ndraft: true\n---\nBí mật.\n",
	"content/fr/toml.md":   "+++\ntitle = \"TOML\"\n+++\nCorps TOML.\n",
}

// loadWithoutBodies is loadSite for a build's set, whose reads of files
// again are counted by file.
func loadWithoutBodies(t *testing.T, root string) (*Set, map[string]int) {
	t.Helper()
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatalf("config.Load: %v; %v", err, diags.Sorted())
	}
	set, err := LoadWithoutBodies(cfg, &diags)
	if err != nil {
		t.Fatalf("LoadWithoutBodies: %v", err)
	}
	Link(set, cfg, &diags)
	if diags.HasErrors() {
		t.Fatalf("diagnostics: %v", diags.Sorted())
	}
	var mu sync.Mutex
	reads := map[string]int{}
	set.again.read = func(name string, limit int64, buf []byte) ([]byte, error) {
		mu.Lock()
		rel, _ := filepath.Rel(root, name)
		reads[filepath.ToSlash(rel)]++
		mu.Unlock()
		return files.ReadInto(name, limit, buf)
	}
	return set, reads
}

// TestLoadWithoutBodiesHoldsNone: a build's set holds no page's
// Markdown once loaded, and reads each page's body again, once, as Load
// would have held it.
func TestLoadWithoutBodiesHoldsNone(t *testing.T) {
	root := writeSite(t, bodyFixture)
	held, _ := loadSite(t, root, config.Overrides{})
	set, reads := loadWithoutBodies(t, root)
	if len(set.Pages) != len(held.Pages) {
		t.Fatalf("%d pages without bodies, %d with", len(set.Pages), len(held.Pages))
	}
	for _, p := range set.Pages {
		if b := set.Body(p); b != nil {
			t.Errorf("%s: the set holds its body %q", p.RelPath, b)
		}
	}
	for i, p := range set.Pages {
		want := held.Body(held.Pages[i])
		got, err := set.ReadBody(p)
		if err != nil {
			t.Errorf("%s: ReadBody: %v", p.RelPath, err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: ReadBody = %q, Load read %q", p.RelPath, got, want)
		}
		if p.File != "" && reads[p.File] != 1 {
			t.Errorf("%s read %d times, want once", p.File, reads[p.File])
		}
	}
	if len(reads) != len(bodyFixture)-2 { // neither the configuration nor the draft
		t.Errorf("files read again: %v", reads)
	}
}

// TestBodyAsReadOnlyWhenNothingNormalised: a page whose body is the end
// of its file's bytes as they are is marked so, and read again without
// any normalisation; one whose body normalisation changed (decomposed
// letters, old Mac line endings) is not, and is normalised again.
func TestBodyAsReadOnlyWhenNothingNormalised(t *testing.T) {
	root := writeSite(t, bodyFixture)
	set, _ := loadWithoutBodies(t, root)
	want := map[string]bool{
		"_index.md": true, // the byte order mark is before the body
		"crlf.md":   true,
		"mac.md":    false,
		"nfd.md":    false,
		"nfdfm.md":  true, // only the title was decomposed
		"marks.md":  false,
		"huge.md":   true,
		"json.md":   true,
		"plain.md":  true,
		"empty.md":  true,
		"toml.md":   true,
	}
	for _, p := range set.Pages {
		w, ok := want[p.RelPath]
		if !ok {
			continue
		}
		delete(want, p.RelPath)
		if got := p.place.asRead(); got != w {
			t.Errorf("%s: asRead = %v, want %v", p.RelPath, got, w)
		}
	}
	for name := range want {
		t.Errorf("%s was not loaded", name)
	}
}

// TestReadBodyOfAFileChangedSinceLoad: a file changed, even in its
// front matter alone or to the same size, or gone since the set was
// loaded is an error saying so, never another body.
func TestReadBodyOfAFileChangedSinceLoad(t *testing.T) {
	for name, change := range map[string]func(string) error{
		"body, same size":   func(f string) error { return os.WriteFile(f, []byte("---\ntitle: A\n---\nThân bài B.\n"), 0o644) },
		"front matter only": func(f string) error { return os.WriteFile(f, []byte("---\ntitle: Z\n---\nThân bài A.\n"), 0o644) },
		"longer": func(f string) error {
			return os.WriteFile(f, []byte("---\ntitle: A\n---\nThân bài A, dài hơn.\n"), 0o644)
		},
		"decomposed now": func(f string) error {
			return os.WriteFile(f, []byte("---\ntitle: A\n---\nTha\u0302n ba\u0300i A.\n"), 0o644)
		},
		"gone":         os.Remove,
		"a folder now": func(f string) error { return errors.Join(os.Remove(f), os.Mkdir(f, 0o755)) },
	} {
		t.Run(name, func(t *testing.T) {
			root := writeSite(t, map[string]string{
				"handbook.toml":   twoLanguages,
				"content/vi/a.md": "---\ntitle: A\n---\nThân bài A.\n",
				"content/vi/b.md": "---\ntitle: B\n---\nThân bài B.\n",
				"content/fr/b.md": "---\ntitle: B\n---\nCorps B.\n",
			})
			set, _ := loadWithoutBodies(t, root)
			if err := change(filepath.Join(root, "content", "vi", "a.md")); err != nil {
				t.Fatal(err)
			}
			body, err := set.ReadBody(page(t, set, "vi", "a.md"))
			if !errors.Is(err, errChanged) || body != nil {
				t.Fatalf("ReadBody = %q, %v; want errChanged", body, err)
			}
			if !strings.Contains(err.Error(), "changed while the site was being built: build again") {
				t.Errorf("error %q does not say what to do", err)
			}
			if b, err := set.ReadBody(page(t, set, "vi", "b.md")); err != nil || string(b) != "Thân bài B.\n" {
				t.Errorf("the unchanged page: ReadBody = %q, %v", b, err)
			}
		})
	}
}

// TestStructureDriftWithoutBodies: the structure check of a translation
// reads the bodies of a set that holds none, and finds what it finds in
// one that holds them.
func TestStructureDriftWithoutBodies(t *testing.T) {
	root := writeSite(t, map[string]string{
		"handbook.toml":      twoLanguages,
		"content/vi/page.md": "---\ntitle: Trang\n---\n\n## Một\n\nA.\n\n## Hai\n\nB.\n",
		"content/fr/page.md": "---\ntitle: Page\n---\n\n## Un\n\nA.\n",
	})
	held, _ := loadSite(t, root, config.Overrides{})
	want, drifted := page(t, held, "fr", "page.md").StructureDrift(held)
	if !drifted {
		t.Fatal("the translation with a heading less does not drift")
	}
	set, reads := loadWithoutBodies(t, root)
	got, ok := page(t, set, "fr", "page.md").StructureDrift(set)
	if !ok || got != want {
		t.Errorf("without bodies: %+v, %v; with them: %+v", got, ok, want)
	}
	if reads["content/vi/page.md"] != 1 || reads["content/fr/page.md"] != 1 {
		t.Errorf("files read again: %v", reads)
	}
	for _, p := range set.Pages {
		if set.Body(p) != nil {
			t.Errorf("%s: the check left its body held", p.RelPath)
		}
	}
}

// TestReadBodyIntoOneSpace: bodies read again one after the other into
// one space are each the body Load held, and once the space has room
// for a file, a body read as it was in its file is read into it.
func TestReadBodyIntoOneSpace(t *testing.T) {
	root := writeSite(t, bodyFixture)
	held, _ := loadSite(t, root, config.Overrides{})
	set, _ := loadWithoutBodies(t, root)
	var space BodySpace
	for _, pass := range []string{"making room", "in the room made"} {
		for i, p := range set.Pages {
			before := space.file
			got, err := set.ReadBodyInto(p, &space)
			if err != nil {
				t.Fatalf("%s: ReadBodyInto: %v", p.RelPath, err)
			}
			if want := held.Body(held.Pages[i]); string(got) != string(want) {
				t.Errorf("%s, %s: ReadBodyInto = %q, Load read %q", pass, p.RelPath, got, want)
			}
			if pass == "in the room made" && p.place.asRead() && len(got) > 0 && !readInto(got, space.file, before) {
				t.Errorf("%s: its body was not read into the space given", p.RelPath)
			}
		}
	}
}

// readInto reports whether body is the end of file, read into the space
// of before.
func readInto(body, file, before []byte) bool {
	return &body[len(body)-1] == &file[len(file)-1] && &file[:1][0] == &before[:1][0]
}

// TestPagesReadIntoOneSpaceKeepNothingOfIt: a build reads each file into
// the space of the file read before it, so a page that kept any of its
// file's bytes would find them overwritten. Pages of every front matter,
// long and short in turn, are the pages Load makes, which keeps each
// file.
func TestPagesReadIntoOneSpaceKeepNothingOfIt(t *testing.T) {
	site := map[string]string{"handbook.toml": twoLanguages}
	for name, text := range bodyFixture {
		site[name] = text
	}
	long := strings.Repeat("Một đoạn văn dài. ", 200)
	fronts := []string{
		"---\ntitle: YAML %d\ndescription: Mô tả %d\nweight: %d\ntags: [a, \"b c\"]\nparams:\n  owner: team-%d\n---\n",
		"+++\ntitle = \"TOML %d\"\ndescription = \"Mô tả %d\"\nweight = %d\naliases = [\"/old-%d/\"]\n+++\n",
		"{\"title\": \"JSON %d\", \"description\": \"Mô tả %d\", \"weight\": %d, \"slug\": \"s-%d\"}\n",
		"---\ntitle: Đơn giản %d\ndescription: Mô tả %d\nweight: %d\nslug: s-%d\n---\n",
		"---\ntitle: &t Neo %d\nsubtitle: *t\ndescription: |\n  Mô tả %d\n  dòng hai\nweight: %d\nlinkTitle: L %d\n---\n",
	}
	for i := range 40 {
		body := "Ngắn.\n"
		if i%2 == 0 {
			body = long + "\n"
		}
		site[fmt.Sprintf("content/vi/p%02d.md", i)] = fmt.Sprintf(fronts[i%len(fronts)], i, i, i, i) + body
	}
	root := writeSite(t, site)
	var diags diag.List
	cfg, err := config.Load(root, config.Overrides{}, &diags)
	if err != nil {
		t.Fatal(err)
	}
	held, err := Load(cfg, &diags)
	if err != nil {
		t.Fatal(err)
	}
	without, err := LoadWithoutBodies(cfg, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if len(held.Pages) != len(without.Pages) {
		t.Fatalf("%d pages without bodies, %d with", len(without.Pages), len(held.Pages))
	}
	for i, p := range without.Pages {
		got, want := *p, *held.Pages[i]
		got.place, want.place = bodyPlace{}, bodyPlace{}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s read into a reused space:\n%+v\nread alone:\n%+v", p.RelPath, got, want)
		}
		if b, _ := without.ReadBody(p); string(b) != string(held.Body(held.Pages[i])) {
			t.Errorf("%s: body read again %q, want %q", p.RelPath, b, held.Body(held.Pages[i]))
		}
	}
}
