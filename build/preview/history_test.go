package preview

import (
	"path/filepath"
	"testing"

	"handbook/build"
	"handbook/internal/sitetest"
)

// TestLiveShowsTheHistory: the preview serves the "what's new" page and
// the feed, and a page saved again keeps the date of its last commit:
// an edit not committed yet is not a change of the history.
func TestLiveShowsTheHistory(t *testing.T) {
	root := writeSite(t, siteFiles())
	sitetest.GitInit(t, root)
	sitetest.GitCommit(t, root, "2026-01-10T09:00:00+07:00", "Start the handbook")
	l, err := NewLive(build.Options{Source: root}, nil)
	if err != nil {
		t.Fatalf("%v %v", err, l.Diagnostics())
	}
	for _, name := range []string{"vi/changes/index.html", "fr/changes/index.html", "vi/feed.xml", "fr/feed.xml"} {
		if _, ok := l.Output().File(name); !ok {
			t.Errorf("%s is not served", name)
		}
	}
	about := filepath.Join(root, "content", "vi", "about.md")
	editFile(t, about, "title: Giới thiệu", "title: Giới thiệu lại")
	if _, err := l.UpdateContent([]string{about}); err != nil {
		t.Fatal(err)
	}
	page, _ := l.Output().File("vi/about/index.html")
	mustContain(t, "the edited page", string(page), "Giới thiệu lại",
		`<time datetime="2026-01-10">Cập nhật lần cuối: ngày 10 tháng 1 năm 2026</time>`)
}
