package preview

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/output"
)

// The preview's print pages are put together when read, on the reader's
// goroutine, while updates go on: a reader gets a whole print page every
// time (the race detector watches for the rest), and, once the updates
// are done, the one they made.
func TestLivePrintReadDuringUpdates(t *testing.T) {
	root := writeSite(t, siteFiles())
	l, err := NewLive(build.Options{Source: root}, nil)
	if err != nil {
		t.Fatalf("%v %v", err, l.Diagnostics())
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			data, ok := l.Output().File("vi/print/index.html")
			if !ok || !strings.HasSuffix(string(data), "</html>\n") || !strings.Contains(string(data), `id="vi/about/"`) {
				t.Errorf("a print page read during an update is not whole: %v %q", ok, data[max(0, len(data)-80):])
				return
			}
		}
	}()
	about := filepath.Join(root, "content/vi/about.md")
	principle := filepath.Join(root, "content/vi/principles/customer-obsession.md")
	// A body edit and a title edit, made and undone in turn, ending made.
	for i := range 11 {
		if i%2 == 0 {
			editFile(t, about, "Xem", "Hãy xem")
			editFile(t, principle, "title: Ám ảnh về khách hàng", "title: Khách hàng trước hết")
		} else {
			editFile(t, about, "Hãy xem", "Xem")
			editFile(t, principle, "title: Khách hàng trước hết", "title: Ám ảnh về khách hàng")
		}
		for _, p := range []string{about, principle} {
			if _, err := l.UpdateContent([]string{p}); err != nil {
				t.Fatal(err)
			}
		}
	}
	close(done)
	wg.Wait()
	data, _ := l.Output().File("vi/print/index.html")
	mustContain(t, "vi/print", string(data), "Hãy xem", `<a href="#vi/principles/customer-obsession/">Khách hàng trước hết</a>`)
}

// A page with errors keeps its last good article in the print pages, as
// it keeps its last good HTML, until it is fixed.
func TestLivePrintKeepsLastGoodArticle(t *testing.T) {
	root := writeSite(t, siteFiles())
	l, err := NewLive(build.Options{Source: root}, nil)
	if err != nil {
		t.Fatal(err)
	}
	about := filepath.Join(root, "content/vi/about.md")
	printed := func() string {
		data, _ := l.Output().File("vi/print/index.html")
		return string(data)
	}
	editFile(t, about, "Xem", "Không có [trang](/nowhere/). Xem")
	if _, err := l.UpdateContent([]string{about}); err != nil {
		t.Fatal(err)
	}
	if len(l.Diagnostics()) == 0 {
		t.Fatal("no error reported")
	}
	mustNotContain(t, "vi/print", printed(), "Không có")
	editFile(t, about, "[trang](/nowhere/)", "trang")
	if _, err := l.UpdateContent([]string{about}); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "vi/print", printed(), "Không có trang. Xem")
}

// editFile replaces old with new in a file.
func editFile(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// After edits of every kind, the preview's print pages are the ones a
// build of the same files writes, byte for byte: the articles kept,
// replaced, added and dropped, and the frames, whose tables of contents
// follow the titles and the order of the pages.
func TestLivePrintEqualsBuildAfterEdits(t *testing.T) {
	root := writeSite(t, siteFiles())
	l, err := NewLive(build.Options{Source: root}, nil)
	if err != nil {
		t.Fatalf("%v %v", err, l.Diagnostics())
	}
	write, edit, remove := contentEdits(t, root)
	steps := []struct {
		name   string
		file   string
		apply  func()
		broken bool // the edit leaves a broken link
	}{
		{"a body", "vi/about.md", edit("vi/about.md", "Xem", "Hãy xem"), false},
		{"a title", "vi/principles/customer-obsession.md", edit("vi/principles/customer-obsession.md", "title: Ám ảnh về khách hàng", "title: Khách hàng trước hết"), false},
		{"a page added, linking to others", "vi/principles/new-one.md", write("vi/principles/new-one.md", "---\ntitle: Nguyên tắc mới\nweight: 0\n---\n\nXem [giới thiệu](../about.md) và [thư](/letters/2016/).\n"), false},
		{"a section's title", "vi/letters/_index.md", edit("vi/letters/_index.md", "title: Thư", "title: Những lá thư"), false},
		{"a section's description", "vi/letters/_index.md", edit("vi/letters/_index.md", "weight: 2", "weight: 2\ndescription: Thư gửi cổ đông"), false},
		{"an order", "vi/principles/new-one.md", edit("vi/principles/new-one.md", "weight: 0", "weight: 9"), false},
		{"a section added", "vi/guides/_index.md", write("vi/guides/_index.md", "---\ntitle: Hướng dẫn\nweight: 3\n---\n\nCách dùng [nguyên tắc](/principles/new-one/).\n"), false},
		{"a link to a page removed", "vi/principles/new-one.md", remove("vi/principles/new-one.md"), true},
		{"a link fixed", "vi/guides/_index.md", edit("vi/guides/_index.md", "/principles/new-one/", "/principles/customer-obsession/"), false},
		{"a section removed", "vi/guides/_index.md", remove("vi/guides/_index.md"), false},
		{"a translation's body", "fr/about.md", edit("fr/about.md", "Voir", "Lire"), false},
	}
	for _, step := range steps {
		step.apply()
		if _, err := l.UpdateContent([]string{filepath.Join(root, "content", step.file)}); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		_, built, err := renderMemory(t, root, config.Overrides{})
		switch {
		case errors.Is(err, diag.ErrContent) && step.broken:
			// The preview shows a page with errors as it last was
			// without; a build shows it as it is.
			continue
		case err != nil:
			t.Fatalf("after %s: build: %v", step.name, err)
		case step.broken:
			t.Fatalf("after %s: the build has no error", step.name)
		}
		samePrintPages(t, step.name, l.Output(), built)
	}
}

// samePrintPages compares the print pages of the preview with a build's.
func samePrintPages(t *testing.T, step string, live, built *output.Memory) {
	t.Helper()
	printPages := func(m *output.Memory) []string {
		var out []string
		for _, p := range m.Paths() {
			if strings.HasSuffix(p, "print/index.html") {
				out = append(out, p)
			}
		}
		slices.Sort(out)
		return out
	}
	want := printPages(built)
	if got := printPages(live); !slices.Equal(got, want) {
		t.Fatalf("after %s: the preview has the print pages %v, a build %v", step, got, want)
	}
	for _, p := range want {
		got, _ := live.File(p)
		w, _ := built.File(p)
		if !bytes.Equal(got, w) {
			t.Errorf("after %s: the preview's %s differs from a build's:\n%s", step, p, firstDifference(got, w))
		}
	}
}

// firstDifference shows where two outputs first differ.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("preview: …%q\nbuild:   …%q", got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}

// contentEdits returns steps that write, edit and remove files of the
// site's content folder, for a test to apply in turn.
func contentEdits(t *testing.T, root string) (write func(name, text string) func(), edit func(name, old, new string) func(), remove func(name string) func()) {
	path := func(name string) string { return filepath.Join(root, "content", name) }
	write = func(name, text string) func() {
		return func() {
			if err := os.MkdirAll(filepath.Dir(path(name)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path(name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	edit = func(name, old, new string) func() { return func() { editFile(t, path(name), old, new) } }
	remove = func(name string) func() {
		return func() {
			if err := os.Remove(path(name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return write, edit, remove
}
