package main

import (
	"bytes"
	"fmt"
	"handbook/internal/sitetest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeSite writes files (path → content) into a new temporary folder and
// returns it.
func writeSite(t *testing.T, files map[string]string) string {
	return sitetest.Write(t, files)
}

func siteFiles() map[string]string {
	return map[string]string{
		"handbook.toml": `title = "Test"
baseURL = "https://handbook.example/"

[languages.vi]
name = "Tiếng Việt"
weight = 1
contentDir = "content/vi"

[languages.fr]
name = "Français"
weight = 2
contentDir = "content/fr"
`,
		"content/vi/_index.md":             "---\ntitle: Sổ tay\n---\n",
		"content/vi/about.md":              "---\ntitle: Giới thiệu\n---\n\nXem [nguyên tắc](principles/day-one.md).\n",
		"content/vi/principles/day-one.md": "---\ntitle: Luôn là Ngày 1\nkind: principle\n---\n\n## Giải thích\n",
		"content/fr/_index.md":             "---\ntitle: Le manuel\n---\n",
		"content/fr/about.md":              "---\ntitle: À propos\n---\n",
	}
}

// runCmd runs the command line and returns its exit code and output.
func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantStdout string
		wantStderr string
	}{
		{"no arguments", nil, "Usage:", ""},
		{"unknown command", []string{"frobnicate"}, "", `handbook: unknown command "frobnicate"`},
		{"bad flag", []string{"build", "--no-such-flag"}, "", "flag provided but not defined: -no-such-flag"},
		{"bad flag value", []string{"build", "--drafts=maybe"}, "", `invalid boolean value "maybe" for -drafts`},
		{"extra argument", []string{"build", "site"}, "", `handbook build: unexpected argument "site"`},
		{"help for unknown command", []string{"help", "frobnicate"}, "", `no help for unknown command "frobnicate"`},
		{"version with argument", []string{"version", "x"}, "", "usage: handbook version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(tt.args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
			if tt.wantStdout != "" && !strings.Contains(stdout, tt.wantStdout) {
				t.Errorf("stdout %q lacks %q", stdout, tt.wantStdout)
			}
			if tt.wantStdout == "" && stdout != "" {
				t.Errorf("unexpected stdout %q", stdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantStderr)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	code, stdout, stderr := runCmd("help", "build")
	if code != exitOK || stderr != "" {
		t.Fatalf("help build: exit %d, stderr %q", code, stderr)
	}
	for _, flag := range []string{"-source folder", "-dest folder", "-base-url address", "-drafts", "-timings", "-cpuprofile file", "-memprofile file"} {
		if !strings.Contains(stdout, "  "+flag+"\n") {
			t.Errorf("help build does not list %s:\n%s", flag, stdout)
		}
	}
	if !strings.HasPrefix(stdout, "usage: handbook build [flags]") {
		t.Errorf("help build starts with %q", stdout[:min(40, len(stdout))])
	}

	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, stdout, _ := runCmd(args...)
		if code != exitOK || !strings.Contains(stdout, "\tbuild ") || !strings.Contains(stdout, "\tversion ") {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version", "-version"} {
		code, stdout, stderr := runCmd(arg)
		if code != exitOK || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q", arg, code, stderr)
		}
		if !regexp.MustCompile(`^handbook \S+( go\S+)?\n$`).MatchString(stdout) {
			t.Errorf("%s printed %q", arg, stdout)
		}
	}
}

func TestBuildGoodSite(t *testing.T) {
	root := writeSite(t, siteFiles())
	dest := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCmd("build", "--source", root, "--dest", dest, "--timings")
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr: %q", stderr)
	}
	want := regexp.MustCompile(`^handbook: built 6 pages in 2 languages into ` + regexp.QuoteMeta(dest) + ` in \d+m?s\n` +
		`  vi: 4 pages \(1 pages, 1 principles, 2 sections\)\n` +
		`  fr: 2 pages \(1 pages, 1 sections\)\n` +
		`  config +\S+\n`)
	if !want.MatchString(stdout) {
		t.Errorf("stdout:\n%s\ndoes not match %s", stdout, want)
	}
	for _, stage := range []string{"read", "link", "templates", "render", "write"} {
		if !regexp.MustCompile(`(?m)^  ` + stage + ` +\S+$`).MatchString(stdout) {
			t.Errorf("--timings does not show %s:\n%s", stage, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "vi", "principles", "day-one", "index.html")); err != nil {
		t.Errorf("page not written: %v", err)
	}

	// Without --dest, the site goes to public/ in the site, shown relative.
	code, stdout, stderr = runCmd("build", "-source="+root)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, " into public in ") {
		t.Errorf("stdout: %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(root, "public", "index.html")); err != nil {
		t.Error(err)
	}
}

func TestBuildWithWarnings(t *testing.T) {
	files := siteFiles()
	files["handbook.toml"] = "theme = \"custom\"\n" + files["handbook.toml"]
	files["themes/custom/i18n/fr.toml"] = "skip_to_content = \"Aller au contenu\"\n"
	code, stdout, stderr := runCmd("build", "--source", writeSite(t, files), "--dest", filepath.Join(t.TempDir(), "out"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "handbook: built 6 pages") {
		t.Errorf("stdout: %q", stdout)
	}
	// One line for French, counting every string but the one it has.
	missing := len(sitetest.ThemeStrings(t, "vi")) - 1
	want := fmt.Sprintf(`themes/custom/i18n/fr.toml: warning: %d interface strings are not translated into fr ("breadcrumbs", "change_added", "change_changed", "change_restamped", "change_title", …): using vi`+"\n", missing)
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if strings.Contains(stderr, `"skip_to_content"`) {
		t.Errorf("a translated string reported:\n%s", stderr)
	}
}

func TestBuildCPUProfile(t *testing.T) {
	root := writeSite(t, siteFiles())
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	code, _, stderr := runCmd("build", "--source", root, "--dest", filepath.Join(t.TempDir(), "out"), "--cpuprofile", prof)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("profile not written: %v", err)
	}
}

// diagLine is the compilers' form editors jump to.
var diagLine = regexp.MustCompile(`^[^\s:]+:\d+: `)

func TestBuildBrokenLink(t *testing.T) {
	files := siteFiles()
	files["content/fr/about.md"] = "---\ntitle: À propos\n---\n\nTexte.\n\nVoir [la page](principles/absente.md).\n"
	root := writeSite(t, files)
	dest := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCmd("build", "--source", root, "--dest", dest)
	if code != exitContent {
		t.Errorf("exit %d, want %d", code, exitContent)
	}
	if stdout != "" {
		t.Errorf("stdout: %q", stdout)
	}
	want := "content/fr/about.md:7: broken link principles/absente.md: no such page in fr\n" +
		"handbook: 1 error(s); nothing was written\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if first := strings.SplitN(stderr, "\n", 2)[0]; !diagLine.MatchString(first) {
		t.Errorf("%q is not in file:line: form", first)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("output written by a failed build: %v", err)
	}
}

func TestBuildInvalidUTF8(t *testing.T) {
	files := siteFiles()
	files["content/vi/latin1.md"] = "---\ntitle: Caf\xe9\n---\n"
	code, _, stderr := runCmd("build", "--source", writeSite(t, files), "--dest", filepath.Join(t.TempDir(), "out"))
	if code != exitContent {
		t.Errorf("exit %d, want %d", code, exitContent)
	}
	if !strings.Contains(stderr, "content/vi/latin1.md:2: the file is not valid UTF-8") {
		t.Errorf("stderr does not name the file and line:\n%s", stderr)
	}
}

func TestBuildUnwritableDest(t *testing.T) {
	root := writeSite(t, siteFiles())
	file := filepath.Join(t.TempDir(), "file.txt")
	if err := os.WriteFile(file, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dest string
		code       int
		want       []string
	}{
		{"under a regular file", filepath.Join(file, "out"), exitContent, []string{"handbook: output folder " + filepath.Join(file, "out"), "not a directory"}},
		{"a regular file", file, exitUsage, []string{"handbook build: refusing to build into " + file + ": it exists and is not a folder"}},
		{"the site's folder", root, exitUsage, []string{"handbook build: refusing to build into " + root + ": it is the site's own folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd("build", "--source", root, "--dest", tt.dest)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if stdout != "" {
				t.Errorf("stdout: %q", stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			if strings.Contains(stderr, "panic") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("want one line of error, got %q", stderr)
			}
		})
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != "not a folder" {
		t.Errorf("the file was changed: %q %v", data, err)
	}
}

func TestBuildMissingSource(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	code, _, stderr := runCmd("build", "--source", missing)
	if code != exitContent {
		t.Errorf("exit %d, want %d", code, exitContent)
	}
	if want := "handbook: site folder " + missing + " does not exist or is not a folder\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}
