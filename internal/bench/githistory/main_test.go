package main

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// TestHistoryImports: the stream is one git fast-import takes, with a
// commit per change after the first, the same for the same seed, and
// the pages it renames are moved, not copied.
func TestHistoryImports(t *testing.T) {
	root := sitetest.Write(t, map[string]string{
		"content/vi/a.md": "---\ntitle: A\n---\n\nA.\n",
		"content/vi/b.md": "---\ntitle: B\n---\n\nB.\n",
		"content/fr/a.md": "---\ntitle: A\n---\n\nA.\n",
	})
	var stream, again bytes.Buffer
	if err := write(&stream, root, 300, 7); err != nil {
		t.Fatal(err)
	}
	if err := write(&again, root, 300, 7); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stream.Bytes(), again.Bytes()) {
		t.Error("the same seed writes another history")
	}
	sitetest.GitInit(t, root)
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir, cmd.Stdin = root, &stream
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git fast-import: %v\n%s", err, out)
	}
	commits := strings.Fields(sitetest.Git(t, root, nil, "rev-list", "--count", "main"))
	if len(commits) != 1 || commits[0] == "1" {
		t.Fatalf("rev-list --count: %v", commits)
	}
	files := sitetest.Git(t, root, nil, "ls-tree", "-r", "--name-only", "main")
	if !strings.Contains(files, "added-") || !strings.Contains(files, "-moved-") {
		t.Errorf("the history adds and renames no page:\n%s", files)
	}
	for _, name := range strings.Fields(files) {
		if moved, _, ok := strings.Cut(name, "-moved-"); ok && strings.Contains(files, moved+".md\n") {
			t.Errorf("%s is renamed but still there", moved)
		}
	}
}
