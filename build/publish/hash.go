package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"sort"
	"sync"

	"handbook/build/internal/files"
	"handbook/build/output"
)

// hashWriter passes a site's files on and hashes them, so that a
// release's id says which releases hold the same site.
type hashWriter struct {
	next output.Writer

	mu   sync.Mutex
	sums map[string][sha256.Size]byte
}

func newHashWriter(next output.Writer) *hashWriter {
	return &hashWriter{next: next, sums: map[string][sha256.Size]byte{}}
}

func (h *hashWriter) WriteFile(sitePath string, data []byte) error {
	h.record(sitePath, sha256.Sum256(data))
	return h.next.WriteFile(sitePath, data)
}

func (h *hashWriter) CopyFile(sitePath, src string) error {
	f, err := files.OpenRegular(src, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return err
	}
	h.record(sitePath, [sha256.Size]byte(sum.Sum(nil)))
	return h.next.CopyFile(sitePath, src)
}

// Create passes a file written part by part on, hashing the parts as
// they go.
func (h *hashWriter) Create(sitePath string) (io.WriteCloser, error) {
	next, err := output.Create(h.next, sitePath)
	if err != nil {
		return nil, err
	}
	return &hashedFile{h: h, path: sitePath, next: next, sum: sha256.New()}, nil
}

// hashedFile is a file being written through a hashWriter.
type hashedFile struct {
	h    *hashWriter
	path string
	next io.WriteCloser
	sum  hash.Hash
}

func (f *hashedFile) Write(p []byte) (int, error) {
	f.sum.Write(p)
	return f.next.Write(p)
}

func (f *hashedFile) Close() error {
	f.h.record(f.path, [sha256.Size]byte(f.sum.Sum(nil)))
	return f.next.Close()
}

func (h *hashWriter) record(sitePath string, sum [sha256.Size]byte) {
	h.mu.Lock()
	h.sums[sitePath] = sum
	h.mu.Unlock()
}

// sum is the short hash of every file's path and contents, whatever
// order the parallel workers wrote them in.
func (h *hashWriter) sum() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	paths := make([]string, 0, len(h.sums))
	for p := range h.sums {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	all := sha256.New()
	for _, p := range paths {
		s := h.sums[p]
		all.Write([]byte(p))
		all.Write([]byte{0})
		all.Write(s[:])
	}
	return hex.EncodeToString(all.Sum(nil))[:8]
}
