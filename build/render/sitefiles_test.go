package render

import (
	"fmt"
	"strings"
	"testing"

	"handbook/build/output"
)

func TestRobotsTxtEscapesTheSitemapAddress(t *testing.T) {
	tests := map[string]string{
		"https://handbook.example/sitemap.xml":              "https://handbook.example/sitemap.xml",
		"/sitemap.xml":                                      "/sitemap.xml",
		"https://handbook.example/a b/sitemap.xml":          "https://handbook.example/a%20b/sitemap.xml",
		"https://handbook.example/sổ-tay/sitemap.xml":       "https://handbook.example/s%E1%BB%95-tay/sitemap.xml",
		"https://handbook.example/x%20y/sitemap.xml":        "https://handbook.example/x%20y/sitemap.xml",
		"https://handbook.example/\nDisallow: /sitemap.xml": "https://handbook.example/%0ADisallow:%20/sitemap.xml",
	}
	for sitemap, want := range tests {
		got := string(robotsTxt(sitemap))
		if wantTxt := "User-agent: *\nAllow: /\nSitemap: " + want + "\n"; got != wantTxt {
			t.Errorf("robotsTxt(%q) = %q, want %q", sitemap, got, wantTxt)
		}
	}
}

// sitemapRoom is a Writer that records the length of the sitemap it is
// given and the room of the buffer that holds it.
type sitemapRoom struct {
	*output.Memory
	len, cap int
}

func (w *sitemapRoom) WriteFile(path string, data []byte) error {
	if path == "sitemap.xml" {
		w.len, w.cap = len(data), cap(data)
	}
	return w.Memory.WriteFile(path, data)
}

// TestSitemapIsMadeInRoomToSize: a sitemap of many pages is made in a
// buffer little larger than it, not one left to double as it filled, and
// it lists every page.
func TestSitemapIsMadeInRoomToSize(t *testing.T) {
	for _, pages := range []int{700, 1000, 1400} {
		files := map[string]string{
			"handbook.toml":        twoLanguages,
			"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
			"content/fr/_index.md": "---\ntitle: Accueil\n---\n",
		}
		for i := range pages {
			files[fmt.Sprintf("content/vi/trang-%d.md", i)] = fmt.Sprintf("---\ntitle: Trang %d\ndate: 2024-01-02\n---\n", i)
		}
		r, set, diags := newSite(t, files)
		if diags.HasErrors() {
			t.Fatal(diags.Sorted())
		}
		w := &sitemapRoom{Memory: output.NewMemory()}
		if err := r.WriteSitemap(w); err != nil {
			t.Fatal(err)
		}
		if w.cap > w.len+w.len/5 {
			t.Errorf("%d pages: a sitemap of %d bytes was made in %d bytes of room, want at most a fifth more", pages, w.len, w.cap)
		}
		data, _ := w.File("sitemap.xml")
		if n := strings.Count(string(data), "<url>"); n != len(set.Pages) || !strings.HasSuffix(string(data), "</urlset>\n") {
			t.Errorf("%d pages: the sitemap lists %d pages, want %d, whole", pages, n, len(set.Pages))
		}
	}
}
