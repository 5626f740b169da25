package output

import (
	"bytes"
	"io"
	"os"
)

// Creator is a Writer that also takes a file part by part, as it is made:
// for a file too large to hold whole in memory, such as a print page,
// which holds a language's whole handbook.
type Creator interface {
	Writer
	// Create opens the file at sitePath; the file is complete once the
	// writer is closed.
	Create(sitePath string) (io.WriteCloser, error)
}

// Create opens the file at sitePath of w to write it part by part: with
// w's own Create when it is a Creator, else into memory, handed whole to
// w.WriteFile on Close.
func Create(w Writer, sitePath string) (io.WriteCloser, error) {
	if c, ok := w.(Creator); ok {
		return c.Create(sitePath)
	}
	return &wholeFile{w: w, path: sitePath}, nil
}

// wholeFile keeps a file's parts, and writes the file on Close.
type wholeFile struct {
	w    Writer
	path string
	buf  bytes.Buffer
}

func (f *wholeFile) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *wholeFile) Close() error { return f.w.WriteFile(f.path, f.buf.Bytes()) }

// Create opens sitePath inside the staging folder, to write it part by
// part.
func (d *Dir) Create(sitePath string) (io.WriteCloser, error) {
	full, err := d.prepare(sitePath)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, d.describe(err)
	}
	return f, nil
}
