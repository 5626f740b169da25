package render

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"handbook/build/content"
	"handbook/build/diag"
)

// searchDir is the folder the search stage writes its index into; no
// static file may land in it.
const searchDir = "_search/"

// generatedFiles maps each file the build makes itself, other than the
// pages, their aliases and the theme's assets, to what it is.
func (r *Renderer) generatedFiles() map[string]string {
	files := map[string]string{
		"index.html":     "the language chooser",
		"404.html":       "the page not found",
		"sitemap.xml":    "the sitemap",
		"robots.txt":     "robots.txt",
		"css/syntax.css": "the code-highlighting stylesheet",
	}
	for _, s := range r.print.scopes {
		files[s.Path()] = "the print page " + s.URL
	}
	if r.siteRobots() {
		delete(files, "robots.txt")
	}
	return files
}

// generatedFolders maps the folders the generated files and the theme's
// assets are written in to one of them.
func (r *Renderer) generatedFolders(generated map[string]string) map[string]string {
	folders := map[string]string{}
	add := func(file, what string) {
		for dir := path.Dir(file); dir != "."; dir = path.Dir(dir) {
			if folders[dir] == "" {
				folders[dir] = what
			}
		}
	}
	// In order, so that the message names the same file every build.
	for _, file := range slices.Sorted(maps.Keys(generated)) {
		add(file, generated[file])
	}
	for _, name := range r.theme.Files("static") {
		file := strings.TrimPrefix(name, "static/")
		add(file, "the theme's /"+file)
	}
	return folders
}

// checkSiteFiles reports the files of the content and of the site's
// static folder that would land on a file the build makes, before any is
// written.
func (r *Renderer) checkSiteFiles() {
	generated := r.generatedFiles()
	r.checkAliases(generated)
	r.checkResources(generated)
	r.checkStaticFiles(generated, r.generatedFolders(generated))
}

// checkAliases reports each alias that would replace a print page, at
// the line of the page's aliases.
func (r *Renderer) checkAliases(generated map[string]string) {
	for _, p := range r.set.Pages {
		for _, a := range p.Aliases {
			file := strings.TrimPrefix(r.set.AliasURL(p.Lang, a), "/") + "index.html"
			what := generated[file]
			if origin, ok := r.set.OutputOrigin(file); ok && what != "" && origin.File == p.File {
				r.diags.Add(diag.Diagnostic{File: origin.File, Line: origin.Line, Code: diag.CodeURLClash,
					Message: origin.What() + " would replace " + what + ": give the page another alias"})
			}
		}
	}
}

// checkResources reports each file beside the pages that would replace a
// print page, the only file the build makes inside a language's folder
// other than the pages and aliases, which the content stage compares.
func (r *Renderer) checkResources(generated map[string]string) {
	for _, res := range r.set.Resources {
		if what := generated[strings.TrimPrefix(res.URL, "/")]; what != "" {
			r.diags.Add(diag.Diagnostic{File: res.File, Code: diag.CodeURLClash,
				Message: "the file " + res.URL + " would replace " + what + ": rename or move the file"})
		}
	}
}

// checkStaticFiles reports each file of the site's static folder that
// would replace, or be replaced by, a file the build writes: a page, an
// alias, a file beside the pages, the sitemap or another generated file,
// or the search index. Which one a reader got would depend on the order
// of the writes. A static file may replace a theme asset: that is how a
// site changes one.
func (r *Renderer) checkStaticFiles(generated, folders map[string]string) {
	staticDir := filepath.Join(r.cfg.Root, "static")
	if _, err := os.Stat(staticDir); err != nil {
		return
	}
	_ = filepath.WalkDir(staticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || content.IgnoredName(d.Name()) {
			// writeAssets reports what cannot be read.
			return nil
		}
		rel, _ := filepath.Rel(staticDir, p)
		r.checkStaticFile(filepath.ToSlash(rel), generated, folders)
		return nil
	})
}

// checkStaticFile reports static file rel ("css/a.css", relative to the
// static folder) when something else the build writes lands on it, needs
// a folder at its path, or is a file where it needs a folder.
func (r *Renderer) checkStaticFile(rel string, generated, folders map[string]string) {
	if problem := r.staticClash(rel, generated, folders); problem != "" {
		r.diags.Add(diag.Diagnostic{File: "static/" + rel, Code: diag.CodeURLClash,
			Message: "the static file /" + rel + " " + problem + ": rename or move the static file"})
	}
}

// staticClash says what static file rel clashes with, or "".
func (r *Renderer) staticClash(rel string, generated, folders map[string]string) string {
	if origin, ok := r.set.OutputOrigin(rel); ok {
		return "would replace " + origin.String()
	}
	if what := generated[rel]; what != "" {
		return "would replace " + what
	}
	search := r.cfg.Search && (strings.HasPrefix(rel, searchDir) || rel+"/" == searchDir)
	if search {
		return "would replace the search index"
	}
	if origin, ok := r.set.OutputUnder(rel); ok {
		return "is where " + origin.String() + " needs a folder"
	}
	if what := folders[rel]; what != "" {
		return "is where " + what + " needs a folder"
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if origin, ok := r.set.OutputOrigin(dir); ok {
			return "needs a folder where " + origin.String() + " is written"
		}
		if what := generated[dir]; what != "" {
			return "needs a folder where " + what + " is written"
		}
	}
	return ""
}
