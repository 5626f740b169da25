package history

import (
	"errors"
	"path"
	"slices"
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
// the site's folder), following renames, and the changes of the last
// months months before the newest commit (none for months 0), as
// readCommits lists them. It returns ErrNoRepository when root is not
// in a git repository.
//
// With a cacheDir, what git log gave is kept there, outside the
// repository, for the next Read to read only the commits made since
// (see contentCommits); "" keeps nothing. A shallow clone is read whole.
func Read(root string, dirs []string, months int, cacheDir string) (*Log, error) {
	shallow, err := repositoryState(root)
	if err != nil {
		return nil, err
	}
	head, err := headCommit(root)
	if err != nil {
		return &Log{Shallow: shallow}, nil // no commit yet: no history
	}
	if shallow {
		cacheDir = ""
	}
	dirs = outermost(dirs)
	cache := openCache(cacheDir, root, dirs)
	cached, _ := cache.load()
	blobs := newBlobReader(root, len(head)/2, cached.summaries(), cached.verdicts())
	defer blobs.close()
	early := &prefetch{blobs: blobs, names: namer{}, months: months, first: map[string]bool{}}
	commits, err := contentCommits(root, dirs, head, cached, early.see)
	if err != nil {
		return nil, err
	}
	log := &Log{Shallow: shallow, Newest: newest(commits)}
	if log.updated, err = lastChanges(commits, blobs); err != nil {
		return nil, err
	}
	if months > 0 && !log.Newest.IsZero() {
		start := log.Newest.AddDate(0, -months, 0)
		if log.Changes, err = recentChanges(commits, start, shallow, blobs); err != nil {
			return nil, err
		}
		sortChanges(log.Changes)
	}
	blobs.close()
	cache.save(head, commits, blobs.done, blobs.pairs.verdicts)
	return log, nil
}

// prefetch names the files of each commit as the log is read, newest
// first, and asks at once for the comparisons lastChanges and
// recentChanges will need: of each file's newest change, and of every
// change in the window of recent changes. They are made while the
// older commits are listed, and lastChanges and recentChanges find them
// made.
type prefetch struct {
	blobs  *blobReader
	names  namer
	months int
	newest time.Time       // the newest commit so far: the window starts at most months before
	first  map[string]bool // the files whose newest change was seen
}

func (p *prefetch) see(c *commit) {
	p.names.name(c)
	if c.when.After(p.newest) {
		p.newest = c.when
	}
	recent := p.months > 0 && !c.when.Before(p.newest.AddDate(0, -p.months, 0))
	var jobs []pairJob
	for _, f := range c.files {
		if f.name == "" {
			continue
		}
		newest := !p.first[f.name] && f.oldBlob != f.newBlob
		if newest {
			p.first[f.name] = true
		}
		// An addition is dated without comparing: only a change needs
		// the versions before and after.
		if newest && !isZeroBlob(f.oldBlob) || recent && f.status != 'A' {
			job := pairJob{versionPair: versionPair{f.oldBlob, f.newBlob}}
			if newest {
				job.file = f.name
			}
			jobs = append(jobs, job)
		}
	}
	p.blobs.askJobs(jobs...)
}

// outermost leaves out the folders inside another of dirs, whose files
// that one's log has already, and repeats.
func outermost(dirs []string) []string {
	var out []string
	for _, d := range dirs {
		d = path.Clean(d)
		inside := slices.ContainsFunc(dirs, func(o string) bool {
			o = path.Clean(o)
			return o != d && (o == "." || strings.HasPrefix(d, o+"/"))
		})
		if !inside && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// sortChanges puts changes newest first; those of one time by commit,
// then file.
func sortChanges(changes []Change) {
	slices.SortStableFunc(changes, func(a, b Change) int {
		if c := b.When.Compare(a.When); c != 0 {
			return c
		}
		if c := strings.Compare(a.Commit, b.Commit); c != 0 {
			return c
		}
		return strings.Compare(a.File, b.File)
	})
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

// headCommit is the hash of the commit HEAD names, read once so that
// every folder's log starts at the same commit; an error when the
// repository has no commit yet.
func headCommit(root string) (string, error) {
	out, err := git(root, "rev-parse", "-q", "--verify", "HEAD^{commit}")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// git runs git in dir and returns its output; its error says what git
// printed.
func git(dir string, args ...string) ([]byte, error) { return runGit(dir, nil, args...) }

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
