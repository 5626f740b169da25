package history

import (
	"bytes"
	"encoding/gob"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkRead reads the history of the site at HANDBOOK_BENCH_REPO
// (internal/bench/githistory.sh makes one, with BENCH_KEEP set), as a
// build does: both content folders, six months of changes; cold, from
// git alone, and warm, from a cache made at the same commit.
func BenchmarkRead(b *testing.B) {
	root := os.Getenv("HANDBOOK_BENCH_REPO")
	if root == "" {
		b.Skip("HANDBOOK_BENCH_REPO names no repository")
	}
	dirs := []string{"content/vi", "content/fr"}
	read := func(b *testing.B, cacheDir string) {
		for b.Loop() {
			log, err := Read(root, dirs, 6, cacheDir)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(log.updated)), "files")
			b.ReportMetric(float64(len(log.Changes)), "changes")
		}
	}
	b.Run("cold", func(b *testing.B) { read(b, "") })
	b.Run("warm", func(b *testing.B) {
		cache := b.TempDir()
		if _, err := Read(root, dirs, 6, cache); err != nil {
			b.Fatal(err)
		}
		read(b, cache)
	})
	b.Run("warm, 10 commits since", func(b *testing.B) {
		cache := b.TempDir()
		if _, err := Read(root, dirs, 6, cache); err != nil {
			b.Fatal(err)
		}
		rewind := cacheBefore(b, root, dirs, cache, 10)
		for b.Loop() {
			b.StopTimer()
			rewind()
			b.StartTimer()
			if _, err := Read(root, dirs, 6, cache); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// cacheBefore makes the cache of dirs what a build n commits before
// HEAD would have left, and returns a function that puts it back so.
func cacheBefore(b *testing.B, root string, dirs []string, cacheDir string, n int) (rewind func()) {
	out, err := git(root, "rev-list", "--no-merges", "-n", strconv.Itoa(n+1), "HEAD")
	if err != nil {
		b.Fatal(err)
	}
	hashes := strings.Fields(string(out))
	newer, old := hashes[:n], hashes[n]
	fc := openCache(cacheDir, root, dirs)
	c, ok := fc.load()
	if !ok {
		b.Fatal("no cache")
	}
	c.Head = old
	c.Commits = slices.DeleteFunc(c.Commits, func(cc cachedCommit) bool {
		if !slices.Contains(newer, cc.Hash) {
			return false
		}
		for _, f := range cc.Files { // the versions they made were not compared yet
			delete(c.Blobs, f.OldBlob)
			delete(c.Blobs, f.NewBlob)
		}
		return true
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		b.Fatal(err)
	}
	return func() {
		if err := os.WriteFile(fc.name, buf.Bytes(), 0o600); err != nil {
			b.Fatal(err)
		}
	}
}
