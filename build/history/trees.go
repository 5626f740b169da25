package history

import (
	"bytes"
	"cmp"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"handbook/build/internal/gitobjects"
)

// readByTrees reads a history without merges as git log --raw
// --no-renames of the content folders lists it, but compares the
// commits' trees here: git cat-file reads each version of a folder's
// listing once, and the listings of two commits are compared as bytes,
// a common beginning and end skipped at once. git log reads each
// listing twice and compares it entry by entry, which made the most of
// a cold read's processor time in the large flat folders of a handbook.
// ok is false, with nothing read, for content folders it cannot name in
// the repository (outside the site's folder): readParts reads those;
// and the error is errMerges, with nothing read, for a history with
// merges.
//
// ctx stops the listing of the commits (the one git process it waits
// for before anything is handed on).
func readByTrees(ctx context.Context, root, rev string, dirs []string, each func(*commit)) (commits []*commit, ok bool, err error) {
	return readTreesInRounds(ctx, root, rev, dirs, commitsPerRound, each)
}

// readTreesInRounds is readByTrees comparing the trees of perRound
// commits at a time.
func readTreesInRounds(ctx context.Context, root, rev string, dirs []string, perRound int, each func(*commit)) (commits []*commit, ok bool, err error) {
	for _, d := range dirs {
		if path.IsAbs(d) || d == ".." || strings.HasPrefix(d, "../") {
			return nil, false, nil
		}
	}
	prefix, err := git(root, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, false, err
	}
	commits, parents, err := commitList(ctx, root, rev)
	if err != nil || len(commits) == 0 {
		return nil, true, err
	}
	w := &treeWalk{root: root, prefix: strings.TrimSpace(string(prefix)), hashLen: len(commits[0].hash) / 2}
	store := openObjects(root, w.hashLen)
	if store != nil {
		defer store.Close()
	}
	sources := make([]*objectSource, runtime.GOMAXPROCS(0))
	for i := range sources {
		sources[i] = newObjectSource(root, store)
	}
	defer func() {
		for _, s := range sources {
			if cerr := s.close(); err == nil {
				err = cerr
			}
		}
	}()
	jobs, err := w.folderJobs(commits, parents, dirs, sources)
	if err != nil {
		return nil, true, err
	}
	check := &renameCheck{root: root, dirs: dirs, each: each}
	files := make([][]fileChange, len(commits))
	var kept []*commit
	for start := 0; start < len(commits); start += perRound {
		end := min(start+perRound, len(commits))
		round := jobs[:0:0]
		for len(jobs) > 0 && jobs[0].commit < end {
			round, jobs = append(round, jobs[0]), jobs[1:]
		}
		for len(round) > 0 {
			if round, err = w.compareLevel(round, files, sources); err != nil {
				return nil, true, err
			}
		}
		for i := start; i < end; i++ {
			if len(files[i]) == 0 {
				continue
			}
			c := commits[i]
			slices.SortFunc(files[i], func(a, b fileChange) int { return strings.Compare(a.path, b.path) })
			c.files = files[i]
			kept = append(kept, c)
			check.see(c)
		}
	}
	return kept, true, check.finish()
}

// commitsPerRound is how many commits, newest first, have their trees
// compared before they are handed on: the versions of their files are
// read meanwhile by the blobs' git cat-file, while the next commits'
// trees are compared.
const commitsPerRound = 1000

// errMerges: the history has a merge, which readByTrees does not read.
var errMerges = errors.New("the history has merges")

// commitList lists the commits of rev without their files, newest
// first, and each one's parent ("" for none); errMerges when one has
// more than one.
func commitList(ctx context.Context, root, rev string) ([]*commit, []string, error) {
	out, err := runGitContext(ctx, root, nil, "-c", "log.showSignature=false", "log", "-z", "--no-color", logFormat, rev, "--")
	if err != nil {
		return nil, nil, err
	}
	var commits []*commit
	var parents []string
	for _, chunk := range bytes.Split(out, []byte{0x1e}) {
		chunk = bytes.TrimRight(chunk, "\x00\n")
		if len(chunk) == 0 {
			continue
		}
		c, err := parseCommit(chunk)
		if err != nil {
			return nil, nil, err
		}
		fields := bytes.SplitN(chunk, []byte{0x1f}, 3)
		if bytes.IndexByte(fields[1], ' ') >= 0 {
			return nil, nil, errMerges
		}
		commits = append(commits, c)
		parents = append(parents, string(fields[1]))
	}
	return commits, parents, nil
}

// treeWalk compares the trees of a history's commits, level by level
// below the content folders.
type treeWalk struct {
	root    string
	prefix  string // the site's folder in the repository, "" or with a slash
	hashLen int    // the bytes of an object's hash: 20, or 32 for SHA-256
}

// treeJob is one folder to compare in one commit: its listing before
// and after, "" for none.
type treeJob struct {
	commit   int
	path     string // from the site's root
	old, new string
}

// folderJobs reads each content folder's tree in each commit and its
// parent, and gives the comparisons of the folders a commit changed.
func (w *treeWalk) folderJobs(commits []*commit, parents []string, dirs []string, sources []*objectSource) ([]treeJob, error) {
	var revs []string
	listed := func(i int) bool { return i+1 < len(commits) && commits[i+1].hash == parents[i] }
	for i, c := range commits {
		revs = append(revs, c.hash)
		if parents[i] != "" && !listed(i) {
			revs = append(revs, parents[i]) // the range's lower end: not listed itself
		}
	}
	folders := make([]string, len(dirs))
	for j, d := range dirs {
		folders[j] = path.Join(w.prefix, d)
	}
	trees, err := w.folderTrees(revs, folders, sources)
	if err != nil {
		return nil, err
	}
	now := make([][]string, len(commits))
	before := make([][]string, len(commits))
	for i := range commits {
		now[i], trees = trees[0], trees[1:]
		if parents[i] != "" && !listed(i) {
			before[i], trees = trees[0], trees[1:]
		}
	}
	var jobs []treeJob
	for i := range commits {
		for j, d := range dirs {
			old := ""
			switch {
			case listed(i):
				old = now[i+1][j]
			case before[i] != nil:
				old = before[i][j]
			}
			if old != now[i][j] {
				jobs = append(jobs, treeJob{commit: i, path: path.Clean(d), old: old, new: now[i][j]})
			}
		}
	}
	return jobs, nil
}

// folderTrees is the tree of each of folders (from the repository's
// top) in each of the commits revs, "" where there is none: read from
// the commits' trees by sources, the commits shared out among them, or
// by one git cat-file --batch-check when they read every object
// through git.
func (w *treeWalk) folderTrees(revs, folders []string, sources []*objectSource) ([][]string, error) {
	if sources[0].store == nil {
		return w.folderTreesByGit(revs, folders)
	}
	out := make([][]string, len(revs))
	errs := make([]error, len(sources))
	var wg sync.WaitGroup
	for k, src := range sources {
		wg.Go(func() {
			for i := k; i < len(revs) && errs[k] == nil; i += len(sources) {
				out[i], errs[k] = w.commitFolders(src, revs[i], folders)
			}
		})
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// commitFolders is the tree of each of folders in the commit rev.
func (w *treeWalk) commitFolders(src *objectSource, rev string, folders []string) ([]string, error) {
	data, err := src.read(rev, gitobjects.Commit)
	if err != nil {
		return nil, fmt.Errorf("git commit %s: %w", rev, err)
	}
	top, ok := commitTree(data)
	if !ok {
		return nil, fmt.Errorf("git commit %s: names no tree", rev)
	}
	trees := make([]string, len(folders))
	for j, folder := range folders {
		if trees[j], err = w.treeAt(src, top, folder); err != nil {
			return nil, fmt.Errorf("git commit %s: %w", rev, err)
		}
	}
	return trees, nil
}

// commitTree is the tree a commit object names on its first line.
func commitTree(data []byte) (string, bool) {
	line, _, _ := bytes.Cut(data, []byte{'\n'})
	id, ok := bytes.CutPrefix(line, []byte("tree "))
	return string(id), ok && len(id) > 0
}

// treeAt is the tree of folder (a slash path, "." for the top) within
// the tree top, "" when there is none or it is not a folder.
func (w *treeWalk) treeAt(src *objectSource, top, folder string) (string, error) {
	id := top
	if folder == "." {
		return id, nil
	}
	for name := range strings.SplitSeq(folder, "/") {
		data, err := src.read(id, gitobjects.Tree)
		if err != nil {
			return "", fmt.Errorf("tree %s: %w", id, err)
		}
		if id, err = w.subtree(data, name); err != nil || id == "" {
			return "", err
		}
	}
	return id, nil
}

// subtree is the tree of the folder name in the listing tree, "" when
// it holds none.
func (w *treeWalk) subtree(tree []byte, name string) (string, error) {
	for i := 0; i < len(tree); {
		e, err := parseEntry(tree, i, w.hashLen)
		if err != nil {
			return "", err
		}
		if string(e.name) == name {
			if !e.isTree() {
				return "", nil
			}
			return hex.EncodeToString(e.hash), nil
		}
		i = e.end
	}
	return "", nil
}

// folderTreesByGit is folderTrees asking git cat-file --batch-check,
// which names the tree of rev:folder.
func (w *treeWalk) folderTreesByGit(revs, folders []string) ([][]string, error) {
	var input bytes.Buffer
	for _, rev := range revs {
		for _, folder := range folders {
			if folder == "." {
				folder = "" // the repository's top: rev: names its tree
			}
			fmt.Fprintf(&input, "%s:%s\n", rev, folder)
		}
	}
	out, err := runGit(w.root, input.Bytes(), "cat-file", "--batch-check=%(objectname) %(objecttype)")
	if err != nil {
		return nil, err
	}
	answers := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	trees := make([][]string, len(revs))
	for i := range revs {
		trees[i] = make([]string, len(folders))
		for j := range folders {
			if len(answers) == 0 {
				break
			}
			if id, kind, _ := strings.Cut(answers[0], " "); kind == "tree" {
				trees[i][j] = id
			}
			answers = answers[1:]
		}
	}
	return trees, nil
}

// compareLevel compares the listings of jobs, adds the files they
// changed to files (by commit) and returns the comparisons of the
// folders within them. The jobs of one folder are compared in the
// order of the history, by one of sources, whose reader keeps the
// listing it read last: in a history without merges, the listing before
// one change of a folder is the one after the previous change, and most
// often the base of its delta in the pack. The folders are shared out
// among sources, which compare them at once.
func (w *treeWalk) compareLevel(jobs []treeJob, files [][]fileChange, sources []*objectSource) ([]treeJob, error) {
	slices.SortStableFunc(jobs, func(a, b treeJob) int {
		return cmp.Or(strings.Compare(a.path, b.path), cmp.Compare(a.commit, b.commit))
	})
	var folders []folderResult
	for len(jobs) > 0 {
		n := 1
		for n < len(jobs) && jobs[n].path == jobs[0].path {
			n++
		}
		folders, jobs = append(folders, folderResult{jobs: jobs[:n]}), jobs[n:]
	}
	next := make(chan int, len(folders))
	for i := range folders {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for _, src := range sources[:min(len(sources), len(folders))] {
		wg.Go(func() {
			for i := range next {
				folders[i].compare(w, src)
			}
		})
	}
	wg.Wait()
	var subs []treeJob
	for _, f := range folders {
		if f.err != nil {
			return nil, f.err
		}
		for _, c := range f.files {
			files[c.commit] = append(files[c.commit], c.change)
		}
		subs = append(subs, f.subs...)
	}
	return subs, nil
}

// folderResult is what comparing one folder's jobs found.
type folderResult struct {
	jobs  []treeJob
	files []committedChange
	subs  []treeJob
	err   error
}

// committedChange is a file a commit changed.
type committedChange struct {
	commit int
	change fileChange
}

// compare compares the folder's jobs, each one's listings read by src.
func (f *folderResult) compare(w *treeWalk, src *objectSource) {
	read := func(id string) (listing, error) {
		if id == "" {
			return listing{}, nil
		}
		content, err := src.readPieces(id, gitobjects.Tree)
		return listing{id, content}, err
	}
	var walked entryStarts
	for _, j := range f.jobs {
		after, err := read(j.new)
		if err == nil {
			var before listing
			if before, err = read(j.old); err == nil {
				add := func(c fileChange) { f.files = append(f.files, committedChange{j.commit, c}) }
				sub := func(name, old, new string) {
					f.subs = append(f.subs, treeJob{commit: j.commit, path: within(j.path, name), old: old, new: new})
				}
				err = w.compareListings(before, after, j.path, &walked, add, sub)
			}
		}
		if err != nil {
			f.err = fmt.Errorf("git tree %s: %w", cmp.Or(j.new, j.old), err)
			return
		}
	}
}

// treeEntry is one entry of a tree object: "mode name\0hash".
type treeEntry struct {
	mode uint32
	name []byte
	hash []byte
	end  int // where the next entry starts
}

const (
	modeType = 0o170000
	modeTree = 0o040000
)

func (e treeEntry) isTree() bool { return e.mode&modeType == modeTree }

// parseEntry reads the entry of tree at offset i.
func parseEntry(tree []byte, i, hashLen int) (treeEntry, error) {
	sp := bytes.IndexByte(tree[i:], ' ')
	nul := bytes.IndexByte(tree[i+max(sp, 0):], 0)
	if sp < 0 || nul < 0 || i+sp+nul+1+hashLen > len(tree) {
		return treeEntry{}, fmt.Errorf("damaged entry at byte %d", i)
	}
	var mode uint32
	for _, c := range tree[i : i+sp] {
		if c < '0' || c > '7' {
			return treeEntry{}, fmt.Errorf("damaged mode at byte %d", i)
		}
		mode = mode<<3 | uint32(c-'0')
	}
	nul += i + sp
	return treeEntry{mode: mode, name: tree[i+sp+1 : nul], hash: tree[nul+1 : nul+1+hashLen], end: nul + 1 + hashLen}, nil
}

// entryEnd is where the entry of tree at offset i ends, past its name
// (after a mode of five digits at least and a space) and its hash; past
// the tree's end when it is damaged, which parseEntry then says.
func entryEnd(tree []byte, i, hashLen int) int {
	const least = len("40000 ") + 1
	if i+least > len(tree) {
		return len(tree) + 1
	}
	nul := bytes.IndexByte(tree[i+least:], 0)
	if nul < 0 {
		return len(tree) + 1
	}
	return i + least + nul + 1 + hashLen
}

// compareEntries orders two entries as git orders a tree: by name, a
// folder's name as if it ended with a slash.
func compareEntries(a, b treeEntry) int {
	n := min(len(a.name), len(b.name))
	if c := bytes.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	return cmp.Compare(nameByte(a, n), nameByte(b, n))
}

func nameByte(e treeEntry, i int) byte {
	switch {
	case i < len(e.name):
		return e.name[i]
	case e.isTree():
		return '/'
	}
	return 0
}

// listing is a folder's listing and the name of its object ("" when
// not known).
type listing struct {
	id      string
	content gitobjects.Pieces
}

// compareListings compares two listings of the folder dir (no content
// for none), as git's recursive diff does: add is given each file
// added, deleted or changed, sub each folder within to compare in turn.
// The bytes both listings begin and end with are skipped without being
// read entry by entry: a commit changes a few of a large folder's
// files, and the versions of a listing share those bytes (see
// gitobjects.Pieces). walked tells where the entries of the listing
// compared before began, and is told where was's do (see entryStarts).
func (w *treeWalk) compareListings(was, now listing, dir string, walked *entryStarts, add func(fileChange), sub func(name, old, new string)) error {
	from := w.skipCommonEntries(was, now, walked)
	tail := gitobjects.CommonSuffix(was.content, now.content, min(was.content.Len(), now.content.Len())-from)
	// The entries between are read from copies of the bytes after from
	// up to the common end and a little past it, where the last entry
	// compared may end; or, for an entry longer than that, of all.
	for _, margin := range []int{entryMargin, math.MaxInt} {
		var d treeDiff
		before := window(was.content, from, tail, margin, walked.room(0))
		after := window(now.content, from, tail, margin, walked.room(1))
		err := d.compare(w, before, after, tail, dir)
		if err == errShortWindow {
			continue
		}
		if err != nil {
			return err
		}
		for _, c := range d.files {
			add(c)
		}
		for _, f := range d.folders {
			sub(f.name, f.old, f.new)
		}
		return nil
	}
	return errShortWindow
}

// entryMargin is how far past the common end of two listings an entry
// is read, first: further than most file names' length (an entry is its
// mode, its name and its hash); a longer one is read whole after.
const entryMargin = 320

// errShortWindow: an entry runs past the bytes copied of a listing.
var errShortWindow = errors.New("an entry past the bytes read")

// listingWindow is the bytes of a listing after an offset, up to some
// point, and how many there are to its end.
type listingWindow struct {
	data []byte
	rest int
}

// window is the bytes of p from from to margin past its last tail: in
// the piece that holds them, or copied into room when they are in more
// than one.
func window(p gitobjects.Pieces, from, tail, margin int, room *[]byte) listingWindow {
	end := p.Len()
	if margin < end {
		end = min(end, max(p.Len()-tail, from)+margin)
	}
	if data, start := p.Piece(from); end-start <= len(data) {
		return listingWindow{data: data[from-start : end-start], rest: p.Len() - from}
	}
	*room = p.AppendBytes((*room)[:0], from, end)
	return listingWindow{data: *room, rest: p.Len() - from}
}

// entry parses the entry at i of the window; errShortWindow when it
// runs past the bytes copied.
func (lw listingWindow) entry(i, hashLen int) (treeEntry, error) {
	e, err := parseEntry(lw.data, i, hashLen)
	if err != nil && len(lw.data) < lw.rest {
		return e, errShortWindow
	}
	return e, err
}

// treeDiff is what comparing two listings found, kept until the
// comparison is whole.
type treeDiff struct {
	files   []fileChange
	folders []struct{ name, old, new string }
}

// compare compares the entries of two windows of listings, which begin
// alike, until what is left of both is the same and within their
// common end tail.
func (d *treeDiff) compare(w *treeWalk, before, after listingWindow, tail int, dir string) error {
	none := strings.Repeat("0", 2*w.hashLen)
	add := func(c fileChange) { d.files = append(d.files, c) }
	sub := func(name, old, new string) {
		d.folders = append(d.folders, struct{ name, old, new string }{name, old, new})
	}
	a, b := 0, 0
	for a < before.rest || b < after.rest {
		if before.rest-a == after.rest-b && before.rest-a <= tail {
			return nil // the rest is the same
		}
		var old, new treeEntry
		var err error
		order := 0
		switch {
		case a == before.rest:
			order = 1
		case b == after.rest:
			order = -1
		}
		if a < before.rest {
			if old, err = before.entry(a, w.hashLen); err != nil {
				return err
			}
		}
		if b < after.rest {
			if new, err = after.entry(b, w.hashLen); err != nil {
				return err
			}
		}
		if order == 0 {
			order = compareEntries(old, new)
		}
		switch {
		case order < 0:
			w.gone(old, dir, none, add, sub)
			a = old.end
		case order > 0:
			w.came(new, dir, none, add, sub)
			b = new.end
		default:
			a, b = old.end, new.end
			if old.mode == new.mode && bytes.Equal(old.hash, new.hash) {
				continue
			}
			if old.isTree() {
				sub(string(new.name), hex.EncodeToString(old.hash), hex.EncodeToString(new.hash))
				continue
			}
			status := byte('M')
			if old.mode&modeType != new.mode&modeType {
				status = 'T' // a file became a link, or the reverse
			}
			add(fileChange{status: status, oldBlob: hex.EncodeToString(old.hash), newBlob: hex.EncodeToString(new.hash), path: within(dir, string(new.name))})
		}
	}
	return nil
}

// entryStarts is where the entries of a folder's listing begin, as far
// as its comparison walked it. A folder's changes are compared in the
// order of the history, so the listing before one change is most often
// the listing after the next one compared, whose beginning it shares
// with the listing before that: the walk then starts where the last one
// stopped, not at the listing's beginning.
type entryStarts struct {
	id     string
	starts []int // ascending
	// rooms are where compareListings copies the bytes it compares of
	// the two listings, reused from comparison to comparison.
	rooms [2][]byte
}

// room is the i-th room to copy bytes into; new room when s is nil.
func (s *entryStarts) room(i int) *[]byte {
	if s == nil {
		return new([]byte)
	}
	return &s.rooms[i]
}

// skipCommonEntries is where the first entry of before that is not
// also at the beginning of after begins; walked (unless nil) tells
// where the entries of the listing before compared last begin, and is
// then told before's.
func (w *treeWalk) skipCommonEntries(before, after listing, walked *entryStarts) int {
	same := gitobjects.CommonPrefix(before.content, after.content)
	var starts []int
	a := 0
	if walked != nil {
		starts = walked.starts[:0]
		if after.id != "" && walked.id == after.id {
			// The entries that begin by same begin where they did in
			// after, whose bytes before's are up to same.
			n, _ := slices.BinarySearch(walked.starts, same+1)
			if starts = walked.starts[:n]; n > 0 {
				a = starts[n-1]
				starts = starts[:n-1]
			}
		}
	}
	a, starts = w.walkEntries(before.content, a, same, starts)
	if walked != nil {
		walked.id, walked.starts = before.id, append(starts, a)
	}
	return a
}

// walkEntries walks the entries of p from a, which begins one, while
// they end by same, appending where each begins to starts; it returns
// where the entry it stopped at begins. The entries are read in the
// piece that holds them, or in a copy of the bytes from a for one that
// runs into the next piece.
func (w *treeWalk) walkEntries(p gitobjects.Pieces, a, same int, starts []int) (int, []int) {
	for a < same {
		data, start := p.Piece(a)
		for a < same {
			end := start + entryEnd(data, a-start, w.hashLen)
			if end > start+len(data) {
				if start+len(data) < p.Len() {
					break // into the next piece
				}
				return a, starts // damaged, or the end: compared after
			}
			if end > same {
				return a, starts
			}
			starts = append(starts, a)
			a = end
		}
		if a >= same {
			break
		}
		end := w.entryEndCopied(p, a)
		if end > same {
			break
		}
		starts = append(starts, a)
		a = end
	}
	return a, starts
}

// entryEndCopied is where the entry of p at a ends, read in a copy of
// the bytes from a (see entryEnd): a few hundred, enough for most
// entries, or more for a long name.
func (w *treeWalk) entryEndCopied(p gitobjects.Pieces, a int) int {
	var room [entryMargin]byte
	for _, n := range []int{entryMargin, p.Len() - a} {
		chunk := p.AppendBytes(room[:0], a, min(p.Len(), a+n))
		if end := a + entryEnd(chunk, 0, w.hashLen); end <= a+len(chunk) || a+len(chunk) == p.Len() {
			return end
		}
	}
	return p.Len() + 1
}

// gone reports an entry deleted: a file, or a folder whose files are.
func (w *treeWalk) gone(e treeEntry, dir, none string, add func(fileChange), sub func(name, old, new string)) {
	if e.isTree() {
		sub(string(e.name), hex.EncodeToString(e.hash), "")
		return
	}
	add(fileChange{status: 'D', oldBlob: hex.EncodeToString(e.hash), newBlob: none, path: within(dir, string(e.name))})
}

// came reports an entry added: a file, or a folder whose files are.
func (w *treeWalk) came(e treeEntry, dir, none string, add func(fileChange), sub func(name, old, new string)) {
	if e.isTree() {
		sub(string(e.name), "", hex.EncodeToString(e.hash))
		return
	}
	add(fileChange{status: 'A', oldBlob: none, newBlob: hex.EncodeToString(e.hash), path: within(dir, string(e.name))})
}

// within is the path of name in the folder dir, from the site's root.
func within(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

// runGit runs git in dir with input, unless nil, and returns its
// output; its error says what git printed.
func runGit(dir string, input []byte, args ...string) ([]byte, error) {
	return runGitContext(context.Background(), dir, input, args...)
}

// runGitContext is runGit, git killed once ctx is done.
func runGitContext(ctx context.Context, dir string, input []byte, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	if input != nil {
		cmd.Stdin = bytes.NewReader(input)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %w: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
