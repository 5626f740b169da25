package render

import (
	"io/fs"
	"os"
	"path/filepath"
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
	return files
}

// checkStaticFiles reports each file of the site's static folder that
// would replace, or be replaced by, a file the build writes: a page, an
// alias, a file beside the pages, the sitemap or another generated file,
// or the search index. Which one a reader got would depend on the order
// of the writes. A static file may replace a theme asset: that is how a
// site changes one.
func (r *Renderer) checkStaticFiles() {
	staticDir := filepath.Join(r.cfg.Root, "static")
	if _, err := os.Stat(staticDir); err != nil {
		return
	}
	generated := r.generatedFiles()
	_ = filepath.WalkDir(staticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || content.IgnoredName(d.Name()) {
			// writeAssets reports what cannot be read.
			return nil
		}
		rel, _ := filepath.Rel(staticDir, p)
		r.checkStaticFile(filepath.ToSlash(rel), generated)
		return nil
	})
}

// checkStaticFile reports static file rel ("css/a.css", relative to the
// static folder) when something else the build writes lands on it.
func (r *Renderer) checkStaticFile(rel string, generated map[string]string) {
	file := "static/" + rel
	var other string
	switch origin, ok := r.set.OutputOrigin(rel); {
	case ok:
		other = origin.String()
	case generated[rel] != "":
		other = generated[rel]
	case r.cfg.Search && strings.HasPrefix(rel, searchDir):
		other = "the search index"
	default:
		return
	}
	r.diags.Add(diag.Diagnostic{File: file, Code: content.CodeURLClash,
		Message: "the static file /" + rel + " would replace " + other + ": rename or move the static file"})
}
