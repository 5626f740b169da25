package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// DefaultLimit is the size over which a site's file is refused when the
// site sets no limit of its own: a writer's page or image is far smaller,
// and reading a file of any size into memory could exhaust it.
const DefaultLimit = 64 << 20

// ErrNotRegular is the error of a file that is not a regular file (a
// named pipe, a device, a socket): reading one may block forever or never
// end, so a site's files must be regular ones.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is the error of a file over the size limit.
var ErrTooLarge = errors.New("too large")

// CheckRegular returns an error unless the file name, followed through
// symbolic links, is a regular file of at most limit bytes (no limit when
// limit <= 0). It never opens the file, so a named pipe cannot block it.
func CheckRegular(name string, limit int64) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return CheckMode(info.Mode(), info.Size(), limit)
}

// CheckEntry is CheckRegular for a walked folder's entry, whose kind it
// knows without a system call; the size takes one, for a regular file.
func CheckEntry(d fs.DirEntry, limit int64) error {
	if !d.Type().IsRegular() {
		return CheckMode(d.Type(), 0, 0)
	}
	info, err := d.Info()
	if err != nil {
		return WithoutPath(err)
	}
	return CheckMode(info.Mode(), info.Size(), limit)
}

// CheckMode is CheckRegular's verdict on a file's mode and size, for a
// caller that has them already.
func CheckMode(mode fs.FileMode, size, limit int64) error {
	if !mode.IsRegular() {
		return fmt.Errorf("%w: it is %s; only regular files are read", ErrNotRegular, describeMode(mode))
	}
	if limit > 0 && size > limit {
		return tooLarge(size, limit)
	}
	return nil
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w: %s, over the limit of %s (maxFileSize in handbook.toml)", ErrTooLarge, byteSize(size), byteSize(limit))
}

// describeMode names what a file that is not a regular one is.
func describeMode(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file (" + mode.Type().String() + ")"
}

// byteSize writes a size as people read it: bytes, KiB or MiB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
