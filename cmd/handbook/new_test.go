package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCommand(t *testing.T) {
	root := writeSite(t, siteFiles())
	code, stdout, stderr := runCmd("new", "exercise", "press-release", "--source", root)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := []string{
		filepath.Join(root, "content/vi/exercises/press-release.md"),
		filepath.Join(root, "content/fr/exercises/press-release.md"),
	}
	if got := strings.Fields(stdout); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("printed %q, want the two files", stdout)
	}
	for _, f := range want {
		data, err := os.ReadFile(f)
		if err != nil || !strings.Contains(string(data), "draft: true") {
			t.Errorf("%s: %v\n%s", f, err, data)
		}
	}

	// The site still builds and checks cleanly: the drafts are left out.
	if code, _, stderr := runCmd("check", "--source", root); code != exitOK || !strings.Contains(stderr, "2 draft(s) not checked") {
		t.Errorf("check: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd("build", "--source", root, "--dest", filepath.Join(t.TempDir(), "public")); code != exitOK {
		t.Errorf("build: exit %d: %s", code, stderr)
	}

	// Asked again, it refuses and names the files.
	code, stdout, stderr = runCmd("new", "--source", root, "exercise", "press-release")
	if code != exitContent || stdout != "" || !strings.Contains(stderr, "content/vi/exercises/press-release.md and content/fr/exercises/press-release.md already exist") {
		t.Errorf("again: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// One language.
	code, stdout, _ = runCmd("new", "story", "call-back", "--lang", "fr", "--source", root)
	if code != exitOK || strings.TrimSpace(stdout) != filepath.Join(root, "content/fr/stories/call-back.md") {
		t.Errorf("--lang fr: exit %d, stdout %q", code, stdout)
	}
}

func TestNewUsageErrors(t *testing.T) {
	root := writeSite(t, siteFiles())
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"new"}, "want a KIND and a SLUG, got 0 argument(s)"},
		{[]string{"new", "principle"}, "want a KIND and a SLUG, got 1 argument(s)"},
		{[]string{"new", "principle", "a", "b"}, "want a KIND and a SLUG, got 3 argument(s)"},
		{[]string{"new", "chapter", "x"}, `unknown kind "chapter": a new page is one of principle, letter, quote, story, exercise`},
		{[]string{"new", "principle", "Think_Big"}, `"Think_Big" is not a slug`},
		{[]string{"new", "letter", "next-year"}, "a letter is named by its year"},
		{[]string{"new", "principle", "x", "--lang", "de", "--source", root}, "--lang de: the site's languages are vi, fr, or all"},
		{[]string{"new", "principle", "x", "--no-such-flag"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCmd(tt.args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, stdout, stderr, tt.want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "content/vi")); len(entries) != 3 {
		t.Errorf("a refused command wrote something: %v", entries)
	}
}

// After "--" every argument is positional, even one that looks like a
// flag.
func TestParseInterspersed(t *testing.T) {
	var f newFlags
	fs := newFlagSet("new", newUsage, &strings.Builder{})
	f.register(fs)
	got, err := parseInterspersed(fs, []string{"--lang", "vi", "principle", "--source", "site", "x", "--", "--y"})
	if err != nil || strings.Join(got, " ") != "principle x --y" || f.lang != "vi" || f.source != "site" {
		t.Errorf("got %q, %v; lang %q, source %q", got, err, f.lang, f.source)
	}
}
