package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Walker walks a folder of the site as a writer sees it: a symbolic link
// to a folder (a shared images folder) is walked as if the folder were
// there, and a link that leads back to a folder being walked, which
// would repeat forever, is reported instead.
type Walker struct {
	// Root is the site's folder: the folders a loop leads back to are
	// named from it, so that a message never shows where the site is.
	Root string
	// Skip tells which names to leave out (hidden files, editors' files).
	Skip func(name string) bool
	// Visit is called for every file that is not a folder, with its path
	// as reached (through the links) and its entry, links followed (a
	// link's entry tells what it leads to): the caller decides what to do
	// with a file that is not a regular one, and asks for its size
	// (Info) only when it needs it, which costs a system call.
	Visit func(p string, d fs.DirEntry)
	// Bad is called for a link that leads nowhere or into a loop; the
	// link is not followed.
	Bad func(p string, err error)
}

// Walk walks dir. A missing dir has no files; an error reading a folder
// stops the walk.
func (w *Walker) Walk(dir string) error {
	real, err := filepath.EvalSymlinks(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", w.rel(dir), WithoutPath(err))
	}
	return w.folder(dir, []string{real})
}

// folder walks dir, whose real path (links resolved) is the last of
// open, the real paths of the folders being walked, outermost first.
func (w *Walker) folder(dir string, open []string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("reading %s: %w", w.rel(dir), WithoutPath(err))
	}
	for _, e := range entries {
		if w.Skip != nil && w.Skip(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			err = w.link(p, open)
		case e.IsDir():
			err = w.folder(p, append(open[:len(open):len(open)], filepath.Join(open[len(open)-1], e.Name())))
		default:
			w.Visit(p, e)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// link follows the symbolic link p: a folder is walked unless it is one
// being walked already, anything else is visited.
func (w *Walker) link(p string, open []string) error {
	info, err := os.Stat(p)
	if err != nil {
		w.Bad(p, fmt.Errorf("a symbolic link that leads nowhere: %w", WithoutPath(err)))
		return nil
	}
	if !info.IsDir() {
		w.Visit(p, fs.FileInfoToDirEntry(info))
		return nil
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		w.Bad(p, fmt.Errorf("a symbolic link that leads nowhere: %w", WithoutPath(err)))
		return nil
	}
	for _, o := range open {
		if o == real {
			w.Bad(p, fmt.Errorf("%w: it leads back to %s, a folder that holds it; it is not followed", ErrLinkLoop, w.name(real)))
			return nil
		}
	}
	return w.folder(p, append(open[:len(open):len(open)], real))
}

// ErrLinkLoop is the error of a symbolic link that leads back to a
// folder that holds it.
var ErrLinkLoop = errors.New("a symbolic link loop")

// name names a real folder from the site's root when it is in the site,
// and by its full path otherwise.
func (w *Walker) name(real string) string {
	root, err := filepath.EvalSymlinks(w.Root)
	if err != nil {
		return real
	}
	if r, err := filepath.Rel(root, real); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return real
}

// rel is p's slash path from the site's root.
func (w *Walker) rel(p string) string {
	r, err := filepath.Rel(w.Root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

// WithoutPath drops the path a file system error carries, for a message
// that names the file from the site's root instead: a full path shows
// where the site is, or a build's staging folder, which means nothing to
// a writer.
func WithoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
