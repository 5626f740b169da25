//go:build !unix

package files

import "os"

// Write writes data to the file name, created or truncated.
func Write(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// Read returns the contents of the file name, which must be a regular
// file of at most limit bytes (no limit when limit <= 0). The file is
// checked before it is opened, as the platform has no open that cannot
// block on a named pipe.
func Read(name string, limit int64) ([]byte, error) {
	if err := CheckRegular(name, limit); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(name)
	if err == nil && limit > 0 && int64(len(data)) > limit {
		return nil, tooLarge(int64(len(data)), limit)
	}
	return data, err
}

// ReadInto is Read; the platform's read makes a slice of its own, and
// buf is not used.
func ReadInto(name string, limit int64, buf []byte) ([]byte, error) {
	return Read(name, limit)
}

// OpenRegular opens the file name to read it, once it is checked to be a
// regular file of at most limit bytes (no limit when limit <= 0).
func OpenRegular(name string, limit int64) (*os.File, error) {
	if err := CheckRegular(name, limit); err != nil {
		return nil, err
	}
	return os.Open(name)
}
