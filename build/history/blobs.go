package history

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// blobSummary is what a comparison needs of a version of a file: its
// text, without its translation stamp and with its whitespace reduced
// to single spaces, as a hash; and the stamp. The hash is the same in
// every run, for the cache to keep it.
type blobSummary struct {
	text  uint64
	stamp string
}

// blobReader summarizes versions of files, read with git cat-file
// --batch, and keeps the summaries, by blob.
type blobReader struct {
	root string
	done map[string]blobSummary
}

// newBlobReader is a reader that knows the summaries of known already
// (a cache's: a blob's hash names its content, whatever the history).
func newBlobReader(root string, known map[string]blobSummary) *blobReader {
	if known == nil {
		known = map[string]blobSummary{}
	}
	return &blobReader{root: root, done: known}
}

// fetch summarizes the blobs of ids not summarized yet, in one run of
// git cat-file.
func (b *blobReader) fetch(ids []string) error {
	var want []string
	seen := map[string]bool{}
	for _, id := range ids {
		if _, ok := b.done[id]; !ok && !seen[id] && !isZeroBlob(id) {
			seen[id] = true
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = b.root
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, id := range want {
			w.WriteString(id + "\n")
		}
		w.Flush()
		stdin.Close()
	}()
	readErr := b.readBatch(bufio.NewReaderSize(stdout, 1<<16), want)
	if readErr != nil {
		_, _ = io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil && readErr == nil {
		readErr = fmt.Errorf("git cat-file: %w", err)
	}
	return readErr
}

// readBatch reads cat-file's answer for each of ids: "<id> blob <size>"
// and the content, or "<id> missing" for a blob a shallow clone lacks,
// which is summarized as empty.
func (b *blobReader) readBatch(r *bufio.Reader, ids []string) error {
	var buf, scratch []byte
	for _, id := range ids {
		line, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: reading %s: %w", id, err)
		}
		f := strings.Fields(line)
		if len(f) == 2 && f[1] == "missing" {
			b.done[id] = blobSummary{}
			continue
		}
		if len(f) != 3 {
			return fmt.Errorf("git cat-file: unexpected answer %q", line)
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("git cat-file: unexpected answer %q", line)
		}
		if cap(buf) < size+1 {
			buf = make([]byte, size+1)
		}
		buf = buf[:size+1]
		if _, err := io.ReadFull(r, buf); err != nil {
			return fmt.Errorf("git cat-file: reading %s: %w", id, err)
		}
		b.done[id], scratch = summarize(buf[:size], scratch)
	}
	return nil
}

func isZeroBlob(id string) bool { return strings.Trim(id, "0") == "" }

// summary is the summary of blob id, which fetch has read; the empty
// summary for no blob.
func (b *blobReader) summary(id string) blobSummary { return b.done[id] }

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
// Whole runs are found and copied at once: it reads every byte of every
// version a build compares.
func appendWords(out, data []byte) []byte {
	for i := 0; i < len(data); {
		for i < len(data) && isSpace(data[i]) {
			i++
		}
		start := i
		for i < len(data) && !isSpace(data[i]) {
			i++
		}
		if i > start {
			out = append(append(out, data[start:i]...), ' ')
		}
	}
	return out
}

// isSpace reports whether c is ASCII whitespace; most bytes are above
// the space and are told apart by the first comparison.
func isSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
}
