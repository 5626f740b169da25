package preview

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"handbook/build"
)

// BenchmarkLiveUpdate measures the preview's updates on the
// HANDBOOK_BENCH_SITE corpus, once it is built: an edit of a page's body,
// which renders that page again, and of its title, which links every
// page again and renders those that show it. The page is put back as it
// was at the end.
func BenchmarkLiveUpdate(b *testing.B) {
	site := os.Getenv("HANDBOOK_BENCH_SITE")
	if site == "" {
		b.Skip("set HANDBOOK_BENCH_SITE to a corpus folder to run this benchmark")
	}
	l, err := NewLive(build.Options{Source: site}, nil)
	if err != nil {
		b.Fatal(err)
	}
	pages := l.Site.Pages.Pages
	page := pages[len(pages)/2]
	abs := filepath.Join(site, filepath.FromSlash(page.File))
	original, err := os.ReadFile(abs)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(abs, original, 0o644)
	title := regexp.MustCompile(`(?m)^title:.*$`)
	edits := []struct {
		name string
		edit func(i int) []byte
	}{
		{"body", func(i int) []byte { return fmt.Appendf(bytes.Clone(original), "\nEdit %d.\n", i) }},
		{"title", func(i int) []byte { return title.ReplaceAll(original, fmt.Appendf(nil, "title: \"Edit %d\"", i)) }},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if err := os.WriteFile(abs, e.edit(i), 0o644); err != nil {
					b.Fatal(err)
				}
				if _, err := l.UpdateContent([]string{abs}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
