package output_test

import (
	"bytes"
	"fmt"
	"handbook/internal/sitetest"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"handbook/build/output"
)

// snapshot reads every file and folder under root: path → content, with
// folders as "<dir>".
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			out[filepath.ToSlash(rel)] = "<dir>"
			return nil
		}
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// stampText reads the stamp a commit wrote at dest's root.
func stampText(t *testing.T, dest string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, output.StampFile))
	if err != nil || len(data) == 0 {
		t.Errorf("no stamp in %s: %v", dest, err)
	}
	return string(data)
}

func writeTree(t *testing.T, root string, files map[string]string) {
	sitetest.WriteFiles(t, root, files)
}

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestDirWritesIntoStagingUntilCommit(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "logo.png")
	if err := os.WriteFile(src, []byte("PNG"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("root")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("vi/principles/day-one/index.html", []byte("day one")); err != nil {
		t.Fatal(err)
	}
	if err := d.CopyFile("vi/img/logo.png", src); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Fatalf("destination exists before Commit: %v", err)
	}
	// The files are in one staging folder beside the destination.
	entries := names(t, parent)
	if len(entries) != 1 || !strings.HasPrefix(entries[0], ".public.building-") {
		t.Fatalf("beside the destination: %v, want one staging folder", entries)
	}
	staged := snapshot(t, filepath.Join(parent, entries[0]))
	if staged["vi/principles/day-one/index.html"] != "day one" {
		t.Errorf("staging folder holds %v", staged)
	}
	if fi, err := os.Stat(filepath.Join(parent, entries[0])); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("staging folder mode: %v %v, want 0755 so the site is readable once swapped in", fi.Mode(), err)
	}

	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		".": "<dir>", "index.html": "root",
		"vi": "<dir>", "vi/principles": "<dir>", "vi/principles/day-one": "<dir>",
		"vi/principles/day-one/index.html": "day one",
		"vi/img":                           "<dir>", "vi/img/logo.png": "PNG",
		output.StampFile: stampText(t, dest),
	}
	if got := snapshot(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("after Commit:\n%v\nwant\n%v", got, want)
	}
	if got := names(t, parent); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("beside the destination after Commit: %v", got)
	}
}

func TestCommitReplacesPreviousSite(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"index.html": "old", "vi/old/index.html": "gone soon", output.StampFile: "built"})
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	// Until Commit, the old site is served as it was.
	if got := snapshot(t, dest); got["index.html"] != "old" || got["vi/old/index.html"] != "gone soon" {
		t.Fatalf("destination changed before Commit: %v", got)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{".": "<dir>", "index.html": "new", output.StampFile: stampText(t, dest)}
	if got := snapshot(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("after Commit: %v, want %v", got, want)
	}
	if got := names(t, parent); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("left beside the destination: %v", got)
	}
}

func TestAbortLeavesDestinationUntouched(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "site")
	writeTree(t, dest, map[string]string{"index.html": "old", "fr/index.html": "ancien", "css/style.css": "body{}", output.StampFile: "built"})
	before := snapshot(t, dest)
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "fr/index.html", "vi/new/index.html"} {
		if err := d.WriteFile(p, []byte("new "+p)); err != nil {
			t.Fatal(err)
		}
	}
	d.Abort()
	if after := snapshot(t, dest); !reflect.DeepEqual(after, before) {
		t.Errorf("destination changed by an aborted build:\n%v\nwas\n%v", after, before)
	}
	if got := names(t, parent); !reflect.DeepEqual(got, []string{"site"}) {
		t.Errorf("left beside the destination: %v", got)
	}
}

func TestNewDirRefusesForeignFolder(t *testing.T) {
	parent := t.TempDir()
	docs := filepath.Join(parent, "documents")
	writeTree(t, docs, map[string]string{"thesis.docx": "precious"})
	_, err := output.NewDir(docs, output.Guard{})
	if err == nil || !strings.Contains(err.Error(), "refusing to build into") || !strings.Contains(err.Error(), "no build wrote it") {
		t.Fatalf("NewDir(non-empty folder without a stamp) = %v, want a refusal", err)
	}
	if got := snapshot(t, docs); got["thesis.docx"] != "precious" || len(got) != 2 {
		t.Errorf("folder changed: %v", got)
	}
	if got := names(t, parent); !reflect.DeepEqual(got, []string{"documents"}) {
		t.Errorf("a refused NewDir left %v", got)
	}

	file := filepath.Join(parent, "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := output.NewDir(file, output.Guard{}); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("NewDir(regular file) = %v", err)
	}
	if _, err := output.NewDir(filepath.Join(file, "out"), output.Guard{}); err == nil {
		t.Errorf("NewDir(path under a regular file) succeeded")
	}
}

func TestNewDirAcceptsEmptyFolderAndMissingParents(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := output.NewDir(empty, output.Guard{})
	if err != nil {
		t.Fatalf("NewDir(empty folder) = %v", err)
	}
	if err := d.WriteFile("a.txt", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, empty); got["a.txt"] != "a" {
		t.Errorf("after Commit: %v", got)
	}

	deep := filepath.Join(t.TempDir(), "x", "y", "public")
	d, err = output.NewDir(deep, output.Guard{})
	if err != nil {
		t.Fatalf("NewDir(missing parents) = %v", err)
	}
	if err := d.WriteFile("index.html", []byte("i")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(deep, "index.html")); err != nil || string(data) != "i" {
		t.Errorf("index.html = %q, %v", data, err)
	}
}

func TestDirRejectsInvalidPaths(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, p := range []string{"", "/", "."} {
		if err := d.WriteFile(p, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded", p)
		}
	}
	// Paths cannot climb out of the site.
	if err := d.WriteFile("../../escape.txt", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, dest); got["escape.txt"] != "x" {
		t.Errorf("../../escape.txt not written inside the site: %v", got)
	}
	if got := names(t, parent); !reflect.DeepEqual(got, []string{"public"}) {
		t.Errorf("written outside the site: %v", got)
	}
}

func TestDirConcurrentWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				p := fmt.Sprintf("vi/s%d/p%d/index.html", i%4, w*100+i)
				if err := d.WriteFile(p, []byte(p)); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	n := 0
	for p, body := range snapshot(t, dest) {
		if strings.HasSuffix(p, "index.html") {
			n++
			if body != p {
				t.Errorf("%s holds %q", p, body)
			}
		}
	}
	if n != 160 {
		t.Errorf("%d files written, want 160", n)
	}
}

func TestMemory(t *testing.T) {
	m := output.NewMemory()
	var _ output.Writer = m
	var _ output.Writer = (*output.Dir)(nil)
	if err := m.WriteFile("/vi//b/../a/index.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteFile("index.html", []byte("root")); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(src, []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := m.CopyFile("fr/doc/f.pdf", src); err != nil {
		t.Fatal(err)
	}
	if err := m.CopyFile("fr/missing.pdf", filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("CopyFile of a missing file succeeded")
	}
	if got, want := m.Paths(), []string{"fr/doc/f.pdf", "index.html", "vi/a/index.html"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Paths = %v, want %v", got, want)
	}
	for p, want := range map[string]string{"vi/a/index.html": "a", "/vi/a/index.html": "a", "fr/doc/f.pdf": "%PDF"} {
		if got, ok := m.File(p); !ok || !bytes.Equal(got, []byte(want)) {
			t.Errorf("File(%q) = %q, %v", p, got, ok)
		}
	}
	if _, ok := m.File("fr/missing.pdf"); ok {
		t.Error("File of a path never written found")
	}
	// Writing again replaces.
	_ = m.WriteFile("index.html", []byte("new"))
	if got, _ := m.File("index.html"); string(got) != "new" {
		t.Errorf("index.html = %q after rewrite", got)
	}
}

// A lazy file is made on its first read, once however many read it at
// the same time, and is replaced or removed like any other.
func TestMemoryLazy(t *testing.T) {
	m := output.NewMemory()
	var made atomic.Int32
	m.WriteLazy("vi/print/index.html", func() []byte {
		made.Add(1)
		return []byte("book")
	})
	if made.Load() != 0 {
		t.Fatal("made before it was read")
	}
	if got, want := m.Paths(), []string{"vi/print/index.html"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Paths = %v, want %v", got, want)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, ok := m.File("/vi/print/index.html"); !ok || string(got) != "book" {
				t.Errorf("File = %q, %v", got, ok)
			}
		}()
	}
	wg.Wait()
	if made.Load() != 1 {
		t.Errorf("made %d times, want once", made.Load())
	}
	_ = m.WriteFile("vi/print/index.html", []byte("page"))
	if got, _ := m.File("vi/print/index.html"); string(got) != "page" {
		t.Errorf("after WriteFile: %q", got)
	}
	m.WriteLazy("vi/print/index.html", func() []byte { return []byte("again") })
	if got, _ := m.File("vi/print/index.html"); string(got) != "again" {
		t.Errorf("after WriteLazy: %q", got)
	}
	m.Remove("vi/print/index.html")
	if _, ok := m.File("vi/print/index.html"); ok || len(m.Paths()) != 0 {
		t.Errorf("Remove left it: %v", m.Paths())
	}
}

// A file written part by part goes to disk as it comes with a Dir, and
// whole on Close with a Writer that is not a Creator.
func TestCreate(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	var _ output.Creator = d
	m := output.NewMemory()
	for _, w := range []output.Writer{d, m} {
		f, err := output.Create(w, "vi/print/index.html")
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range []string{"<html>", "a", "b", "</html>"} {
			if _, err := io.WriteString(f, part); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := m.File("vi/print/index.html"); string(got) != "<html>ab</html>" {
		t.Errorf("Memory: %q", got)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dest, "vi/print/index.html")); string(got) != "<html>ab</html>" {
		t.Errorf("Dir: %q, %v", got, err)
	}
	d2, _ := output.NewDir(filepath.Join(t.TempDir(), "public"), output.Guard{})
	defer d2.Abort()
	if _, err := d2.Create("/"); err == nil {
		t.Error("Dir.Create of no file succeeded")
	}
}

// TestAbortDuringCommit stops builds as they commit, as a signal can:
// each ends with one whole site in place, the new one exactly when
// Commit says it succeeded, and nothing left beside it.
func TestAbortDuringCommit(t *testing.T) {
	for i := range 200 {
		parent := t.TempDir()
		dest := filepath.Join(parent, "public")
		writeTree(t, dest, map[string]string{"index.html": "old", "vi/a/index.html": "old a", output.StampFile: "built"})
		before := snapshot(t, dest)
		d, err := output.NewDir(dest, output.Guard{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"index.html", "vi/a/index.html", "vi/b/index.html", "fr/index.html"} {
			if err := d.WriteFile(p, []byte("new")); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				runtime.Gosched()
			}
			d.Abort()
		}()
		err = d.Commit()
		wg.Wait()
		got := snapshot(t, dest)
		switch {
		case err == nil && got["vi/b/index.html"] != "new":
			t.Fatalf("run %d: Commit succeeded but the site in place is %v", i, got)
		case err != nil && !reflect.DeepEqual(got, before):
			t.Fatalf("run %d: Commit failed (%v) but the site in place is %v", i, err, got)
		}
		if left := names(t, parent); !reflect.DeepEqual(left, []string{"public"}) {
			t.Fatalf("run %d: left beside the destination: %v", i, left)
		}
	}
}

// A writer does not keep what it is given: the caller reuses its buffer
// for the next file, and Memory keeps a copy.
func TestMemoryKeepsACopy(t *testing.T) {
	m := output.NewMemory()
	buf := []byte("first page")
	if err := m.WriteFile("a/index.html", buf); err != nil {
		t.Fatal(err)
	}
	copy(buf, "next page!")
	if got, _ := m.File("a/index.html"); string(got) != "first page" {
		t.Errorf("a/index.html = %q after the caller reused its buffer", got)
	}
}

// Keep stores what it is given as it is, for a caller that gives it up.
func TestMemoryKeepHoldsWhatItIsGiven(t *testing.T) {
	m := output.NewMemory()
	page := []byte("a page rendered into a slice of its own")
	m.Keep("a/index.html", page)
	got, ok := m.File("a/index.html")
	if !ok || string(got) != string(page) {
		t.Fatalf("a/index.html = %q, %v", got, ok)
	}
	if &got[0] != &page[0] {
		t.Error("Keep stored a copy")
	}
}
