package shortcode

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"handbook/build/diag"
	"handbook/build/internal/files"
)

// siteTemplates are a site's own shortcode templates, by name.
type siteTemplates struct {
	byName map[string]*siteTemplate
	// problems are the templates that do not parse with what the tool's
	// templates offer, reported once per build.
	problems []diag.Diagnostic
	// problemsReported is set once problems are reported.
	problemsReported atomic.Bool
	// failures are the templates that failed as they ran, by name, each
	// reported once.
	mu       sync.Mutex
	failures map[string]diag.Diagnostic
}

// siteTemplate is one parsed template. It is never run itself: each use
// runs a clone with the functions bound to its page.
type siteTemplate struct {
	file string
	tmpl *template.Template
}

// templateDirs are where a site keeps its shortcode templates, the newer
// place first.
func templateDirs() []string {
	return []string{filepath.Join("layouts", "_shortcodes"), filepath.Join("layouts", "shortcodes")}
}

// maxTemplateSize bounds a template read into memory.
const maxTemplateSize = 1 << 20

// loadTemplates parses the site's shortcode templates; one that does not
// parse is a problem at its line, and its shortcode is not the site's.
func loadTemplates(root string) *siteTemplates {
	st := &siteTemplates{byName: map[string]*siteTemplate{}}
	if root == "" {
		return st
	}
	for _, dir := range templateDirs() {
		abs := filepath.Join(root, dir)
		_ = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
				return nil
			}
			rel, _ := filepath.Rel(abs, p)
			name := strings.TrimSuffix(filepath.ToSlash(rel), ".html")
			if _, taken := st.byName[name]; !taken {
				st.load(root, p, name)
			}
			return nil
		})
	}
	return st
}

// load parses the template of shortcode name from file p.
func (st *siteTemplates) load(root, p, name string) {
	file, _ := filepath.Rel(root, p)
	file = filepath.ToSlash(file)
	src, err := files.Read(p, maxTemplateSize)
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	if err == nil {
		var t *template.Template
		t, err = template.New(name).Funcs(templateFuncs(nil)).Parse(string(src))
		if err == nil {
			st.byName[name] = &siteTemplate{file: file, tmpl: t}
			return
		}
	}
	st.problems = append(st.problems, diag.Diagnostic{File: file, Line: templateLine(err), Severity: diag.Warning,
		Code: diag.CodeShortcodeTemplate, Message: fmt.Sprintf("shortcode %q is not run: %s", name, templateMessage(err))})
}

// templateLine is the line a template error names ("template: x:3: …"),
// or 0.
func templateLine(err error) int {
	line, _ := splitTemplateError(err)
	return line
}

// templateMessage is a template error without its "template: x:3:"
// prefix, which the diagnostic's place says.
func templateMessage(err error) string {
	_, msg := splitTemplateError(err)
	return msg
}

// splitTemplateError splits "template: name:3:14: message" (or
// "template: name:3: message") into its line and its message.
func splitTemplateError(err error) (int, string) {
	s := err.Error()
	rest, ok := strings.CutPrefix(s, "template: ")
	if !ok {
		return 0, s
	}
	parts := strings.SplitN(rest, ":", 4)
	if len(parts) < 3 {
		return 0, s
	}
	line, err2 := strconv.Atoi(parts[1])
	if err2 != nil {
		return 0, s
	}
	msg := strings.Join(parts[2:], ":")
	if _, err := strconv.Atoi(parts[2]); err == nil && len(parts) == 4 {
		msg = parts[3]
	}
	return line, strings.TrimSpace(msg)
}

// fail records that a template failed as it ran, to report it once.
func (st *siteTemplates) fail(t *siteTemplate, name string, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.failures == nil {
		st.failures = map[string]diag.Diagnostic{}
	}
	if _, seen := st.failures[name]; !seen {
		st.failures[name] = diag.Diagnostic{File: t.file, Line: templateLine(err), Severity: diag.Warning,
			Code: diag.CodeShortcodeTemplate, Message: fmt.Sprintf("shortcode %q is not run: %s", name, templateMessage(err))}
	}
}

// reportProblems reports the templates that do not parse, the first
// time it is asked.
func (st *siteTemplates) reportProblems(diags *diag.List) {
	if st.problemsReported.Swap(true) {
		return
	}
	for _, d := range st.problems {
		diags.Add(d)
	}
}

// reportFailures reports the templates that failed since the last report.
func (st *siteTemplates) reportFailures(diags *diag.List) {
	st.mu.Lock()
	failures := st.failures
	st.failures = nil
	st.mu.Unlock()
	names := make([]string, 0, len(failures))
	for name := range failures {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		diags.Add(failures[name])
	}
}

// siteTemplate runs the site's template of n's name, if it has one that
// runs; its output, with the markers of the shortcodes inside it resolved,
// is one fragment.
func (e *expansion) siteTemplate(n *node) (template.HTML, bool) {
	name := n.open.name
	t := e.x.templates.byName[name]
	if t == nil {
		return "", false
	}
	call := e.newCall(n)
	clone, err := t.tmpl.Clone()
	if err == nil {
		var out bytes.Buffer
		clone.Funcs(templateFuncs(call.markdownify))
		if err = clone.Execute(&out, call); err == nil {
			return template.HTML(Resolve(out.String(), e.frags)), true
		}
	}
	e.x.templates.fail(t, name, err)
	return "", false
}
