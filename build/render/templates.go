package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
)

// layoutFor names the layout that renders a page: the home, a section
// list, one layout per kind, or the plain page layout.
func layoutFor(p *content.Page) string {
	switch {
	case p.IsHome:
		return "home.html"
	case p.IsSection:
		return "section.html"
	case p.Kind != content.Plain:
		return string(p.Kind) + ".html"
	}
	return "page.html"
}

// layouts are the templates every theme has; a theme may leave out a
// kind's layout, which then falls back to page.html.
var requiredLayouts = []string{"home.html", "section.html", "page.html", "404.html", "root.html"}

// parsedLayouts are a theme's layouts, and what of them is rendered in
// Go.
type parsedLayouts struct {
	layouts map[string]*template.Template
	// bases are the layouts whose base template is rendered in Go
	// (basetwin.go), and how.
	bases map[string]baseTwin
	// printArticle is the print article rendered in Go (maintwin.go),
	// nil when the theme's is not the default theme's.
	printArticle func(*pageData, *bytes.Buffer) (bool, error)
}

// parseLayouts parses each layout once, together with base.html and the
// partials, which a layout fills with {{define "main"}}. The partials are
// also given to cache, for partialCached. A layout's partials that are
// the default theme's own are rendered by their twins.
func parseLayouts(theme *Theme, funcs template.FuncMap, cache *fragmentCache, twins []twin) (*parsedLayouts, error) {
	builtin, err := builtinTrees(slices.Concat(twins, baseParts(), mainParts()), funcs)
	if err != nil {
		return nil, err
	}
	mains, printTwin := mainTwins(), printArticleTwin()
	mainTrees := map[string]string{}
	for _, mt := range append(slices.Collect(maps.Values(mains)), printTwin) {
		if mainTrees[mt.file], err = builtinMain(mt.file, mt.name, funcs); err != nil {
			return nil, err
		}
	}
	common := template.New("").Funcs(funcs)
	cache.partials = common
	shared := append([]string{"layouts/base.html"}, theme.Files("layouts/partials")...)
	for _, name := range shared {
		if err := parseFile(common, theme, name); err != nil {
			return nil, err
		}
	}
	out := &parsedLayouts{layouts: map[string]*template.Template{}, bases: map[string]baseTwin{}}
	for _, name := range theme.Files("layouts") {
		base := path.Base(name)
		if strings.HasPrefix(name, "layouts/partials/") || base == "base.html" || !strings.HasSuffix(base, ".html") {
			continue
		}
		t, err := common.Clone()
		if err != nil {
			return nil, err
		}
		if err := parseFile(t, theme, name); err != nil {
			return nil, err
		}
		if len(twins) > 0 {
			if after, ok := baseTwinnable(t, t.Lookup(name), builtin); ok {
				mt := mains[base]
				out.bases[base] = baseTwin{after: after, main: twinnedMain(t, mt, mainTrees[mt.file], builtin)}
			}
			if base == printLayout {
				out.printArticle = twinnedMain(t, printTwin, mainTrees[printTwin.file], builtin)
			}
		}
		if err := installTwins(t, twins, builtin); err != nil {
			return nil, err
		}
		out.layouts[base] = t.Lookup(name)
	}
	for _, name := range requiredLayouts {
		if out.layouts[name] == nil {
			return nil, fmt.Errorf("theme %s: layouts/%s is missing", theme.Name, name)
		}
	}
	return out, nil
}

func parseFile(t *template.Template, theme *Theme, name string) error {
	data, err := theme.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := t.New(name).Parse(string(data)); err != nil {
		return theme.templateProblem(err, name, "")
	}
	return nil
}

// templateProblem makes a template's error into a diagnostic at the
// theme file and line it comes from: for an error inside a partial, the
// partial's. name is the file of the template that was parsed or run,
// the place of an error that gives none; page, when not "", names the
// page being rendered.
func (t *Theme) templateProblem(err error, name, page string) *diag.Problem {
	file, line, msg := locateTemplateError(err)
	if file == "" || !t.Has(file) {
		file, line = name, 0
	}
	if page != "" {
		msg += " (rendering " + page + ")"
	}
	return &diag.Problem{
		Diagnostic: diag.Diagnostic{File: t.Source(file), Line: line, Severity: diag.Error, Message: msg, Code: diag.CodeTemplate},
		Err:        err,
	}
}

// locateTemplateError finds the template file and line an error of
// text/template or html/template is at, and its message without them.
// html/template's escaping errors carry their place; the others, of
// parsing and executing, begin "template: layouts/page.html:3:5: ", and
// an error of a partial is wrapped in one of the template that called
// it, whose place is the call's: the innermost place wins. file is ""
// when the error names no place.
func locateTemplateError(err error) (file string, line int, msg string) {
	var escape *template.Error
	if errors.As(err, &escape) {
		file, line = escape.Name, escape.Line
		if escape.Node != nil {
			loc, _ := (*parse.Tree)(nil).ErrorContext(escape.Node)
			file, line = splitPlace(loc)
		}
		return file, line, escape.Description
	}
	msg = err.Error()
	for e := err; e != nil; e = errors.Unwrap(e) {
		if f, l, rest, ok := cutPlace(e.Error()); ok {
			file, line, msg = f, l, rest
		}
	}
	return file, line, msg
}

// cutPlace splits "template: name:line:col: message" into its parts;
// the line and column may be missing.
func cutPlace(s string) (file string, line int, msg string, ok bool) {
	rest, ok := strings.CutPrefix(s, "template: ")
	if !ok {
		return "", 0, "", false
	}
	place, msg, ok := strings.Cut(rest, ": ")
	if !ok || place == "" || strings.ContainsAny(place, " \"\n") {
		return "", 0, "", false
	}
	file, line = splitPlace(place)
	return file, line, msg, true
}

// splitPlace splits "name:line:col" or "name:line" into the name and the
// line; a place without numbers is a name alone.
func splitPlace(place string) (name string, line int) {
	name = place
	for range 2 {
		before, after, ok := cutLast(name, ":")
		if !ok {
			break
		}
		n, err := strconv.Atoi(after)
		if err != nil {
			break
		}
		name, line = before, n
	}
	return name, line
}

// cutLast cuts s around the last sep.
func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// funcs are the helpers templates call, bound to this site's base path
// and to the renderer's fragment cache.
func funcs(cfg *config.Config, cache *fragmentCache) template.FuncMap {
	base := relBase(cfg)
	return template.FuncMap{
		// partialCached renders a partial once per distinct set of keys
		// and reuses the result, as Hugo's function of the same name
		// does: the navigation is the same on every page of a section.
		"partialCached": cache.render,
		// rel makes a site path ("/vi/") into a link under the base
		// path, percent-encoded.
		"rel": func(sitePath string) string { return base + content.EscapePath(sitePath) },
		// abs makes a site path into an absolute, percent-encoded
		// address for canonical links and Open Graph.
		"abs": func(sitePath string) string { return cfg.AbsURL(content.EscapePath(sitePath)) },
		// dict builds the argument of a partial from name, value pairs.
		"dict": func(pairs ...any) (map[string]any, error) {
			if len(pairs)%2 != 0 {
				return nil, fmt.Errorf("dict needs name, value pairs")
			}
			m := make(map[string]any, len(pairs)/2)
			for i := 0; i < len(pairs); i += 2 {
				m[fmt.Sprint(pairs[i])] = pairs[i+1]
			}
			return m, nil
		},
	}
}

// relBase is what rel puts before a site path: the base path without its
// last slash.
func relBase(cfg *config.Config) string { return strings.TrimSuffix(cfg.BasePath(), "/") }

// fragmentCache keeps rendered partials for partialCached.
type fragmentCache struct {
	partials *template.Template
	mu       sync.Mutex
	done     map[string]fragment
}

func newFragmentCache() *fragmentCache {
	return &fragmentCache{done: map[string]fragment{}}
}

func (c *fragmentCache) render(name string, data any, keys ...any) (template.HTML, error) {
	rec := recorderIn(data, keys)
	key := fragmentKey(name, keys, rec.plain)
	c.mu.Lock()
	f, ok := c.done[string(key)] // the key is not copied to look it up
	c.mu.Unlock()
	if ok {
		// The output reused shows what the partial read when it ran.
		rec.replay(f.reads)
		return f.html, nil
	}
	var buf bytes.Buffer
	rec.push()
	err := c.partials.ExecuteTemplate(&buf, name, data)
	reads := rec.pop()
	if err != nil {
		return "", err
	}
	f = fragment{html: template.HTML(buf.String()), reads: reads}
	c.mu.Lock()
	c.done[string(key)] = f
	c.mu.Unlock()
	return f.html, nil
}

// fragmentKey is the cache's key for a partial's output given keys: a
// page, or another pointer, counts by its identity, and the site is one. An output made from
// plainViews records no reads, so that a rendering that records must
// not reuse it: plain marks it apart.
func fragmentKey(name string, keys []any, plain bool) []byte {
	b := make([]byte, 0, len(name)+24*len(keys)+6)
	b = append(b, name...)
	for _, k := range keys {
		b = append(b, 0)
		switch k := k.(type) {
		case string:
			b = append(b, k...)
		case int:
			b = strconv.AppendInt(b, int64(k), 10)
		case bool:
			b = strconv.AppendBool(b, k)
		case nil:
			b = append(b, "<nil>"...)
		case viewed:
			b = appendIdentity(b, k.page())
		case *siteData:
			// Every page gets a .Site of its own, with views of the
			// homes made for its rendering, but all show the same
			// site: a theme that keys a partial by .Site (as Hugo's
			// themes do) gets one output, not one a page.
			b = append(b, "\x01site"...)
		default:
			b = fmt.Appendf(b, "%p", k)
		}
	}
	if plain {
		b = append(b, "\x00plain"...)
	}
	return b
}

// appendIdentity appends p's address, which tells pages apart.
func appendIdentity(b []byte, p *content.Page) []byte {
	if p == nil {
		return append(b, "0x0"...)
	}
	return strconv.AppendUint(append(b, "0x"...), uint64(reflect.ValueOf(p).Pointer()), 16)
}

// fragment is a partial's output, and the pages it read.
type fragment struct {
	html  template.HTML
	reads Reads
}

// viewed is what templates hand a partial as a page: a view of it, or
// the data of a page's layout.
type viewed interface {
	page() *content.Page
	recorder() *recorder
}

// recorderIn finds, in a partial's arguments, the recorder of the
// rendering that calls it. A partial given no page can read none: it
// gets a recorder that records nothing.
func recorderIn(data any, keys []any) *recorder {
	if rec := recorderOf(data); rec != nil {
		return rec
	}
	for _, k := range keys {
		if rec := recorderOf(k); rec != nil {
			return rec
		}
	}
	return newRecorder(nil, nil, nil)
}

// recorderOf is the recorder of a view, or of the first view among a
// map's values; nil for none.
func recorderOf(a any) *recorder {
	switch a := a.(type) {
	case viewed:
		return a.recorder()
	case map[string]any:
		for _, v := range a {
			if v, ok := v.(viewed); ok && v.recorder() != nil {
				return v.recorder()
			}
		}
	}
	return nil
}
