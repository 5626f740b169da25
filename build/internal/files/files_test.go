package files

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteThenRead(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 513, 70_000, 3 << 20} {
		name := filepath.Join(dir, "f")
		want := bytes.Repeat([]byte("khách hàng "), size/11+1)[:size]
		if err := Write(name, want); err != nil {
			t.Fatal(err)
		}
		got, err := Read(name, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("size %d: read %d bytes back, not what was written", size, len(got))
		}
		if std, _ := os.ReadFile(name); !bytes.Equal(std, want) {
			t.Fatalf("size %d: os.ReadFile reads something else", size)
		}
	}
}

func TestWriteTruncatesAndKeepsMode(t *testing.T) {
	name := filepath.Join(t.TempDir(), "page.html")
	if err := Write(name, []byte(strings.Repeat("x", 1000))); err != nil {
		t.Fatal(err)
	}
	if err := Write(name, []byte("short")); err != nil {
		t.Fatal(err)
	}
	got, err := Read(name, 0)
	if err != nil || string(got) != "short" {
		t.Fatalf("after a shorter write: %q, %v", got, err)
	}
	std := filepath.Join(t.TempDir(), "std.html")
	if err := os.WriteFile(std, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	mine, _ := os.Stat(name)
	theirs, _ := os.Stat(std)
	if mine.Mode() != theirs.Mode() {
		t.Errorf("mode %v, os.WriteFile gives %v", mine.Mode(), theirs.Mode())
	}
}

func TestErrorsNameTheFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.md")
	_, err := Read(missing, 0)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("reading a missing file: %v", err)
	}
	noFolder := filepath.Join(t.TempDir(), "no", "folder.html")
	err = Write(noFolder, []byte("x"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), noFolder) {
		t.Errorf("writing into a missing folder: %v", err)
	}
	dir := t.TempDir()
	if _, err := Read(dir, 0); err == nil {
		t.Errorf("reading a folder as a file: no error")
	}
}
