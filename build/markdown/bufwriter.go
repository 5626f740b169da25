package markdown

import "bytes"

// bufferWriter lets goldmark's renderer write straight into a buffer.
// Given a plain io.Writer, the renderer wraps it in a bufio.Writer of its
// own for each page: a 4 KiB allocation per page, and every byte of the
// page's HTML copied once more on its way to the buffer.
type bufferWriter struct{ *bytes.Buffer }

// Buffered is what is written but not yet in the buffer: nothing.
func (bufferWriter) Buffered() int { return 0 }

// Flush has nothing to do: every write is in the buffer already.
func (bufferWriter) Flush() error { return nil }
