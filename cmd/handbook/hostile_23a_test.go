package main

import (
	"os"
	"path/filepath"
	"testing"

	"handbook/build/content"
	"handbook/internal/sitetest"
)

// TestHostile23a: translations --diff on histories nobody here made as
// expected: none, a shallow one, an original gone, text that would
// command the terminal.
func TestHostile23a(t *testing.T) {
	const v1 = "---\ntitle: Giới thiệu\n---\n\nVề sổ tay.\n"
	stamped := withFiles(map[string]string{
		"content/fr/about.md": "---\ntitle: À propos\nsourceHash: \"" + textHash(t, v1) + "\"\n---\n\nÀ propos du manuel.\n",
	})
	// committed makes the site a repository with every file committed,
	// then writes edits over the original, committed too when commit.
	committed := func(edit string, commit bool) func(t *testing.T, work string) {
		return func(t *testing.T, work string) {
			g := sitetest.NewGitRepo(t, filepath.Join(work, "site"))
			g.Commit("the handbook")
			if edit != "" {
				g.Write(map[string]string{"content/vi/about.md": edit})
			}
			if commit {
				g.Commit("about: edited")
			}
		}
	}
	runHostile(t, []hostileCase{
		{
			name:   "diff outside a git repository",
			files:  stamped,
			args:   []string{"translations", "--diff", "content/fr/about.md"},
			code:   exitContent,
			output: "content/fr/about.md: the site is not in a git repository",
		},
		{
			name:  "diff and stamp at once",
			files: stamped,
			args:  []string{"translations", "--diff", "content/fr/about.md", "--stamp", "content/fr/about.md"},
			code:  exitUsage, output: "--stamp and --diff go one at a time",
		},
		{
			name:  "diff of a page that is not there",
			files: stamped, setup: committed("", false),
			args: []string{"translations", "--diff", "content/fr/nowhere.md"},
			code: exitContent, output: "content/fr/nowhere.md: no such page",
		},
		{
			name:  "diff of a path outside the site",
			files: stamped, setup: committed("", false),
			args: []string{"translations", "--diff", "../../../../etc/passwd"},
			code: exitContent, output: "../../../../etc/passwd: no such page, folder of pages or translationKey",
		},
		{
			name:  "diff of an original without translation",
			files: stamped, setup: committed("", false),
			args: []string{"translations", "--diff", "content/vi/principles/day-one.md"},
			code: exitContent, output: "content/vi/principles/day-one.md: no translation of it to compare",
		},
		{
			name:  "original edited with terminal escapes",
			files: stamped, setup: committed("---\ntitle: Giới thiệu\n---\n\nVề sổ tay\x1b[2J\x1b]0;pwned\x07 \u202egnol.\n", true),
			args:      []string{"translations", "--diff", "content/fr/about.md"},
			code:      exitOK,
			output:    `Về sổ tay{+\x1b[2J\x1b]0;pwned\a \u202egnol+}.`,
			notOutput: []string{"\x1b", "\x07", "\u202e"},
		},
		{
			name:  "original that does not read",
			files: stamped, setup: committed("---\ntitle: [unclosed\n---\n", true),
			args: []string{"translations", "--diff", "content/fr/about.md"},
			code: exitContent, output: "content/vi/about.md is there, but does not read as a page",
		},
		{
			name:  "original deleted",
			files: stamped,
			setup: func(t *testing.T, work string) {
				g := sitetest.NewGitRepo(t, filepath.Join(work, "site"))
				g.Commit("the handbook")
				g.Git("rm", "-q", "content/vi/about.md")
				g.Commit("about: gone")
			},
			args:   []string{"translations", "--diff", "content/fr/about.md"},
			code:   exitContent,
			output: "its original content/vi/about.md was deleted in commit",
		},
		{
			name:  "shallow clone",
			files: stamped,
			setup: func(t *testing.T, work string) {
				committed("---\ntitle: Giới thiệu\n---\n\nVề sổ tay mới.\n", true)(t, work)
				origin := filepath.Join(work, "origin")
				if err := os.Rename(filepath.Join(work, "site"), origin); err != nil {
					t.Fatal(err)
				}
				sitetest.NewGitRepo(t, origin).Git("clone", "-q", "--depth", "1", "file://"+origin, filepath.Join(work, "site"))
			},
			args:   []string{"translations", "--diff", "content/fr/about.md"},
			code:   exitContent,
			output: "the history is shallow: run git fetch --unshallow",
		},
	})
}

// textHash is the stamp of an original of vi with text data.
func textHash(t *testing.T, data string) string {
	t.Helper()
	p, _, errs := content.ParsePage("vi", "content/vi/about.md", "about.md", []byte(data))
	if p == nil || len(errs) > 0 {
		t.Fatalf("parse: %v", errs)
	}
	return p.TextHash
}
