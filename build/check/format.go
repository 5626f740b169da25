package check

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"handbook/build/diag"
)

// Format is a way of printing diagnostics.
type Format string

// The formats: compilers' file:line: message, a JSON array for tools,
// and GitHub Actions' workflow commands, which annotate the lines of a
// pull request.
const (
	Text   Format = "text"
	JSON   Format = "json"
	GitHub Format = "github"
)

// ParseFormat reads a format's name.
func ParseFormat(name string) (Format, error) {
	switch f := Format(name); f {
	case Text, JSON, GitHub:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q (known: text, json, github)", name)
}

// Strict returns diags with every warning made an error, but for what
// the tool left aside of a site (diag.IsIgnored), which is no problem of
// its content.
func Strict(diags []diag.Diagnostic) []diag.Diagnostic {
	out := make([]diag.Diagnostic, len(diags))
	for i, d := range diags {
		if !diag.IsIgnored(d.Code) {
			d.Severity = diag.Error
		}
		out[i] = d
	}
	return out
}

// Write prints diags in format f, then, when the site has things the
// tool left aside (diag.IsIgnored), one summary of them in place of
// their diagnostics. dir is joined before each file's path: the site's
// folder as seen from where the paths are read (GitHub reads them from
// the repository's root).
func Write(w io.Writer, diags []diag.Diagnostic, f Format, dir string) error {
	problems, ignored := splitIgnored(diags)
	switch f {
	case JSON:
		return writeJSON(w, problems, ignored, dir)
	case GitHub:
		return writeGitHub(w, problems, ignored, dir)
	}
	for _, d := range problems {
		d.File = join(dir, d.File)
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return writeTextSummary(w, ignored, dir)
}

func join(dir, file string) string {
	if dir == "" || dir == "." || file == "" {
		return file
	}
	return path.Join(dir, file)
}

// jsonDiagnostic is one element of the JSON array.
type jsonDiagnostic struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Code     string `json:"code"`
}

func toJSON(d diag.Diagnostic, dir string) jsonDiagnostic {
	return jsonDiagnostic{join(dir, d.File), d.Line, d.Severity.String(), d.Message, codeOf(d)}
}

// writeJSON prints one array: the problems, then the summary of what was
// left aside, when there is any.
func writeJSON(w io.Writer, diags []diag.Diagnostic, ignored []ignoredGroup, dir string) error {
	out := make([]any, 0, len(diags)+1)
	for _, d := range diags {
		out = append(out, toJSON(d, dir))
	}
	if len(ignored) > 0 {
		out = append(out, newJSONSummary(ignored, dir))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// codeOf names a diagnostic's kind; the build's own diagnostics mostly
// have no name.
func codeOf(d diag.Diagnostic) string {
	if d.Code == "" {
		return diag.CodeBuild
	}
	return d.Code
}

// writeGitHub prints workflow commands:
// ::error file=content/vi/a.md,line=3,title=broken-link::message
func writeGitHub(w io.Writer, diags []diag.Diagnostic, ignored []ignoredGroup, dir string) error {
	for _, d := range diags {
		var props []string
		if d.File != "" {
			props = append(props, "file="+escapeProperty(join(dir, d.File)))
		}
		if d.Line > 0 {
			props = append(props, "line="+strconv.Itoa(d.Line))
		}
		props = append(props, "title="+escapeProperty("handbook check: "+codeOf(d)))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), escapeData(d.Message)); err != nil {
			return err
		}
	}
	if len(ignored) == 0 {
		return nil
	}
	_, err := io.WriteString(w, gitHubSummary(ignored, dir))
	return err
}

// escapeData and escapeProperty escape as the Actions runner unescapes.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
