package shortcode

import (
	"fmt"
	"sort"
	"sync"

	"handbook/build/diag"
)

// tally counts the uses of unknown shortcodes across the pages, which are
// expanded on every core, to report each name once.
type tally struct {
	mu   sync.Mutex
	uses map[string]*use
}

// use is what is known of one unknown shortcode: how often it is used,
// its first place (by file and line), and whether any use had content.
type use struct {
	count  int
	file   string
	line   int
	paired bool
}

func (t *tally) add(name, file string, line int, paired bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.uses == nil {
		t.uses = map[string]*use{}
	}
	u := t.uses[name]
	if u == nil {
		u = &use{file: file, line: line}
		t.uses[name] = u
	}
	u.count++
	u.paired = u.paired || paired
	if file < u.file || file == u.file && line < u.line {
		u.file, u.line = file, line
	}
}

// Report reports, once each, the shortcodes the tool did not know since
// the last report, and the site's shortcode templates it could not use.
func (x *Expander) Report(diags *diag.List) {
	x.templates.reportProblems(diags)
	x.templates.reportFailures(diags)
	x.tally.mu.Lock()
	uses := x.tally.uses
	x.tally.uses = nil
	x.tally.mu.Unlock()
	names := make([]string, 0, len(uses))
	for name := range uses {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		u := uses[name]
		what := "dropped (it has no content)"
		if u.paired {
			what = fmt.Sprintf(`its content kept in <div class="shortcode-%s">`, className(name))
		}
		diags.Add(diag.Diagnostic{File: u.file, Line: u.line, Severity: diag.Warning, Code: diag.CodeUnknownShortcode,
			Message: fmt.Sprintf("unknown shortcode %q (%s), %s", name, times(u.count), what)})
	}
}

func times(n int) string {
	if n == 1 {
		return "used once"
	}
	return fmt.Sprintf("used %d times", n)
}
