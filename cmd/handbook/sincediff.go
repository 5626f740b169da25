package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/diag"
)

// showDiffs prints, for the translations of each target, what changed in
// their originals since their stamps. The exit code is 1 when one could
// not be shown.
func showDiffs(site *build.Site, targets []string, lang string, stdout, stderr io.Writer) int {
	code := exitOK
	style := plainStyle
	if colourTerminal(stdout) {
		style = colourStyle
	}
	first := true
	for _, target := range targets {
		pages, err := check.DiffTargets(site, target, lang)
		if err != nil {
			fmt.Fprintf(stderr, "handbook translations: %v\n", err)
			code = exitContent
			continue
		}
		for _, p := range pages {
			s, err := check.SinceStamp(context.Background(), site, p)
			if err != nil {
				fmt.Fprintf(stderr, "handbook translations: %s\n", diag.EscapeControls(err.Error()))
				code = exitContent
				continue
			}
			if !first {
				fmt.Fprintln(stdout)
			}
			first = false
			printSince(stdout, s, style)
		}
	}
	return code
}

// colourTerminal reports whether w is a terminal that shows colours:
// NO_COLOR (no-color.org) and TERM=dumb turn them off.
func colourTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// diffStyle marks the words a diff inserted and deleted.
type diffStyle struct {
	insStart, insEnd, delStart, delEnd string
}

var (
	// plainStyle marks them as git diff --word-diff=plain does.
	plainStyle = diffStyle{"{+", "+}", "[-", "-]"}
	// colourStyle shows them in green and struck-through red.
	colourStyle = diffStyle{"\x1b[32m", "\x1b[0m", "\x1b[31;9m", "\x1b[0m"}
)

// printSince prints one translation's changes: where the stamp leads,
// what "now" is, the fields, then each paragraph that changed, at its
// line.
func printSince(w io.Writer, s *check.Since, style diffStyle) {
	tr, now := s.Translation, s.Now
	fmt.Fprintf(w, "%s translates %s\n", esc(tr.File), esc(now.File))
	if s.UpToDate() {
		fmt.Fprintf(w, "up to date: the original's text is the one stamped (sourceHash %s)\n", tr.SourceHash)
		return
	}
	v := s.Stamped
	fmt.Fprintf(w, "stamped against %s: commit %s of %s, %q", tr.SourceHash, v.Short(), v.Date.Format("2006-01-02"), esc(v.Subject))
	if v.Path != now.File {
		fmt.Fprintf(w, ", then at %s", esc(v.Path))
	}
	fmt.Fprintln(w)
	nowIs := "now: " + esc(now.File) + " as it is on disk"
	if s.Uncommitted {
		nowIs += ", with changes not committed"
	}
	fmt.Fprintln(w, nowIs)
	for _, f := range s.Fields {
		fmt.Fprintf(w, "\n%s: %s%q%s → %s%q%s\n", f.Name, style.delStart, esc(f.Old), style.delEnd, style.insStart, esc(f.New), style.insEnd)
	}
	for _, c := range s.Body {
		printChange(w, s, c, style)
	}
}

// printChange prints a paragraph that changed, indented under the line
// of the original it is on (or was, for one removed).
func printChange(w io.Writer, s *check.Since, c check.BodyChange, style diffStyle) {
	var where string
	var words []check.Word
	switch c.Change {
	case check.Changed:
		where = fmt.Sprintf("%s:%d: changed", esc(s.Now.File), c.New.Line)
		words = c.Words
	case check.Added:
		where = fmt.Sprintf("%s:%d: added", esc(s.Now.File), c.New.Line)
		words = []check.Word{{Op: check.Inserted, Text: c.New.Text}}
	case check.Removed:
		where = fmt.Sprintf("%s:%d: removed (the line of the version stamped)", esc(s.Stamped.Path), c.Old.Line)
		words = []check.Word{{Op: check.Deleted, Text: c.Old.Text}}
	default:
		return
	}
	fmt.Fprintf(w, "\n%s\n", where)
	var b strings.Builder
	for _, word := range words {
		start, end := "", ""
		switch word.Op {
		case check.Inserted:
			start, end = style.insStart, style.insEnd
		case check.Deleted:
			start, end = style.delStart, style.delEnd
		}
		// Marks open and close on each line, so that a line read alone
		// (or a terminal's colour) says what it is.
		lines := strings.Split(word.Text, "\n")
		for i, l := range lines {
			if i > 0 {
				b.WriteString("\n")
			}
			if l != "" {
				b.WriteString(start + esc(l) + end)
			}
		}
	}
	for _, l := range strings.Split(b.String(), "\n") {
		fmt.Fprintf(w, "    %s\n", l)
	}
}

// esc escapes the characters a terminal would act on.
func esc(s string) string { return diag.EscapeControls(s) }
