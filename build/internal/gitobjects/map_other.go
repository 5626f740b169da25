//go:build !unix

package gitobjects

import "os"

// mapFile reads the file name whole, where the system offers no mapping
// through the standard library.
func mapFile(name string) ([]byte, func() error, error) {
	data, err := os.ReadFile(name)
	return data, func() error { return nil }, err
}
