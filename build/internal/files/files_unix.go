//go:build unix

package files

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Write writes data to the file name, created (mode 0644 before the
// umask) or truncated, as os.WriteFile does.
func Write(name string, data []byte) error {
	f, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

// Read returns the contents of the file name, as os.ReadFile does.
func Read(name string) ([]byte, error) {
	f, err := open(name, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 512
	if info, err := f.Stat(); err == nil && info.Size() < 1<<30 {
		size = int(info.Size()) + 1 // room for the whole file, and the read that finds its end
	}
	data := make([]byte, 0, size)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// open opens name with a descriptor that os.NewFile uses as it is,
// blocking, without asking the poller.
func open(name string, flags int, perm uint32) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, flags|syscall.O_CLOEXEC, perm)
		if err == nil {
			return os.NewFile(uintptr(fd), name), nil
		}
		if !errors.Is(err, syscall.EINTR) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
	}
}
