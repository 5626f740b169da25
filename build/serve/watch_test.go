package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"handbook/build"
)

// The watcher tests wait for a burst to end for watchQuiet: far longer
// than any pause between the file operations of one save, even on a
// loaded machine, so that a burst is never split by chance. Batches are
// waited for on the watcher's channel; waitTimeout only guards against a
// test that would hang.
const (
	watchQuiet  = 400 * time.Millisecond
	waitTimeout = 30 * time.Second
)

func startWatcher(t *testing.T, root string) *Watcher {
	t.Helper()
	w, err := Watch([]string{root}, WatchOptions{Quiet: watchQuiet, MaxDelay: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// nextBatch waits for the watcher's next batch.
func nextBatch(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(waitTimeout):
		t.Fatal("no batch from the watcher")
		return nil
	}
}

// expectBatch waits for the next batch and checks it holds exactly want.
func expectBatch(t *testing.T, w *Watcher, want ...string) {
	t.Helper()
	got := nextBatch(t, w)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("batch %q, want %q", got, want)
	}
}

// expectQuiet checks that nothing was reported since the last batch: it
// writes a file and expects a batch of that file alone. Anything left
// over from earlier operations would come first, or with it.
func expectQuiet(t *testing.T, w *Watcher, root string) {
	t.Helper()
	sentinel := filepath.Join(root, fmt.Sprintf("sentinel-%d.md", time.Now().UnixNano()))
	if err := os.WriteFile(sentinel, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	expectBatch(t, w, sentinel)
}

func mustWrite(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

// An editor saving by writing a temporary file and renaming it over the
// page makes one batch with the page alone.
func TestWatchSaveByRename(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	page := filepath.Join(root, "page.md")
	mustWrite(t, page, "old")
	w := startWatcher(t, root)

	tmp := filepath.Join(root, ".page.md.tmp1234")
	mustWrite(t, tmp, "new")
	mustRename(t, tmp, page)
	expectBatch(t, w, page)
	expectQuiet(t, w, root)
}

// Vim's save (backupcopy=no): the page is renamed to a backup, written
// anew, and the backup removed, after a probe file named 4913.
func TestWatchVimSave(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	page := filepath.Join(root, "page.md")
	mustWrite(t, page, "old")
	w := startWatcher(t, root)

	probe := filepath.Join(root, "4913")
	mustWrite(t, probe, "")
	if err := os.Remove(probe); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, ".page.md.swp"), "swap")
	mustRename(t, page, page+"~")
	mustWrite(t, page, "new")
	if err := os.Remove(page + "~"); err != nil {
		t.Fatal(err)
	}
	expectBatch(t, w, page)
	expectQuiet(t, w, root)
}

// Editors' swap, backup and temporary files are never reported.
func TestWatchIgnoresEditorFiles(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := startWatcher(t, root)
	for _, name := range []string{".page.md.swp", "page.md~", "#page.md#", ".#page.md", "page.md.tmp", "4913", ".hidden/inside.md"} {
		mustWrite(t, filepath.Join(root, name), "x")
	}
	expectQuiet(t, w, root)
}

// A burst (a git checkout of 500 files) makes one batch.
func TestWatchBurst(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := startWatcher(t, root)
	var want []string
	for i := range 500 {
		p := filepath.Join(root, fmt.Sprintf("page-%03d.md", i))
		mustWrite(t, p, "x")
		want = append(want, p)
	}
	expectBatch(t, w, want...)
	expectQuiet(t, w, root)
}

// A new folder is watched, with the folders inside it, as it appears; a
// folder moved away is no longer watched.
func TestWatchFolders(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := startWatcher(t, root)

	deep := filepath.Join(root, "new", "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(deep, "first.md"), "x")
	got := nextBatch(t, w)
	if !slices.Contains(got, filepath.Join(root, "new")) {
		t.Fatalf("batch %q lacks the new folder", got)
	}
	later := filepath.Join(deep, "later.md")
	mustWrite(t, later, "x")
	expectBatch(t, w, later)

	away := t.TempDir()
	moved := filepath.Join(away, "moved")
	mustRename(t, filepath.Join(root, "new"), moved)
	expectBatch(t, w, filepath.Join(root, "new"))
	for _, p := range w.notify.WatchList() {
		if strings.HasPrefix(p, filepath.Join(root, "new")) {
			t.Errorf("still watching %s", p)
		}
	}
	mustWrite(t, filepath.Join(moved, "a", "b", "elsewhere.md"), "x")
	expectQuiet(t, w, root)
}

// A deleted file is reported.
func TestWatchDelete(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	page := filepath.Join(root, "page.md")
	mustWrite(t, page, "x")
	w := startWatcher(t, root)
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	expectBatch(t, w, page)
}

// Skip leaves a folder out (the output folder).
func TestWatchSkip(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	public := filepath.Join(root, "public")
	mustWrite(t, filepath.Join(public, "index.html"), "x")
	w, err := Watch([]string{root}, WatchOptions{Quiet: watchQuiet, MaxDelay: time.Minute, Skip: func(p string) bool { return p == public }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	mustWrite(t, filepath.Join(public, "vi", "index.html"), "x")
	expectQuiet(t, w, root)
}

// When the system has no watch left, the watcher says so and polls.
func TestWatchFallsBackToPolling(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	var (
		mu  sync.Mutex
		log []string
	)
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		log = append(log, fmt.Sprintf(format, args...))
	}
	full := func(*fsnotify.Watcher, string) error { return fmt.Errorf("inotify_add_watch: %w", syscall.ENOSPC) }
	w, err := watch([]string{root}, WatchOptions{Quiet: watchQuiet, MaxDelay: time.Minute, PollInterval: 20 * time.Millisecond, Logf: logf}, full)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	mu.Lock()
	said := strings.Join(log, "\n")
	mu.Unlock()
	if !strings.Contains(said, "limit on watched folders is reached") || !strings.Contains(said, "max_user_watches") {
		t.Errorf("the watcher said %q, want the watch limit and how to raise it", said)
	}
	page := filepath.Join(root, "page.md")
	mustWrite(t, page, "x")
	expectBatch(t, w, page)
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	expectBatch(t, w, page)
}

// Of the site's root, only what the build reads is watched.
func TestWatchScope(t *testing.T) {
	root := newSite(t)
	roots, skip := watchScope(root, build.Options{Source: root})
	if !slices.Equal(roots, []string{root}) {
		t.Errorf("roots %q, want the site alone", roots)
	}
	for name, want := range map[string]bool{
		"public": true, "layouts": true, "node_modules": true,
		"content": false, "static": false, "themes": false, "handbook.toml": false, "hugo.toml": false, "data": false,
		"content/vi/public": false,
	} {
		if got := skip(filepath.Join(root, filepath.FromSlash(name))); got != want {
			t.Errorf("skip(%s) = %v, want %v", name, got, want)
		}
	}
}
