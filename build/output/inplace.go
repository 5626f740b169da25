package output

import (
	"fmt"
	"os"
	"path/filepath"
)

// swapEntries puts the staging folder's entries in place of the
// destination's, for a destination that cannot itself be renamed (a
// mount point). The previous entries are moved into a folder aside first,
// and moved back if the new ones cannot all be put in place, so the
// folder holds one whole site or the other. Every move is a rename
// within one file system.
func (d *Dir) swapEntries() error {
	old, err := os.MkdirTemp(d.dest, stagingPrefix(d.dest))
	if err != nil {
		d.discard()
		return fmt.Errorf("cannot move the previous site aside; it is still in place in %s: %w", d.dest, err)
	}
	keep := map[string]bool{filepath.Base(d.staging): true, filepath.Base(old): true}
	previous, err := moveEntries(d.dest, old, keep)
	if err != nil {
		moveBack(old, d.dest, previous)
		_ = os.Remove(old)
		d.discard()
		return fmt.Errorf("cannot move the previous site aside; it is still in place in %s: %w", d.dest, err)
	}
	added, err := moveEntries(d.staging, d.dest, nil)
	if err != nil {
		moveBack(d.dest, d.staging, added)
		moveBack(old, d.dest, previous)
		_ = os.Remove(old)
		d.discard()
		return fmt.Errorf("cannot put the new site in place; the previous one is still in %s: %w", d.dest, err)
	}
	_ = os.Remove(d.staging)
	return removeOld(d.dest, old)
}

// moveEntries renames every entry of from, except those in skip, into
// to, and returns the names it moved, also when it fails part way.
func moveEntries(from, to string, skip map[string]bool) ([]string, error) {
	entries, err := os.ReadDir(from)
	if err != nil {
		return nil, err
	}
	var moved []string
	for _, e := range entries {
		if skip[e.Name()] {
			continue
		}
		if err := os.Rename(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return moved, err
		}
		moved = append(moved, e.Name())
	}
	return moved, nil
}

// moveBack undoes moveEntries: names go from to back to from.
func moveBack(to, from string, names []string) {
	for _, name := range names {
		_ = os.Rename(filepath.Join(to, name), filepath.Join(from, name))
	}
}
