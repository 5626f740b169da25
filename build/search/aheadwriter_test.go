package search

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

// TestAheadWriterWritesInOrder writes pieces smaller and larger than its
// buffers, and expects the bytes as written, in order.
func TestAheadWriterWritesInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{1, 7, 64, 4096} {
		var got, want bytes.Buffer
		w := newAheadWriter(&got, size)
		for range 500 {
			piece := make([]byte, rng.IntN(3*size+2))
			for i := range piece {
				piece[i] = byte(rng.Uint32())
			}
			want.Write(piece)
			if n, err := w.Write(piece); n != len(piece) || err != nil {
				t.Fatalf("size %d: Write = %d, %v", size, n, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatalf("size %d: Close: %v", size, err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("size %d: wrote %d bytes unlike the %d given", size, got.Len(), want.Len())
		}
	}
}

// failingWriter takes limit bytes, then fails.
type failingWriter struct {
	limit  int
	writes int
}

var errFull = errors.New("disk full")

func (f *failingWriter) Write(p []byte) (int, error) {
	f.writes++
	if len(p) > f.limit {
		return 0, errFull
	}
	f.limit -= len(p)
	return len(p), nil
}

// TestAheadWriterReportsTheFirstError fails the writes part way: writing
// on must not block, nothing more is written, and Close, twice, returns
// the error.
func TestAheadWriterReportsTheFirstError(t *testing.T) {
	f := &failingWriter{limit: 100}
	w := newAheadWriter(f, 16)
	for range 100 {
		w.Write(make([]byte, 10))
	}
	for range 2 {
		if err := w.Close(); !errors.Is(err, errFull) {
			t.Errorf("Close = %v, want %v", err, errFull)
		}
	}
	if f.writes != 7 {
		t.Errorf("%d writes, want 7: six buffers, then the one that failed", f.writes)
	}
}
