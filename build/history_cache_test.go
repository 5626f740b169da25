package build

import (
	"maps"
	"os"
	"path/filepath"
	"testing"

	"handbook/build/config"
	"handbook/internal/sitetest"
)

// TestHistoryCacheBuildsTheSameSite: a build with the history's cache
// off, one that fills it and one that reads it after a new commit write
// the same files as a build without it; the cache is kept in the folder
// HANDBOOK_HISTORY_CACHE names, never in the site.
func TestHistoryCacheBuildsTheSameSite(t *testing.T) {
	root := historySite(t)
	cache := t.TempDir()
	build := func(cacheDir string) map[string]string {
		t.Setenv("HANDBOOK_HISTORY_CACHE", cacheDir)
		_, _, files := buildInto(t, root, config.Overrides{})
		return files
	}
	same := func(when string) {
		t.Helper()
		off, cached := build("off"), build(cache)
		for name := range off {
			if off[name] != cached[name] {
				t.Errorf("%s: %s differs with the history's cache", when, name)
			}
		}
		if !maps.Equal(off, cached) {
			t.Errorf("%s: the cache changed the site's files", when)
		}
	}
	same("the first build")
	same("a build of the same commit")
	writeFiles(t, root, map[string]string{"content/fr/about.md": "---\ntitle: À propos\n---\n\nTexte nouveau.\n"})
	sitetest.GitCommit(t, root, "2026-04-01T10:00:00+02:00", "Rewrite the French about page")
	same("a build after a new commit")

	if files, _ := filepath.Glob(filepath.Join(cache, "*.gob")); len(files) == 0 {
		t.Error("no cache file in the folder HANDBOOK_HISTORY_CACHE names")
	}
	status := sitetest.Git(t, root, nil, "status", "--porcelain", "--ignored")
	if status != "" {
		t.Errorf("the build left files in the site's repository:\n%s", status)
	}
}

func TestHistoryCacheDir(t *testing.T) {
	t.Setenv("HANDBOOK_HISTORY_CACHE", "off")
	if dir := historyCacheDir(); dir != "" {
		t.Errorf("HANDBOOK_HISTORY_CACHE=off: cache in %q, want none", dir)
	}
	t.Setenv("HANDBOOK_HISTORY_CACHE", "/some/folder")
	if dir := historyCacheDir(); dir != "/some/folder" {
		t.Errorf("cache in %q, want the folder named", dir)
	}
	t.Setenv("HANDBOOK_HISTORY_CACHE", "")
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skip("no user cache folder here")
	}
	if dir, want := historyCacheDir(), filepath.Join(base, "handbook", "history"); dir != want {
		t.Errorf("cache in %q, want %q", dir, want)
	}
}
