//go:build !linux

package output

// isMountPoint reports whether dir is a mount point, as far as devices
// tell where there is no mount table to read.
func isMountPoint(dir string) bool { return devDiffers(dir) }
