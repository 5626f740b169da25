//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// outputShows checks that the built page at rel (under the output
// folder) shows each of want.
func outputShows(rel string, want ...string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		html := readOutput(t, work, rel)
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %q", rel, w)
			}
		}
	}
}

// TestHostileLazy: a build reads each page's body again when it renders
// the page, rather than holding it from the reading of the site. Bodies
// whose place in the file is not where a plain split would put it, and
// page files reached through links, must come out as they were read.
func TestHostileLazy(t *testing.T) {
	runHostile(t, []hostileCase{
		{
			name: "bodies after a byte order mark, CRLF, old Mac endings, decomposed letters, JSON",
			files: withFiles(map[string]string{
				"content/vi/bom.md":   "\xef\xbb\xbf---\ntitle: BOM\n---\n\nSau dấu BOM.\n",
				"content/vi/crlf.md":  "---\r\ntitle: CRLF\r\n---\r\n\r\nDòng Windows.\r\n",
				"content/vi/mac.md":   "---\rtitle: Mac\r---\r\rDòng Mac cũ.\r",
				"content/vi/nfd.md":   "---\ntitle: NFD\n---\n\nTie\u0302\u0301ng Vie\u0323\u0302t.\n",
				"content/vi/json.md":  "{\"title\": \"JSON\"}\n\nThân bài JSON.\n",
				"content/vi/plain.md": "Không có front matter.\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				for rel, want := range map[string]string{
					"vi/bom/index.html":   "<p>Sau dấu BOM.</p>",
					"vi/crlf/index.html":  "<p>Dòng Windows.</p>",
					"vi/mac/index.html":   "<p>Dòng Mac cũ.</p>",
					"vi/nfd/index.html":   "<p>Tiếng Việt.</p>",
					"vi/json/index.html":  "<p>Thân bài JSON.</p>",
					"vi/plain/index.html": "<p>Không có front matter.</p>",
				} {
					outputShows(rel, want)(t, work)
				}
			},
		},
		{
			name: "pages in a linked folder outside the site, and a linked page file",
			setup: func(t *testing.T, work string) {
				sitetest.WriteFiles(t, filepath.Join(work, "shared"), map[string]string{
					"guide.md": "---\ntitle: Hướng dẫn\n---\n\nThân bài dùng chung.\n",
					"one.md":   "---\ntitle: Một trang\n---\n\nTrang được liên kết.\n",
				})
				linkAt(filepath.Join("..", "..", "..", "shared"), "site/content/vi/shared")(t, work)
				linkAt(filepath.Join("..", "..", "..", "shared", "one.md"), "site/content/vi/one.md")(t, work)
			},
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				outputShows("vi/shared/guide/index.html", "<p>Thân bài dùng chung.</p>")(t, work)
				outputShows("vi/one/index.html", "<p>Trang được liên kết.</p>")(t, work)
			},
		},
	})
}
