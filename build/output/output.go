// Package output is the last stage of the pipeline: it receives the
// site's files and puts them somewhere. Dir writes to disk atomically (the
// whole site is written beside the destination and swapped in only once
// the build has succeeded); Memory keeps the files in memory for the
// preview server.
package output

import (
	"errors"
	"fmt"
	"io"
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
	WriteFile(sitePath string, data []byte) error
	// CopyFile copies the file at src, on disk, to sitePath.
	CopyFile(sitePath, src string) error
}

// Dir writes a site into a staging folder beside its destination and
// swaps it in with Commit. Until Commit, the destination is untouched, so
// a build that fails leaves the previous site as it was.
type Dir struct {
	dest    string
	staging string

	mu   sync.Mutex
	dirs map[string]bool
}

// NewDir prepares to replace dest. It refuses a destination that holds
// something other than a built site, so that a mistyped --dest never
// deletes a folder of documents.
func NewDir(dest string) (*Dir, error) {
	if err := checkReplaceable(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the output folder's parent: %w", err)
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".building-")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside the output folder %s: %w", dest, err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return nil, err
	}
	return &Dir{dest: dest, staging: staging, dirs: map[string]bool{".": true}}, nil
}

func checkReplaceable(dest string) error {
	fi, err := os.Stat(dest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dest, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("output path %s exists and is not a folder", dest)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and holds no built site (no index.html)", dest)
	}
	return nil
}

// WriteFile writes data at sitePath inside the staging folder.
func (d *Dir) WriteFile(sitePath string, data []byte) error {
	full, err := d.prepare(sitePath)
	if err != nil {
		return err
	}
	return files.Write(full, data)
}

// CopyFile copies src to sitePath inside the staging folder.
func (d *Dir) CopyFile(sitePath, src string) error {
	full, err := d.prepare(sitePath)
	if err != nil {
		return err
	}
	in, err := os.Open(src)
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
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
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
	d.mu.Lock()
	known := d.dirs[dir]
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
	if err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Commit swaps the finished site in place of the destination. The old
// site is moved aside first and removed only after the new one is in
// place.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Stat(d.dest); err == nil {
		old = d.staging + ".old"
		if err := os.Rename(d.dest, old); err != nil {
			d.Abort()
			return fmt.Errorf("cannot move the previous site aside: %w", err)
		}
	}
	if err := os.Rename(d.staging, d.dest); err != nil {
		if old != "" {
			_ = os.Rename(old, d.dest)
		}
		d.Abort()
		return fmt.Errorf("cannot put the new site in place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort throws the staging folder away, leaving the destination as it was.
func (d *Dir) Abort() { _ = os.RemoveAll(d.staging) }

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

// WriteFile stores data at sitePath.
func (m *Memory) WriteFile(sitePath string, data []byte) error {
	clean := path.Clean("/" + sitePath)[1:]
	m.mu.Lock()
	m.files[clean] = data
	delete(m.lazy, clean)
	m.mu.Unlock()
	return nil
}

// CopyFile reads src into memory at sitePath.
func (m *Memory) CopyFile(sitePath, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return m.WriteFile(sitePath, data)
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
