//go:build !unix

package files

import "os"

// Write writes data to the file name, created or truncated.
func Write(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// Read returns the contents of the file name.
func Read(name string) ([]byte, error) { return os.ReadFile(name) }
