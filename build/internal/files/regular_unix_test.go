//go:build unix

package files

import (
	"errors"
	"io/fs"
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

// TestWriteFailureNamesTheFile: a write the device refuses (a full disk)
// is an error naming the file and saying why, not a short file passed
// over in silence.
func TestWriteFailureNamesTheFile(t *testing.T) {
	const full = "/dev/full"
	if _, err := os.Stat(full); err != nil {
		t.Skipf("no %s here: %v", full, err)
	}
	err := Write(full, []byte("khách hàng"))
	var pe *fs.PathError
	if !errors.Is(err, syscall.ENOSPC) || !errors.As(err, &pe) || pe.Op != "write" || pe.Path != full {
		t.Errorf("writing to a full device: %v; want a write error naming %s, no space left", err, full)
	}
}
