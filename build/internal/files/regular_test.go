package files

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadLimit(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.png")
	if err := os.WriteFile(name, make([]byte, 3000), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int64{0, 3000, 5000} {
		if data, err := Read(name, limit); err != nil || len(data) != 3000 {
			t.Errorf("limit %d: %d bytes, %v; want the whole file", limit, len(data), err)
		}
		if err := CheckRegular(name, limit); err != nil {
			t.Errorf("CheckRegular, limit %d: %v", limit, err)
		}
	}
	_, err := Read(name, 2999)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "2.9 KiB") || !strings.Contains(err.Error(), "maxFileSize") {
		t.Errorf("over the limit: %v, want ErrTooLarge naming the sizes and the setting", err)
	}
	if err := CheckRegular(name, 2999); !errors.Is(err, ErrTooLarge) {
		t.Errorf("CheckRegular over the limit: %v, want ErrTooLarge", err)
	}
	if err := CheckRegular(t.TempDir(), 0); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "folder") {
		t.Errorf("CheckRegular of a folder: %v", err)
	}
}
