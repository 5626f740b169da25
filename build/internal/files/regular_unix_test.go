//go:build unix

package files

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadRefusesSpecialFiles checks that a named pipe, a device and a
// link to one are refused, by Read without blocking or reading forever,
// and by CheckRegular without opening them.
func TestReadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	cases := map[string]string{"pipe.md": "named pipe"}
	if l, err := net.Listen("unix", filepath.Join(dir, "socket.md")); err == nil {
		defer l.Close()
		cases["socket.md"] = "socket"
	}
	for _, dev := range []string{"/dev/zero", "/dev/urandom"} {
		if _, err := os.Stat(dev); err == nil {
			link := filepath.Join(dir, filepath.Base(dev)+".png")
			if err := os.Symlink(dev, link); err != nil {
				t.Fatal(err)
			}
			cases[filepath.Base(link)] = "character device"
		}
	}
	for name, kind := range cases {
		p := filepath.Join(dir, name)
		if _, err := Read(p, 0); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), kind) {
			t.Errorf("Read(%s): %v, want an error saying it is a %s", name, err, kind)
		}
		if err := CheckRegular(p, 0); !errors.Is(err, ErrNotRegular) {
			t.Errorf("CheckRegular(%s): %v, want ErrNotRegular", name, err)
		}
	}
}
