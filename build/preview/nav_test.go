package preview

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/output"
)

// The navigation, the breadcrumbs, the head's links and the footer are
// rendered once per language or section and reused on every page: after
// a section is retitled, added or removed, a page retitled, or the home
// retitled, every page of the preview shows them as they now are, byte
// for byte as a build of the same files does, the pages the edit did not
// touch included.
func TestLiveNavigationFollowsEdits(t *testing.T) {
	root := writeSite(t, siteFiles())
	l, err := NewLive(build.Options{Source: root}, nil)
	if err != nil {
		t.Fatalf("%v %v", err, l.Diagnostics())
	}
	write, edit, remove := contentEdits(t, root)
	steps := []struct {
		name, file string
		apply      func()
		// page, another page than the one edited, shows want.
		page, want string
	}{
		{"a section retitled", "vi/letters/_index.md", edit("vi/letters/_index.md", "title: Thư", "title: Những lá thư"),
			"vi/principles/customer-obsession/index.html", `<li><a href="/vi/letters/">Những lá thư</a></li>`},
		{"its page's breadcrumbs", "", nil,
			"vi/letters/2016/index.html", `<li><a href="/vi/letters/">Những lá thư</a></li>` + "\n" + `<li><span aria-current="page">`},
		{"a section added", "vi/guides/_index.md", write("vi/guides/_index.md", "---\ntitle: Hướng dẫn\nweight: 3\n---\n"),
			"vi/about/index.html", `<li><a href="/vi/guides/">Hướng dẫn</a></li>`},
		{"a page added to it", "vi/guides/start.md", write("vi/guides/start.md", "---\ntitle: Bắt đầu\n---\n\nChào.\n"),
			"vi/guides/start/index.html", `<li><a href="/vi/guides/" aria-current="true">Hướng dẫn</a></li>`},
		{"the home retitled", "vi/_index.md", edit("vi/_index.md", "title: Sổ tay", "title: Cẩm nang"),
			"vi/principles/customer-obsession/index.html", `<li><a href="/vi/">Cẩm nang</a></li>`},
		{"a section removed", "vi/guides/_index.md", remove("vi/guides/_index.md"),
			"vi/letters/2016/index.html", `<li><a href="/vi/letters/" aria-current="true">Những lá thư</a></li>`},
	}
	for _, step := range steps {
		if step.apply != nil {
			step.apply()
			if _, err := l.UpdateContent([]string{filepath.Join(root, "content", step.file)}); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
		}
		page, _ := l.Output().File(step.page)
		if !bytes.Contains(page, []byte(step.want)) {
			t.Errorf("after %s, %s lacks %s:\n%s", step.name, step.page, step.want, page)
		}
		_, built, err := renderMemory(t, root, config.Overrides{})
		if err != nil {
			t.Fatalf("after %s: build: %v", step.name, err)
		}
		samePages(t, step.name, l.Output(), built)
	}
}

// samePages compares every HTML page of the preview with a build's.
func samePages(t *testing.T, step string, live, built *output.Memory) {
	t.Helper()
	for _, p := range built.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		want, _ := built.File(p)
		got, ok := live.File(p)
		if !ok {
			t.Errorf("after %s: the preview has no %s", step, p)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("after %s: the preview's %s differs from the build's: %s", step, p, firstDifference(got, want))
		}
	}
}
