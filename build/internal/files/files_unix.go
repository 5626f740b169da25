//go:build unix

package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Write writes data to the file name, created (mode 0644 before the
// umask) or truncated, as os.WriteFile does, in three system calls: the
// descriptor is used as it is, without an os.File, whose making asks
// the kernel for the descriptor's flags once more.
func Write(name string, data []byte) error {
	fd, err := openFD(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = writeFD(fd, name, data)
	if closeErr := syscall.Close(fd); err == nil && closeErr != nil {
		err = &fs.PathError{Op: "close", Path: name, Err: closeErr}
	}
	return err
}

// writeFD writes all of data to the open file fd, as many times as the
// kernel takes part of it.
func writeFD(fd int, name string, data []byte) error {
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		if n == 0 {
			return &fs.PathError{Op: "write", Path: name, Err: io.ErrShortWrite}
		}
		data = data[n:]
	}
	return nil
}

// Read returns the contents of the file name, which must be a regular
// file of at most limit bytes (no limit when limit <= 0). The file is
// opened without blocking, so a named pipe cannot hang the read, and its
// kind and size are checked on the open file, so a link swapped between a
// check and the open cannot slip a device in.
func Read(name string, limit int64) ([]byte, error) {
	return ReadInto(name, limit, nil)
}

// ReadInto is Read into buf's space when it has room for the file,
// else into a new slice: a reader of many files passes the slice the
// last read returned, done with, so that a file is read without an
// allocation of its own.
func ReadInto(name string, limit int64, buf []byte) ([]byte, error) {
	fd, err := openFD(name, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, syscall.ENXIO) {
		// A socket cannot be opened: say what it is, rather than "no
		// such device or address".
		if notRegular := CheckRegular(name, limit); notRegular != nil {
			return nil, notRegular
		}
	}
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := CheckMode(modeOf(uint32(st.Mode)), st.Size, limit); err != nil {
		return nil, err
	}
	return readFD(fd, name, st.Size, limit, buf[:0])
}

// OpenRegular opens the file name to read it, as Read does: without
// blocking, and only when the open file is a regular file of at most
// limit bytes (no limit when limit <= 0), so that a file swapped for a
// named pipe or a device after it was checked cannot hang a copy.
func OpenRegular(name string, limit int64) (*os.File, error) {
	fd, err := openFD(name, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if err := CheckMode(modeOf(uint32(st.Mode)), st.Size, limit); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return os.NewFile(uintptr(fd), name), nil
}

// readFD reads an open regular file of size bytes to its end, into
// data's space when it has room for it, and fails if the file grows past
// limit while being read.
func readFD(fd int, name string, size, limit int64, data []byte) ([]byte, error) {
	capacity := int64(512)
	roomy := size > 0 && size < 1<<30
	if roomy {
		capacity = size + 1 // room for the whole file, and a byte more
	}
	if int64(cap(data)) < capacity {
		data = make([]byte, 0, capacity)
	}
	for {
		n, err := syscall.Read(fd, data[len(data):cap(data)])
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if limit > 0 && int64(len(data)) > limit {
			return nil, tooLarge(int64(len(data)), limit)
		}
		if roomy && int64(len(data)) == size {
			// The whole file as stat saw it: a read more would only find
			// its end. One that grew meanwhile fills the byte of room
			// past size, and is read on.
			return data, nil
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// modeOf turns a stat mode's file type into an fs.FileMode's.
func modeOf(mode uint32) fs.FileMode {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

// openFD opens name, trying again when a signal interrupts the call.
func openFD(name string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, flags|syscall.O_CLOEXEC, perm)
		if err == nil {
			return fd, nil
		}
		if !errors.Is(err, syscall.EINTR) {
			return -1, &fs.PathError{Op: "open", Path: name, Err: err}
		}
	}
}
