package publish

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handbook/build/output"
)

// exists reports whether path is there, without following a link.
func exists(t *testing.T, path string) bool {
	t.Helper()
	_, err := os.Lstat(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return err == nil
}

// TestRemovalCutShortLeavesNoHalfRelease: a removal killed halfway
// leaves only a hidden folder, which no rollback lands on and the next
// publish deletes.
func TestRemovalCutShortLeavesNoHalfRelease(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for range 3 {
		ids = append(ids, f.publish(5).Release)
	}
	d := &dir{root: f.to, removeAll: func(path string) error {
		// Delete one file of the release, then fail, as a killed
		// publish would.
		if err := os.Remove(filepath.Join(path, "index.html")); err != nil {
			return err
		}
		return errors.New("killed")
	}}
	removed, err := d.prune(1, ids[1])
	if err == nil || !strings.Contains(err.Error(), "the next publish finishes it") || len(removed) != 0 {
		t.Fatalf("prune = %v, %v; want the removal of %s to fail", removed, err, ids[0])
	}
	hidden := removingPrefix + ids[0]
	if got := f.releases(); !slices.Equal(got, []string{hidden, ids[1], ids[2]}) {
		t.Errorf("releases folder %v, want the half-removed release hidden", got)
	}
	if listed, _ := d.list(); !slices.Equal(listed, ids[1:]) {
		t.Errorf("list = %v, want %v", listed, ids[1:])
	}
	rollbackTo(t, f, ids[2], ids[1])
	if _, _, err := Rollback(Options{To: f.to}); !errors.Is(err, ErrNoRelease) {
		t.Errorf("rollback onto the half-removed release: %v", err)
	}
	f.publish(5)
	if exists(t, filepath.Join(f.to, releasesDir, hidden)) {
		t.Errorf("the next publish left %s", hidden)
	}
}

func rollbackTo(t *testing.T, f *fixture, from, back string) {
	t.Helper()
	gotFrom, gotBack, err := Rollback(Options{To: f.to})
	if err != nil || gotFrom != from || gotBack != back {
		t.Fatalf("rollback %q -> %q, %v; want %q -> %q", gotFrom, gotBack, err, from, back)
	}
	if got := f.current(); got != filepath.Join(releasesDir, back) {
		t.Errorf("current -> %s, want %s", got, back)
	}
}

// TestPruneRenamesBeforeRemoving: a release is out of every listing
// before its first file goes.
func TestPruneRenamesBeforeRemoving(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for range 3 {
		ids = append(ids, f.publish(5).Release)
	}
	var seen []string
	d := &dir{root: f.to}
	d.removeAll = func(path string) error {
		listed, err := d.list()
		if err != nil {
			return err
		}
		seen = append(seen, filepath.Base(path)+" while listing "+strings.Join(listed, ","))
		return os.RemoveAll(path)
	}
	removed, err := d.prune(1, ids[1])
	if err != nil || !slices.Equal(removed, ids[:1]) {
		t.Fatalf("prune = %v, %v", removed, err)
	}
	want := []string{removingPrefix + ids[0] + " while listing " + ids[1] + "," + ids[2]}
	if !slices.Equal(seen, want) {
		t.Errorf("removed %q, want %q", seen, want)
	}
	if got := f.releases(); !slices.Equal(got, ids[1:]) {
		t.Errorf("releases folder %v", got)
	}
}

// TestRollbackSkipsAnIncompleteRelease: a visible release that lost
// files (removed by hand, or by an older publish that was killed) is
// never switched to.
func TestRollbackSkipsAnIncompleteRelease(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for range 3 {
		ids = append(ids, f.publish(5).Release)
	}
	for _, mark := range []string{output.StampFile, legacyMark} {
		if err := os.Remove(filepath.Join(f.to, releasesDir, ids[1], mark)); err != nil {
			t.Fatal(err)
		}
	}
	rollbackTo(t, f, ids[2], ids[0])
	res := f.publish(5)
	if !slices.Equal(res.Incomplete, ids[1:2]) {
		t.Errorf("Incomplete = %v, want %v", res.Incomplete, ids[1:2])
	}
	if !exists(t, filepath.Join(f.to, releasesDir, ids[1])) {
		t.Error("the incomplete release was deleted")
	}
}

// TestRollbackOfANeverPublishedFolderChangesNothing: neither the
// releases folder nor the lock is made.
func TestRollbackOfANeverPublishedFolderChangesNothing(t *testing.T) {
	empty := t.TempDir()
	for _, to := range []string{empty, filepath.Join(empty, "missing")} {
		_, _, err := Rollback(Options{To: to})
		if !errors.Is(err, ErrNoRelease) || !strings.Contains(err.Error(), "to roll back to") {
			t.Errorf("Rollback(%s) = %v, want nothing to roll back to", to, err)
		}
	}
	if entries, err := os.ReadDir(empty); err != nil || len(entries) != 0 {
		t.Errorf("the folder holds %v, %v after a rollback", entries, err)
	}
	// A releases folder without a current link: nothing to roll back
	// to either, and no lock.
	if err := os.Mkdir(filepath.Join(empty, releasesDir), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Rollback(Options{To: empty}); !errors.Is(err, ErrNoRelease) {
		t.Errorf("Rollback without current = %v", err)
	}
	if exists(t, filepath.Join(empty, lockFile)) {
		t.Error("rollback made the lock")
	}
}
