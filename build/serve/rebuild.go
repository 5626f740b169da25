package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/output"
	"handbook/build/preview"
	"handbook/build/search"
)

// rebuilder keeps the site in memory up to date. For each batch of
// changed paths it decides what the batch needs (the pages of the
// content files that changed, the static files, or, for the
// configuration, the theme's layouts and interface strings, everything)
// and runs it. The served output changes only once a rebuild is done.
type rebuilder struct {
	opts build.Options

	// mu is held while the site changes; the search indexer holds it to
	// copy the pages.
	mu sync.Mutex
	// live is the current build; its Site is nil when the site did not
	// load, and every batch then tries a full build again.
	live *preview.Live
	// good is the last build that loaded: its output is served.
	good *preview.Live
	// generation counts rebuilds begun, so the indexer can tell its
	// copy of the pages went out of date.
	generation atomic.Uint64
	served     atomic.Pointer[output.Memory]
	// outdated remembers which pages served are translations out of
	// date, whose pages link to their translator's views.
	outdated outdatedPages
	// built is set once the first build is over, whether it loaded.
	built atomic.Bool
}

// outcome is what one rebuild did, for the browsers and the terminal.
type outcome struct {
	// what names the change: a file, or how many.
	what   string
	full   bool
	update preview.Update
	// css lists the stylesheets that changed, when nothing else did.
	css  []string
	took time.Duration
	err  error
}

// site returns the output being served; nil before a build loaded.
func (r *rebuilder) site() *output.Memory { return r.served.Load() }

// status says why nothing is served, for the page shown instead. It
// never waits for a build: that is when it is asked.
func (r *rebuilder) status() string {
	if !r.built.Load() {
		return "Building the site… this page reloads when it is ready."
	}
	return "The site could not be built: the errors are listed below and in the terminal. This page reloads once they are fixed."
}

// diagnostics are the site's problems now.
func (r *rebuilder) diagnostics() []diag.Diagnostic {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.live == nil {
		return nil
	}
	return r.live.Diagnostics()
}

// buildAll builds the whole site again.
func (r *rebuilder) buildAll(what string) outcome {
	r.generation.Add(1)
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	o := outcome{what: what, full: true}
	o.update, o.err = r.fullBuild()
	o.took = time.Since(start)
	r.outdated.forget()
	r.built.Store(true)
	return o
}

// fullBuild runs NewLive; a build that does not load leaves the last
// good output served.
func (r *rebuilder) fullBuild() (preview.Update, error) {
	live, err := preview.NewLive(r.opts, r.good)
	r.live = live
	if live.Site == nil {
		return preview.Update{}, err
	}
	r.good = live
	r.served.Store(live.Output())
	return preview.Update{Pages: len(live.Site.Pages.Pages), Changed: true}, err
}

// apply brings the site up to date with the changed paths of a batch.
func (r *rebuilder) apply(paths []string) outcome {
	r.generation.Add(1)
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	o := outcome{what: r.describe(paths)}
	plan := r.classify(paths)
	switch {
	case plan.full:
		o.full = true
		o.update, o.err = r.fullBuild()
	case len(plan.content) > 0 || len(plan.static) > 0:
		o.update, o.err = r.update(plan)
		if preview.NeedsFullBuild(o.err) {
			o.full = true
			o.update, o.err = r.fullBuild()
		}
		if o.err == nil && len(plan.content) == 0 {
			o.css = plan.css
		}
	}
	o.took = time.Since(start)
	r.outdated.forget()
	return o
}

// update applies the content and static changes of a plan in place.
func (r *rebuilder) update(plan rebuildPlan) (preview.Update, error) {
	var u preview.Update
	if len(plan.content) > 0 {
		var err error
		if u, err = r.live.UpdateContent(plan.content); err != nil {
			return u, err
		}
	}
	if len(plan.static) > 0 {
		s, err := r.live.UpdateStatic(plan.static)
		u.Changed = u.Changed || s.Changed
		if err != nil {
			return u, err
		}
	}
	return u, nil
}

// rebuildPlan sorts a batch's paths by what they need.
type rebuildPlan struct {
	full    bool
	content []string
	static  []string
	// css are the site paths of the changed stylesheets, when every
	// static change is one.
	css []string
}

// configFiles are the files config.Load reads.
var configFiles = []string{config.FileName, "hugo.toml", "config.toml"}

// classify tells what each changed path needs; what the site does not
// read (other files at its root, the output folder) needs nothing.
func (r *rebuilder) classify(paths []string) rebuildPlan {
	var plan rebuildPlan
	if r.live == nil || r.live.Site == nil {
		plan.full = true
		return plan
	}
	cfg := r.live.Site.Config
	theme := filepath.Join(cfg.Root, "themes", cfg.Theme)
	statics := []string{filepath.Join(cfg.Root, "static"), filepath.Join(theme, "static")}
	cssOnly := true
	for _, p := range paths {
		switch {
		case p == cfg.Root || isConfigFile(cfg.Root, p) || within(p, filepath.Join(cfg.Root, filepath.FromSlash(search.SynonymDir))):
			// The synonyms are read with the configuration.
			plan.full = true
		case within(p, statics...):
			plan.static = append(plan.static, p)
			url, isCSS := stylesheet(cfg, statics, p)
			cssOnly = cssOnly && isCSS
			plan.css = append(plan.css, url)
		case within(p, theme) || isAbove([]string{theme}, p):
			// The theme's layouts and interface strings are in every
			// page; a themes/ folder appearing may change the theme.
			plan.full = true
		default:
			if _, rel, ok := content.Locate(cfg, p); ok && rel != "." {
				plan.content = append(plan.content, p)
			} else if ok || isAbove(contentDirs(cfg), p) {
				plan.full = true // a language's whole folder
			}
		}
	}
	if !cssOnly || len(plan.static) == 0 {
		plan.css = nil
	}
	return plan
}

func isConfigFile(root, p string) bool {
	for _, name := range configFiles {
		if p == filepath.Join(root, name) {
			return true
		}
	}
	return false
}

// within reports whether p is one of dirs or inside one.
func within(p string, dirs ...string) bool {
	for _, d := range dirs {
		if p == d || strings.HasPrefix(p, d+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// isAbove reports whether p is a folder holding one of dirs.
func isAbove(dirs []string, p string) bool {
	for _, d := range dirs {
		if d != p && within(d, p) {
			return true
		}
	}
	return false
}

func contentDirs(cfg *config.Config) []string {
	out := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		out[i] = filepath.Join(cfg.Root, filepath.FromSlash(l.ContentDir))
	}
	return out
}

// stylesheet returns the URL path of a static file and whether it is a
// stylesheet that still exists, which a page can swap in.
func stylesheet(cfg *config.Config, statics []string, p string) (string, bool) {
	fi, err := os.Stat(p)
	if err != nil || fi.IsDir() || !strings.EqualFold(filepath.Ext(p), ".css") {
		return "", false
	}
	for _, d := range statics {
		if rel, err := filepath.Rel(d, p); err == nil && filepath.IsLocal(rel) {
			return cfg.BasePath() + filepath.ToSlash(rel), true
		}
	}
	return "", false
}

// describe names a batch for the terminal.
func (r *rebuilder) describe(paths []string) string {
	if len(paths) != 1 {
		return fmt.Sprintf("%d files", len(paths))
	}
	root := ""
	if r.live != nil && r.live.Site != nil {
		root = r.live.Site.Config.Root
	}
	if rel, err := filepath.Rel(root, paths[0]); err == nil && root != "" {
		return filepath.ToSlash(rel)
	}
	return paths[0]
}

// pageURL is the address of a page in the served site, from its URL in
// the site ("/vi/x/"), percent-encoded as the browser's location has it;
// "" stays "", and so does an address a browser would not read as a path
// of the preview's host.
func (r *rebuilder) pageURL(u string) string {
	if u == "" || r.live == nil || r.live.Site == nil {
		return u
	}
	return onThisHost(strings.TrimSuffix(r.live.Site.Config.BasePath(), "/") + content.EscapePath(u))
}

// onThisHost returns u when a browser sent to it stays on the host it is
// on, and "" otherwise: "//host/x" and "https://host/x" name another
// host, and so does "/\host/x" to a browser, which reads a backslash as
// a slash and drops tabs and line breaks ("/\t/host/x").
func onThisHost(u string) string {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || strings.ContainsAny(u, "\\\t\r\n\x00") {
		return ""
	}
	return u
}
