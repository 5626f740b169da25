package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"handbook/build/content"
)

// WatchOptions tune a Watcher. The zero value suits an editor's saves.
type WatchOptions struct {
	// Quiet is how long the watcher waits after an event for another
	// before it reports the burst: a save by rename, or a git checkout
	// of 500 files, is a burst of events that makes one rebuild.
	// Default 10ms.
	Quiet time.Duration
	// MaxDelay bounds the wait from a burst's first event, so that
	// events that never stop still get reported. Default 500ms.
	MaxDelay time.Duration
	// Skip names folders to leave out (the site's output folder);
	// hidden folders and editors' files are always left out.
	Skip func(path string) bool
	// Poll checks the files every PollInterval instead of asking the
	// system to tell (it falls back to this by itself when the system's
	// limit on watches is reached). Default 1s.
	Poll         bool
	PollInterval time.Duration
	// Logf reports what the user should know, such as the fall back to
	// polling. Default: nothing is reported.
	Logf func(format string, args ...any)
}

func (o *WatchOptions) defaults() {
	if o.Quiet <= 0 {
		o.Quiet = 10 * time.Millisecond
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = 500 * time.Millisecond
	}
	if o.PollInterval <= 0 {
		o.PollInterval = time.Second
	}
	if o.Skip == nil {
		o.Skip = func(string) bool { return false }
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
}

// Watcher reports the files and folders that change under its roots, in
// batches: the paths one burst of events touched, sorted, each once. A
// path in a batch may have been written, created or removed; the reader
// looks at the disk to tell.
type Watcher struct {
	roots   []string
	opts    WatchOptions
	raw     chan string
	batches chan []string
	done    chan struct{}
	wg      sync.WaitGroup

	mu     sync.Mutex
	notify *fsnotify.Watcher // nil once polling
	// add registers one folder with notify.
	add func(string) error
}

// Watch starts watching every folder under roots.
func Watch(roots []string, opts WatchOptions) (*Watcher, error) {
	return watch(roots, opts, (*fsnotify.Watcher).Add)
}

// watch is Watch with the function that registers a folder, which a test
// makes fail as a system out of watches does.
func watch(roots []string, opts WatchOptions, add func(*fsnotify.Watcher, string) error) (*Watcher, error) {
	opts.defaults()
	w := &Watcher{
		roots:   roots,
		opts:    opts,
		raw:     make(chan string, 1024),
		batches: make(chan []string),
		done:    make(chan struct{}),
	}
	if err := w.start(add); err != nil {
		w.Close()
		return nil, err
	}
	w.wg.Add(1)
	go w.coalesce()
	return w, nil
}

// Batches delivers the changed paths, one slice per burst.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	w.mu.Lock()
	n := w.notify
	w.notify = nil
	w.mu.Unlock()
	if n != nil {
		n.Close()
	}
	w.wg.Wait()
	return nil
}

// start watches with the system's notifications, or polls.
func (w *Watcher) start(add func(*fsnotify.Watcher, string) error) error {
	if w.opts.Poll {
		w.startPolling()
		return nil
	}
	n, err := fsnotify.NewWatcher()
	if err != nil {
		if atWatchLimit(err) {
			w.fallBack(err)
			return nil
		}
		return fmt.Errorf("watching the site: %w", err)
	}
	w.notify = n
	w.add = func(p string) error { return add(n, p) }
	w.wg.Add(1)
	go w.listen(n)
	for _, root := range w.roots {
		if err := w.addTree(root); err != nil {
			return err
		}
	}
	return nil
}

// atWatchLimit reports an error of a system out of watches (ENOSPC from
// inotify_add_watch) or of watchers (EMFILE from inotify_init).
func atWatchLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE)
}

// fallBack turns to polling after the system refused a watch.
func (w *Watcher) fallBack(cause error) {
	w.opts.Logf("handbook serve: the system's limit on watched folders is reached (%v);\n"+
		"  checking for changes every %s instead. To get instant rebuilds back, raise the limit:\n"+
		"  sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512",
		cause, w.opts.PollInterval)
	w.mu.Lock()
	n := w.notify
	w.notify = nil
	w.mu.Unlock()
	if n != nil {
		go n.Close() // not here: the listener may be the caller
	}
	w.startPolling()
}

// addTree watches dir and every folder under it.
func (w *Watcher) addTree(dir string) error {
	w.mu.Lock()
	polling := w.notify == nil
	w.mu.Unlock()
	if polling {
		return nil
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone already: its removal is an event too
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && w.ignored(p) {
			return filepath.SkipDir
		}
		return w.add(p)
	})
	if err != nil && atWatchLimit(err) {
		w.fallBack(err)
		return nil
	}
	if err != nil {
		return fmt.Errorf("watching %s: %w", dir, err)
	}
	return nil
}

// ignored reports paths never watched nor reported: hidden files and
// folders, editors' swap, backup and temporary files, and what Skip
// names.
func (w *Watcher) ignored(p string) bool {
	return content.IgnoredName(filepath.Base(p)) || w.opts.Skip(p)
}

// listen turns the system's events into changed paths.
func (w *Watcher) listen(n *fsnotify.Watcher) {
	defer w.wg.Done()
	for {
		select {
		case ev, ok := <-n.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-n.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: anything may have changed.
				for _, root := range w.roots {
					w.emit(root)
				}
				continue
			}
			w.opts.Logf("handbook serve: watching: %v", err)
		case <-w.done:
			return
		}
	}
}

// handle reports one event's path, watching a new folder and dropping
// the watches of one that went.
func (w *Watcher) handle(ev fsnotify.Event) {
	if ev.Op == fsnotify.Chmod || w.ignored(ev.Name) {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.dropTree(ev.Name)
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			if err := w.addTree(ev.Name); err != nil {
				w.opts.Logf("handbook serve: %v", err)
			}
		}
	}
	w.emit(ev.Name)
}

// dropTree stops watching dir and the folders under it: a folder moved
// away would otherwise go on reporting under its old name.
func (w *Watcher) dropTree(dir string) {
	w.mu.Lock()
	n := w.notify
	w.mu.Unlock()
	if n == nil {
		return
	}
	for _, p := range n.WatchList() {
		if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
			_ = n.Remove(p) // already gone with its folder, often
		}
	}
}

func (w *Watcher) emit(p string) {
	select {
	case w.raw <- p:
	case <-w.done:
	}
}

// coalesce gathers paths into bursts: a burst ends when no event came for
// Quiet, or MaxDelay after it started. While the reader is busy (a
// rebuild runs), further bursts join the one waiting for it.
func (w *Watcher) coalesce() {
	defer w.wg.Done()
	pending := map[string]bool{}
	var (
		ready []string
		out   chan []string // w.batches when ready holds a batch
		start time.Time
		timer = time.NewTimer(time.Hour)
		fire  <-chan time.Time
	)
	timer.Stop()
	for {
		select {
		case p := <-w.raw:
			if len(pending) == 0 {
				start = time.Now()
			}
			pending[p] = true
			timer.Reset(max(0, min(w.opts.Quiet, w.opts.MaxDelay-time.Since(start))))
			fire = timer.C
		case <-fire:
			fire = nil
			ready = merge(ready, pending)
			clear(pending)
			out = w.batches
		case out <- ready:
			ready, out = nil, nil
		case <-w.done:
			timer.Stop()
			return
		}
	}
}

// merge adds the paths of set to batch, keeping it sorted and unique.
func merge(batch []string, set map[string]bool) []string {
	for _, p := range batch {
		set[p] = true
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
