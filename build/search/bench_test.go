package search

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/config"
	"handbook/build/content"
)

// benchSet reads the Markdown files of the HANDBOOK_BENCH_SITE corpus
// as pages of plain text, one language per folder of its content: what
// the index reads of a page, without the build before it.
func benchSet(b *testing.B) (*content.Set, map[*content.Page]string) {
	site := os.Getenv("HANDBOOK_BENCH_SITE")
	if site == "" {
		b.Skip("set HANDBOOK_BENCH_SITE to a corpus folder to run this benchmark")
	}
	set, texts := &content.Set{}, map[*content.Page]string{}
	for _, code := range []string{"vi", "fr"} {
		l := &content.Lang{Language: config.Language{Code: code}}
		err := filepath.WalkDir(filepath.Join(site, "content", code), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			p := &content.Page{Lang: code, TranslationKey: strings.TrimSuffix(filepath.Base(path), ".md"), URL: "/" + code + "/" + filepath.Base(path) + "/"}
			texts[p] = string(data)
			l.Pages = append(l.Pages, p)
			set.Pages = append(set.Pages, p)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		set.Langs = append(set.Langs, l)
	}
	return set, texts
}

// BenchmarkAdd measures counting the words of every page of the corpus
// on one goroutine, reporting the time per megabyte of text.
func BenchmarkAdd(b *testing.B) {
	set, texts := benchSet(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		idx := NewIndex(set)
		tok := NewTokenizer()
		for _, p := range set.Pages {
			idx.Add(p, Body{Text: texts[p]}, tok)
		}
		// A corpus large enough spills a language's postings, which
		// only Write or Close removes.
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteDoc measures writing every page's document file, into a
// writer that drops it.
func BenchmarkWriteDoc(b *testing.B) {
	set, texts := benchSet(b)
	idx := NewIndex(set)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range set.Pages {
			if err := idx.WriteDoc(p, texts[p], "", dropWriter{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// dropWriter is an output.Writer that keeps nothing.
type dropWriter struct{}

func (dropWriter) WriteFile(string, []byte) error { return nil }
func (dropWriter) CopyFile(string, string) error  { return nil }

// BenchmarkWriteSpilled measures writing the index of the corpus, its
// postings spilled to disk in runs of 4 MB a language, into a writer
// that drops it: the merge of the runs and the encoding of shards and
// posting files. The pages are indexed, and the runs written, outside
// the time measured; run-B/posting is the runs' bytes on disk for each
// posting they hold.
func BenchmarkWriteSpilled(b *testing.B) {
	set, texts := benchSet(b)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		idx := indexCorpus(set, texts, b.TempDir())
		b.ReportMetric(runBytesPerPosting(b, idx), "run-B/posting")
		b.StartTimer()
		if err := idx.Write(dropWriter{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkWrite measures writing the index of the corpus, gathered in
// memory, into a writer that drops it: the shards, pair files and
// posting files, each compressed on its own. The pages are indexed
// outside the time measured.
func BenchmarkWrite(b *testing.B) {
	set, texts := benchSet(b)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		idx := indexCorpus(set, texts, "")
		b.StartTimer()
		if err := idx.Write(dropWriter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGroupRun measures grouping by term the entries of a run of
// the corpus's Vietnamese pages as large as a large language's later
// runs (a quarter of the budget), the grouper reused from run to run as
// a language's is, and reports the time per entry.
func BenchmarkGroupRun(b *testing.B) {
	set, texts := benchSet(b)
	idx := NewIndex(set)
	li := idx.langs["vi"]
	li.spillAt(1<<40, "")
	tok := NewTokenizer()
	for _, p := range set.Pages {
		if p.Lang == "vi" {
			idx.Add(p, Body{Text: texts[p]}, tok)
		}
	}
	var run []int
	entries := 0
	for d := range li.docs {
		if entries*entrySize >= defaultSpillBudget/laterRunShare {
			break
		}
		run = append(run, d)
		entries += len(li.docs[d].entries)
	}
	rg := newRunGrouper()
	b.ReportAllocs()
	for b.Loop() {
		err := rg.each(li.docs, run, len(li.byID), len(li.pairKeys), func(entryGroup) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*entries), "ns/entry")
}

// runBytesPerPosting is the bytes the runs the index spilled take on
// disk for each posting they hold.
func runBytesPerPosting(b *testing.B, idx *Index) float64 {
	var size, postings int64
	for _, li := range idx.langs {
		if li.spill == nil {
			continue
		}
		for _, run := range li.spill.runs {
			info, err := os.Stat(run)
			if err != nil {
				b.Fatal(err)
			}
			size += info.Size()
		}
		postings += (li.logged - li.held) / entrySize
	}
	if postings == 0 {
		b.Fatal("the corpus spilled nothing")
	}
	return float64(size) / float64(postings)
}

// indexCorpus indexes every page of the corpus on one goroutine; unless
// spillDir is "", each language spills its postings there in runs of
// 4 MB.
func indexCorpus(set *content.Set, texts map[*content.Page]string, spillDir string) *Index {
	idx := NewIndex(set)
	if spillDir != "" {
		for _, li := range idx.langs {
			li.spillAt(4<<20, spillDir)
		}
	}
	tok := NewTokenizer()
	for _, p := range set.Pages {
		idx.Add(p, Body{Text: texts[p]}, tok)
	}
	return idx
}
