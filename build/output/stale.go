package output

import (
	"os"
	"path/filepath"
	"strings"
)

// removeStale removes the staging folders, and previous sites being
// removed, that builds of dest were interrupted (Ctrl-C, a kill, a
// crash) before cleaning up: beside dest, and inside it for a mount
// point. A folder a running build holds is left alone.
func removeStale(dest string) {
	prefix := stagingPrefix(dest)
	for _, dir := range []string{filepath.Dir(dest), dest} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if e.IsDir() && strings.HasPrefix(e.Name(), prefix) && isLeftover(p) {
				_ = os.RemoveAll(p)
			}
		}
	}
}
