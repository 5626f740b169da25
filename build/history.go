package build

import (
	"errors"

	"handbook/build/history"
)

// readHistory reads the site's git history, when the configuration asks
// for it, gives each page the date its file last changed, and hands the
// recent changes to the renderer. Outside a git repository the pages
// have no date: it is never made up from the files' times.
func (s *Site) readHistory() {
	h := s.Config.History
	if !h.Enable {
		return
	}
	dirs := make([]string, len(s.Config.Languages))
	for i, l := range s.Config.Languages {
		dirs[i] = l.ContentDir
	}
	log, err := history.Read(s.Config.Root, dirs, h.ChangesMonths)
	switch {
	case errors.Is(err, history.ErrNoRepository):
		if h.Explicit {
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
