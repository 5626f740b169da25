package history

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// cacheFormat is the version of the cache files' layout: a file of
// another version is not read.
const cacheFormat = 1

// cacheFile is what the cache keeps of one content folder: the commits
// git log gave for it, newest first, up to the commit Head. Root and
// Dir say whose they are, so that a file of another site, or one whose
// name collided, is never taken for this one.
type cacheFile struct {
	Format    int
	Root, Dir string
	Head      string
	Commits   []cachedCommit
}

// cachedCommit is a commit as the cache keeps it (gob needs exported
// fields); the names resolveNames gives are worked out again each build.
type cachedCommit struct {
	Hash, Subject string
	Root          bool
	When          time.Time
	Files         []cachedFile
}

type cachedFile struct {
	Status           byte
	OldBlob, NewBlob string
	Path, From       string
}

// folderCommits are the commits of the content folder dir up to head,
// newest first. With a cache folder, a build whose HEAD only added
// commits on top of the cached one (no merge among them) reads those
// commits alone; any other history (a rebase, a force-push, a merge)
// is read whole. The result is the same either way, and is kept for
// the next build. cacheDir "" reads the history whole, keeping nothing.
func folderCommits(root, dir, head, cacheDir string) ([]*commit, error) {
	if cacheDir == "" {
		return readCommits(root, head, dir)
	}
	name, key := cachePath(cacheDir, root, dir)
	cached, ok := loadCache(name, key)
	if ok && cached.Head == head {
		return cached.commits(), nil
	}
	rev := head
	if ok && extendsLinearly(root, cached.Head, head) {
		rev = cached.Head + ".." + head
	}
	commits, err := readCommits(root, rev, dir)
	if err != nil {
		return nil, err
	}
	if rev != head {
		commits = append(commits, cached.commits()...)
	}
	key.Head = head
	saveCache(name, key, commits)
	return commits, nil
}

// cachePath is the cache file of a folder of a site and the file's key:
// the site's absolute folder and the content folder.
func cachePath(cacheDir, root, dir string) (string, cacheFile) {
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	sum := sha256.Sum256([]byte(root + "\x00" + dir))
	return filepath.Join(cacheDir, hex.EncodeToString(sum[:16])+".gob"), cacheFile{Format: cacheFormat, Root: root, Dir: dir}
}

// loadCache reads the cache file name when it is one of key's. A file
// that is missing, damaged, of another format or another folder's is
// no cache: the history is read from git.
func loadCache(name string, key cacheFile) (*cacheFile, bool) {
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var c cacheFile
	if err := gob.NewDecoder(f).Decode(&c); err != nil {
		return nil, false
	}
	if c.Format != key.Format || c.Root != key.Root || c.Dir != key.Dir || !isCommitHash(c.Head) {
		return nil, false
	}
	return &c, true
}

// saveCache writes the commits up to key.Head to the cache file name,
// through a file of its own renamed into place, so that a build reading
// it meanwhile sees the old file or the new, whole. A cache that cannot
// be written is left out: the build does not need it.
func saveCache(name string, key cacheFile, commits []*commit) {
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".history-*")
	if err != nil {
		return
	}
	key.Commits = make([]cachedCommit, len(commits))
	for i, c := range commits {
		key.Commits[i] = toCached(c)
	}
	err = gob.NewEncoder(tmp).Encode(&key)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}

func toCached(c *commit) cachedCommit {
	files := make([]cachedFile, len(c.files))
	for i, f := range c.files {
		files[i] = cachedFile{Status: f.status, OldBlob: f.oldBlob, NewBlob: f.newBlob, Path: f.path, From: f.from}
	}
	return cachedCommit{Hash: c.hash, Subject: c.subject, Root: c.root, When: c.when, Files: files}
}

// commits are the cached commits, as readCommits gives them.
func (c *cacheFile) commits() []*commit {
	out := make([]*commit, len(c.Commits))
	for i, cc := range c.Commits {
		files := make([]fileChange, len(cc.Files))
		for j, f := range cc.Files {
			files[j] = fileChange{status: f.Status, oldBlob: f.OldBlob, newBlob: f.NewBlob, path: f.Path, from: f.From}
		}
		out[i] = &commit{hash: cc.Hash, subject: cc.Subject, root: cc.Root, when: cc.When, files: files}
	}
	return out
}

// extendsLinearly reports whether head is old with commits of one parent
// each added on top. Then git log of head lists those commits, then
// exactly what it listed for old: the cached commits can follow the new
// ones. After a merge, git log interleaves the branches by date, so the
// history is read whole.
func extendsLinearly(root, old, head string) bool {
	out, err := git(root, "rev-list", "--parents", old+".."+head)
	if err != nil {
		return false
	}
	want := head
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) != 2 || f[0] != want {
			return false
		}
		want = f[1]
	}
	return want == old
}

// isCommitHash reports whether s is a full commit hash (SHA-1 or
// SHA-256), never an option or a range.
func isCommitHash(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}
