package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/check"
	"handbook/build/content"
	"handbook/internal/sitetest"
)

// TestTranslationsDiff: a translation stamped with the command, then its
// original edited in two commits (a field, a paragraph changed, one
// added, one removed): --diff prints each change at its line, from the
// translation's file or the original's.
func TestTranslationsDiff(t *testing.T) {
	g := sitetest.NewGitRepo(t, t.TempDir())
	g.Write(map[string]string{
		"handbook.toml":        sitetest.Config,
		"content/vi/_index.md": "---\ntitle: Sổ tay\n---\n",
		"content/fr/_index.md": "---\ntitle: Le manuel\n---\n",
		"content/vi/about.md":  "---\ntitle: Giới thiệu\nweight: 1\n---\n\n## Mục đích\n\nSổ tay giúp người mới.\n\nĐoạn sẽ bỏ.\n\nĐoạn cuối.\n",
		"content/fr/about.md":  "---\ntitle: À propos\n---\n\n## But\n\nLe manuel aide les nouveaux.\n\nParagraphe à retirer.\n\nDernier paragraphe.\n",
	})
	if code, _, stderr := runCmd("translations", "--source", g.Dir, "--stamp", "content/fr/about.md"); code != exitOK {
		t.Fatalf("stamp: %s", stderr)
	}
	g.Commit("about: first version")
	g.Write(map[string]string{"content/vi/about.md": "---\ntitle: Giới thiệu sổ tay\nweight: 2\n---\n\n## Mục đích\n\nSổ tay giúp mọi người mới.\n\nĐoạn cuối.\n"})
	g.Commit("about: for everyone")
	g.Write(map[string]string{"content/vi/about.md": "---\ntitle: Giới thiệu sổ tay\nweight: 2\n---\n\n## Mục đích\n\nSổ tay giúp mọi người mới.\n\nĐoạn cuối.\n\nMột đoạn mới.\n"})

	want := `content/fr/about.md translates content/vi/about.md
stamped against HASH: commit SHORT of 2026-03-01, "about: first version"
now: content/vi/about.md as it is on disk, with changes not committed

title: [-"Giới thiệu"-] → {+"Giới thiệu sổ tay"+}

content/vi/about.md:8: changed
    Sổ tay giúp {+mọi +}người mới.

content/vi/about.md:10: removed (the line of the version stamped)
    [-Đoạn sẽ bỏ.-]

content/vi/about.md:12: added
    {+Một đoạn mới.+}
`
	short := strings.TrimSpace(g.Git("log", "--format=%h", "-1", "HEAD~1"))
	want = strings.Replace(want, "SHORT", short, 1)
	for _, page := range []string{"content/fr/about.md", "content/vi/about.md"} {
		code, stdout, stderr := runCmd("translations", "--source", g.Dir, "--diff", page)
		if code != exitOK {
			t.Fatalf("--diff %s: exit %d\n%s", page, code, stderr)
		}
		hash := strings.TrimPrefix(strings.SplitN(stdout, "\n", 3)[1], "stamped against ")[:12]
		if got := strings.Replace(stdout, hash, "HASH", 1); got != want {
			t.Errorf("--diff %s:\n%s\nwant\n%s", page, got, want)
		}
	}
}

// TestTranslationsDiffInColour: on a terminal, insertions are green and
// deletions red, struck through, without the plain marks.
func TestTranslationsDiffInColour(t *testing.T) {
	var b bytes.Buffer
	s := &check.Since{Now: &check.Source{Page: &content.Page{File: "content/vi/a.md"}}}
	change := check.BodyChange{Change: check.Changed, New: &check.Paragraph{Line: 3}, Words: check.WordDiff("a b", "a c")}
	printChange(&b, s, change, colourStyle)
	if got, want := b.String(), "\ncontent/vi/a.md:3: changed\n    a \x1b[31;9mb\x1b[0m\x1b[32mc\x1b[0m\n"; got != want {
		t.Errorf("coloured:\n%q\nwant\n%q", got, want)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if colourTerminal(f) || colourTerminal(&b) {
		t.Error("a file or a buffer is taken for a terminal")
	}
}
