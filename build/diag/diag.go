package diag

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported but the build still succeeds.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem, located in a source file. File is relative to
// the site root; Line is 1-based, or 0 when the problem concerns the whole
// file.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Severity Severity `json:"-"`
	Message  string   `json:"message"`
	// Code names the kind of problem (CodeBrokenLink), for tools that
	// filter the diagnostics; "" for the many without a name.
	Code string `json:"code,omitempty"`
}

// String formats the diagnostic the way compilers do, file:line: message,
// which editors and CI annotators recognise, on one line, with the control
// characters of the file's name and the message escaped: it is printed to
// terminals.
func (d Diagnostic) String() string {
	loc := EscapeControls(d.File)
	if d.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, d.Line)
	}
	if loc == "" {
		loc = "handbook"
	}
	msg := EscapeControls(d.Message)
	if d.Severity == Warning {
		return loc + ": warning: " + msg
	}
	return loc + ": " + msg
}

// List is a concurrency-safe collection of diagnostics. The zero value is
// ready to use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records a diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Errorf records an error at file:line.
func (l *List) Errorf(file string, line int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:line.
func (l *List) Warnf(file string, line int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Count returns how many errors and warnings were recorded.
func (l *List) Count() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any error was recorded.
func (l *List) HasErrors() bool {
	n, _ := l.Count()
	return n > 0
}

// Sorted returns the diagnostics ordered by file, line and message, with
// exact duplicates removed.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	out := append([]Diagnostic(nil), l.items...)
	l.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	dedup := out[:0]
	for i, d := range out {
		if i > 0 && d == out[i-1] {
			continue
		}
		dedup = append(dedup, d)
	}
	return dedup
}

// ErrContent is returned by a build that recorded content errors, so a
// caller can tell a problem in the handbook (exit 1) from a failure of the
// machine, such as an unwritable output folder.
var ErrContent = errors.New("the content has errors")
