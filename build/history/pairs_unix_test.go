//go:build unix

package history

import (
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"
)

// TestComparersReadOnlyRegularFiles: a page whose working tree's file is
// a named pipe, or a link to one, is read from the repository, and the
// history is the one git gives, without waiting on the pipe.
func TestComparersReadOnlyRegularFiles(t *testing.T) {
	r := cacheRepo(t)
	r.git("repack", "-adfq")
	dirs := []string{"content/vi", "content/fr"}
	t.Setenv("GIT_REPLACE_REF_BASE", "refs/replace/") // every version read by git
	want, err := Read(r.dir, dirs, 6, "")
	if err != nil {
		t.Fatal(err)
	}
	os.Unsetenv("GIT_REPLACE_REF_BASE")
	fifo := filepath.Join(r.dir, "content/vi/a.md")
	if err := os.Remove(fifo); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan error, 1)
	var got *Log
	go func() {
		var err error
		got, err = Read(r.dir, dirs, 6, "")
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the history waits on a named pipe in a page's place")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with a named pipe in a page's place:\n%+v\nwant:\n%+v", got, want)
	}
}
