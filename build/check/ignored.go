package check

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"handbook/build/diag"
)

// ignoredGroup is one kind of thing the tool left aside, with the
// diagnostics that name it, in their order.
type ignoredGroup struct {
	Code  string            `json:"code"`
	Title string            `json:"title"`
	Items []diag.Diagnostic `json:"items"`
}

// splitIgnored takes the diagnostics of what the tool left aside (a Hugo
// site's layouts, its configuration keys, unknown shortcodes: see
// diag.IsIgnored) out of diags, grouped by kind in the order each first
// appears. What is left are the problems of the content.
func splitIgnored(diags []diag.Diagnostic) (problems []diag.Diagnostic, ignored []ignoredGroup) {
	at := map[string]int{}
	for _, d := range diags {
		if !diag.IsIgnored(d.Code) {
			problems = append(problems, d)
			continue
		}
		i, ok := at[d.Code]
		if !ok {
			i = len(ignored)
			at[d.Code] = i
			ignored = append(ignored, ignoredGroup{Code: d.Code, Title: diag.IgnoredTitle(d.Code)})
		}
		ignored[i].Items = append(ignored[i].Items, d)
	}
	return problems, ignored
}

// summaryLine is the summary on one line: each kind and how many things
// of it were left aside.
func summaryLine(groups []ignoredGroup) string {
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = g.Title + " (" + strconv.Itoa(len(g.Items)) + ")"
	}
	return "the handbook ignored what follows of this site: " + strings.Join(parts, ", ")
}

// writeTextSummary prints the summary after the problems: a title, then
// each kind, then its diagnostics as file:line: message, indented.
func writeTextSummary(w io.Writer, groups []ignoredGroup, dir string) error {
	if len(groups) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("handbook: note: " + summaryLine(groups) + "\n")
	for _, g := range groups {
		fmt.Fprintf(&b, "  %s:\n", g.Title)
		for _, d := range g.Items {
			d.File = join(dir, d.File)
			b.WriteString("    " + d.String() + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// gitHubSummary is the summary as one notice: the line, then each kind
// and its diagnostics, on lines of their own.
func gitHubSummary(groups []ignoredGroup, dir string) string {
	var b strings.Builder
	b.WriteString(summaryLine(groups))
	for _, g := range groups {
		b.WriteString("\n" + g.Title + ":")
		for _, d := range g.Items {
			d.File = join(dir, d.File)
			b.WriteString("\n  " + d.String())
		}
	}
	return "::notice title=" + escapeProperty("handbook check: "+diag.CodeIgnoredSummary) + "::" + escapeData(b.String()) + "\n"
}

// jsonSummary is the summary as the JSON array's last element: a note,
// with the kinds and their diagnostics.
type jsonSummary struct {
	jsonDiagnostic
	Ignored []jsonIgnored `json:"ignored"`
}

// jsonIgnored is one kind of the JSON summary.
type jsonIgnored struct {
	Code  string           `json:"code"`
	Title string           `json:"title"`
	Count int              `json:"count"`
	Items []jsonDiagnostic `json:"items"`
}

func newJSONSummary(groups []ignoredGroup, dir string) jsonSummary {
	s := jsonSummary{jsonDiagnostic: jsonDiagnostic{Severity: "note", Message: summaryLine(groups), Code: diag.CodeIgnoredSummary}}
	for _, g := range groups {
		k := jsonIgnored{Code: g.Code, Title: g.Title, Count: len(g.Items)}
		for _, d := range g.Items {
			k.Items = append(k.Items, toJSON(d, dir))
		}
		s.Ignored = append(s.Ignored, k)
	}
	return s
}
