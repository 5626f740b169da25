package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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
// to a folder it is walking, which would repeat forever. It reports, and
// leaves out, every file that is not a regular file or is over the size
// limit: reading a named pipe or a device blocks or never ends. Pages
// are checked when they are read (files.Read), resources here, since they
// are copied later by the output stage.
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
	real, err := filepath.EvalSymlinks(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", w.siteFile(dir), unwrapPath(err))
	}
	return w.folder(dir, []string{real})
}

// folder walks dir, whose real path (links resolved) is the last of
// open, the real paths of the folders being walked, outermost first.
func (w *walker) folder(dir string, open []string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("reading %s: %w", w.siteFile(dir), unwrapPath(err))
	}
	for _, e := range entries {
		if IgnoredName(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		var err error
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			err = w.link(p, open)
		case e.IsDir():
			err = w.folder(p, append(open[:len(open):len(open)], filepath.Join(open[len(open)-1], e.Name())))
		default:
			w.file(p, e)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// link follows the symbolic link p: a folder is walked unless it is one
// being walked already (a loop), anything else is taken as a file.
func (w *walker) link(p string, open []string) error {
	info, err := os.Stat(p)
	if err != nil {
		w.diags.Errorf(w.siteFile(p), 0, "a symbolic link that leads nowhere: %v", unwrapPath(err))
		return nil
	}
	if !info.IsDir() {
		w.file(p, fs.FileInfoToDirEntry(info))
		return nil
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		w.diags.Errorf(w.siteFile(p), 0, "a symbolic link that leads nowhere: %v", unwrapPath(err))
		return nil
	}
	for _, o := range open {
		if o == real {
			w.diags.Errorf(w.siteFile(p), 0, "a symbolic link loop: it leads back to %s, a folder that holds it; it is not followed", w.describeReal(real))
			return nil
		}
	}
	return w.folder(p, append(open[:len(open):len(open)], real))
}

// file takes a file that is not a folder as a page or a resource.
func (w *walker) file(p string, e fs.DirEntry) {
	rel := w.rel(p)
	if strings.HasSuffix(e.Name(), ".md") {
		w.pages = append(w.pages, source{lang: w.lang, abs: p, file: w.siteFile(p), relPath: rel})
		return
	}
	if err := w.check(e); err != nil {
		w.diags.Errorf(w.siteFile(p), 0, "%v", err)
		return
	}
	w.resources = append(w.resources, Resource{Lang: w.lang, Src: p, URL: "/" + w.lang + "/" + rel})
}

// check refuses a resource that is not a regular file or is too large.
func (w *walker) check(e fs.DirEntry) error {
	if !e.Type().IsRegular() {
		return files.CheckMode(e.Type(), 0, 0)
	}
	info, err := e.Info()
	if err != nil {
		return unwrapPath(err)
	}
	return files.CheckMode(info.Mode(), info.Size(), w.limit)
}

// rel is p's slash path from the language's content folder.
func (w *walker) rel(p string) string {
	r, _ := filepath.Rel(w.root, p)
	return filepath.ToSlash(r)
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

// describeReal names a real folder from the site's root when it is in
// the site, and as it is otherwise.
func (w *walker) describeReal(real string) string {
	root, err := filepath.EvalSymlinks(w.cfg.Root)
	if err != nil {
		return real
	}
	if r, err := filepath.Rel(root, real); err == nil && filepath.IsLocal(r) {
		return path.Clean(filepath.ToSlash(r))
	}
	return real
}

// unwrapPath drops the absolute path a file system error carries, for a
// message that names the file from the site's root already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
