package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// themeErrorCases are themes whose template fails, each with the file
// and line the error must be reported at and a part of its message.
var themeErrorCases = []struct {
	name    string
	files   map[string]string
	file    string
	line    int
	message string
}{
	{"parse error", map[string]string{
		"themes/x/layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}<article>\n{{.Title | nosuchfunc}}\n</article>{{end}}\n",
	}, "themes/x/layouts/page.html", 3, `function "nosuchfunc" not defined`},
	{"execution error", map[string]string{
		"themes/x/layouts/page.html": "{{template \"base\" .}}\n{{define \"main\"}}<article>\n{{.NoSuchField}}\n</article>{{end}}\n",
	}, "themes/x/layouts/page.html", 3, "can't evaluate field NoSuchField"},
	{"execution error in a partial", map[string]string{
		"themes/x/layouts/page.html":          "{{template \"base\" .}}\n{{define \"main\"}}<article>\n{{partialCached \"note\" .}}\n</article>{{end}}\n",
		"themes/x/layouts/partials/note.html": "{{define \"note\"}}<p>\n\n{{.Missing}}</p>{{end}}\n",
	}, "themes/x/layouts/partials/note.html", 3, "can't evaluate field Missing"},
}

// themeErrorSite is the checked site with theme x, made of files.
func themeErrorSite(t *testing.T, files map[string]string) string {
	site := checkedSite()
	site["handbook.toml"] = "theme = \"x\"\n" + site["handbook.toml"]
	for name, body := range files {
		site[name] = body
	}
	return writeSite(t, site)
}

// A theme's template that does not parse or fails as it runs is reported
// by build at its file and line, a partial's error at the partial's.
func TestBuildReportsTemplateErrorsAtTheirLine(t *testing.T) {
	for _, tt := range themeErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			root := themeErrorSite(t, tt.files)
			code, _, stderr := runCmd("build", "--source", root, "--dest", t.TempDir()+"/public")
			want := fmt.Sprintf("%s:%d: ", tt.file, tt.line)
			if code != exitContent || !hasLineWith(stderr, want, tt.message) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and a line starting %q about %q", code, stderr, exitContent, want, tt.message)
			}
		})
	}
}

// check reports a template's error at its file and line in each format:
// text, JSON and GitHub's annotations.
func TestCheckReportsTemplateErrorsAtTheirLine(t *testing.T) {
	for _, tt := range themeErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			root := themeErrorSite(t, tt.files)
			code, stdout, stderr := runCmd("check", "--source", root)
			want := fmt.Sprintf("%s:%d: ", tt.file, tt.line)
			if code != exitContent || !hasLineWith(stdout, want, tt.message) {
				t.Errorf("text: exit %d, stdout:\n%s%s\nwant a line starting %q about %q", code, stdout, stderr, want, tt.message)
			}

			code, stdout, _ = runCmd("check", "--source", root, "--format", "json")
			var got []struct {
				File, Message, Code string
				Line                int
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("json: %v\n%s", err, stdout)
			}
			found := false
			for _, d := range got {
				found = found || d.File == tt.file && d.Line == tt.line && d.Code == "template" && strings.Contains(d.Message, tt.message)
			}
			if code != exitContent || !found {
				t.Errorf("json: exit %d, %+v, want a template error at %s:%d about %q", code, got, tt.file, tt.line, tt.message)
			}

			code, stdout, _ = runCmd("check", "--source", root, "--format", "github")
			want = fmt.Sprintf("::error file=%s,line=%d,title=handbook check%%3A template::", tt.file, tt.line)
			if code != exitContent || !hasLineWith(stdout, want, tt.message) {
				t.Errorf("github: exit %d, stdout:\n%s\nwant a line starting %q about %q", code, stdout, want, tt.message)
			}
		})
	}
}

// hasLineWith reports whether a line of out starts with prefix and
// contains part.
func hasLineWith(out, prefix, part string) bool {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, prefix) && strings.Contains(l, part) {
			return true
		}
	}
	return false
}
