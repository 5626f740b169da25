package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// checkedSite is a bilingual site with nothing for check to report.
func checkedSite() map[string]string {
	return map[string]string{
		"handbook.toml":        "title = \"Test\"\n[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/vi/_index.md": "---\ntitle: Sổ tay\ndescription: Trang chủ.\n---\n\nXem [giới thiệu](about.md).\n",
		"content/vi/about.md":  "---\ntitle: Giới thiệu\ndescription: Về sổ tay.\n---\n\nMột.\n",
		"content/fr/_index.md": "---\ntitle: Le manuel\ndescription: Accueil.\n---\n\nVoir [à propos](about.md).\n",
		"content/fr/about.md":  "+++\ntitle = \"À propos\"\ndescription = \"Le manuel.\"\n[params]\nicon = \"sun\"\n+++\n\nUn.\n",
	}
}

func TestCheckExitCodes(t *testing.T) {
	withWarning := checkedSite()
	withWarning["content/fr/about.md"] = "---\ntitle: À propos\n---\n"
	withError := checkedSite()
	withError["content/vi/about.md"] += "\n![ảnh](missing.png)\n"
	tests := []struct {
		name   string
		files  map[string]string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"clean", checkedSite(), nil, exitOK, "", "handbook check: 4 pages, 0 error(s), 0 warning(s)\n"},
		{"clean, strict", checkedSite(), []string{"--strict"}, exitOK, "", ""},
		{"a warning", withWarning, nil, exitOK, "content/fr/about.md: warning: the page has no description", "0 error(s), 1 warning(s)"},
		{"a warning, strict", withWarning, []string{"--strict"}, exitContent, "content/fr/about.md: the page has no description", "1 error(s), 0 warning(s)"},
		{"an error", withError, nil, exitContent, "content/vi/about.md:8: broken link missing.png: no file at /vi/about/missing.png\n", "1 error(s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"check", "--source", writeSite(t, tt.files)}, tt.args...)
			code, stdout, stderr := runCmd(args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) || tt.stdout == "" && stdout != "" {
				t.Errorf("stdout %q, want %q", stdout, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
		})
	}
}

func TestCheckFormats(t *testing.T) {
	files := checkedSite()
	files["content/fr/about.md"] = "---\ntitle: À propos\n---\n"
	files["content/vi/about.md"] += "\n[x](#khong-co)\n"
	root := writeSite(t, files)

	code, stdout, _ := runCmd("check", "--source", root, "--format", "json")
	if code != exitContent {
		t.Errorf("json: exit %d", code)
	}
	var got []struct{ File, Severity, Message, Code string }
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, stdout)
	}
	if len(got) != 2 || got[0].Code != "empty-description" || got[0].Severity != "warning" || got[1].Code != "missing-anchor" {
		t.Errorf("json: %+v", got)
	}

	code, stdout, _ = runCmd("check", "--source", root, "--format=github", "--strict")
	if code != exitContent {
		t.Errorf("github: exit %d", code)
	}
	annotation := regexp.MustCompile(`^::error file=[^,]*content/[a-z/]+\.md(,line=\d+)?,title=[^:]*::.+$`)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, l := range lines {
		if !annotation.MatchString(l) {
			t.Errorf("github: %q is not an error annotation", l)
		}
	}
	if len(lines) != 2 {
		t.Errorf("github: %d lines", len(lines))
	}
}

func TestCheckUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"check", "--format", "xml"}, {"check", "site"}, {"check", "--strict=maybe"}} {
		if code, _, _ := runCmd(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	missing := filepath.Join(t.TempDir(), "nowhere")
	if code, _, stderr := runCmd("check", "--source", missing); code != exitContent || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing site: exit %d, %q", code, stderr)
	}
}

// TestRepositoryHandbookChecks: the handbook this repository publishes
// passes the strictest check.
func TestRepositoryHandbookChecks(t *testing.T) {
	code, stdout, stderr := runCmd("check", "--strict", "--source", filepath.Join("..", ".."))
	if code != exitOK || stdout != "" {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
}
