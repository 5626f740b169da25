package content

import (
	"io/fs"
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
	cfg   *config.Config
	lang  string
	root  string // the language's content folder
	limit int64
	diags *diag.List

	pages     []source
	resources []Resource
}

func newWalker(cfg *config.Config, lc config.Language, diags *diag.List) *walker {
	return &walker{
		cfg:   cfg,
		lang:  lc.Code,
		root:  filepath.Join(cfg.Root, filepath.FromSlash(lc.ContentDir)),
		limit: cfg.FileSizeLimit(),
		diags: diags,
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
	rel := filepath.ToSlash(r)
	if strings.HasSuffix(d.Name(), ".md") {
		w.pages = append(w.pages, source{lang: w.lang, abs: p, file: w.siteFile(p), relPath: rel})
		return
	}
	if err := files.CheckEntry(d, w.limit); err != nil {
		w.diags.Errorf(w.siteFile(p), 0, "%v", err)
		return
	}
	w.resources = append(w.resources, Resource{Lang: w.lang, Src: p, File: w.siteFile(p), URL: "/" + w.lang + "/" + rel})
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
