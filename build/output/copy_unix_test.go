//go:build unix

package output_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"handbook/build/internal/files"
	"handbook/build/output"
)

// A file swapped for a named pipe after the build checked it must not
// hang the copy: Dir and Memory open what they copy without blocking,
// and take only a regular file.
func TestCopyRefusesANamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "image.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	d, err := output.NewDir(filepath.Join(t.TempDir(), "public"), output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for name, w := range map[string]output.Writer{"Dir": d, "Memory": output.NewMemory()} {
		done := make(chan error, 1)
		go func() { done <- w.CopyFile("vi/image.png", fifo) }()
		select {
		case err := <-done:
			if !errors.Is(err, files.ErrNotRegular) {
				t.Errorf("%s.CopyFile(named pipe) = %v, want a refusal", name, err)
			}
		case <-time.After(10 * time.Second):
			// Let the blocked open go, so the test ends.
			if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
				f.Close()
			}
			t.Fatalf("%s.CopyFile(named pipe) blocked", name)
		}
	}
}
