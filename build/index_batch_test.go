package build

import (
	"fmt"
	"os"
	"testing"

	"handbook/build/config"
	"handbook/build/search/query"
)

// Pages are indexed in batches as they are rendered, and the last pages
// of each goroutine after the others: with several batches' worth of
// pages, every page is found by a word only its body has, and no page
// keeps its text once the build is done.
func TestEveryPageIndexed(t *testing.T) {
	const pages = 5*indexBatch + 7
	files := siteFiles()
	word := func(i int) string { return fmt.Sprintf("zq%c%c", 'a'+i/26%26, 'a'+i%26) }
	for i := range pages {
		files[fmt.Sprintf("content/vi/many/p%03d.md", i)] = fmt.Sprintf(
			"---\ntitle: Trang %d\n---\n\nVăn bản của trang, với từ %s ở giữa.\n", i, word(i))
	}
	s, dest, _ := buildInto(t, writeSite(t, files), config.Overrides{})
	searcher := query.NewSearcher(os.DirFS(dest))
	for i := range pages {
		ans, err := searcher.Query(word(i), []string{"vi"}, 10)
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("/vi/many/p%03d/", i)
		if len(ans.Results) != 1 || ans.Results[0].URL != want {
			t.Fatalf("%q finds %v, want only %s", word(i), ans.Results, want)
		}
	}
	for _, p := range s.Pages.Pages {
		if r := s.Result(p); r != nil {
			t.Fatalf("%s keeps its result after the build: %+v", p.File, r)
		}
	}
}

// A build, which renders once, lets each page's Markdown go once it is
// converted; a site from Load keeps it, to render again.
func TestBuildLetsMarkdownGo(t *testing.T) {
	root := writeSite(t, siteFiles())
	built, _, _ := buildInto(t, root, config.Overrides{})
	loaded, _, err := renderMemory(t, root, config.Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range built.Pages.Pages {
		if built.Pages.Body(p) != nil {
			t.Errorf("%s keeps its Markdown after the build", p.File)
		}
		if q := loaded.Pages.Pages[i]; p.File != "" && loaded.Pages.Body(q) == nil {
			t.Errorf("%s: Load and Render let its Markdown go", q.File)
		}
	}
}
