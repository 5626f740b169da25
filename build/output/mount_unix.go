//go:build unix

package output

import (
	"path/filepath"
	"syscall"
)

// devDiffers reports whether dir is on another device than its parent:
// a mount point.
func devDiffers(dir string) bool {
	var st, parent syscall.Stat_t
	if syscall.Stat(dir, &st) != nil || syscall.Stat(filepath.Dir(dir), &parent) != nil {
		return false
	}
	return st.Dev != parent.Dev
}
