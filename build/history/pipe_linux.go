package history

import (
	"os"

	"golang.org/x/sys/unix"
)

// widen asks Linux for size bytes of room in the pipe f is an end of.
// A refusal (a limit set lower by the administrator) leaves the pipe as
// it was: it is only slower.
func widen(f *os.File, size int) {
	raw, err := f.SyscallConn()
	if err != nil {
		return
	}
	_ = raw.Control(func(fd uintptr) {
		_, _ = unix.FcntlInt(fd, unix.F_SETPIPE_SZ, size)
	})
}
