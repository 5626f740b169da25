package history

import (
	"bytes"
	"strings"
	"testing"

	"handbook/build/internal/gitobjects"
)

// TestObjectsMissingFromTheStoreAreAskedOfGit: objects packed after the
// store was opened (a git gc during a build), which its packs and
// loose objects no longer hold, are read through git cat-file; and an
// object the repository lacks is errMissing.
func TestObjectsMissingFromTheStoreAreAskedOfGit(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "Một.\n"))
	r.commit("2026-01-01T08:00:00Z", "A")
	hashLen := len(strings.TrimSpace(r.git("rev-parse", "HEAD"))) / 2
	store := openObjects(r.dir, hashLen)
	if store == nil {
		t.Fatal("no store for a plain repository")
	}
	defer store.Close()
	src := newObjectSource(r.dir, store)
	defer src.close()
	r.write("content/vi/b.md", page("B", "", "Hai.\n"))
	r.commit("2026-01-02T08:00:00Z", "B")
	r.git("repack", "-adq")
	r.git("prune-packed")
	blob := strings.TrimSpace(r.git("rev-parse", "HEAD:content/vi/b.md"))
	if _, _, err := store.NewReader(0).Read(blob); err != gitobjects.ErrNotFound {
		t.Fatalf("the store holds the blob packed after it opened: %v", err)
	}
	data, err := src.read(blob, gitobjects.Blob)
	if err != nil || !bytes.Contains(data, []byte("Hai.")) {
		t.Fatalf("read through git: %q, %v", data, err)
	}
	if src.cat == nil {
		t.Fatal("git cat-file was not asked")
	}
	if _, err := src.read(strings.Repeat("1", 2*hashLen), gitobjects.Blob); err != errMissing {
		t.Errorf("an object the repository lacks: %v, want errMissing", err)
	}
}
