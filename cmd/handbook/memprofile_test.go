package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func TestBuildMemProfile(t *testing.T) {
	root := writeSite(t, siteFiles())
	prof := filepath.Join(t.TempDir(), "heap.prof")
	code, _, stderr := runCmd("build", "--source", root, "--dest", filepath.Join(t.TempDir(), "out"), "--memprofile", prof)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	readProfile(t, prof)

	code, _, stderr = runCmd("build", "--source", root, "--dest", filepath.Join(t.TempDir(), "out"), "--memprofile", filepath.Join(root, "absent", "heap.prof"))
	if code != exitUsage || !bytes.Contains([]byte(stderr), []byte("heap.prof")) {
		t.Errorf("a profile that cannot be written: exit %d, stderr %q", code, stderr)
	}
}

// TestHeapProfileKeepsThePeak: a heap held for a while and let go is the
// peak the profile is taken at, not the smaller heap at the end.
func TestHeapProfileKeepsThePeak(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "heap.prof")
	h, err := watchHeap(prof)
	if err != nil {
		t.Fatal(err)
	}
	const held = 64 << 20
	big := make([]byte, held)
	for i := range big {
		big[i] = byte(i)
	}
	runtime.GC()
	time.Sleep(5 * heapPeakEvery)
	runtime.KeepAlive(big)
	big = nil
	runtime.GC()
	time.Sleep(3 * heapPeakEvery)
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if h.peak < held {
		t.Errorf("peak live heap %d bytes, below the %d held", h.peak, held)
	}
	readProfile(t, prof)
}

// readProfile checks that file is a profile as pprof writes them: a
// gzip stream of something.
func readProfile(t *testing.T, file string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatalf("profile not written: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("profile is not pprof's: %v", err)
	}
	if n, err := io.Copy(io.Discard, z); err != nil || n == 0 {
		t.Errorf("profile of %d bytes: %v", n, err)
	}
}
