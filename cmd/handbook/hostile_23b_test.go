package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// commitSite makes the work folder's site a git repository of one
// commit, subject its message, on 5 March 2026.
func commitSite(subject string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		site := filepath.Join(work, "site")
		sitetest.GitInit(t, site)
		sitetest.GitCommit(t, site, "2026-03-05T10:00:00+07:00", subject)
	}
}

// readOutput reads a file of the site's output folder.
func readOutput(t *testing.T, work, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(work, "site", "public", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestHostile23b: the git history's dates and the "what's new" page and
// feed, with commits, pages and configurations nobody here wrote. The
// repository's .git folder is part of the work folder, so every case
// also checks that reading the history changes nothing in it.
func TestHostile23b(t *testing.T) {
	const script = "<script>alert(1)</script> rewrote the intro & the rest"
	runHostile(t, []hostileCase{
		{
			name:    "a commit subject with markup is text on the page and in the feed",
			setup:   commitSite(script),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				for _, name := range []string{"vi/changes/index.html", "vi/feed.xml"} {
					out := readOutput(t, work, name)
					if strings.Contains(out, "<script>alert") || !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
						t.Errorf("%s does not show the subject as text:\n%s", name, out)
					}
				}
			},
		},
		{
			name: "a draft's commit never reaches the changes page or the feed",
			files: withFiles(map[string]string{"content/vi/plan.md": "---\ntitle: Kế hoạch mật\ndraft: true\n---\n\nBí mật.\n",
				"content/vi/about.md": "\x00delete"}),
			setup:     commitSite("Secret reorganisation plan for the Hanoi office"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitOK,
			written:   []string{"site/public"},
			notOutput: []string{"Kế hoạch"},
			after: func(t *testing.T, work string) {
				for _, name := range []string{"vi/changes/index.html", "vi/feed.xml", "sitemap.xml"} {
					if out := readOutput(t, work, name); strings.Contains(out, "Kế hoạch mật") || strings.Contains(out, "/vi/plan/") ||
						strings.Contains(out, "Secret reorganisation") {
						t.Errorf("%s shows the draft:\n%s", name, out)
					}
				}
			},
		},
		{
			name:   "a page where the changes page goes",
			files:  withFiles(map[string]string{"content/fr/nouveautes.md": "---\ntitle: Nouveautés\nslug: changes\n---\n"}),
			setup:  commitSite("Start the handbook in two languages"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `content/fr/nouveautes.md:3: the page /fr/changes/ would replace the "what's new" page /fr/changes/`,
		},
		{
			name:   "a static file where the feed goes",
			files:  withFiles(map[string]string{"static/vi/feed.xml": "<rss/>"}),
			setup:  commitSite("Start the handbook in two languages"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "static/vi/feed.xml: the static file /vi/feed.xml would replace the feed /vi/feed.xml",
		},
		{
			name:   "a negative changesMonths",
			files:  withFiles(map[string]string{"handbook.toml": sitetest.Config + "\n[history]\nchangesMonths = -3\n"}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "handbook.toml:16: history.changesMonths is -3",
		},
		{
			name:    "the history asked for outside git",
			files:   withFiles(map[string]string{"handbook.toml": sitetest.Config + "\n[history]\nenable = true\n"}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "not in a git repository",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				if out := readOutput(t, work, "vi/about/index.html"); strings.Contains(out, "last-updated") {
					t.Errorf("a page has a date outside git:\n%s", out)
				}
			},
		},
		{
			name: "a broken .git folder is no history",
			setup: func(t *testing.T, work string) {
				sitetest.WriteFiles(t, filepath.Join(work, "site"), map[string]string{".git/HEAD": "garbage\n"})
			},
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
		},
		{
			name:   "--history is a yes or no",
			args:   []string{"build", "--source", "$SITE", "--history=maybe"},
			code:   exitUsage,
			output: "--history",
		},
	})
}
