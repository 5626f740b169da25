package gitobjects

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// makeHistory commits versions of a folder of many files, each commit
// changing a few, packs them with deltas (of offsets, or of names when
// refDeltas) and commits more, left loose.
func makeHistory(t *testing.T, dir string, refDeltas bool) {
	t.Helper()
	page := func(i, v int) string {
		return fmt.Sprintf("---\ntitle: Page %d\n---\n%s version %d\n", i, strings.Repeat("Khách hàng là trên hết. ", 20+i%7), v)
	}
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("content/vi/p-%03d.md", i)] = page(i, 0)
	}
	for c := range 25 {
		for j := range 3 {
			i := (c*7 + j*11) % 60
			files[fmt.Sprintf("content/vi/p-%03d.md", i)] = page(i, c+1)
		}
		files[fmt.Sprintf("content/fr/new-%02d.md", c)] = page(c, c)
		sitetest.WriteFiles(t, dir, files)
		sitetest.GitCommit(t, dir, fmt.Sprintf("2026-01-%02dT10:00:00Z", c+1), fmt.Sprintf("change %d", c))
		if c == 17 {
			args := []string{"repack", "-adfq", "--window=20", "--depth=12"}
			if refDeltas {
				args = append([]string{"-c", "repack.useDeltaBaseOffset=false"}, args...)
			}
			sitetest.Git(t, dir, nil, args...)
		}
	}
}

// catFile is every object of the repository in dir as git cat-file
// --batch-all-objects --batch gives it: kind and content by name.
func catFile(t *testing.T, dir string) map[string]stored {
	t.Helper()
	cmd := exec.Command("git", "cat-file", "--batch-all-objects", "--batch")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]Kind{"commit": Commit, "tree": Tree, "blob": Blob, "tag": Tag}
	all := map[string]stored{}
	r := bufio.NewReader(bytes.NewReader(out))
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			return all
		}
		f := strings.Fields(line)
		size, _ := strconv.Atoi(f[2])
		data := make([]byte, size+1)
		if _, err := io.ReadFull(r, data); err != nil {
			t.Fatal(err)
		}
		all[f[0]] = stored{kinds[f[1]], data[:size]}
	}
}

// objectsDir is the object folder of the repository in dir.
func objectsDir(t *testing.T, dir string) string {
	t.Helper()
	return filepath.Join(dir, strings.TrimSpace(sitetest.Git(t, dir, nil, "rev-parse", "--git-path", "objects")))
}

// TestReadsWhatCatFileReads: every object of a repository, packed as
// deltas of offsets or of names, or loose, in both object formats, is
// read as git cat-file reads it, whatever the order and however small
// the reader's cache; deltas are among them.
func TestReadsWhatCatFileReads(t *testing.T) {
	for _, c := range []struct {
		format    string
		refDeltas bool
	}{{"sha1", false}, {"sha1", true}, {"sha256", false}} {
		t.Run(fmt.Sprintf("%s refDeltas=%v", c.format, c.refDeltas), func(t *testing.T) {
			dir := t.TempDir()
			sitetest.GitInit(t, dir)
			if c.format == "sha256" {
				os.RemoveAll(filepath.Join(dir, ".git"))
				if out, err := exec.Command("git", "init", "-q", "-b", "main", "--object-format=sha256", dir).CombinedOutput(); err != nil {
					t.Skipf("git cannot make a sha256 repository: %v\n%s", err, out)
				}
				sitetest.Git(t, dir, nil, "config", "user.name", "Writer")
				sitetest.Git(t, dir, nil, "config", "user.email", "writer@example.com")
			}
			makeHistory(t, dir, c.refDeltas)
			want := catFile(t, dir)
			hashLen := 20
			if c.format == "sha256" {
				hashLen = 32
			}
			s, err := Open(objectsDir(t, dir), hashLen)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			deltas := countDeltas(t, s)
			if deltas == 0 {
				t.Fatal("the pack holds no delta: the test reads none")
			}
			for _, budget := range []int{0, 3 << 10, 64 << 10, 1 << 20} {
				r := s.NewReader(budget)
				var last [2]string // the objects read before: still valid
				var held [2][]byte
				for id, o := range want {
					kind, data, err := r.Read(id)
					if err != nil {
						t.Fatalf("%s: %v", id, err)
					}
					if kind != o.kind || !bytes.Equal(data, o.data) {
						t.Fatalf("%s: read a %s of %d bytes, git has a %s of %d", id, kind, len(data), o.kind, len(o.data))
					}
					for i, prev := range last {
						if prev != "" && !bytes.Equal(held[i], want[prev].data) {
							t.Fatalf("budget %d: %s, read %d objects before %s, changed", budget, prev, 2-i, id)
						}
					}
					last, held = [2]string{last[1], id}, [2][]byte{held[1], data}
				}
			}
		})
	}
}

// countDeltas counts the entries of the store's packs that are deltas.
func countDeltas(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	for _, p := range s.packs {
		for i := range p.count {
			e, err := p.header(p.offset(i))
			if err != nil {
				t.Fatal(err)
			}
			if e.kind == offsetDelta || e.kind == refDelta {
				n++
			}
		}
	}
	return n
}

// TestAlternatesAndMissingObjects: a clone that borrows its objects
// (git clone --shared) reads them through its alternates; an object
// held nowhere is ErrNotFound, and a name of the wrong length an error.
func TestAlternatesAndMissingObjects(t *testing.T) {
	origin := t.TempDir()
	sitetest.GitInit(t, origin)
	makeHistory(t, origin, false)
	clone := filepath.Join(t.TempDir(), "clone")
	sitetest.Git(t, origin, nil, "clone", "-q", "--shared", origin, clone)
	if _, err := os.Stat(filepath.Join(clone, ".git", "objects", "info", "alternates")); err != nil {
		t.Fatalf("the clone has no alternates: %v", err)
	}
	s, err := Open(objectsDir(t, clone), 20)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := s.NewReader(1 << 20)
	head := strings.TrimSpace(sitetest.Git(t, clone, nil, "rev-parse", "HEAD^{tree}"))
	kind, data, err := r.Read(head)
	if err != nil || kind != Tree || len(data) == 0 {
		t.Fatalf("the clone's tree: %v %d bytes, %v", kind, len(data), err)
	}
	if _, _, err := r.Read(strings.Repeat("ab", 20)); !errors.Is(err, ErrNotFound) {
		t.Errorf("an object held nowhere: %v, want ErrNotFound", err)
	}
	if _, _, err := r.Read("abc"); err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("a short name: %v, want an error", err)
	}
}

// TestDamagedPacksAreErrors: a pack whose entries are damaged gives
// errors naming it, never a panic nor wrong content.
func TestDamagedPacksAreErrors(t *testing.T) {
	dir := t.TempDir()
	sitetest.GitInit(t, dir)
	makeHistory(t, dir, false)
	want := catFile(t, dir)
	s, err := Open(objectsDir(t, dir), 20)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := s.packs[0]
	damaged := bytes.Clone(p.data)
	for i := 12; i < len(damaged)-20; i += 7 {
		damaged[i] ^= 0x5a
	}
	p.data = damaged
	r := s.NewReader(1 << 20)
	failed := 0
	for id, o := range want {
		kind, data, err := r.Read(id)
		switch {
		case err != nil:
			failed++
			if errors.Is(err, ErrNotFound) {
				continue // a loose object's name read in a damaged pack is not there
			}
			if !strings.Contains(err.Error(), p.name) && !strings.Contains(err.Error(), id) {
				t.Errorf("%s: %v names neither the pack nor the object", id, err)
			}
		case kind == o.kind && bytes.Equal(data, o.data):
		default:
			// zlib's checksum is not read: a damaged byte may be read
			// as another, but never past the object's size.
			if len(data) != len(o.data) {
				t.Errorf("%s: %d bytes read, %d held", id, len(data), len(o.data))
			}
		}
	}
	if failed == 0 {
		t.Fatal("no read of the damaged pack failed")
	}
}

// FuzzApplyDelta: a delta of any bytes is applied or refused, within
// the size it states, and what it makes is what copying makes.
func FuzzApplyDelta(f *testing.F) {
	f.Add([]byte("hello world"), []byte{11, 5, 0x91, 6, 5})
	f.Add([]byte("abc"), []byte{3, 4, 3, 'x', 'y', 'z', 0x90, 1})
	f.Fuzz(func(t *testing.T, base, delta []byte) {
		out, err := applyDelta(Whole(base), delta)
		if err != nil {
			return
		}
		size, n, _ := uvarint(delta)
		if size != uint64(len(base)) || n == 0 {
			t.Fatalf("applied with a base of %d bytes, the delta says %d", len(base), size)
		}
		if made, _, _ := uvarint(delta[n:]); uint64(out.Len()) != made {
			t.Fatalf("made %d bytes, the delta says %d", out.Len(), made)
		}
		if flat := out.flat(); flat.Len() != out.Len() || len(flat.pieces) > 1 {
			t.Fatalf("flattened to %d bytes in %d pieces", flat.Len(), len(flat.pieces))
		}
	})
}

// FuzzPieces: contents made of pieces, some of them shared, give the
// bytes, common beginnings and common ends their bytes give.
func FuzzPieces(f *testing.F) {
	f.Add([]byte("the same beginning, then a change, and the same end"), []byte{3, 7, 2, 9, 1}, 5, 40)
	f.Fuzz(func(t *testing.T, data []byte, cuts []byte, lo, hi int) {
		a, b := cutInPieces(data, cuts)
		fa, fb := a.Bytes(0, a.Len()), b.Bytes(0, b.Len())
		if !bytes.Equal(fa, data) {
			t.Fatalf("pieces give %q, not %q", fa, data)
		}
		n := min(len(fa), len(fb))
		if got, want := CommonPrefix(a, b), commonPrefix(fa[:n], fb[:n]); got != want {
			t.Fatalf("common prefix %d, want %d", got, want)
		}
		if got, want := CommonSuffix(a, b, n), commonSuffix(fa[len(fa)-n:], fb[len(fb)-n:]); got != want {
			t.Fatalf("common suffix %d, want %d", got, want)
		}
		if len(fa) > 0 {
			lo, hi = abs(lo)%len(fa), abs(hi)%(len(fa)+1)
			if lo <= hi && !bytes.Equal(a.Bytes(lo, hi), fa[lo:hi]) {
				t.Fatalf("bytes %d to %d differ", lo, hi)
			}
		}
	})
}

func abs(n int) int { return max(n, -n, 0) }

// cutInPieces holds data in pieces cut at cuts, and another content
// made of the same pieces (shared) and of copies of every third piece,
// its last byte changed.
func cutInPieces(data, cuts []byte) (Pieces, Pieces) {
	var a, b Pieces
	at := 0
	for i, c := range cuts {
		end := min(at+int(c), len(data))
		if end > at {
			a.pieces = append(a.pieces, piece{data, at, end, end})
			if i%3 == 2 {
				own := bytes.Clone(data[at:end])
				own[len(own)-1]++
				b.pieces = append(b.pieces, piece{own, 0, len(own), end})
			} else {
				b.pieces = append(b.pieces, piece{data, at, end, end})
			}
		}
		at = end
	}
	if at < len(data) {
		a.pieces = append(a.pieces, piece{data, at, len(data), len(data)})
		b.pieces = append(b.pieces, piece{data, at, len(data), len(data)})
	}
	a.size, b.size = len(data), len(data)
	return a, b
}

// stored is an object as git cat-file gives it.
type stored struct {
	kind Kind
	data []byte
}

// TestDamagedIndexesAreLeftOut: a pack whose index is damaged (counts
// that decrease, more names than it holds) is left out of the store,
// its objects ErrNotFound for git to read, never a panic.
func TestDamagedIndexesAreLeftOut(t *testing.T) {
	dir := t.TempDir()
	sitetest.GitInit(t, dir)
	makeHistory(t, dir, false)
	objects := objectsDir(t, dir)
	idxs, _ := filepath.Glob(filepath.Join(objects, "pack", "*.idx"))
	if len(idxs) != 1 {
		t.Fatalf("%d pack indexes, want 1", len(idxs))
	}
	head := strings.TrimSpace(sitetest.Git(t, dir, nil, "rev-parse", "HEAD~10^{tree}"))
	good, err := os.ReadFile(idxs[0])
	if err != nil {
		t.Fatal(err)
	}
	for name, damage := range map[string]func([]byte){
		"decreasing": func(b []byte) { b[8+4*200+3] = 0xff },
		"too many":   func(b []byte) { b[8+4*255] = 0x7f },
	} {
		bad := bytes.Clone(good)
		damage(bad)
		if err := os.Chmod(idxs[0], 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(idxs[0], bad, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(objects, 20)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.packs) != 0 {
			t.Errorf("%s: the damaged pack is in the store", name)
		}
		if _, _, err := s.NewReader(1 << 20).Read(head); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: a packed tree: %v, want ErrNotFound", name, err)
		}
		s.Close()
	}
}
