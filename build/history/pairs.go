package history

import (
	"bytes"
	"path/filepath"
	"sync"

	"handbook/build/internal/files"
	"handbook/build/internal/gitobjects"
)

// versionPair is a file's versions before and after a commit, by blob:
// what lastChanges and recentChanges compare.
type versionPair struct{ old, new string }

// pairJob is a pair to compare, and the file (a slash path from the
// site's root) whose working tree's copy may be the newer version: that
// of the file's newest change, unless it was edited since. "" for none.
type pairJob struct {
	versionPair
	file string
}

// pairVerdict is what a commit did to a file: whether its text changed
// beyond its translation stamp and its whitespace, and whether it was
// given a new stamp (a translation brought up to date).
type pairVerdict struct {
	textChanged, restamped bool
}

// verdictOf is the verdict on two versions told by their summaries.
func verdictOf(before, after blobSummary) pairVerdict {
	return pairVerdict{
		textChanged: before.text != after.text,
		restamped:   after.stamp != "" && after.stamp != before.stamp,
	}
}

// versionComparer compares two versions of a file read in this process.
// Most versions a history compares are held by the repository's pack as
// a small delta of the other, so the two share all but a few pieces
// (see gitobjects.Pieces): comparing them where they differ, rather
// than summarizing both whole, reads a few hundred bytes instead of two
// files. It keeps its room from one comparison to the next.
type versionComparer struct {
	root       string // the site's folder, where the working tree's files are
	raw, words [2][]byte
}

// compare is the verdict on before and after, as verdictOf gives it for
// their summaries.
func (c *versionComparer) compare(before, after gitobjects.Pieces) pairVerdict {
	p := gitobjects.CommonPrefix(before, after)
	s := gitobjects.CommonSuffix(before, after, min(before.Len(), after.Len())-p)
	if !stampsAlike(before, after, p) {
		return verdictOf(c.summarize(0, before), c.summarize(1, after))
	}
	// What they share is cut where whitespace begins and ends a word,
	// so that no word runs across a cut: the words of a version are
	// those of the shared beginning, of the part between the cuts and of
	// the shared end, and only the part between differs.
	lo := lastSpace(after, p) + 1
	k := firstSpace(after, after.Len()-s) - (after.Len() - s)
	c.raw[0] = before.AppendBytes(c.raw[0][:0], lo, before.Len()-s+k)
	c.raw[1] = after.AppendBytes(c.raw[1][:0], lo, after.Len()-s+k)
	c.words[0] = appendWords(c.words[0][:0], c.raw[0])
	c.words[1] = appendWords(c.words[1][:0], c.raw[1])
	// The stamps are alike: not a new one.
	return pairVerdict{textChanged: !bytes.Equal(c.words[0], c.words[1])}
}

// summarize is the summary of version, read whole, in the room of side
// i.
func (c *versionComparer) summarize(i int, version gitobjects.Pieces) blobSummary {
	c.raw[i] = version.AppendBytes(c.raw[i][:0], 0, version.Len())
	var sum blobSummary
	sum, c.words[i] = summarize(c.raw[i], c.words[i])
	return sum
}

// stampsAlike reports whether versions a and b, alike in their first p
// bytes, have their translation stamps there, or none, as splitStamp
// finds them: the same stamp then, cut from the same place. It says no
// when that cannot be told from those bytes.
func stampsAlike(a, b gitobjects.Pieces, p int) bool {
	if !mayHaveFrontMatter(a) && !mayHaveFrontMatter(b) {
		return true
	}
	head := b.Bytes(0, p)
	if len(head) < 3 {
		return false
	}
	for start := 0; ; {
		n := bytes.IndexByte(head[start:], '\n')
		if n < 0 {
			return false // the line goes on where they differ
		}
		end := start + n + 1
		line := bytes.TrimSpace(head[start:end])
		if start > 0 && (bytes.Equal(line, []byte("---")) || bytes.Equal(line, []byte("+++"))) {
			return true // the front matter ends with no stamp
		}
		if _, ok := stampValue(line); ok {
			return true
		}
		start = end
	}
}

// mayHaveFrontMatter reports whether version begins as splitStamp
// looks for a stamp in.
func mayHaveFrontMatter(version gitobjects.Pieces) bool {
	start := version.Bytes(0, min(3, version.Len()))
	return bytes.Equal(start, []byte("---")) || bytes.Equal(start, []byte("+++"))
}

// lastSpace is where the last whitespace byte of version before byte
// before is; -1 for none.
func lastSpace(version gitobjects.Pieces, before int) int {
	for at := before; at > 0; {
		data, start := version.Piece(at - 1)
		for i := at - 1 - start; i >= 0; i-- {
			if isSpace(data[i]) {
				return start + i
			}
		}
		at = start
	}
	return -1
}

// firstSpace is where the first whitespace byte of version from byte
// from on is; its length for none.
func firstSpace(version gitobjects.Pieces, from int) int {
	for at := from; at < version.Len(); {
		data, start := version.Piece(at)
		for i := at - start; i < len(data); i++ {
			if isSpace(data[i]) {
				return start + i
			}
		}
		at = start + len(data)
	}
	return version.Len()
}

// pairLanes is how many goroutines compare pairs in this process: one a
// core of the two the history's work is shared on.
const pairLanes = 2

// pairChunk is the most pairs a comparer takes at once.
const pairChunk = 64

// askPairs has the pairs not compared nor asked for yet compared, and
// returns without waiting for them. A pair with no version on one side
// (an addition or a deletion) is told by the summaries.
func (b *blobReader) askPairs(pairs ...versionPair) {
	jobs := make([]pairJob, len(pairs))
	for i, pair := range pairs {
		jobs[i].versionPair = pair
	}
	b.askJobs(jobs...)
}

// askJobs is askPairs, each pair with the file whose working tree's
// copy may be its newer version.
func (b *blobReader) askJobs(jobs ...pairJob) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := len(b.pairs.pending)
	for _, job := range jobs {
		pair := job.versionPair
		_, known := b.pairs.verdicts[pair]
		switch {
		case known || b.pairs.asked[pair]:
		case isZeroBlob(pair.old) || isZeroBlob(pair.new):
			b.askLocked(pair.old, pair.new)
		default:
			b.pairs.asked[pair] = true
			b.pairs.pending = append(b.pairs.pending, job)
		}
	}
	if len(b.pairs.pending) == n || b.closing {
		return
	}
	if !b.pairs.started {
		b.pairs.started = true
		b.pairs.running.Add(1)
		go b.runComparers()
	}
	b.pairs.queued.Broadcast()
}

// fetchPairs compares the pairs not compared yet, and waits until every
// pair and blob asked for is.
func (b *blobReader) fetchPairs(pairs []versionPair) error {
	b.askPairs(pairs...)
	b.mu.Lock()
	defer b.mu.Unlock()
	for (len(b.pairs.asked) > 0 || len(b.asked) > 0) && b.err == nil {
		b.answered.Wait()
	}
	return b.err
}

// verdict is the verdict on pair, which fetchPairs has compared.
func (b *blobReader) verdict(pair versionPair) pairVerdict {
	b.mu.Lock()
	defer b.mu.Unlock()
	if v, ok := b.pairs.verdicts[pair]; ok {
		return v
	}
	return verdictOf(b.done[pair.old], b.done[pair.new])
}

// runComparers opens the repository's object store and compares the
// pairs asked for in pairLanes goroutines until the reader closes. A
// pair whose versions the store cannot give (a partial clone's, or any
// when the repository replaces objects) is asked of git.
func (b *blobReader) runComparers() {
	defer b.pairs.running.Done()
	store := openObjects(b.root, b.hashLen)
	if store != nil {
		defer store.Close()
	}
	var lanes sync.WaitGroup
	for range pairLanes {
		lanes.Go(func() {
			var r *gitobjects.Reader
			if store != nil {
				r = store.NewReader(objectCache)
			}
			b.compareLane(r)
		})
	}
	lanes.Wait()
}

// compareLane compares the pairs it takes until the reader closes.
func (b *blobReader) compareLane(r *gitobjects.Reader) {
	c := versionComparer{root: b.root}
	var taken []pairJob
	for {
		if taken = b.nextPairs(taken); len(taken) == 0 {
			return
		}
		for _, job := range taken {
			pair := job.versionPair
			v, ok := c.compareRead(r, job)
			b.mu.Lock()
			if ok {
				b.pairs.verdicts[pair] = v
			} else {
				b.askLocked(pair.old, pair.new)
			}
			delete(b.pairs.asked, pair)
			b.answered.Broadcast()
			b.mu.Unlock()
		}
	}
}

// nextPairs waits for pairs asked for and takes up to pairChunk of them;
// none once the reader is closing.
func (b *blobReader) nextPairs(taken []pairJob) []pairJob {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.pairs.pending) == 0 && !b.closing {
		b.pairs.queued.Wait()
	}
	if b.closing {
		return taken[:0]
	}
	n := min(len(b.pairs.pending), pairChunk)
	taken = append(taken[:0], b.pairs.pending[:n]...)
	b.pairs.pending = b.pairs.pending[n:]
	return taken
}

// compareRead reads job's versions with r and compares them; false
// when r cannot read both as blobs. The newer version is offered from
// the working tree, where its file may hold it.
func (c *versionComparer) compareRead(r *gitobjects.Reader, job pairJob) (pairVerdict, bool) {
	if r == nil {
		return pairVerdict{}, false
	}
	pair := job.versionPair
	if job.file != "" {
		// A regular file only, of a page's size at most: a named pipe
		// put in a page's place must not keep the build waiting.
		if data, err := files.Read(filepath.Join(c.root, filepath.FromSlash(job.file)), files.DefaultLimit); err == nil {
			r.Offer(pair.new, data)
		}
	}
	// The newer first: a pack holds it whole and the older as a delta of
	// it, which then finds it resolved.
	after, ok := readBlob(r, pair.new)
	if !ok {
		return pairVerdict{}, false
	}
	before, ok := readBlob(r, pair.old)
	if !ok {
		return pairVerdict{}, false
	}
	return c.compare(before, after), true
}

// readBlob is the blob id, read by r; false when r cannot read it.
func readBlob(r *gitobjects.Reader, id string) (gitobjects.Pieces, bool) {
	kind, p, err := r.ReadPieces(id)
	return p, err == nil && kind == gitobjects.Blob
}
