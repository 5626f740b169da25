package files

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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

// ReadInto reads a file into the space of the slice it is given when
// the file fits, and gives the file's bytes alone, whatever the slice
// held before.
func TestReadIntoReusesTheSpace(t *testing.T) {
	dir := t.TempDir()
	long, short := filepath.Join(dir, "long.md"), filepath.Join(dir, "short.md")
	if err := Write(long, bytes.Repeat([]byte("dài "), 300)); err != nil {
		t.Fatal(err)
	}
	if err := Write(short, []byte("ngắn")); err != nil {
		t.Fatal(err)
	}
	buf, err := ReadInto(long, 0, nil)
	if err != nil || len(buf) != 1500 {
		t.Fatalf("long file: %d bytes, %v", len(buf), err)
	}
	got, err := ReadInto(short, 0, buf)
	if err != nil || string(got) != "ngắn" {
		t.Fatalf("short file read into the long one's space: %q, %v", got, err)
	}
	if runtime.GOOS != "windows" && &got[0] != &buf[0] {
		t.Error("the short file was not read into the space it was given")
	}
	again, err := ReadInto(long, 0, got)
	if err != nil || !bytes.Equal(again, bytes.Repeat([]byte("dài "), 300)) {
		t.Fatalf("long file read again: %d bytes, %v", len(again), err)
	}
	if _, err := ReadInto(long, 100, got); err == nil {
		t.Error("a file over the limit was read into a slice with room for it")
	}
}
