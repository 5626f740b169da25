package history

import (
	"os/exec"
	"testing"

	"golang.org/x/sys/unix"
)

// TestStdoutPipeIsWide wants the pipe git cat-file answers into to hold
// a megabyte, not Linux's default 64 KiB, and to carry what git writes.
func TestStdoutPipeIsWide(t *testing.T) {
	cmd := exec.Command("git", "--version")
	r, started, err := stdoutPipe(cmd)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	raw, err := r.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var size int
	if err := raw.Control(func(fd uintptr) { size, err = unix.FcntlInt(fd, unix.F_GETPIPE_SZ, 0) }); err != nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if size < widePipeSize {
		t.Errorf("the pipe holds %d bytes, want %d", size, widePipeSize)
	}
	err = cmd.Start()
	started()
	if err != nil {
		t.Skip("git is not installed")
	}
	buf := make([]byte, 64)
	n, _ := r.Read(buf)
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("nothing came through the pipe")
	}
}
