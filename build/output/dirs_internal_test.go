package output

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// TestFolderTakenForMadeIsMade: a folder whose hash the writer already
// holds, as two folders' hashes can agree, is made by the first write
// into it, or into a folder inside it, and the files are in the site.
func TestFolderTakenForMadeIsMade(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := NewDir(dest, Guard{})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"vi/a", "fr", "fr/b"} {
		d.dirs[d.dirHash(dir)] = struct{}{}
	}
	for _, file := range []string{"vi/a/index.html", "fr/b/c/index.html", "fr/index.html"} {
		if err := d.WriteFile(file, []byte(file)); err != nil {
			t.Fatalf("write %s: %v", file, err)
		}
	}
	src := filepath.Join(t.TempDir(), "logo.svg")
	if err := os.WriteFile(src, []byte("<svg/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.dirs[d.dirHash("img")] = struct{}{}
	if err := d.CopyFile("img/logo.svg", src); err != nil {
		t.Fatalf("copy: %v", err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"vi/a/index.html", "fr/b/c/index.html", "fr/index.html", "img/logo.svg"} {
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(file))); err != nil {
			t.Errorf("%s is not in the site: %v", file, err)
		}
	}
}

// TestFoldersHoldNoPaths: what the writer keeps of each folder it made
// is a few bytes, not its path, however long.
func TestFoldersHoldNoPaths(t *testing.T) {
	const n = 3000
	d, err := NewDir(filepath.Join(t.TempDir(), "public"), Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	before := liveHeap()
	for i := range n {
		file := filepath.ToSlash(filepath.Join("vi", "nguyen-tac-lanh-dao-so-mot-tram-hai-muoi", "trang-"+strconv.Itoa(i), "index.html"))
		if err := d.WriteFile(file, nil); err != nil {
			t.Fatal(err)
		}
	}
	after := liveHeap()
	runtime.KeepAlive(d)
	if per := (after - min(before, after)) / n; per > 40 {
		t.Errorf("the writer holds %d bytes a folder, want at most 40", per)
	}
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
