package gitobjects

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// TestOfferKeepsOnlyTheBlobsOwnContent: a blob's content offered is kept
// and read back, and every object read after it is as git reads it, in
// both object formats; content that is not the blob's (edited, other
// line endings), or a blob no pack holds, is not kept, and the blob is
// read from its pack.
func TestOfferKeepsOnlyTheBlobsOwnContent(t *testing.T) {
	for _, format := range []string{"sha1", "sha256"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			hashLen := 20
			if format == "sha256" {
				hashLen = 32
				if out, err := exec.Command("git", "init", "-q", "-b", "main", "--object-format=sha256", dir).CombinedOutput(); err != nil {
					t.Skipf("git cannot make a sha256 repository: %v\n%s", err, out)
				}
				sitetest.Git(t, dir, nil, "config", "user.name", "Writer")
				sitetest.Git(t, dir, nil, "config", "user.email", "writer@example.com")
			} else {
				sitetest.GitInit(t, dir)
			}
			makeHistory(t, dir, false)
			sitetest.Git(t, dir, nil, "repack", "-adfq", "--window=20", "--depth=12")
			want := catFile(t, dir)
			s, err := Open(objectsDir(t, dir), hashLen)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var blobs []string
			for id, o := range want {
				if o.kind == Blob {
					blobs = append(blobs, id)
				}
			}
			if len(blobs) < 100 {
				t.Fatalf("%d blobs: the test offers too few", len(blobs))
			}
			for _, wrong := range []func([]byte) []byte{
				func(b []byte) []byte { return append(bytes.Clone(b), '\n') },
				func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) },
			} {
				r := s.NewReader(1 << 20)
				for _, id := range blobs {
					if r.Offer(id, wrong(want[id].data)) {
						t.Fatalf("%s: other content was kept", id)
					}
				}
				readAllAsGit(t, r, want)
			}
			r := s.NewReader(1 << 20)
			for _, id := range blobs {
				if !r.Offer(id, want[id].data) {
					t.Fatalf("%s: its own content was not kept", id)
				}
			}
			readAllAsGit(t, r, want)
			if r.Offer(strings.Repeat("ab", hashLen), nil) {
				t.Error("content of a blob no pack holds was kept")
			}
		})
	}
}

// readAllAsGit reads every object of want with r, and fails where one
// is not as git reads it.
func readAllAsGit(t *testing.T, r *Reader, want map[string]stored) {
	t.Helper()
	for id, o := range want {
		kind, data, err := r.Read(id)
		if err != nil || kind != o.kind || !bytes.Equal(data, o.data) {
			t.Fatalf("%s: read a %s of %d bytes (%v), git has a %s of %d", id, kind, len(data), err, o.kind, len(o.data))
		}
	}
}
