package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestPublishCommand(t *testing.T) {
	files := checkedSite()
	root := writeSite(t, files)
	to := filepath.Join(t.TempDir(), "www")
	published := regexp.MustCompile(`^handbook: published 4 pages as release (\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}); ` + regexp.QuoteMeta(to) + `/current now points to it\n`)

	code, stdout, stderr := runCmd("publish", "--source", root, "--to", to, "--base-url", "https://intranet.example/handbook/")
	m := published.FindStringSubmatch(stdout)
	if code != exitOK || m == nil || stderr != "" {
		t.Fatalf("first publish: exit %d\n%s%s", code, stdout, stderr)
	}
	first := m[1]
	page := readFile(t, filepath.Join(to, "current", "vi", "index.html"))
	if !strings.Contains(page, `href="/handbook/vi/about/"`) {
		t.Error("--base-url is not applied")
	}

	code, stdout, _ = runCmd("publish", "--source", root, "--to", to, "--keep", "1")
	m = published.FindStringSubmatch(stdout)
	if code != exitOK || m == nil || !strings.Contains(stdout, "previous release: "+first) {
		t.Fatalf("second publish: exit %d\n%s", code, stdout)
	}
	second := m[1]

	// A broken link: nothing is published.
	sitePage := filepath.Join(root, "content/fr/about.md")
	if err := os.WriteFile(sitePage, []byte(files["content/fr/about.md"]+"\n[x](nowhere.md)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd("publish", "--source", root, "--to", to)
	if code != exitContent || stdout != "" {
		t.Errorf("broken site: exit %d, stdout %q", code, stdout)
	}
	want := "content/fr/about.md:10: broken link nowhere.md: no such page in fr\nhandbook publish: 1 error(s); nothing was published, " + to + " is unchanged\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if target, _ := os.Readlink(filepath.Join(to, "current")); target != filepath.Join("releases", second) {
		t.Errorf("current -> %s after a refused publish", target)
	}

	code, stdout, _ = runCmd("publish", "--to", to, "--rollback")
	if code != exitOK || stdout != "handbook: rolled back from release "+second+" to "+first+"\n" {
		t.Errorf("rollback: exit %d %q", code, stdout)
	}
	code, _, stderr = runCmd("publish", "--to", to, "--rollback")
	if code != exitContent || !strings.Contains(stderr, "no release before "+first) {
		t.Errorf("second rollback: exit %d %q", code, stderr)
	}
}

func TestPublishUsageErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"publish"}, "--to DIR is required"},
		{[]string{"publish", "--to", "x", "--keep", "0"}, "--keep must be at least 1"},
		{[]string{"publish", "--to", "x", "extra"}, `unexpected argument "extra"`},
		{[]string{"publish", "--to", "x", "--keep", "many"}, `invalid value "many" for flag -keep`},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, stderr)
		}
	}
}
