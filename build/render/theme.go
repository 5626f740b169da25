package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"

	"handbook/build/internal/files"
)

// Theme is the layered set of theme files: a file in the site's
// themes/<name>/ folder overrides the embedded default theme's file at the
// same path.
type Theme struct {
	// Name is the configured theme name.
	Name string
	// Override is the site's theme folder, or "" when it has none.
	Override string
	base     fs.FS
	site     fs.FS
	// limit is the size over which a file of the site's theme folder
	// is refused (config.FileSizeLimit); 0 until New sets it means the
	// default.
	limit int64
}

// NewTheme layers the site's themes/<name>/ folder, if there is one, over
// base.
func NewTheme(siteRoot, name string, base fs.FS) (*Theme, error) {
	t := &Theme{Name: name, base: base}
	dir := filepath.Join(siteRoot, "themes", name)
	fi, err := os.Stat(dir)
	switch {
	case err == nil && fi.IsDir():
		t.Override = dir
		t.site = os.DirFS(dir)
	case name != "default":
		return nil, errors.New("theme " + name + ": no folder themes/" + name + " in the site")
	}
	return t, nil
}

// ReadFile reads a theme file, preferring the site's copy. The site's
// copy must be a regular file under the size limit: a named pipe or a
// device there is an error naming it, never read (files.Read).
func (t *Theme) ReadFile(name string) ([]byte, error) {
	if t.site != nil && fs.ValidPath(name) {
		limit := t.limit
		if limit <= 0 {
			limit = files.DefaultLimit
		}
		data, err := files.Read(filepath.Join(t.Override, filepath.FromSlash(name)), limit)
		switch {
		case err == nil:
			return data, nil
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
			return nil, fmt.Errorf("%s: %w", filepath.ToSlash(filepath.Join("themes", t.Name, name)), files.WithoutPath(err))
		}
	}
	return fs.ReadFile(t.base, name)
}

// Source names where a theme file comes from, for error messages.
func (t *Theme) Source(name string) string {
	if t.site != nil {
		if _, err := fs.Stat(t.site, name); err == nil {
			return filepath.ToSlash(filepath.Join("themes", t.Name, name))
		}
	}
	return "themes/default/" + name + " (built in)"
}

// Files lists the files under dir in both layers, sorted, each once.
func (t *Theme) Files(dir string) []string {
	seen := map[string]bool{}
	for _, fsys := range []fs.FS{t.base, t.site} {
		if fsys == nil {
			continue
		}
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				seen[p] = true
			}
			return nil
		})
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Has reports whether the theme has a file at name.
func (t *Theme) Has(name string) bool {
	if t.site != nil {
		if _, err := fs.Stat(t.site, name); err == nil {
			return true
		}
	}
	_, err := fs.Stat(t.base, name)
	return err == nil
}
