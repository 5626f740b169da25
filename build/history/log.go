package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// commit is one commit of git log, with the content files it changed.
type commit struct {
	hash    string
	root    bool // it has no parent: the first commit, or a shallow clone's oldest
	when    time.Time
	subject string
	files   []fileChange
}

// fileChange is one file a commit changed, as git log --raw shows it.
type fileChange struct {
	status           byte   // A, M, D, R (renamed), C (copied) or T (type changed)
	oldBlob, newBlob string // the file's blobs before and after
	path, from       string // the path after, and before a rename or copy
	// name is the file's path now, following renames, or "" when the
	// file is not there any more; set by a namer.
	name string
}

// logFormat starts each commit with a record separator, and gives its
// hash, parents, author date and subject apart; the subject ends at the
// NUL that -z puts after the format.
const logFormat = "--format=%x1e%H%x1f%P%x1f%aI%x1f%s"

// readCommits lists the commits of rev (a commit, or a range old..new)
// that changed files in the content folders dirs, newest first, with
// those files and their blobs, renames detected; each is handed each
// commit in that order as soon as it can be. A history without merges
// is read by one git log of the whole repository (readLinear); one with
// merges by a git log of each folder, whose simplification of merges
// leaves out the commits of a branch whose changes to the folder a
// merge did not keep (readEachFolder).
//
// The commits' trees are compared here (readByTrees) unless the list of
// commits has a merge; for content folders outside the site's folder,
// git is asked first whether the history has one.
func readCommits(root, rev string, dirs []string, each func(*commit)) ([]*commit, error) {
	// git looks for a merge while the commits are listed: in a history
	// without, it walks every commit, and so does the list.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	merged := make(chan error, 1)
	go func() {
		out, err := git(root, "rev-list", "--merges", "-n", "1", rev, "--")
		if err == nil && len(bytes.TrimSpace(out)) > 0 {
			err = errMerges
			cancel() // the list is not needed
		}
		merged <- err
	}()
	commits, ok, err := readByTrees(ctx, root, rev, dirs, each)
	mergeErr := <-merged
	switch {
	case errors.Is(err, errMerges), errors.Is(mergeErr, errMerges):
		return readEachFolder(root, rev, dirs, each)
	case mergeErr != nil:
		return nil, mergeErr
	case ok || err != nil:
		return commits, err
	}
	return readLinear(root, rev, dirs, each)
}

// readLinear reads a history without merges whose content folders are
// outside the site's folder (readByTrees reads the others) by git log
// of the whole repository: one log, or for a long
// history one log of each of its parts, a part for each core (see
// readParts). No path limits the log: git would then compare each
// commit's folders with its parent's twice, once to tell whether the
// commit touched them and once for the listing, and the large folders
// of a handbook make that the most of git's time; without merges, the
// commits that changed the folders are the same. Neither looks for
// renames in the whole repository, which would read the versions of
// files outside the content (and fetch them, in a partial clone): a
// file deleted and one added with the same blob are paired here, and
// the few commits that may have renamed a file and changed it are
// compared again by git, within the content folders (see renameCheck).
func readLinear(root, rev string, dirs []string, each func(*commit)) ([]*commit, error) {
	parts, err := splitRange(root, rev, min(runtime.GOMAXPROCS(0), maxLogs), minCommitsPerLog)
	if err != nil {
		return nil, err
	}
	return readParts(root, parts, dirs, each)
}

// maxLogs is the most git logs a history is read by at once: each holds
// a cache of the objects it unpacked, up to about 100 MB.
const maxLogs = 4

// minCommitsPerLog is the fewest commits a git log of its own is given
// when a long history is read by several: below it, starting git and
// listing the commits costs more than the log.
const minCommitsPerLog = 1000

// readParts reads a history without merges cut into parts (see
// splitRange), newest first, by a git log of each, all at once: git
// spends its time comparing trees, one commit at a time, so that the
// logs of parts keep the processor's cores busy. The newest part's
// commits are handed to each as they are read, the others' once those
// before them were: in the log's order, as one log of the whole range
// gives them.
func readParts(root string, parts [][]string, dirs []string, each func(*commit)) ([]*commit, error) {
	check := &renameCheck{root: root, dirs: dirs, each: each}
	logs := make([][]*commit, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, revs := range parts[1:] {
		wg.Go(func() { logs[i+1], errs[i+1] = runLog(root, linearLogArgs(revs), nil, dirs, nil) })
	}
	logs[0], errs[0] = runLog(root, linearLogArgs(parts[0]), nil, dirs, check.see)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	commits := logs[0]
	for _, l := range logs[1:] {
		for _, c := range l {
			check.see(c)
		}
		commits = append(commits, l...)
	}
	return commits, check.finish()
}

// linearLogArgs are the arguments of the git log of readLinear, for the
// commits revs name.
func linearLogArgs(revs []string) []string {
	// The repository's configuration may name programs to run (a
	// signature checker, external diff drivers, text conversions): none
	// is needed for the raw listing, so none runs.
	args := []string{"-c", "log.showSignature=false", "-c", "core.fsmonitor=false", "log", "--no-merges", "--raw", "-z",
		"--no-abbrev", "--no-renames", "--relative", "--no-color", "--no-ext-diff", "--no-textconv", logFormat}
	return append(append(args, revs...), "--")
}

// splitRange cuts the commits of rev (a commit, or a range old..new) of
// a history without merges into at most n parts of least commits at
// least, newest first, each named by the revisions git log is given
// for it: the commits after a cut are "new ^cut", those up to it "cut"
// (and "^old" for a range). git rev-list lists the commits without
// comparing their trees, in a small part of the log's time.
func splitRange(root, rev string, n, least int) ([][]string, error) {
	if n < 2 {
		return [][]string{{rev}}, nil
	}
	out, err := git(root, "rev-list", "--no-merges", rev, "--")
	if err != nil {
		return nil, err
	}
	hashes := strings.Fields(string(out))
	n = min(n, len(hashes)/max(least, 1))
	if n < 2 {
		return [][]string{{rev}}, nil
	}
	var bottom []string // the range's lower end, left out of every part
	top := rev
	if old, newer, ok := strings.Cut(rev, ".."); ok {
		bottom, top = []string{"^" + old}, newer
	}
	var parts [][]string
	for i := 1; i <= n; i++ {
		part := []string{top}
		if i < n {
			cut := hashes[i*len(hashes)/n]
			part = append(part, "^"+cut)
			top = cut
		}
		parts = append(parts, append(part, bottom...))
	}
	return parts, nil
}

// readEachFolder reads each content folder's commits by a git log of
// its own, all at once, and hands each the first folder's as they are
// read, then the others'. A commit that changed files in two folders is
// listed once in each, with that folder's files.
func readEachFolder(root, rev string, dirs []string, each func(*commit)) ([]*commit, error) {
	logs := make([][]*commit, len(dirs))
	errs := make([]error, len(dirs))
	var wg sync.WaitGroup
	for i, dir := range dirs {
		args := []string{"-c", "log.showSignature=false", "-c", "core.fsmonitor=false", "log", "--no-merges", "--raw", "-z",
			"--no-abbrev", "-M", "--relative", "--no-color", "--no-ext-diff", "--no-textconv", logFormat, rev, "--", dir}
		var see func(*commit)
		if i == 0 {
			see = each
		}
		wg.Go(func() { logs[i], errs[i] = runLog(root, args, nil, []string{dir}, see) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var commits []*commit
	for i, l := range logs {
		if i > 0 {
			for _, c := range l {
				each(c)
			}
		}
		commits = append(commits, l...)
	}
	return commits, nil
}

// runLog runs git with args and input, for a log of logFormat, and
// reads it as parseLog does.
func runLog(root string, args []string, input []byte, dirs []string, each func(*commit)) ([]*commit, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	if input != nil {
		cmd.Stdin = bytes.NewReader(input)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	name := "git " + args[slices.IndexFunc(args, func(a string) bool { return a == "log" || a == "diff-tree" })]
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	commits, readErr := parseLog(bufio.NewReaderSize(stdout, 1<<16), dirs, each)
	if readErr != nil {
		_, _ = io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(stderr.String()))
	}
	return commits, readErr
}

// parseLog reads readCommits' log as git writes it, and hands each
// commit of the content folders to each as soon as it is read.
func parseLog(r *bufio.Reader, dirs []string, each func(*commit)) ([]*commit, error) {
	var commits []*commit
	for {
		chunk, err := r.ReadBytes(0x1e)
		chunk = bytes.TrimSuffix(chunk, []byte{0x1e})
		if len(bytes.TrimSpace(chunk)) > 0 {
			c, perr := parseCommit(chunk)
			if perr != nil {
				return nil, perr
			}
			if c.files = inFolders(c.files, dirs); len(c.files) > 0 {
				commits = append(commits, c)
				if each != nil {
					each(c)
				}
			}
		}
		if err == io.EOF {
			return commits, nil
		}
		if err != nil {
			return nil, fmt.Errorf("git log: %w", err)
		}
	}
}

// inFolders keeps the changes of the files in dirs, as a log of each
// folder alone shows them: a file renamed or copied from another folder
// (or from outside them) is added, and one renamed to another folder is
// deleted from its own.
func inFolders(files []fileChange, dirs []string) []fileChange {
	var kept []fileChange
	for _, f := range files {
		to := folderOf(f.path, dirs)
		if f.status != 'R' && f.status != 'C' || folderOf(f.from, dirs) == to {
			if to >= 0 {
				kept = append(kept, f)
			}
			continue
		}
		none := strings.Repeat("0", len(f.newBlob))
		if to >= 0 {
			kept = append(kept, fileChange{status: 'A', oldBlob: none, newBlob: f.newBlob, path: f.path})
		}
		if f.status == 'R' && folderOf(f.from, dirs) >= 0 {
			kept = append(kept, fileChange{status: 'D', oldBlob: f.oldBlob, newBlob: none, path: f.from})
		}
	}
	return kept
}

// folderOf is the index in dirs of the folder that holds the file p, or
// -1 when none does.
func folderOf(p string, dirs []string) int {
	for i, d := range dirs {
		if d == "." || strings.HasPrefix(p, d) && len(p) > len(d) && p[len(d)] == '/' {
			return i
		}
	}
	return -1
}

// parseCommit reads one commit of readCommits' output: its header up to
// a NUL, then its files.
func parseCommit(chunk []byte) (*commit, error) {
	header, rest, _ := bytes.Cut(chunk, []byte{0})
	fields := strings.SplitN(string(header), "\x1f", 4)
	if len(fields) != 4 {
		return nil, fmt.Errorf("git log: unexpected commit header %q", header)
	}
	when, err := time.Parse(time.RFC3339, fields[2])
	if err != nil {
		return nil, fmt.Errorf("git log: commit %s: %w", fields[0], err)
	}
	c := &commit{hash: fields[0], root: fields[1] == "", when: when, subject: fields[3]}
	c.files, err = parseFiles(rest)
	if err != nil {
		return nil, fmt.Errorf("git log: commit %s: %w", c.hash, err)
	}
	return c, nil
}

// parseFiles reads the raw records of a commit, each
// ":mode mode blob blob status\0path\0", with a second path after a
// rename or a copy.
func parseFiles(rest []byte) ([]fileChange, error) {
	parts := bytes.Split(bytes.TrimLeft(rest, "\n"), []byte{0})
	var files []fileChange
	for i := 0; i < len(parts); i++ {
		meta := bytes.TrimLeft(parts[i], "\n")
		if len(meta) == 0 {
			continue
		}
		f := strings.Fields(string(meta))
		if len(f) != 5 || !strings.HasPrefix(f[0], ":") || i+1 >= len(parts) {
			return nil, fmt.Errorf("unexpected record %q", meta)
		}
		fc := fileChange{status: f[4][0], oldBlob: f[2], newBlob: f[3], path: string(parts[i+1])}
		i++
		if fc.status == 'R' || fc.status == 'C' {
			if i+1 >= len(parts) {
				return nil, fmt.Errorf("rename without its new path: %q", meta)
			}
			fc.from, fc.path = fc.path, string(parts[i+1])
			i++
		}
		files = append(files, fc)
	}
	return files, nil
}

// namer gives each file change the path the file has now, walking the
// commits from the newest: a rename sends the older path's changes to
// the newer path's file, and before a deletion or an addition the path
// held another file, gone since. It maps a path in the older commits to
// its file now, "" for none.
type namer map[string]string

// name names the files of c, the commit before those named so far.
func (current namer) name(c *commit) {
	resolve := func(p string) string {
		if name, ok := current[p]; ok {
			return name
		}
		return p
	}
	for i := range c.files {
		f := &c.files[i]
		switch f.status {
		case 'D':
			f.name = ""
		default:
			f.name = resolve(f.path)
		}
		switch f.status {
		case 'A', 'C', 'D':
			current[f.path] = ""
		case 'R':
			current[f.path] = ""
			current[f.from] = f.name
		}
	}
}
