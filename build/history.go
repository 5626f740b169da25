package build

import (
	"errors"
	"os"
	"path/filepath"

	"handbook/build/history"
)

// startHistory starts reading the site's git history, when the
// configuration asks for it, beside the reading of the content: git runs
// in processes of its own, so the two overlap. The function it returns
// waits for the history, gives each page the date its file last changed
// and keeps the recent changes for the renderer. Outside a git
// repository the pages have no date: it is never made up from the
// files' times.
func (s *Site) startHistory() (apply func()) {
	h := s.Config.History
	if !h.Enable {
		return func() {}
	}
	dirs := make([]string, len(s.Config.Languages))
	for i, l := range s.Config.Languages {
		dirs[i] = l.ContentDir
	}
	type result struct {
		log *history.Log
		err error
	}
	done := make(chan result, 1)
	go func() {
		log, err := history.Read(s.Config.Root, dirs, h.ChangesMonths, historyCacheDir())
		done <- result{log, err}
	}()
	return func() {
		r := <-done
		s.useHistory(r.log, r.err)
	}
}

// useHistory dates the pages from log, or says why there is no history.
func (s *Site) useHistory(log *history.Log, err error) {
	switch {
	case errors.Is(err, history.ErrNoRepository):
		if s.Config.History.Explicit {
			s.Diags.Warnf(s.Config.File, 0, "[history] enable = true, but the site is not in a git repository (or git is not installed): pages show no date")
		}
		return
	case err != nil:
		s.Diags.Warnf("", 0, "reading the git history: %v: pages show no date", err)
		return
	}
	if log.Shallow {
		s.Diags.Warnf("", 0, "the git repository is a shallow clone: pages unchanged since its oldest commit show that commit's date (git fetch --unshallow reads the whole history)")
	}
	s.history = log
	for _, p := range s.Pages.Pages {
		p.Updated = log.Updated(p.File)
	}
}

// historyCacheDir is where the history's cache is kept: the folder
// HANDBOOK_HISTORY_CACHE names, none when it is "off", and by default
// handbook/history in the user's cache folder, never in the site nor in
// its repository.
func historyCacheDir() string {
	switch dir := os.Getenv("HANDBOOK_HISTORY_CACHE"); dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return "" // no cache folder (no HOME): no cache
		}
		return filepath.Join(base, "handbook", "history")
	default:
		return dir
	}
}
