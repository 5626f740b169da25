package build

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"handbook/build/internal/parallel"
	"handbook/build/search"
)

// BenchmarkScale runs the render step (every page converted, rendered,
// printed and indexed, and the index written) and the index stage alone
// on generated handbooks of two sizes, and reports the time and the
// memory per page: a build that grows faster than its pages shows as a
// larger ns/page or held-B/page at the larger size. held-B/page is the
// heap still live once the stage is done (the render step), before the
// index is written (the index stage), or once a build has read the site
// (the load stage, which holds no page's Markdown), per page.
//
//	go test ./build -run X -bench Scale -benchtime 3x | benchstat -col /pages -
func BenchmarkScale(b *testing.B) {
	for _, pages := range []int{1000, 8000} {
		root := generatedSite(b, pages)
		b.Run(fmt.Sprintf("stage=render/pages=%d", pages), func(b *testing.B) { benchRender(b, root) })
		b.Run(fmt.Sprintf("stage=index/pages=%d", pages), func(b *testing.B) { benchIndexStage(b, root) })
		b.Run(fmt.Sprintf("stage=load/pages=%d", pages), func(b *testing.B) { benchBuildLoad(b, root) })
	}
}

// benchBuildLoad reads the site as a build does, and reports what the
// site holds then: everything a build keeps from reading to the end.
func benchBuildLoad(b *testing.B, root string) {
	var held uint64
	var total int
	for b.Loop() {
		b.StopTimer()
		before := liveHeap()
		b.StartTimer()
		s, err := load(Options{Source: root}, false, nil, nil)
		if err != nil {
			b.Fatal(err, diagsOf(s))
		}
		b.StopTimer()
		after := liveHeap()
		held, total = after-min(before, after), len(s.Pages.Pages)
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	reportPerPage(b, total, held)
}

func benchRender(b *testing.B, root string) {
	var held uint64
	var total int
	for b.Loop() {
		s, err := Load(Options{Source: root})
		if err != nil {
			b.Fatal(err, diagsOf(s))
		}
		if err := s.Render(discard{}); err != nil {
			b.Fatal(err, diagsOf(s))
		}
		held, total = liveHeap(), len(s.Pages.Pages)
		runtime.KeepAlive(s)
	}
	reportPerPage(b, total, held)
}

func benchIndexStage(b *testing.B, root string) {
	s, err := Load(Options{Source: root})
	if err != nil {
		b.Fatal(err, diagsOf(s))
	}
	s.KeepContent = true
	if err := s.Render(discard{}); err != nil {
		for _, d := range diagsOf(s) {
			b.Log(d)
		}
		b.Fatal(err)
	}
	pages := s.Pages.Pages
	var held uint64
	for b.Loop() {
		idx := search.NewIndex(s.Pages)
		parallel.Each(len(pages), func() func(int) {
			tok := search.NewTokenizer()
			return func(i int) {
				r := s.Result(pages[i])
				idx.Add(pages[i], search.Body{Headings: r.TOC, Text: r.Text}, tok)
			}
		})
		b.StopTimer()
		before := liveHeap()
		b.StartTimer()
		if err := idx.Write(discard{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		idx = nil
		held = before - min(before, liveHeap())
		b.StartTimer()
	}
	reportPerPage(b, len(pages), held)
}

// liveHeap is the heap's live bytes, after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func reportPerPage(b *testing.B, pages int, held uint64) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
	b.ReportMetric(float64(held)/float64(pages), "held-B/page")
	b.ReportMetric(0, "ns/op")
}

// generatedSite writes a handbook of pages per language (vi and fr) in
// five sections, whose words follow a Zipf law over a vocabulary of
// twenty thousand, as a language's do, and returns its folder.
func generatedSite(b *testing.B, pages int) string {
	root := b.TempDir()
	rng := rand.New(rand.NewSource(int64(pages)))
	syllables := []string{"khách", "hàng", "lãnh", "đạo", "quyết", "định", "nhanh", "chóng", "đổi", "mới", "học", "hỏi", "tin", "tưởng", "sở", "hữu"}
	french := []string{"client", "décision", "rapide", "équipe", "confiance", "inventer", "simplifier", "apprendre", "frugalité", "livrer", "résultats", "exigence"}
	for _, lang := range []struct {
		code  string
		words []string
	}{{"vi", syllables}, {"fr", french}} {
		vocab := make([]string, 20000)
		for i := range vocab {
			vocab[i] = lang.words[i%len(lang.words)] + strings.Repeat(string([]rune(lang.words[(i/len(lang.words))%len(lang.words)])[:2]), 1+i%3) + fmt.Sprint(i/200)
		}
		zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
		text := func(n int) string {
			var sb strings.Builder
			for j := range n {
				sb.WriteString(vocab[zipf.Uint64()])
				if j%12 == 11 {
					sb.WriteString(". ")
				} else {
					sb.WriteByte(' ')
				}
			}
			return sb.String()
		}
		dir := filepath.Join(root, "content", lang.code)
		writeFile(b, filepath.Join(dir, "_index.md"), "---\ntitle: Home\n---\n"+text(40)+"\n")
		for s := range 5 {
			section := filepath.Join(dir, fmt.Sprintf("section-%d", s))
			writeFile(b, filepath.Join(section, "_index.md"), fmt.Sprintf("---\ntitle: Section %d\nweight: %d\n---\n%s\n", s, s, text(30)))
		}
		for i := range pages {
			body := fmt.Sprintf("---\ntitle: %s\nweight: %d\ndescription: %s\n---\n%s\n\n## %s\n\n%s\n\n- %s\n- %s\n\n[%s](../page-%d/)\n",
				text(4), i, text(10), text(150), text(3), text(120), text(8), text(8), text(2), (i+5)%pages)
			writeFile(b, filepath.Join(dir, fmt.Sprintf("section-%d", i%5), fmt.Sprintf("page-%d.md", i)), body)
		}
	}
	return root
}

func writeFile(b *testing.B, path, data string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		b.Fatal(err)
	}
}
