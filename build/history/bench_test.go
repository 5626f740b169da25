package history

import (
	"os"
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
}
