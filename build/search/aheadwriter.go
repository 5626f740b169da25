package search

import "io"

// aheadWriter buffers what is written to w, and writes each full buffer
// on a goroutine of its own while the caller fills the next one. Merging
// a large language's spilled runs wrote its merged file (550 MB at
// 2×100,000 pages) for as long as it merged them, at the end of a build,
// when the language's merge is all that is left to run; written ahead,
// the merge and the writes share the cores. An aheadWriter is used by
// one goroutine, and must be closed.
type aheadWriter struct {
	w      io.Writer
	buf    []byte
	full   chan []byte // buffers to write, in order
	free   chan []byte // buffers written, to fill again
	done   chan error  // the first error writing, once every buffer is written
	err    error       // Close's answer, once closed
	closed bool
}

// newAheadWriter returns an aheadWriter to w with two buffers of size
// bytes.
func newAheadWriter(w io.Writer, size int) *aheadWriter {
	a := &aheadWriter{
		w:    w,
		buf:  make([]byte, 0, size),
		full: make(chan []byte, 1),
		free: make(chan []byte, 2),
		done: make(chan error, 1),
	}
	a.free <- make([]byte, 0, size)
	go a.run()
	return a
}

// run writes the full buffers in order; after an error it writes no more,
// and hands every buffer back.
func (a *aheadWriter) run() {
	var err error
	for b := range a.full {
		if err == nil {
			_, err = a.w.Write(b)
		}
		a.free <- b[:0]
	}
	a.done <- err
}

// Write copies p into the buffers, handing each one to the writing
// goroutine when it is full. Errors writing are Close's to return.
func (a *aheadWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(a.buf) == cap(a.buf) {
			a.full <- a.buf
			a.buf = <-a.free
		}
		k := copy(a.buf[len(a.buf):cap(a.buf)], p)
		a.buf, p = a.buf[:len(a.buf)+k], p[k:]
	}
	return n, nil
}

// Close writes what is still buffered, waits until everything is
// written, and returns the first error writing; closed again, it
// returns that error again.
func (a *aheadWriter) Close() error {
	if a.closed {
		return a.err
	}
	if len(a.buf) > 0 {
		a.full <- a.buf
	}
	a.buf, a.closed = nil, true
	close(a.full)
	a.err = <-a.done
	return a.err
}
