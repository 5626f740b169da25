package check_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"handbook/build/check"
	"handbook/build/diag"
)

var sample = []diag.Diagnostic{
	{File: "content/fr/a.md", Line: 4, Severity: diag.Warning, Code: diag.CodeOutdatedTranslation, Message: "out of date: x, y"},
	{File: "content/vi/b.md", Line: 0, Severity: diag.Error, Message: "100% broken:\nreally"},
	{File: "", Line: 0, Severity: diag.Error, Message: "no languages"},
}

func write(t *testing.T, diags []diag.Diagnostic, f check.Format, dir string) string {
	t.Helper()
	var b bytes.Buffer
	if err := check.Write(&b, diags, f, dir); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestFormatText(t *testing.T) {
	want := "site/content/fr/a.md:4: warning: out of date: x, y\n" +
		"site/content/vi/b.md: 100% broken:\\nreally\n" +
		"handbook: no languages\n"
	if got := write(t, sample, check.Text, "site"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A file name or message that would drive the terminal (colours, a
// cursor move, a line of its own, text turned right to left) is printed
// with those characters escaped, as Go writes them, on one line; the
// marks of Vietnamese and French are left as they are.
func TestFormatTextEscapesControls(t *testing.T) {
	diags := []diag.Diagnostic{
		{File: "content/vi/a\x1b[31mred.md", Line: 2, Severity: diag.Error, Message: "link to \"b\x1b]0;title\x07.md\" leads nowhere"},
		{File: "content/vi/new\nline.md", Line: 1, Severity: diag.Warning, Message: "no description"},
		{File: "content/vi/l\u202eftxt.md", Line: 3, Severity: diag.Error, Message: "tab\there, CR\rhere, DEL\x7f, C1\u0085, bad byte \xff"},
		{File: "content/vi/đường-lối.md", Line: 4, Severity: diag.Error, Message: "« Khách hàng » n’existe pas"},
	}
	want := "content/vi/a\\x1b[31mred.md:2: link to \"b\\x1b]0;title\\a.md\" leads nowhere\n" +
		"content/vi/new\\nline.md:1: warning: no description\n" +
		"content/vi/l\\u202eftxt.md:3: tab\\there, CR\\rhere, DEL\\x7f, C1\\u0085, bad byte \\xff\n" +
		"content/vi/đường-lối.md:4: « Khách hàng » n’existe pas\n"
	got := write(t, diags, check.Text, "")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if strings.Count(got, "\n") != len(diags) || strings.ContainsAny(got, "\x1b\x07\r\u202e\x7f") {
		t.Errorf("control characters got through: %q", got)
	}
}

func TestFormatJSON(t *testing.T) {
	var got []map[string]any
	if err := json.Unmarshal([]byte(write(t, sample, check.JSON, "")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d elements", len(got))
	}
	want := map[string]any{"file": "content/fr/a.md", "line": 4.0, "severity": "warning", "message": "out of date: x, y", "code": "outdated-translation"}
	for k, v := range want {
		if got[0][k] != v {
			t.Errorf("%s = %v, want %v", k, got[0][k], v)
		}
	}
	if got[1]["code"] != "build" || got[1]["severity"] != "error" {
		t.Errorf("a diagnostic without a code: %v", got[1])
	}
	if out := write(t, nil, check.JSON, ""); strings.TrimSpace(out) != "[]" {
		t.Errorf("no diagnostics: %q, want []", out)
	}
}

// annotation is the syntax of a GitHub Actions workflow command.
var annotation = regexp.MustCompile(`^::(error|warning)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::[^\r\n]*$`)

func TestFormatGitHub(t *testing.T) {
	out := write(t, sample, check.GitHub, "docs")
	want := "::warning file=docs/content/fr/a.md,line=4,title=handbook check%3A outdated-translation::out of date: x, y\n" +
		"::error file=docs/content/vi/b.md,title=handbook check%3A build::100%25 broken:%0Areally\n" +
		"::error title=handbook check%3A build::no languages\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !annotation.MatchString(line) {
			t.Errorf("not a workflow command: %q", line)
		}
	}
}

func TestStrict(t *testing.T) {
	strict := check.Strict(sample)
	for _, d := range strict {
		if d.Severity != diag.Error {
			t.Errorf("%v is not an error", d)
		}
	}
	if sample[0].Severity != diag.Warning {
		t.Error("Strict changed its argument")
	}
	if out := write(t, strict[:1], check.GitHub, ""); !strings.HasPrefix(out, "::error ") {
		t.Errorf("a strict warning is annotated %q", out)
	}
}

func TestParseFormat(t *testing.T) {
	for _, name := range []string{"text", "json", "github"} {
		if f, err := check.ParseFormat(name); err != nil || string(f) != name {
			t.Errorf("%s: %v %v", name, f, err)
		}
	}
	if _, err := check.ParseFormat("xml"); err == nil || !strings.Contains(err.Error(), "known: text, json, github") {
		t.Errorf("xml: %v", err)
	}
}
