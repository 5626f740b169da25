package output

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"handbook/build/internal/files"
)

// Writer receives a site's files. Paths are site paths with forward
// slashes ("vi/principles/day-one/index.html"). Implementations are safe
// for concurrent use.
type Writer interface {
	// WriteFile writes data to sitePath. It does not keep data once it
	// returns, so a caller can write a page from a buffer it reuses for
	// the next: a writer that holds files copies what it holds.
	WriteFile(sitePath string, data []byte) error
	// CopyFile copies the file at src, on disk, to sitePath.
	CopyFile(sitePath, src string) error
}

// Dir writes a site into a staging folder and swaps it in with Commit.
// Until Commit, the destination is untouched, so a build that fails, or
// is interrupted, leaves the previous site as it was.
//
// The staging folder is made beside the destination, and Commit renames
// it into place. A destination that is a mount point (a container's
// volume) cannot be renamed: its staging folder is made inside it, and
// Commit swaps the folder's entries instead. A destination that is a
// symbolic link is built into the folder it leads to; the link stays.
type Dir struct {
	dest    string // the real folder the site goes to, links resolved
	staging string
	inPlace bool // staging is inside dest: dest is a mount point
	unlock  func()

	// Replaced counts the entries of a folder no build wrote, which
	// Guard.Force let the build replace.
	Replaced int

	mu sync.Mutex
	// dirs are the folders made in the staging folder, by a hash of
	// their site path: a large site has a folder a page, whose paths
	// held more memory than the rest of the writer. A folder whose hash
	// is another's is told apart by its first write, which finds no
	// folder and makes it (madeMissing).
	dirs       map[uint64]struct{}
	seed       maphash.Seed
	aborted    bool
	committing bool

	// writes is held for reading by each write while it runs, and for
	// writing by Abort, which so waits for the writes under way: a file
	// whose path was resolved before the staging folder was moved aside
	// would otherwise be created in it while it is being removed.
	writes sync.RWMutex
}

// NewDir prepares to replace dest, refusing what g protects and a
// non-empty folder no build wrote. Staging folders that interrupted
// builds left behind are removed first.
func NewDir(dest string, g Guard) (*Dir, error) {
	if err := g.checkSources(dest); err != nil {
		return nil, err
	}
	real := resolve(dest)
	replaced, err := checkReplaceable(real, g.Force)
	if err != nil {
		return nil, err
	}
	removeStale(real)
	d := &Dir{dest: real, Replaced: replaced, dirs: map[uint64]struct{}{}, seed: maphash.MakeSeed()}
	d.dirs[d.dirHash(".")] = struct{}{}
	if err := d.makeStaging(); err != nil {
		return nil, err
	}
	return d, nil
}

// makeStaging makes the staging folder, beside the destination or, for a
// mount point, inside it, and locks it so that no other build takes it
// for a leftover.
func (d *Dir) makeStaging() error {
	parent := filepath.Dir(d.dest)
	d.inPlace = isMountPoint(d.dest)
	if d.inPlace {
		parent = d.dest
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create the output folder's parent %s: %w", parent, err)
	}
	staging, err := os.MkdirTemp(parent, stagingPrefix(d.dest))
	if err != nil {
		return fmt.Errorf("cannot write beside the output folder %s: %w", d.dest, err)
	}
	d.staging = staging
	if err := os.Chmod(staging, 0o755); err != nil {
		d.Abort()
		return fmt.Errorf("cannot write beside the output folder %s: %w", d.dest, err)
	}
	d.unlock = lockFolder(staging)
	return nil
}

// stagingPrefix starts the name of every staging folder of dest, and of
// the previous site while it is being removed.
func stagingPrefix(dest string) string {
	return "." + filepath.Base(dest) + ".building-"
}

// WriteFile writes data at sitePath inside the staging folder.
func (d *Dir) WriteFile(sitePath string, data []byte) error {
	d.writes.RLock()
	defer d.writes.RUnlock()
	full, err := d.prepare(sitePath)
	if err != nil {
		return err
	}
	err = files.Write(full, data)
	if d.madeMissing(full, err) {
		err = files.Write(full, data)
	}
	return d.describe(err)
}

// CopyFile copies src to sitePath inside the staging folder.
func (d *Dir) CopyFile(sitePath, src string) error {
	d.writes.RLock()
	defer d.writes.RUnlock()
	full, err := d.prepare(sitePath)
	if err != nil {
		return err
	}
	err = copyFile(full, src)
	if d.madeMissing(full, err) {
		err = copyFile(full, src)
	}
	return d.describe(err)
}

// madeMissing makes the folders of full, a file in the staging folder,
// when err says one is missing: a folder taken for made because its
// hash is one of a folder made. It reports whether it made them, and the
// write is to be tried again. The staging folder itself is never made
// again.
func (d *Dir) madeMissing(full string, err error) bool {
	if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	rel, relErr := filepath.Rel(d.staging, filepath.Dir(full))
	if relErr != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return false
	}
	return d.makeAll(filepath.ToSlash(rel)) == nil
}

// makeAll makes the folder dir of the staging folder and each of its
// parents, whether or not dirs has them.
func (d *Dir) makeAll(dir string) error {
	for i := 1; i <= len(dir); i++ {
		if i < len(dir) && dir[i] != '/' {
			continue
		}
		err := os.Mkdir(filepath.Join(d.staging, filepath.FromSlash(dir[:i])), 0o755)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return nil
}

// dirHash is the hash dirs keeps of the folder dir.
func (d *Dir) dirHash(dir string) uint64 { return maphash.String(d.seed, dir) }

func copyFile(full, src string) error {
	in, err := files.OpenRegular(src, 0)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(full, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// prepare makes sure sitePath's folder exists and returns its full path.
func (d *Dir) prepare(sitePath string) (string, error) {
	clean := path.Clean("/" + sitePath)[1:]
	if clean == "" || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("invalid output path %q", sitePath)
	}
	dir := path.Dir(clean)
	h := d.dirHash(dir)
	d.mu.Lock()
	_, known := d.dirs[h]
	aborted := d.aborted
	d.mu.Unlock()
	if aborted {
		return "", errAborted
	}
	if !known {
		if err := d.mkdir(dir); err != nil {
			return "", err
		}
	}
	return filepath.Join(d.staging, filepath.FromSlash(clean)), nil
}

// mkdir creates dir and any missing parent, remembering what it made:
// most parents already exist, so this is one system call per folder
// instead of MkdirAll's several.
func (d *Dir) mkdir(dir string) error {
	h := d.dirHash(dir)
	d.mu.Lock()
	_, known := d.dirs[h]
	d.mu.Unlock()
	if known {
		return nil
	}
	if parent := path.Dir(dir); parent != dir {
		if err := d.mkdir(parent); err != nil {
			return err
		}
	}
	err := os.Mkdir(filepath.Join(d.staging, filepath.FromSlash(dir)), 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		err = d.makeAll(dir) // a parent taken for made by its hash
	}
	if err != nil && !errors.Is(err, os.ErrExist) {
		return d.describe(err)
	}
	d.mu.Lock()
	d.dirs[h] = struct{}{}
	d.mu.Unlock()
	return nil
}

// errAborted is what a write gets once the build was aborted.
var errAborted = errors.New("the build was stopped")

// Commit stamps the finished site and swaps it in place of the
// destination. The old site is moved aside first and removed only after
// the new one is in place; a failure to remove it is an *OldSiteError,
// which says the new site is in place. Once Commit has begun, Abort
// does nothing: the swap is not stopped half way. A Dir already aborted
// commits nothing and returns an error that says so.
func (d *Dir) Commit() error {
	defer d.release()
	d.mu.Lock()
	aborted := d.aborted
	d.committing = !aborted
	d.mu.Unlock()
	if aborted {
		return fmt.Errorf("the output folder %s is as it was: %w", d.dest, errAborted)
	}
	if err := files.Write(filepath.Join(d.staging, StampFile), []byte(stampText)); err != nil {
		d.discard()
		return fmt.Errorf("cannot write the output folder %s: %w", d.dest, d.describe(err))
	}
	if d.inPlace {
		return d.swapEntries()
	}
	old := ""
	if _, err := os.Lstat(d.dest); err == nil {
		old = d.staging + ".old"
		if err := os.Rename(d.dest, old); err != nil {
			d.discard()
			return fmt.Errorf("cannot move the previous site %s aside; it is still in place: %w", d.dest, err)
		}
	}
	if err := os.Rename(d.staging, d.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, d.dest)
		}
		d.discard()
		return fmt.Errorf("cannot put the new site in place; the previous one is still in %s: %w", d.dest, err)
	}
	return removeOld(d.dest, old)
}

// OldSiteError says that the new site is in place but the previous one,
// moved aside, could not be removed: the next build tries again.
type OldSiteError struct {
	Dest, Old string
	Err       error
}

func (e *OldSiteError) Error() string {
	return fmt.Sprintf("the new site is in place in %s, but the previous one, moved to %s, could not be removed (the next build removes it): %v", e.Dest, e.Old, e.Err)
}

func (e *OldSiteError) Unwrap() error { return e.Err }

func removeOld(dest, old string) error {
	if old == "" {
		return nil
	}
	if err := os.RemoveAll(old); err != nil {
		return &OldSiteError{Dest: dest, Old: old, Err: err}
	}
	return nil
}

// Abort throws the staging folder away, leaving the destination as it
// was. It is safe to call while files are still being written, from
// another goroutine (an interrupt): it waits for the writes under way,
// and a write that comes after returns an error. Once Commit has begun,
// Abort does nothing.
func (d *Dir) Abort() {
	d.mu.Lock()
	if d.aborted || d.committing {
		d.mu.Unlock()
		return
	}
	d.aborted = true
	d.mu.Unlock()
	d.writes.Lock()
	defer d.writes.Unlock()
	d.discard()
}

// discard removes the staging folder and lets go of its lock. The
// folder is renamed first, so that what is left if it cannot be removed
// whole is taken for a leftover by the next build.
func (d *Dir) discard() {
	d.mu.Lock()
	d.aborted = true
	d.mu.Unlock()
	trash := d.staging + ".old"
	if err := os.Rename(d.staging, trash); err != nil {
		trash = d.staging
	}
	for range 3 {
		if os.RemoveAll(trash) == nil {
			break
		}
	}
	d.release()
}

// release lets go of the staging folder's lock.
func (d *Dir) release() {
	d.mu.Lock()
	unlock := d.unlock
	d.unlock = nil
	d.mu.Unlock()
	if unlock != nil {
		unlock()
	}
}

// describe names the destination, not the staging folder, in an error
// about a file: the staging folder is an implementation detail that is
// gone by the time the writer reads the message.
func (d *Dir) describe(err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	rel, rerr := filepath.Rel(d.staging, pe.Path)
	if rerr != nil || !filepath.IsLocal(rel) {
		return err
	}
	return &fs.PathError{Op: pe.Op, Path: filepath.Join(d.dest, rel), Err: pe.Err}
}

// Memory keeps a site's files in memory, for the preview server and for
// tests.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
	lazy  map[string]*lazyFile
}

// NewMemory returns an empty in-memory site.
func NewMemory() *Memory {
	return &Memory{files: map[string][]byte{}, lazy: map[string]*lazyFile{}}
}

// WriteFile stores a copy of data at sitePath: the caller may reuse
// data once WriteFile returns.
func (m *Memory) WriteFile(sitePath string, data []byte) error {
	m.store(sitePath, bytes.Clone(data))
	return nil
}

// Keep stores data itself at sitePath, without the copy WriteFile
// makes: for a caller that made data for the site and gives it up, such
// as the preview, which renders a page into a slice of its own.
func (m *Memory) Keep(sitePath string, data []byte) { m.store(sitePath, data) }

// store keeps data, which no one else changes, at sitePath.
func (m *Memory) store(sitePath string, data []byte) {
	clean := path.Clean("/" + sitePath)[1:]
	m.mu.Lock()
	m.files[clean] = data
	delete(m.lazy, clean)
	m.mu.Unlock()
}

// CopyFile reads src into memory at sitePath.
func (m *Memory) CopyFile(sitePath, src string) error {
	data, err := files.Read(src, 0)
	if err != nil {
		return err
	}
	m.store(sitePath, data)
	return nil
}

// File returns the file at sitePath, making it first if it was written
// with WriteLazy.
func (m *Memory) File(sitePath string) ([]byte, bool) {
	clean := path.Clean("/" + sitePath)[1:]
	m.mu.RLock()
	data, ok := m.files[clean]
	lf := m.lazy[clean]
	m.mu.RUnlock()
	if lf != nil {
		return lf.get(), true
	}
	return data, ok
}

// Paths lists every file, sorted.
func (m *Memory) Paths() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.files)+len(m.lazy))
	for p := range m.files {
		out = append(out, p)
	}
	for p := range m.lazy {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
