//go:build unix

package output

import (
	"os"
	"syscall"
)

// lockFolder takes an exclusive lock on dir and returns the function
// that lets it go. The kernel lets go of a dead process's locks, so a
// staging folder whose lock can be taken belongs to no running build.
// A folder that cannot be locked is still used; it is only not told
// apart from a leftover.
func lockFolder(dir string) (unlock func()) {
	f, err := os.Open(dir)
	if err != nil {
		return func() {}
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() }
}

// isLeftover reports whether no running build holds dir: its lock can be
// taken.
func isLeftover(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil
}
