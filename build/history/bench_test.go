package history

import (
	"os"
	"testing"
)

// BenchmarkRead reads the history of the site at HANDBOOK_BENCH_REPO
// (internal/bench/githistory.sh makes one, with BENCH_KEEP set), as a
// build does: both content folders, six months of changes.
func BenchmarkRead(b *testing.B) {
	root := os.Getenv("HANDBOOK_BENCH_REPO")
	if root == "" {
		b.Skip("HANDBOOK_BENCH_REPO names no repository")
	}
	for b.Loop() {
		log, err := Read(root, []string{"content/vi", "content/fr"}, 6, "")
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(log.updated)), "files")
		b.ReportMetric(float64(len(log.Changes)), "changes")
	}
}
