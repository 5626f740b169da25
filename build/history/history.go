package history

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrNoRepository is returned by Read when the site is not in a git
// repository, or git is not installed: the site has no history to show.
var ErrNoRepository = errors.New("not in a git repository")

// Log is what the history says about the site's content files, named by
// their slash paths from the site's root ("content/vi/a.md").
type Log struct {
	// Shallow is true when the repository is a shallow clone: a file
	// unchanged since its oldest commit shows that commit's date.
	Shallow bool
	// Changes are the recent changes, newest first (see Change).
	Changes []Change
	// Newest is the date of the newest commit of the content: the
	// changes' feed was last updated then.
	Newest  time.Time
	updated map[string]time.Time
}

// Updated is when the content of file last changed: the author date of
// the last commit that changed more than its translation stamp or its
// whitespace. It is zero for a file no commit holds (not committed yet).
func (l *Log) Updated(file string) time.Time {
	if l == nil {
		return time.Time{}
	}
	return l.updated[file]
}

// Read reads the history of the content folders dirs (relative to root,
// the site's folder) in one pass of git log, following renames, and the
// changes of the last months months before the newest commit (none for
// months 0). It returns ErrNoRepository when root is not in a git
// repository.
func Read(root string, dirs []string, months int) (*Log, error) {
	shallow, err := repositoryState(root)
	if err != nil {
		return nil, err
	}
	commits, err := readCommits(root, dirs)
	if err != nil {
		return nil, err
	}
	resolveNames(commits)
	blobs := newBlobReader(root)
	log := &Log{Shallow: shallow}
	if log.updated, err = lastChanges(commits, blobs); err != nil {
		return nil, err
	}
	log.Newest = newest(commits)
	if months > 0 && len(commits) > 0 {
		start := log.Newest.AddDate(0, -months, 0)
		if log.Changes, err = recentChanges(commits, start, shallow, blobs); err != nil {
			return nil, err
		}
	}
	return log, nil
}

// repositoryState reports whether root is in a shallow clone, or
// ErrNoRepository when it is in no repository.
func repositoryState(root string) (shallow bool, err error) {
	out, err := git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
	if err != nil {
		return false, ErrNoRepository
	}
	lines := strings.Fields(string(out))
	if len(lines) != 2 || lines[0] != "true" {
		return false, ErrNoRepository
	}
	return lines[1] == "true", nil
}

// git runs git in dir and returns its output; its error says what git
// printed.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %w: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// newest is the date of the newest commit. The window of recent changes
// counts back from it, never from the clock, so that the same commit
// builds the same site.
func newest(commits []*commit) time.Time {
	var last time.Time
	for _, c := range commits {
		if c.when.After(last) {
			last = c.when
		}
	}
	return last
}
