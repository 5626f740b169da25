package serve

import (
	"io/fs"
	"path/filepath"
	"time"
)

// fileState is what polling compares of a file from one look to the next.
type fileState struct {
	size    int64
	modTime time.Time
	mode    fs.FileMode
}

// startPolling looks at every file under the roots each PollInterval
// and reports those that appeared, changed or went: slower than the
// system's notifications, and costlier on a large site, but it needs no
// watch.
func (w *Watcher) startPolling() {
	last := w.scan()
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		tick := time.NewTicker(w.opts.PollInterval)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				now := w.scan()
				for p, st := range now {
					if old, ok := last[p]; !ok || old != st {
						w.emit(p)
					}
				}
				for p := range last {
					if _, ok := now[p]; !ok {
						w.emit(p)
					}
				}
				last = now
			case <-w.done:
				return
			}
		}
	}()
}

// scan records the state of every file and folder under the roots.
func (w *Watcher) scan() map[string]fileState {
	out := map[string]fileState{}
	for _, root := range w.roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // gone while walking: the next look tells
			}
			if p != root && w.ignored(p) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			st := fileState{mode: fi.Mode()}
			if !d.IsDir() {
				st.size, st.modTime = fi.Size(), fi.ModTime()
			}
			out[p] = st
			return nil
		})
	}
	return out
}
