package gitobjects

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ErrNotFound is returned for an object the store holds nowhere.
var ErrNotFound = errors.New("object not in the repository's packs nor loose")

// Kind is an object's type, as git names it.
type Kind byte

// The kinds of object, numbered as in a pack.
const (
	Commit Kind = 1
	Tree   Kind = 2
	Blob   Kind = 3
	Tag    Kind = 4
)

func (k Kind) String() string {
	switch k {
	case Commit:
		return "commit"
	case Tree:
		return "tree"
	case Blob:
		return "blob"
	case Tag:
		return "tag"
	}
	return fmt.Sprintf("kind %d", k)
}

// Store is a repository's object folders: its own and those its
// alternates name, each with its packs.
type Store struct {
	hashLen int // bytes of an object's name: 20 (SHA-1) or 32 (SHA-256)
	folders []string
	packs   []*pack
}

// maxAlternates is how deep alternates may name further alternates, as
// git allows.
const maxAlternates = 5

// Open opens the object folder dir (a repository's .git/objects) of a
// repository whose objects are named by hashLen bytes, and maps its
// packs. A pack it cannot read (an index of another version) is left
// out: its objects are ErrNotFound.
func Open(dir string, hashLen int) (*Store, error) {
	if hashLen != 20 && hashLen != 32 {
		return nil, fmt.Errorf("gitobjects: hashes of %d bytes", hashLen)
	}
	s := &Store{hashLen: hashLen}
	if err := s.addFolder(dir, 0); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// addFolder adds the object folder dir, its packs and its alternates.
func (s *Store) addFolder(dir string, depth int) error {
	dir = filepath.Clean(dir)
	if slices.Contains(s.folders, dir) {
		return nil
	}
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("gitobjects: %w", err)
	}
	s.folders = append(s.folders, dir)
	idxs, _ := filepath.Glob(filepath.Join(dir, "pack", "*.idx"))
	for _, idx := range idxs {
		p, err := openPack(idx, s.hashLen)
		if err != nil {
			continue // left to git: see Open
		}
		s.packs = append(s.packs, p)
	}
	if depth >= maxAlternates {
		return nil
	}
	for _, alt := range alternates(dir) {
		if err := s.addFolder(alt, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// alternates are the object folders dir's info/alternates names, a
// relative one from dir.
func alternates(dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, "info", "alternates"))
	if err != nil {
		return nil
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if !filepath.IsAbs(line) {
			line = filepath.Join(dir, line)
		}
		out = append(out, line)
	}
	return out
}

// Close unmaps the packs; the store's Readers must not be used after.
func (s *Store) Close() error {
	var errs []error
	for _, p := range s.packs {
		errs = append(errs, p.close())
	}
	s.packs = nil
	return errors.Join(errs...)
}

// location is where a pack holds an object.
type location struct {
	pack   *pack
	offset int64
}

// find locates the object named id (binary) in a pack.
func (s *Store) find(id []byte) (location, bool) {
	for _, p := range s.packs {
		if off, ok := p.find(id); ok {
			return location{p, off}, true
		}
	}
	return location{}, false
}

// loosePath is where the loose object id would be in the folder dir.
func loosePath(dir string, id []byte) string {
	h := hex.EncodeToString(id)
	return filepath.Join(dir, h[:2], h[2:])
}

// parseID reads an object's name in hex.
func (s *Store) parseID(id string) ([]byte, error) {
	if len(id) != 2*s.hashLen {
		return nil, fmt.Errorf("gitobjects: %q is no object name", id)
	}
	b, err := hex.DecodeString(id)
	if err != nil {
		return nil, fmt.Errorf("gitobjects: %q is no object name", id)
	}
	return b, nil
}

// uvarint reads a delta's or a loose header's size: seven bits a byte,
// the lowest first.
func uvarint(b []byte) (uint64, int, error) {
	v, n := binary.Uvarint(b)
	if n <= 0 {
		return 0, 0, errors.New("damaged size")
	}
	return v, n, nil
}
