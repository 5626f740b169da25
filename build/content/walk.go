package content

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/internal/files"
)

// walker finds the pages and the other files (resources) of a language's
// content folder. It follows a symbolic link to a folder (a shared images
// folder) as if the folder were there, and reports a link that leads back
// to a folder it is walking (files.Walker). It reports, and leaves out,
// every file that is not a regular file or is over the size limit:
// reading a named pipe or a device blocks or never ends. Pages are
// checked when they are read (files.Read), resources here, since the
// output stage copies them later.
type walker struct {
	cfg *config.Config
	// lang is the language of the folder's files whose names name none
	// (page.md, not page.fr.md); sharing are the languages whose content
	// folder it is, which each get its resources.
	lang    string
	sharing []string
	root    string // the language's content folder
	limit   int64
	diags   *diag.List

	pages     []source
	resources []Resource
}

func newWalker(cfg *config.Config, lc config.Language, diags *diag.List) *walker {
	return &walker{
		cfg:     cfg,
		lang:    lc.Code,
		sharing: []string{lc.Code},
		root:    filepath.Join(cfg.Root, filepath.FromSlash(lc.ContentDir)),
		limit:   cfg.FileSizeLimit(),
		diags:   diags,
	}
}

// walk walks the whole content folder; a missing folder has no files.
func (w *walker) walk() error { return w.walkUnder(w.root) }

// walkUnder walks the folder dir, inside the content folder.
func (w *walker) walkUnder(dir string) error {
	fw := &files.Walker{
		Root:  w.cfg.Root,
		Skip:  IgnoredName,
		Visit: w.file,
		Bad:   func(p string, err error) { w.diags.Errorf(w.siteFile(p), 0, "%v", err) },
	}
	return fw.Walk(dir)
}

// file takes a file that is not a folder as a page or a resource.
func (w *walker) file(p string, d fs.DirEntry) {
	r, _ := filepath.Rel(w.root, p)
	lang, rel, named := fileLanguage(w.cfg, w.lang, filepath.ToSlash(r))
	if isPageFile(w.cfg, d.Name()) {
		file, rel := pagePaths(w.siteFile(p), rel)
		w.pages = append(w.pages, source{lang: lang, abs: p, file: file, relPath: rel, hugo: w.cfg.Hugo})
		return
	}
	if err := files.CheckEntry(d, w.limit); err != nil {
		w.diags.Errorf(w.siteFile(p), 0, "%v", err)
		return
	}
	langs := w.sharing
	if named {
		langs = []string{lang}
	}
	for _, l := range langs {
		w.resources = append(w.resources, Resource{Lang: l, Src: p, File: w.siteFile(p), URL: resourceURL(w.cfg.Hugo, l, rel), rel: rel})
	}
}

// pagePaths are a page's file and path as the page keeps them: the file
// a copy of its own and the path, when it ends the file, the end of that
// copy. Both were cut from the file's absolute path, which a page held
// whole to the end of a build otherwise: a site's root may be long.
func pagePaths(file, rel string) (string, string) {
	file = strings.Clone(file)
	if strings.HasSuffix(file, rel) {
		rel = file[len(file)-len(rel):]
	}
	return file, rel
}

// isPageFile reports whether a content file named name is a page: a
// Markdown file, or on a Hugo site an HTML one too.
func isPageFile(cfg *config.Config, name string) bool {
	return strings.HasSuffix(name, ".md") || cfg.Hugo && strings.HasSuffix(name, ".html")
}

// fileLanguage finds the language of a file at rel in a content folder
// whose files are in lang unless their names say otherwise: on a Hugo
// site, a configured language's code before the extension
// (about.fr.md, _index.fr.md, logo.fr.png) makes the file that
// language's, at the path without the code (about.md), which pairs it
// with its translations. named tells whether the name gave the language.
func fileLanguage(cfg *config.Config, lang, rel string) (fileLang, relPath string, named bool) {
	if !cfg.Hugo || len(cfg.Languages) < 2 {
		return lang, rel, false
	}
	dir, name := path.Split(rel)
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 {
		return lang, rel, false
	}
	for _, l := range cfg.Languages {
		if strings.EqualFold(stem[i+1:], l.Code) {
			return l.Code, dir + stem[:i] + ext, true
		}
	}
	return lang, rel, false
}

// siteFile is p's slash path from the site's root, as diagnostics name
// files.
func (w *walker) siteFile(p string) string {
	r, err := filepath.Rel(w.cfg.Root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}
