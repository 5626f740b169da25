package history

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// blobSummary is what a comparison needs of a version of a file: its
// text, without its translation stamp and with its whitespace reduced
// to single spaces, as a hash; and the stamp. The hash is the same in
// every run, for the cache to keep it.
type blobSummary struct {
	text  uint64
	stamp string
}

// blobReader compares versions of files: in this process where the
// repository's object store holds both (see versionComparer), and
// otherwise by their summaries, read by git cat-file --batch processes
// that run beside the reading of the log. It keeps the verdicts, by
// pair of versions, and the summaries, by blob. Pairs can be asked for
// before they are needed (askPairs), so that they are compared while
// the log is still being listed; fetchPairs waits for them.
type blobReader struct {
	root    string
	hashLen int // bytes of an object's name, for the object store
	mu      sync.Mutex
	// answered is signalled each time a pair is compared or cat-file has
	// answered.
	answered *sync.Cond
	done     map[string]blobSummary
	asked    map[string]bool // sent to cat-file, not answered yet
	err      error           // cat-file's failure, once it failed
	// pending are the ids asked for and not yet written to a cat-file:
	// asking never waits for git, which reads more slowly than the
	// history's folders are compared. queued is signalled when there
	// are more, or the reader is closing.
	pending []string
	queued  *sync.Cond
	started bool
	closing bool          // no more asks: cat-file's input ends once pending is written
	exited  chan struct{} // closed once every cat-file has exited
	pairs   pairQueue
}

// pairQueue is the pairs of versions a blobReader compares in this
// process, guarded by its mutex.
type pairQueue struct {
	verdicts map[versionPair]pairVerdict
	asked    map[versionPair]bool // not compared yet
	pending  []pairJob            // asked, not taken by a comparer yet
	queued   *sync.Cond           // signalled when there are more, or the reader is closing
	started  bool
	running  sync.WaitGroup // the comparers
}

// blobLanes is how many cat-file processes read the versions: inflating
// them is most of a cold history's work once the listings are compared,
// and two share it out on two cores.
const blobLanes = 2

// blobChunk is the most ids a cat-file is given at once, so that the
// others take the rest.
const blobChunk = 256

// newBlobReader is a reader of the repository root is in, whose objects
// are named by hashLen bytes, that knows the verdicts of knownPairs and
// the summaries of known already (a cache's: a blob's hash names its
// content, whatever the history). Its close ends the git processes and
// the comparers it may have started.
func newBlobReader(root string, hashLen int, known map[string]blobSummary, knownPairs map[versionPair]pairVerdict) *blobReader {
	if known == nil {
		known = map[string]blobSummary{}
	}
	if knownPairs == nil {
		knownPairs = map[versionPair]pairVerdict{}
	}
	b := &blobReader{root: root, hashLen: hashLen, done: known, asked: map[string]bool{}}
	b.answered = sync.NewCond(&b.mu)
	b.queued = sync.NewCond(&b.mu)
	b.pairs.verdicts, b.pairs.asked = knownPairs, map[versionPair]bool{}
	b.pairs.queued = sync.NewCond(&b.mu)
	return b
}

// ask has the blobs of ids not summarized nor asked for yet read by
// git and summarized, and returns without waiting for them: the
// versions the comparers cannot read in this process.
func (b *blobReader) ask(ids ...string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.askLocked(ids...)
}

// askLocked is ask, with b.mu held.
func (b *blobReader) askLocked(ids ...string) {
	n := len(b.pending)
	for _, id := range ids {
		if _, ok := b.done[id]; !ok && !b.asked[id] && !isZeroBlob(id) {
			b.asked[id] = true
			b.pending = append(b.pending, id)
		}
	}
	if len(b.pending) == n {
		return
	}
	if !b.started && b.err == nil {
		b.err = b.start()
	}
	b.queued.Broadcast()
}

// nextPending waits for ids asked for and takes up to blobChunk of them;
// none once the reader is closing and every id was taken.
func (b *blobReader) nextPending(taken []string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.pending) == 0 && !b.closing {
		b.queued.Wait()
	}
	n := min(len(b.pending), blobChunk)
	taken = append(taken[:0], b.pending[:n]...)
	b.pending = b.pending[n:]
	return taken
}

// start runs the cat-file processes, with b.mu held; once every one
// has exited, a blob asked for and not answered is an error.
func (b *blobReader) start() error {
	b.started, b.exited = true, make(chan struct{})
	var lanes sync.WaitGroup
	var err error
	for range blobLanes {
		if err = b.startLane(&lanes); err != nil {
			break
		}
	}
	go func() {
		lanes.Wait()
		b.mu.Lock()
		if b.err == nil && len(b.asked) > 0 {
			b.err = errors.New("git cat-file: exited before answering")
		}
		b.answered.Broadcast()
		b.mu.Unlock()
		close(b.exited)
	}()
	return err
}

// startLane runs one git cat-file --batch: one goroutine writes ids
// asked for to it, another reads and summarizes its answers.
func (b *blobReader) startLane(lanes *sync.WaitGroup) error {
	cmd, stdin, stdout, err := runCatFile(b.root, nil)
	if err != nil {
		return err
	}
	go func() {
		w := bufio.NewWriterSize(stdin, 1<<16)
		var ids []string
		for {
			if ids = b.nextPending(ids); len(ids) == 0 {
				break
			}
			for _, id := range ids {
				w.WriteString(id + "\n")
			}
			w.Flush() // cat-file answers what it has been sent
		}
		stdin.Close()
	}()
	lanes.Go(func() {
		readErr := b.readAnswers(bufio.NewReaderSize(stdout, widePipeSize))
		_, _ = io.Copy(io.Discard, stdout)
		err := cmd.Wait()
		stdout.Close()
		if err != nil && readErr == nil {
			readErr = fmt.Errorf("git cat-file: %w", err)
		}
		if readErr != nil {
			b.mu.Lock()
			b.err = cmp.Or(b.err, readErr)
			b.answered.Broadcast()
			b.mu.Unlock()
		}
	})
	return nil
}

// close ends the comparers and the cat-files, once every pair and blob
// asked for is read, and waits for them.
func (b *blobReader) close() {
	b.mu.Lock()
	closed := b.closing
	b.closing = true
	b.err = cmp.Or(b.err, errors.New("git cat-file: the reader is closed"))
	b.queued.Broadcast()
	b.pairs.queued.Broadcast()
	b.mu.Unlock()
	if closed {
		return
	}
	b.pairs.running.Wait()
	b.mu.Lock()
	wait := b.started
	b.mu.Unlock()
	if wait {
		<-b.exited
	}
}

// readAnswers reads cat-file's answers until its output ends: "<id>
// blob <size>" and the content, or "<id> missing" for a blob a shallow
// clone lacks, which is summarized as empty.
func (b *blobReader) readAnswers(r *bufio.Reader) error {
	var buf, scratch []byte
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF && line == "" {
			return nil
		}
		if err != nil {
			return fmt.Errorf("git cat-file: reading its answer: %w", err)
		}
		f := strings.Fields(line)
		var sum blobSummary
		switch {
		case len(f) == 2 && f[1] == "missing":
		case len(f) == 3:
			size, err := strconv.Atoi(f[2])
			if err != nil {
				return fmt.Errorf("git cat-file: unexpected answer %q", line)
			}
			if cap(buf) < size+1 {
				buf = make([]byte, size+1)
			}
			buf = buf[:size+1]
			if _, err := io.ReadFull(r, buf); err != nil {
				return fmt.Errorf("git cat-file: reading %s: %w", f[0], err)
			}
			sum, scratch = summarize(buf[:size], scratch)
		default:
			return fmt.Errorf("git cat-file: unexpected answer %q", line)
		}
		b.mu.Lock()
		b.done[f[0]] = sum
		delete(b.asked, f[0])
		b.answered.Broadcast()
		b.mu.Unlock()
	}
}

func isZeroBlob(id string) bool { return strings.Trim(id, "0") == "" }

// summarize hashes a file's text with its translation stamp left out
// and each run of whitespace made one space, and returns the stamp.
// The text is put together in scratch, which it returns to be reused.
// The hash is SHA-256's first 8 bytes: the same in every run, unlike
// maphash's, and fast where the processor computes SHA-256.
func summarize(data, scratch []byte) (blobSummary, []byte) {
	front, body, stamp := splitStamp(data)
	scratch = appendWords(appendWords(scratch[:0], front), body)
	sum := sha256.Sum256(scratch)
	return blobSummary{text: binary.LittleEndian.Uint64(sum[:8]), stamp: stamp}, scratch
}

// splitStamp cuts the sourceHash line out of a file's front matter
// (YAML "sourceHash: x" or TOML "sourceHash = x"): the file before and
// after it, and the stamp's value.
func splitStamp(data []byte) (before, after []byte, stamp string) {
	if !bytes.HasPrefix(data, []byte("---")) && !bytes.HasPrefix(data, []byte("+++")) {
		return data, nil, ""
	}
	for start := 0; start < len(data); {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start + 1
		}
		line := bytes.TrimSpace(data[start:end])
		if start > 0 && (bytes.Equal(line, []byte("---")) || bytes.Equal(line, []byte("+++"))) {
			break // the end of the front matter
		}
		if v, ok := stampValue(line); ok {
			return data[:start], data[end:], v
		}
		start = end
	}
	return data, nil, ""
}

// stampValue is the value of a sourceHash line, without quotes.
func stampValue(line []byte) (string, bool) {
	rest, ok := bytes.CutPrefix(line, []byte("sourceHash"))
	if !ok {
		return "", false
	}
	rest = bytes.TrimSpace(rest)
	if len(rest) == 0 || rest[0] != ':' && rest[0] != '=' {
		return "", false
	}
	return strings.Trim(string(bytes.TrimSpace(rest[1:])), `"'`), true
}

// appendWords appends data's words to out, each followed by one space.
// It reads every byte of every version a build compares, so it copies
// into room made once, with no call per word, and eight bytes at once
// where they are already as they should be written: no whitespace but
// single spaces, none of them after a space (see plainRun); prose is
// mostly that. The other bytes are copied one by one.
func appendWords(out, data []byte) []byte {
	n := len(out)
	out = slices.Grow(out, len(data)+1)[:n+len(data)+1]
	w, inWord := n, false
	for i := 0; i < len(data); {
		if i+8 <= len(data) {
			if x := binary.LittleEndian.Uint64(data[i:]); plainRun(x, inWord) {
				binary.LittleEndian.PutUint64(out[w:], x)
				w, i = w+8, i+8
				inWord = x>>56 != ' '
				continue
			}
		}
		c := data[i]
		i++
		switch {
		case !isSpace(c):
			out[w] = c
			w++
			inWord = true
		case inWord:
			out[w] = ' '
			w++
			inWord = false
		}
	}
	if inWord {
		out[w] = ' '
		w++
	}
	return out[:w]
}

// plainRun reports whether the eight bytes of x, the first in its
// lowest byte, are written as they are: no byte below the space (which
// every whitespace but the space is), no space after a space, and none
// first unless a word comes before (inWord). It may say no to such
// bytes, which are then copied one by one, never yes to others.
func plainRun(x uint64, inWord bool) bool {
	const ones, highs, spaces = 0x0101010101010101, 0x8080808080808080, 0x2020202020202020
	if (x-ones*' ')&^x&highs != 0 {
		return false // a byte below the space
	}
	// The high bit of each byte that is a space (and maybe of some other
	// bytes after one: only ever more, never fewer).
	e := x ^ spaces // a space is a zero byte there
	sp := (e - ones) &^ e & highs
	if sp&(sp<<8) != 0 {
		return false // two spaces in a row, or maybe
	}
	return inWord || x&0xff != ' '
}

// isSpace reports whether c is ASCII whitespace; most bytes are above
// the space and are told apart by the first comparison.
func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
}
