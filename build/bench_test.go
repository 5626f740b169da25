package build

import (
	"os"
	"path/filepath"
	"testing"

	"handbook/build/config"
	"handbook/build/output"
)

// BenchmarkBuild builds the site named by HANDBOOK_BENCH_SITE (a corpus
// made by the benchmark corpus generator; see the README) into a fresh
// folder each time. It is skipped when the variable is unset.
func BenchmarkBuild(b *testing.B) {
	site := os.Getenv("HANDBOOK_BENCH_SITE")
	if site == "" {
		b.Skip("set HANDBOOK_BENCH_SITE to a corpus folder to run this benchmark")
	}
	tmp := b.TempDir()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		dest := filepath.Join(tmp, "out", string(rune('a'+i%26)))
		_ = os.RemoveAll(dest)
		if _, err := Build(Options{Source: site, Overrides: config.Overrides{Dest: dest}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildMemory runs the whole pipeline into memory, which leaves
// the disk out of the measurement.
func BenchmarkBuildMemory(b *testing.B) {
	site := os.Getenv("HANDBOOK_BENCH_SITE")
	if site == "" {
		b.Skip("set HANDBOOK_BENCH_SITE to a corpus folder to run this benchmark")
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := Load(Options{Source: site})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Render(output.NewMemory()); err != nil {
			b.Fatal(err)
		}
	}
}
