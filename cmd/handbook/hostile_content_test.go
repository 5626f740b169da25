//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"handbook/internal/sitetest"
)

// TestHostileContent runs what a site may hold that nobody meant: named
// pipes, devices, files too large, linked folders and link loops, drafts
// with files beside them, old Mac line endings, and front matter a stamp
// could double.
func TestHostileContent(t *testing.T) {
	// A message names files from the site's root: never the staging
	// folder, nor where the site is (the test's temporary folder).
	staging := []string{".building-", "TestHostileContent"}
	const secretWord = "zanzibarquux"
	runHostile(t, []hostileCase{
		{
			name:      "named pipe as a page",
			setup:     fifoAt("site/content/vi/pipe.md"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "content/vi/pipe.md: cannot read the file: not a regular file: it is a named pipe (FIFO)",
			notOutput: staging,
		},
		{
			name:      "named pipe in the static folder",
			setup:     fifoAt("site/static/css/pipe.css"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "static/css/pipe.css: not a regular file: it is a named pipe (FIFO)",
			notOutput: staging,
		},
		{
			name:      "named pipe as a layout of the site's theme",
			files:     withFiles(map[string]string{"themes/default/layouts/partials/.keep": ""}),
			setup:     fifoAt("site/themes/default/layouts/page.html"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "themes/default/layouts/page.html: not a regular file: it is a named pipe (FIFO)",
			notOutput: staging,
		},
		{
			name:      "named pipe as handbook.toml",
			files:     withFiles(map[string]string{"handbook.toml": "\x00delete"}),
			setup:     fifoAt("site/handbook.toml"),
			args:      []string{"check", "--source", "$SITE"},
			code:      exitContent,
			output:    "handbook.toml: not a regular file",
			notOutput: staging,
		},
		{
			name:      "link to /dev/zero beside the pages",
			setup:     linkAt("/dev/zero", "site/content/vi/zero.png"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "content/vi/zero.png: not a regular file: it is a character device",
			notOutput: staging,
		},
		{
			name:      "link to /dev/urandom in the static folder",
			setup:     linkAt("/dev/urandom", "site/static/random.bin"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "static/random.bin: not a regular file: it is a character device",
			notOutput: staging,
		},
		{
			name: "file over the configured size limit",
			files: withFiles(map[string]string{
				"handbook.toml":      "maxFileSize = 1000\n" + sitetest.Config,
				"content/vi/big.png": strings.Repeat("x", 1001),
			}),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "content/vi/big.png: too large: 1001 bytes, over the limit of 1000 bytes (maxFileSize in handbook.toml)",
			notOutput: staging,
		},
		{
			name: "linked folder of shared images is copied",
			setup: func(t *testing.T, work string) {
				sitetest.WriteFiles(t, filepath.Join(work, "shared"), map[string]string{"logo.png": "PNG", "icons/a.svg": "<svg/>"})
				linkAt(filepath.Join("..", "..", "..", "shared"), "site/content/vi/shared")(t, work)
			},
			args:      []string{"build", "--source", "$SITE"},
			code:      exitOK,
			output:    "built",
			notOutput: staging,
			written:   []string{"site/public"},
			after: func(t *testing.T, work string) {
				for name, want := range map[string]string{"logo.png": "PNG", "icons/a.svg": "<svg/>"} {
					data, err := os.ReadFile(filepath.Join(work, "site", "public", "vi", "shared", filepath.FromSlash(name)))
					if err != nil || string(data) != want {
						t.Errorf("public/vi/shared/%s: %q, %v", name, data, err)
					}
				}
			},
		},
		{
			name:      "symbolic link loop",
			setup:     linkAt(".", "site/content/vi/principles/loop"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "content/vi/principles/loop: a symbolic link loop: it leads back to content/vi/principles, a folder that holds it",
			notOutput: staging,
		},
		{
			name: "a draft bundle's and a draft section's files stay private",
			files: withFiles(map[string]string{
				"content/vi/secret/index.md":       "---\ntitle: Bí mật\ndraft: true\n---\n\n" + secretWord + " ![kế hoạch](plan.png)\n",
				"content/vi/secret/plan.png":       "PNG",
				"content/vi/secret/files/q3.pdf":   "PDF",
				"content/vi/secret/files/notes.md": "---\ntitle: Ghi chú\n---\n\n" + secretWord + "\n",
				"content/vi/plans/_index.md":       "---\ntitle: Kế hoạch\ndraft: true\n---\n",
				"content/vi/plans/q4.md":           "---\ntitle: Quý 4\n---\n\n" + secretWord + "\n",
				"content/vi/plans/chart.svg":       "<svg/>",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "drafts left out",
			written: []string{"site/public"},
			after:   noTraceOf(secretWord, "secret", "plans"),
		},
		{
			name: "lone CR front matter is read, draft and all",
			files: withFiles(map[string]string{
				"content/vi/old-mac.md":  "---\rtitle: Máy cũ\r---\r\rNội dung.\r",
				"content/vi/cr-draft.md": "---\rtitle: Nháp\rdraft: true\r---\r\r" + secretWord + "\r",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "1 drafts left out",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				data, err := os.ReadFile(filepath.Join(work, "site", "public", "vi", "old-mac", "index.html"))
				if err != nil || !strings.Contains(string(data), "<title>Máy cũ") || strings.Contains(string(data), "title: ") {
					t.Errorf("the lone-CR page's front matter was not read as such: %v", err)
				}
				noTraceOf(secretWord, "cr-draft")(t, work)
			},
		},
		stampCase("stamp keeps lone CR endings", "---\rtitle: À propos\r---\r\rÀ propos du manuel.\r", "\r"),
		stampCase("stamp keeps a byte order mark and CRLF", "\ufeff---\r\ntitle: À propos\r\n---\r\n\r\nÀ propos du manuel.\r\n", "\r\n"),
		stampCase("stamp fills empty front matter", "---\n---\nÀ propos du manuel.\n", "\n"),
		stampCase("stamp adds the only block", "À propos du manuel.\n", "\n"),
		{
			name:      "stamp refuses front matter below blank lines",
			files:     withFiles(map[string]string{"content/fr/about.md": "\n\n---\ntitle: À propos\n---\n\nÀ propos du manuel.\n"}),
			args:      []string{"translations", "--stamp", "content/fr/about.md"},
			code:      exitContent,
			output:    "content/fr/about.md:3: front matter must start on the first line of the file",
			notOutput: staging,
		},
		{
			name: "stamp refuses a link",
			files: withFiles(map[string]string{
				"content/fr/about.md": "\x00delete",
				"shared/about.md":     "---\ntitle: À propos\n---\n",
			}),
			setup:     linkAt(filepath.Join("..", "..", "shared", "about.md"), "site/content/fr/about.md"),
			args:      []string{"translations", "--stamp", "content/fr/about.md"},
			code:      exitContent,
			output:    "content/fr/about.md: a symbolic link: stamp the file it leads to",
			notOutput: staging,
		},
	})
}

// stampCase stamps content/fr/about.md, written as src, and checks that
// the file then has exactly one block of front matter, with the stamp,
// and kept its line endings (nl).
func stampCase(name, src, nl string) hostileCase {
	return hostileCase{
		name:    name,
		files:   withFiles(map[string]string{"content/fr/about.md": src}),
		args:    []string{"translations", "--stamp", "content/fr/about.md"},
		code:    exitOK,
		output:  "stamped content/fr/about.md",
		written: []string{"site/content/fr/about.md"},
		after: func(t *testing.T, work string) {
			data, err := os.ReadFile(filepath.Join(work, "site", "content", "fr", "about.md"))
			if err != nil {
				t.Fatal(err)
			}
			text := strings.TrimPrefix(string(data), "\ufeff")
			lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
			delimiters := 0
			for _, l := range lines {
				if l == "---" {
					delimiters++
				}
			}
			if delimiters != 2 || lines[0] != "---" {
				t.Errorf("%d front-matter delimiters, want one block at the top:\n%q", delimiters, data)
			}
			if !strings.Contains(text, nl+`sourceHash: "`) || strings.Count(text, "sourceHash") != 1 {
				t.Errorf("no single stamp in the front matter:\n%q", data)
			}
			if strings.ReplaceAll(text, nl, "") != strings.ReplaceAll(strings.ReplaceAll(text, "\r", ""), "\n", "") {
				t.Errorf("the line endings changed:\n%q", data)
			}
		},
	}
}

// noTraceOf checks that nothing of the built site names any of words: no
// file's path, no page, no sitemap entry, and no search result.
func noTraceOf(words ...string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		public := filepath.Join(work, "site", "public")
		_ = filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(public, p)
			data := []byte{}
			if d.Type().IsRegular() && !strings.HasSuffix(p, ".gz") {
				data, _ = os.ReadFile(p)
			}
			for _, w := range words {
				if strings.Contains(filepath.ToSlash(rel), w) || strings.Contains(string(data), w) {
					t.Errorf("public/%s holds %q", filepath.ToSlash(rel), w)
				}
			}
			return nil
		})
		for _, w := range words {
			_, stdout, stderr := runCmd("search", "--dest", public, "--lang", "all", "--json", w)
			if strings.Contains(stdout, "/"+w) || strings.Contains(stdout, `"url"`) {
				t.Errorf("searching %q finds a draft:\n%s%s", w, stdout, stderr)
			}
		}
	}
}

// linkAt makes a symbolic link at rel (in the work folder) to target.
func linkAt(target, rel string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		p := filepath.Join(work, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
}

// fifoAt makes a named pipe at rel (in the work folder), and a guard: a
// command that opens the pipe to read would block forever, so while the
// test runs the guard looks for a reader, and if it finds one it fails
// the test and lets the reader go with an end of file.
func fifoAt(rel string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		p := filepath.Join(work, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		_ = os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		var stop, opened atomic.Bool
		done := make(chan struct{})
		go func() {
			defer close(done)
			for !stop.Load() {
				// Opening to write without blocking succeeds only when
				// something has the pipe open to read.
				if fd, err := syscall.Open(p, syscall.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					opened.Store(true)
					syscall.Close(fd)
				}
				time.Sleep(5 * time.Millisecond)
			}
		}()
		t.Cleanup(func() {
			stop.Store(true)
			<-done
			if opened.Load() {
				t.Errorf("%s was opened to read: a named pipe must never be", rel)
			}
		})
	}
}
