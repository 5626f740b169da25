package build

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The preview's print pages are put together when read, on the reader's
// goroutine, while updates go on: a reader gets a whole print page every
// time (the race detector watches for the rest), and, once the updates
// are done, the one they made.
func TestLivePrintReadDuringUpdates(t *testing.T) {
	root := writeSite(t, siteFiles())
	l, err := NewLive(Options{Source: root}, nil)
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
	l, err := NewLive(Options{Source: root}, nil)
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
