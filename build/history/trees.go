package history

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"slices"
	"strconv"
	"strings"
)

// readByTrees reads a history without merges as git log --raw
// --no-renames of the content folders lists it, but compares the
// commits' trees here: git cat-file reads each version of a folder's
// listing once, and the listings of two commits are compared as bytes,
// a common beginning and end skipped at once. git log reads each
// listing twice and compares it entry by entry, which made the most of
// a cold read's processor time in the large flat folders of a handbook.
// ok is false, with nothing read, for content folders it cannot name in
// the repository (outside the site's folder): readParts reads those.
func readByTrees(root, rev string, dirs []string, each func(*commit)) (commits []*commit, ok bool, err error) {
	return readTreesInRounds(root, rev, dirs, commitsPerRound, each)
}

// readTreesInRounds is readByTrees comparing the trees of perRound
// commits at a time.
func readTreesInRounds(root, rev string, dirs []string, perRound int, each func(*commit)) (commits []*commit, ok bool, err error) {
	for _, d := range dirs {
		if path.IsAbs(d) || d == ".." || strings.HasPrefix(d, "../") {
			return nil, false, nil
		}
	}
	prefix, err := git(root, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, false, err
	}
	commits, parents, err := commitList(root, rev)
	if err != nil || len(commits) == 0 {
		return nil, true, err
	}
	w := &treeWalk{root: root, prefix: strings.TrimSpace(string(prefix)), hashLen: len(commits[0].hash) / 2}
	jobs, err := w.folderJobs(commits, parents, dirs)
	if err != nil {
		return nil, true, err
	}
	cat, err := startTreeReader(root)
	if err != nil {
		return nil, true, err
	}
	defer cat.close()
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
			if round, err = w.compareLevel(round, files, cat); err != nil {
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
	if err := cat.close(); err != nil {
		return nil, true, err
	}
	return kept, true, check.finish()
}

// commitsPerRound is how many commits, newest first, have their trees
// compared before they are handed on: the versions of their files are
// read meanwhile by the blobs' git cat-file, while the next commits'
// trees are compared.
const commitsPerRound = 1000

// commitList lists the commits of rev without their files, newest
// first, and each one's parent ("" for none).
func commitList(root, rev string) ([]*commit, []string, error) {
	out, err := git(root, "-c", "log.showSignature=false", "log", "--no-merges", "-z", "--no-color", logFormat, rev, "--")
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
// parent (one git cat-file --batch-check), and gives the comparisons of
// the folders a commit changed.
func (w *treeWalk) folderJobs(commits []*commit, parents []string, dirs []string) ([]treeJob, error) {
	var input bytes.Buffer
	ask := func(rev string) {
		for _, d := range dirs {
			folder := path.Join(w.prefix, d)
			if folder == "." {
				folder = "" // the repository's top: rev: names its tree
			}
			fmt.Fprintf(&input, "%s:%s\n", rev, folder)
		}
	}
	listed := func(i int) bool { return i+1 < len(commits) && commits[i+1].hash == parents[i] }
	for i, c := range commits {
		ask(c.hash)
		if parents[i] != "" && !listed(i) {
			ask(parents[i]) // the range's lower end: not listed itself
		}
	}
	out, err := runGit(w.root, input.Bytes(), "cat-file", "--batch-check=%(objectname) %(objecttype)")
	if err != nil {
		return nil, err
	}
	answers := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	next := func() []string {
		trees := make([]string, len(dirs))
		for j := range dirs {
			if len(answers) == 0 {
				return trees
			}
			if id, kind, _ := strings.Cut(answers[0], " "); kind == "tree" {
				trees[j] = id
			}
			answers = answers[1:]
		}
		return trees
	}
	now := make([][]string, len(commits))
	before := make([][]string, len(commits))
	for i := range commits {
		now[i] = next()
		if parents[i] != "" && !listed(i) {
			before[i] = next()
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

// compareLevel compares the listings of jobs, read by cat, adds the
// files they changed to files (by commit) and returns the comparisons
// of the folders within them. The jobs are put in order of folder, then
// commit, so that each version of a folder's listing is read once: in a
// history without merges, the listing before one change of a folder is
// the one after the previous change.
func (w *treeWalk) compareLevel(jobs []treeJob, files [][]fileChange, cat *treeReader) ([]treeJob, error) {
	slices.SortStableFunc(jobs, func(a, b treeJob) int {
		return cmp.Or(strings.Compare(a.path, b.path), cmp.Compare(a.commit, b.commit))
	})
	written := make(chan error, 1)
	go func() {
		var held heldTrees
		for _, j := range jobs {
			for _, id := range []string{j.new, j.old} {
				if id != "" && !held.has(id) {
					held.put(id, nil)
					cat.in.WriteString(id + "\n")
				}
			}
		}
		written <- cat.in.Flush()
	}()
	next, err := w.compareJobs(jobs, cat.out, files)
	if err != nil {
		cat.stop() // the writing may wait for cat-file, which waits for its answers to be read
	}
	if werr := <-written; err == nil && werr != nil {
		err = fmt.Errorf("git cat-file: %w", werr)
	}
	return next, err
}

// treeReader is a git cat-file --batch that reads the listings of
// folders for readByTrees.
type treeReader struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	in     *bufio.Writer
	out    *bufio.Reader
	stdout *os.File // out's pipe, closed once cat-file has exited
	stderr bytes.Buffer
	closed bool
}

func startTreeReader(root string) (*treeReader, error) {
	r := &treeReader{cmd: exec.Command("git", "cat-file", "--batch")}
	r.cmd.Dir = root
	r.cmd.Stderr = &r.stderr
	stdin, err := r.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, started, err := stdoutPipe(r.cmd)
	if err != nil {
		return nil, err
	}
	err = r.cmd.Start()
	started()
	if err != nil {
		stdout.Close()
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	r.stdout = stdout
	r.stdin, r.in, r.out = stdin, bufio.NewWriterSize(stdin, 1<<16), bufio.NewReaderSize(stdout, widePipeSize)
	return r, nil
}

// stop ends cat-file at once, after a failure.
func (r *treeReader) stop() { _ = r.cmd.Process.Kill() }

// close ends cat-file once it has answered, and waits for it; the
// second call does nothing.
func (r *treeReader) close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	r.stdin.Close()
	_, _ = io.Copy(io.Discard, r.out)
	err := r.cmd.Wait()
	r.stdout.Close()
	if err != nil {
		return fmt.Errorf("git cat-file: %w: %s", err, strings.TrimSpace(r.stderr.String()))
	}
	return nil
}

// compareJobs reads the listings compareLevel asked for, in the order
// it asked, and compares each job's two.
func (w *treeWalk) compareJobs(jobs []treeJob, r *bufio.Reader, files [][]fileChange) ([]treeJob, error) {
	var held heldTrees
	var next []treeJob
	listing := func(id string) ([]byte, error) {
		if id == "" {
			return nil, nil
		}
		if data, ok := held.get(id); ok {
			return data, nil
		}
		data, err := readTree(r, id, held.spare())
		if err == nil {
			held.put(id, data)
		}
		return data, err
	}
	for _, j := range jobs {
		after, err := listing(j.new)
		if err != nil {
			return nil, err
		}
		before, err := listing(j.old)
		if err != nil {
			return nil, err
		}
		add := func(f fileChange) { files[j.commit] = append(files[j.commit], f) }
		sub := func(name, old, new string) {
			next = append(next, treeJob{commit: j.commit, path: within(j.path, name), old: old, new: new})
		}
		if err := w.compareTrees(before, after, j.path, add, sub); err != nil {
			return nil, fmt.Errorf("git cat-file: tree %s: %w", cmp.Or(j.new, j.old), err)
		}
	}
	return next, nil
}

// readTree reads cat-file's answer for the tree id into buf's room.
func readTree(r *bufio.Reader, id string, buf []byte) ([]byte, error) {
	header, err := r.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: reading its answer for %s: %w", id, err)
	}
	f := strings.Fields(header)
	if len(f) != 3 || f[0] != id || f[1] != "tree" {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q for tree %s", header, id)
	}
	size, err := strconv.Atoi(f[2])
	if err != nil {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q", header)
	}
	buf = slices.Grow(buf[:0], size+1)[:size+1]
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("git cat-file: reading tree %s: %w", id, err)
	}
	return buf[:size], nil
}

// heldTrees keeps the two listings read last, the most a job compares:
// the listing before one change of a folder is the one after the next.
type heldTrees struct {
	ids  [2]string
	data [2][]byte
	last int // the slot used last
}

func (h *heldTrees) has(id string) bool {
	_, ok := h.get(id)
	return ok
}

func (h *heldTrees) get(id string) ([]byte, bool) {
	for i := range h.ids {
		if h.ids[i] == id {
			h.last = i
			return h.data[i], true
		}
	}
	return nil, false
}

// spare is the room of the listing put will replace, to be reused.
func (h *heldTrees) spare() []byte { return h.data[1-h.last] }

func (h *heldTrees) put(id string, data []byte) {
	h.last = 1 - h.last
	h.ids[h.last], h.data[h.last] = id, data
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

// compareTrees compares two listings of the folder dir (nil for none),
// as git's recursive diff does: add is given each file added, deleted
// or changed, sub each folder within to compare in turn. The bytes
// both listings begin and end with are skipped without being read
// entry by entry: a commit changes a few of a large folder's files.
func (w *treeWalk) compareTrees(before, after []byte, dir string, add func(fileChange), sub func(name, old, new string)) error {
	none := strings.Repeat("0", 2*w.hashLen)
	a, b := 0, 0
	same := commonPrefix(before, after)
	for a < same {
		end := entryEnd(before, a, w.hashLen)
		if end > same {
			break
		}
		a = end
	}
	b = a
	tail := commonSuffix(before[a:], after[b:])
	for a < len(before) || b < len(after) {
		if len(before)-a == len(after)-b && len(before)-a <= tail {
			return nil // the rest is the same
		}
		var old, new treeEntry
		var err error
		order := 0
		switch {
		case a == len(before):
			order = 1
		case b == len(after):
			order = -1
		}
		if a < len(before) {
			if old, err = parseEntry(before, a, w.hashLen); err != nil {
				return err
			}
		}
		if b < len(after) {
			if new, err = parseEntry(after, b, w.hashLen); err != nil {
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

// commonPrefix is how many bytes a and b begin with alike: compared by
// blocks first, which bytes.Equal compares many bytes at a time.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+compareBlock <= n && bytes.Equal(a[i:i+compareBlock], b[i:i+compareBlock]) {
		i += compareBlock
	}
	for i+8 <= n && binary.LittleEndian.Uint64(a[i:]) == binary.LittleEndian.Uint64(b[i:]) {
		i += 8
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix is how many bytes a and b end with alike.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+compareBlock <= n && bytes.Equal(a[len(a)-i-compareBlock:len(a)-i], b[len(b)-i-compareBlock:len(b)-i]) {
		i += compareBlock
	}
	for i+8 <= n && binary.LittleEndian.Uint64(a[len(a)-i-8:]) == binary.LittleEndian.Uint64(b[len(b)-i-8:]) {
		i += 8
	}
	for i < n && a[len(a)-i-1] == b[len(b)-i-1] {
		i++
	}
	return i
}

// compareBlock is the bytes commonPrefix and commonSuffix compare at
// once: a few of a folder listing's entries.
const compareBlock = 512

// runGit runs git in dir with input, unless nil, and returns its
// output; its error says what git printed.
func runGit(dir string, input []byte, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
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
