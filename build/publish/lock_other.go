//go:build !unix

package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// lock takes the publish folder's lock by creating the lock file, which
// fails while it exists. Without flock, a publish that was killed leaves
// the file behind: remove it by hand.
func (d *dir) lock(waiting func()) (unlock func(), err error) {
	name := filepath.Join(d.root, lockFile)
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("another publish holds %s (remove it if none is running)", name)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot make the lock %s: %w", name, err)
	}
	f.Close()
	return func() { _ = os.Remove(name) }, nil
}
