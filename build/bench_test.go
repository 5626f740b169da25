package build

import (
	"os"
	"path/filepath"
	"testing"

	"handbook/build/config"
	"handbook/build/internal/parallel"
	"handbook/build/output"
	"handbook/build/search"
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

// BenchmarkIndex measures the index stage alone: adding every page of
// the HANDBOOK_BENCH_SITE corpus, as rendered, to a new index, writing
// the document files and then the shards, into a writer that drops them.
func BenchmarkIndex(b *testing.B) {
	site := os.Getenv("HANDBOOK_BENCH_SITE")
	if site == "" {
		b.Skip("set HANDBOOK_BENCH_SITE to a corpus folder to run this benchmark")
	}
	s, err := Load(Options{Source: site})
	if err != nil {
		b.Fatal(err)
	}
	s.KeepContent = true
	if err := s.Render(discard{}); err != nil {
		b.Fatal(err)
	}
	pages := s.Pages.Pages
	b.ReportAllocs()
	for b.Loop() {
		idx := search.NewIndex(s.Pages)
		parallel.Each(len(pages), func() func(int) {
			tok := search.NewTokenizer()
			return func(i int) {
				r := s.Result(pages[i])
				idx.Add(pages[i], search.Body{Headings: r.TOC, Text: r.Text}, tok)
				if err := idx.WriteDoc(pages[i], r.Text, "", discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		if err := idx.Write(discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// discard is an output.Writer that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
func (discard) CopyFile(string, string) error  { return nil }
