package markdown

import (
	"bytes"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/internal/sitetest"
)

// treeCounter counts the goldmark trees parsed and not yet collected.
type treeCounter struct{ parsed, alive atomic.Int64 }

func (c *treeCounter) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	c.parsed.Add(1)
	c.alive.Add(1)
	runtime.AddCleanup(doc, func(*treeCounter) { c.alive.Add(-1) }, c)
}

// TestTreesDoNotOutliveTheirConversion: a page's goldmark tree, the
// largest of what converting it makes, is garbage once Convert returns,
// though the caller keeps every result (as a build does until its pages
// are written): nothing a result holds, nor the converter, leads to it.
// The trees a large build's heap profile shows at its peak are the
// garbage of conversions made while the collector was marking, which it
// counts live until its next cycle.
func TestTreesDoNotOutliveTheirConversion(t *testing.T) {
	const pages = 200
	files := sitetest.SmallHandbook()
	for i := range pages {
		files[fmt.Sprintf("content/vi/notes/n-%03d.md", i)] = fmt.Sprintf("---\ntitle: Ghi chú %d\n---\n\n"+
			"## Mục %d\n\nMột *đoạn* với [liên kết](n-000.md#muc-0) và https://example.com.\n\n"+
			"| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nfunc f() {}\n```\n\n> [!NOTE]\n> Ghi chú.\n", i, i)
	}
	root := t.TempDir()
	sitetest.WriteFiles(t, root, files)
	diags := &diag.List{}
	cfg, err := config.Load(root, config.Overrides{}, diags)
	if err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(cfg, diags)
	if err != nil {
		t.Fatal(err)
	}
	content.Link(set, cfg, diags)
	conv := NewConverter(cfg, set, func(string) bool { return false })
	counter := &treeCounter{}
	for _, md := range conv.byLang {
		md.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(counter, 1000)))
	}
	var buf bytes.Buffer
	results := make([]Result, 0, len(set.Pages))
	for _, p := range set.Pages {
		results = append(results, conv.Convert(p, set.Body(p), &buf, diags))
	}
	parsed := counter.parsed.Load()
	if parsed < pages {
		t.Fatalf("%d trees counted for %d pages", parsed, pages)
	}
	for range 3 {
		runtime.GC()
	}
	if alive := counter.alive.Load(); alive > 0 {
		t.Errorf("%d of %d goldmark trees outlive their conversion", alive, parsed)
	}
	runtime.KeepAlive(results)
	runtime.KeepAlive(conv)
}
