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

// Strict returns diags with every warning made an error.
func Strict(diags []diag.Diagnostic) []diag.Diagnostic {
	out := make([]diag.Diagnostic, len(diags))
	for i, d := range diags {
		d.Severity = diag.Error
		out[i] = d
	}
	return out
}

// Write prints diags in format f. dir is joined before each file's path:
// the site's folder as seen from where the paths are read (GitHub reads
// them from the repository's root).
func Write(w io.Writer, diags []diag.Diagnostic, f Format, dir string) error {
	switch f {
	case JSON:
		return writeJSON(w, diags, dir)
	case GitHub:
		return writeGitHub(w, diags, dir)
	}
	for _, d := range diags {
		d.File = join(dir, d.File)
		if _, err := fmt.Fprintln(w, d.String()); err != nil {
			return err
		}
	}
	return nil
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

func writeJSON(w io.Writer, diags []diag.Diagnostic, dir string) error {
	out := make([]jsonDiagnostic, len(diags))
	for i, d := range diags {
		out[i] = jsonDiagnostic{join(dir, d.File), d.Line, d.Severity.String(), d.Message, codeOf(d)}
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
func writeGitHub(w io.Writer, diags []diag.Diagnostic, dir string) error {
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
	return nil
}

// escapeData and escapeProperty escape as the Actions runner unescapes.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
