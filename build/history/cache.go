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
const cacheFormat = 4

// cacheFile is what the cache keeps of a site's content folders: the
// commits git log gave for them, newest first, up to the commit Head,
// and the verdicts on the pairs of versions of their files compared so
// far, with the summaries of those compared by them.
// Root and Dirs say whose they are, so that a file of another site, or
// one whose name collided, is never taken for this one.
type cacheFile struct {
	Format     int
	Root, Dirs string // Dirs: the folders, one a line
	Head       string
	Commits    []cachedCommit
	Blobs      map[string]cachedSummary
	Pairs      []cachedPair
}

// cachedCommit is a commit as the cache keeps it (gob needs exported
// fields); the names a namer gives are worked out again each build.
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

type cachedSummary struct {
	Text  uint64
	Stamp string
}

type cachedPair struct {
	Old, New               string
	TextChanged, Restamped bool
}

// folderCache is the cache file of a site's content folders, in the
// cache folder; nil for no cache.
type folderCache struct {
	name string
	key  cacheFile // Format, Root and Dirs
	// loaded says what the file held when read: its head and how many
	// summaries and verdicts, for save to leave alone a cache with
	// nothing to add.
	loaded struct {
		head         string
		blobs, pairs int
	}
}

// openCache is the cache of the content folders dirs of the site at
// root, in cacheDir; nil when cacheDir is "".
func openCache(cacheDir, root string, dirs []string) *folderCache {
	if cacheDir == "" {
		return nil
	}
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	folders := strings.Join(dirs, "\n")
	sum := sha256.Sum256([]byte(root + "\x00" + folders))
	return &folderCache{
		name: filepath.Join(cacheDir, hex.EncodeToString(sum[:16])+".gob"),
		key:  cacheFile{Format: cacheFormat, Root: root, Dirs: folders},
	}
}

// contentCommits are the commits of the content folders dirs up to
// head, newest first, each handed to each in that order as soon as it is
// read. A build whose HEAD only added commits on top of the cached one
// (no merge among them) reads those commits alone; any other history (a
// rebase, a force-push, a merge) is read whole, as it is without a cache
// (cached nil). The result is the same either way.
func contentCommits(root string, dirs []string, head string, cached *cacheFile, each func(*commit)) ([]*commit, error) {
	if cached == nil || cached.Head != head && !extendsLinearly(root, cached.Head, head) {
		return readCommits(root, head, dirs, each)
	}
	var newer []*commit
	if cached.Head != head {
		var err error
		if newer, err = readCommits(root, cached.Head+".."+head, dirs, each); err != nil {
			return nil, err
		}
	}
	older := cached.commits()
	for _, c := range older {
		each(c)
	}
	return append(newer, older...), nil
}

// load reads the cache file when it is one of these folders'. A file
// that is missing, damaged, of another format or other folders' is
// no cache: the history is read from git.
func (fc *folderCache) load() (*cacheFile, bool) {
	if fc == nil {
		return nil, false
	}
	f, err := os.Open(fc.name)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var c cacheFile
	if err := gob.NewDecoder(f).Decode(&c); err != nil {
		return nil, false
	}
	if c.Format != fc.key.Format || c.Root != fc.key.Root || c.Dirs != fc.key.Dirs || !isCommitHash(c.Head) {
		return nil, false
	}
	fc.loaded.head, fc.loaded.blobs, fc.loaded.pairs = c.Head, len(c.Blobs), len(c.Pairs)
	return &c, true
}

// save writes the commits up to head, the blobs' summaries and the
// pairs' verdicts to the cache file, through a file of its own renamed into place, so that a
// build reading it meanwhile sees the old file or the new, whole. A
// cache that cannot be written is left out: the build does not need it.
func (fc *folderCache) save(head string, commits []*commit, blobs map[string]blobSummary, pairs map[versionPair]pairVerdict) {
	if fc == nil || fc.loaded.head == head && fc.loaded.blobs == len(blobs) && fc.loaded.pairs == len(pairs) {
		return // summaries and verdicts are only added: the same counts are the same cache
	}
	if err := os.MkdirAll(filepath.Dir(fc.name), 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(fc.name), ".history-*")
	if err != nil {
		return
	}
	c := fc.key
	c.Head = head
	c.Commits = make([]cachedCommit, len(commits))
	for i, cm := range commits {
		c.Commits[i] = toCached(cm)
	}
	c.Blobs = make(map[string]cachedSummary, len(blobs))
	for id, b := range blobs {
		c.Blobs[id] = cachedSummary{Text: b.text, Stamp: b.stamp}
	}
	c.Pairs = make([]cachedPair, 0, len(pairs))
	for p, v := range pairs {
		c.Pairs = append(c.Pairs, cachedPair{Old: p.old, New: p.new, TextChanged: v.textChanged, Restamped: v.restamped})
	}
	err = gob.NewEncoder(tmp).Encode(&c)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), fc.name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}

// summaries are the cached summaries of blobs, as blobReader keeps them
// (blobs are named by their content: they hold whatever the history);
// none for no cache.
func (c *cacheFile) summaries() map[string]blobSummary {
	if c == nil {
		return nil
	}
	out := make(map[string]blobSummary, len(c.Blobs))
	for id, b := range c.Blobs {
		out[id] = blobSummary{text: b.Text, stamp: b.Stamp}
	}
	return out
}

// verdicts are the cached verdicts on pairs of versions; none for no
// cache.
func (c *cacheFile) verdicts() map[versionPair]pairVerdict {
	if c == nil {
		return nil
	}
	out := make(map[versionPair]pairVerdict, len(c.Pairs))
	for _, p := range c.Pairs {
		out[versionPair{p.Old, p.New}] = pairVerdict{textChanged: p.TextChanged, restamped: p.Restamped}
	}
	return out
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
