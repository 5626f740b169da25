package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"handbook/build/output"
)

// dir is a publish folder: its releases and the current link.
type dir struct {
	root string
	// removeAll deletes a tree; nil means os.RemoveAll. Tests cut a
	// removal short with it.
	removeAll func(path string) error
}

const (
	releasesDir = "releases"
	currentLink = "current"
	lockFile    = "publish.lock"
	// removingPrefix names a release being removed. It is renamed first,
	// in one step, so that no listing, rollback or link ever finds a
	// release half deleted; the next publish removes what a killed one
	// left under that name.
	removingPrefix = ".removing-"
	// legacyMark is what marks a complete release made before releases
	// carried output.StampFile: a file every built site has at its root.
	legacyMark = "index.html"
	// idLayout names a release after the time it was published, in UTC to
	// the millisecond, so that ids sort in the order of publishing.
	idLayout = "20060102T150405.000Z"
)

func (d *dir) releases() string         { return filepath.Join(d.root, releasesDir) }
func (d *dir) release(id string) string { return filepath.Join(d.root, releasesDir, id) }
func (d *dir) link() string             { return filepath.Join(d.root, currentLink) }

// list returns the ids of the complete releases, oldest first: the only
// ones a rollback or a publish ever switches current to.
func (d *dir) list() ([]string, error) {
	ids, _, err := d.scan()
	return ids, err
}

// scan sorts the entries of the releases folder: the ids of complete
// releases, and the names of visible folders that are not complete
// releases (a removal cut short by an older version of this tool, or by
// hand), both oldest first. Hidden entries are staging folders and
// releases being removed.
func (d *dir) scan() (ids, incomplete []string, err error) {
	entries, err := os.ReadDir(d.releases())
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case d.isRelease(e):
			ids = append(ids, e.Name())
		default:
			incomplete = append(incomplete, e.Name())
		}
	}
	sort.Strings(ids)
	sort.Strings(incomplete)
	return ids, incomplete, nil
}

// isRelease decides whether an entry of the releases folder is a
// complete release, one current may lead to. It is the one place that
// says so.
func (d *dir) isRelease(e os.DirEntry) bool {
	if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
		return false
	}
	// output.Dir writes the stamp last, once the whole site is written.
	for _, mark := range []string{output.StampFile, legacyMark} {
		fi, err := os.Lstat(filepath.Join(d.release(e.Name()), mark))
		if err == nil && fi.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// newID names a release published at t: after every existing release,
// even when the clock went back or two publishes fall in one millisecond.
func (d *dir) newID(t time.Time) (string, error) {
	ids, incomplete, err := d.scan()
	if err != nil {
		return "", err
	}
	ids = append(ids, incomplete...)
	sort.Strings(ids)
	t = t.UTC().Truncate(time.Millisecond)
	if n := len(ids); n > 0 && len(ids[n-1]) >= len(idLayout) {
		if last, err := time.Parse(idLayout, ids[n-1][:len(idLayout)]); err == nil && !t.After(last) {
			t = last.Add(time.Millisecond)
		}
	}
	return t.Format(idLayout), nil
}

// ErrNoRelease is returned, wrapped, when there is no release to switch to.
var ErrNoRelease = errors.New("no release")

// current returns the id of the release the current link points to.
func (d *dir) current() (string, error) {
	target, err := os.Readlink(d.link())
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("%w: %s does not exist yet (publish first)", ErrNoRelease, d.link())
	case err != nil:
		return "", fmt.Errorf("%s is not a symbolic link to a release: %w", d.link(), err)
	}
	id := filepath.Base(target)
	if filepath.Clean(target) != filepath.Join(releasesDir, id) {
		return "", fmt.Errorf("%s points to %s, not to a folder of %s", d.link(), target, d.releases())
	}
	return id, nil
}

// before returns the release published just before id.
func (d *dir) before(id string) (string, error) {
	ids, err := d.list()
	if err != nil {
		return "", err
	}
	// id itself may be missing or incomplete: the release before it is
	// then all the more what readers should be served.
	i := sort.SearchStrings(ids, id)
	if i == 0 {
		return "", fmt.Errorf("%w before %s to roll back to", ErrNoRelease, id)
	}
	return ids[i-1], nil
}

// switchTo points the current link at release id. The new link is made
// beside the old one and renamed over it: rename(2) replaces it
// atomically, so the link always exists and always leads to one whole
// release.
func (d *dir) switchTo(id string) error {
	if fi, err := os.Lstat(d.link()); err == nil && fi.Mode()&os.ModeSymlink == 0 {
		return fmt.Errorf("%s is not a symbolic link: move it away, then publish again", d.link())
	}
	tmp := filepath.Join(d.root, "."+currentLink+".next")
	_ = os.Remove(tmp) // left by a publish that was killed
	if err := os.Symlink(filepath.Join(releasesDir, id), tmp); err != nil {
		return fmt.Errorf("cannot make the link to the release: %w", err)
	}
	if err := os.Rename(tmp, d.link()); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("cannot switch %s: %w", d.link(), err)
	}
	return syncDir(d.root)
}

// syncDir makes a rename in folder dir durable, so that a crash right
// after a publish does not bring the previous release back.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}

// prune removes old releases after a publish: those beyond the newest
// keep, and those a rollback abandoned (published after previous, the
// release that was current before this publish). It never removes the
// current release, nor previous, which a rollback returns to.
func (d *dir) prune(keep int, previous string) ([]string, error) {
	ids, err := d.list()
	if err != nil {
		return nil, err
	}
	cur, err := d.current()
	if err != nil {
		return nil, err
	}
	var live []string
	for _, id := range ids {
		if id == cur || previous == "" || id <= previous {
			live = append(live, id)
		}
	}
	kept := map[string]bool{cur: true, previous: true}
	for _, id := range live[max(0, len(live)-keep):] {
		kept[id] = true
	}
	var removed []string
	for _, id := range ids {
		if kept[id] {
			continue
		}
		if err := d.remove(id); err != nil {
			return removed, err
		}
		removed = append(removed, id)
	}
	return removed, nil
}

// remove deletes release id: it is first renamed to a hidden name, which
// takes it out of every listing at once, then deleted. A removal that is
// cut short leaves only the hidden folder, which the next publish
// deletes; never a visible release with files missing.
func (d *dir) remove(id string) error {
	hidden := filepath.Join(d.releases(), removingPrefix+id)
	if err := os.Rename(d.release(id), hidden); err != nil {
		return fmt.Errorf("removing the old release %s: %w", id, err)
	}
	removeAll := d.removeAll
	if removeAll == nil {
		removeAll = os.RemoveAll
	}
	if err := removeAll(hidden); err != nil {
		return fmt.Errorf("removing the old release %s (the next publish finishes it): %w", id, err)
	}
	return nil
}

// removeStaging deletes what a publish that was killed left behind: its
// staging folders and the releases it was removing, which no link leads
// to. It runs under the lock, when no other publish can be writing one.
func (d *dir) removeStaging() {
	entries, _ := os.ReadDir(d.releases())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			_ = os.RemoveAll(filepath.Join(d.releases(), e.Name()))
		}
	}
}
