package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// StampFile marks a folder as a site a build wrote: it is written at the
// folder's root last, just before the folder is put in place. A build
// replaces a non-empty folder only when it carries the stamp, so that a
// mistyped destination never deletes a folder of documents.
const StampFile = ".handbook-build"

// stampText is the stamp's content: the same for every build, so that two
// builds of the same input stay byte-identical.
const stampText = "This folder was written by handbook build; the next build replaces it whole.\n"

// UnsafeDestError is a destination a build refuses before writing
// anything: the site's own files, or a folder it did not build. It is the
// user's command or configuration that must change, not the content.
type UnsafeDestError struct {
	Dest   string
	Reason string
}

func (e *UnsafeDestError) Error() string {
	return "refusing to build into " + e.Dest + ": " + e.Reason
}

// Guard says what a Dir must never replace.
type Guard struct {
	// Root is the site's folder. The output may be inside it (public/),
	// but never be it nor one of its parents.
	Root string
	// Sources are the folders and files the build reads (content
	// folders, themes, static files, the configuration file, .git),
	// absolute. The output may never be one of them, hold one, or be
	// inside one.
	Sources []string
	// Force replaces a non-empty folder that carries no StampFile.
	Force bool
}

// unsafeDest is the error for a destination the guard refuses.
func unsafeDest(dest, format string, args ...any) error {
	return &UnsafeDestError{Dest: dest, Reason: fmt.Sprintf(format, args...)}
}

// Check refuses, with an *UnsafeDestError, a destination that is, holds
// or is inside what the build reads, or that is not a folder, or that is
// a non-empty folder no build wrote (unless Force). dest and every path
// of g are compared with their symbolic links resolved, so a link cannot
// lead a build onto the site. NewDir checks again; a build calls Check
// first to refuse before it reads the content.
func (g Guard) Check(dest string) error {
	if err := g.checkSources(dest); err != nil {
		return err
	}
	_, err := checkReplaceable(resolve(dest), g.Force)
	return err
}

// checkSources refuses a destination that is, holds or is inside what
// the build reads.
func (g Guard) checkSources(dest string) error {
	real := resolve(dest)
	if g.Root != "" {
		root := resolve(g.Root)
		if real == root {
			return unsafeDest(dest, "it is the site's own folder")
		}
		if within(root, real) {
			return unsafeDest(dest, "it holds the site's folder %s", g.Root)
		}
	}
	for _, src := range g.Sources {
		s := resolve(src)
		switch {
		case real == s:
			return unsafeDest(dest, "it is %s, which the build reads", src)
		case within(s, real):
			return unsafeDest(dest, "it holds %s, which the build reads", src)
		case within(real, s):
			return unsafeDest(dest, "it is inside %s, which the build reads", src)
		}
	}
	for p := real; ; p = filepath.Dir(p) {
		if filepath.Base(p) == ".git" {
			return unsafeDest(dest, "it is inside a .git folder")
		}
		if filepath.Dir(p) == p {
			break
		}
	}
	if fi, err := os.Lstat(filepath.Join(real, ".git")); err == nil && fi.IsDir() {
		return unsafeDest(dest, "it holds a .git folder")
	}
	return nil
}

// within reports whether path is strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// checkReplaceable refuses a non-empty folder that no build wrote, unless
// force is set; it returns what force replaces, for the build to say.
func checkReplaceable(dest string, force bool) (replaced int, err error) {
	fi, err := os.Stat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("output folder %s: %w", dest, err)
	}
	if !fi.IsDir() {
		return 0, unsafeDest(dest, "it exists and is not a folder")
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return 0, fmt.Errorf("output folder %s: %w", dest, err)
	}
	entries = withoutStaging(entries, dest)
	if len(entries) == 0 {
		return 0, nil
	}
	if fi, err := os.Lstat(filepath.Join(dest, StampFile)); err == nil && fi.Mode().IsRegular() {
		return 0, nil
	}
	if !force {
		return 0, unsafeDest(dest, "it is not empty and no build wrote it (it has no %s); remove it, choose another folder, or pass --force to replace its %d entries", StampFile, len(entries))
	}
	return len(entries), nil
}

// withoutStaging leaves out of a folder's entries the staging folders a
// build makes inside it, which are not the writer's.
func withoutStaging(entries []fs.DirEntry, dir string) []fs.DirEntry {
	prefix := stagingPrefix(dir)
	out := entries[:0:0]
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			out = append(out, e)
		}
	}
	return out
}

// resolve returns path made absolute and clean, with every symbolic link
// in it resolved, including in the part that does not exist yet as far
// as links lead.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	for hops := 0; hops < 64; hops++ {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			return real
		}
		// Some part is missing, or a link dangles: resolve the parent,
		// then follow the last part by hand if it is a link.
		parent, base := filepath.Dir(abs), filepath.Base(abs)
		if parent == abs {
			return abs
		}
		parent = resolve(parent)
		next := filepath.Join(parent, base)
		target, err := os.Readlink(next)
		if err != nil {
			return next
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(parent, target)
		}
		abs = filepath.Clean(target)
	}
	return abs
}
