package history

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

	"handbook/build/internal/gitobjects"
)

// errMissing is an object the repository lacks: a shallow clone's.
var errMissing = errors.New("missing")

// openObjects opens the object folders of the repository root is in,
// for objects named by hashLen bytes, to read them in this process. It
// is nil, and every object is read through git, when they cannot be
// opened or when the repository replaces objects (git replace), which
// git cat-file honours and a read of the packs would not.
func openObjects(root string, hashLen int) *gitobjects.Store {
	if os.Getenv("GIT_REPLACE_REF_BASE") != "" {
		return nil
	}
	out, err := git(root, "for-each-ref", "--count=1", "--format=%(refname)", "refs/replace/")
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		return nil
	}
	out, err = git(root, "rev-parse", "--git-path", "objects")
	if err != nil {
		return nil
	}
	dir := strings.TrimSpace(string(out))
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	store, err := gitobjects.Open(dir, hashLen)
	if err != nil {
		return nil
	}
	return store
}

// objectSource reads objects for one goroutine: from the repository's
// packs and loose objects in this process, and through git cat-file
// --batch, started at the first it needs, for any other (one a partial
// clone fetches on demand, or all of them without a store).
type objectSource struct {
	root  string
	store *gitobjects.Reader // nil: git reads every object
	cat   *catFile
}

// objectCache is the bytes of resolved objects a source keeps, for the
// deltas read after them: several versions of a large folder's listing.
const objectCache = 32 << 20

func newObjectSource(root string, store *gitobjects.Store) *objectSource {
	s := &objectSource{root: root}
	if store != nil {
		s.store = store.NewReader(objectCache)
	}
	return s
}

// read is the content of the object id, which must be of kind; the
// content may be kept by the source and must not be changed.
// errMissing when the repository lacks it.
func (s *objectSource) read(id string, kind gitobjects.Kind) ([]byte, error) {
	if s.store != nil {
		k, data, err := s.store.Read(id)
		switch {
		case err == nil && k != kind:
			return nil, fmt.Errorf("object %s is a %s, not a %s", id, k, kind)
		case err == nil:
			return data, nil
		case !errors.Is(err, gitobjects.ErrNotFound):
			return nil, err
		}
	}
	return s.readByGit(id, kind)
}

// readByGit asks cat-file for the object id, started at the first.
func (s *objectSource) readByGit(id string, kind gitobjects.Kind) ([]byte, error) {
	if s.cat == nil {
		cat, err := startCatFile(s.root)
		if err != nil {
			return nil, err
		}
		s.cat = cat
	}
	return s.cat.read(id, kind.String())
}

// readPieces is read, with the content in the pieces it is made of
// (see gitobjects.Pieces).
func (s *objectSource) readPieces(id string, kind gitobjects.Kind) (gitobjects.Pieces, error) {
	if s.store != nil {
		k, p, err := s.store.ReadPieces(id)
		switch {
		case err == nil && k != kind:
			return gitobjects.Pieces{}, fmt.Errorf("object %s is a %s, not a %s", id, k, kind)
		case err == nil:
			return p, nil
		case !errors.Is(err, gitobjects.ErrNotFound):
			return gitobjects.Pieces{}, err
		}
	}
	data, err := s.readByGit(id, kind)
	return gitobjects.Whole(data), err
}

// close ends the git process the source started, if any.
func (s *objectSource) close() error {
	if s.cat == nil {
		return nil
	}
	return s.cat.close()
}

// catFile is a git cat-file --batch asked for one object at a time.
type catFile struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	in     *bufio.Writer
	out    *bufio.Reader
	stdout *os.File
	stderr bytes.Buffer
}

func startCatFile(root string) (*catFile, error) {
	c := &catFile{}
	var err error
	if c.cmd, c.stdin, c.stdout, err = runCatFile(root, &c.stderr); err != nil {
		return nil, err
	}
	c.in, c.out = bufio.NewWriter(c.stdin), bufio.NewReaderSize(c.stdout, 1<<16)
	return c, nil
}

// runCatFile starts git cat-file --batch in root, its errors written to
// stderr (unless nil), and returns its input and the reading end of its
// output's pipe, which the caller closes once git has exited.
func runCatFile(root string, stderr io.Writer) (*exec.Cmd, io.WriteCloser, *os.File, error) {
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = root
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	stdout, started, err := stdoutPipe(cmd)
	if err != nil {
		return nil, nil, nil, err
	}
	err = cmd.Start()
	started()
	if err != nil {
		stdout.Close()
		return nil, nil, nil, fmt.Errorf("git cat-file: %w", err)
	}
	return cmd, stdin, stdout, nil
}

// read asks cat-file for the object id, of kind, and reads its answer.
func (c *catFile) read(id, kind string) ([]byte, error) {
	c.in.WriteString(id + "\n")
	if err := c.in.Flush(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w: %s", err, strings.TrimSpace(c.stderr.String()))
	}
	header, err := c.out.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: reading its answer for %s: %w: %s", id, err, strings.TrimSpace(c.stderr.String()))
	}
	f := strings.Fields(header)
	if len(f) == 2 && f[0] == id && f[1] == "missing" {
		return nil, errMissing
	}
	if len(f) != 3 || f[0] != id || f[1] != kind {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q for the %s %s", header, kind, id)
	}
	size, err := strconv.Atoi(f[2])
	if err != nil || size < 0 {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q", header)
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(c.out, data); err != nil {
		return nil, fmt.Errorf("git cat-file: reading %s: %w", id, err)
	}
	return data[:size], nil
}

// close ends cat-file and waits for it.
func (c *catFile) close() error {
	c.stdin.Close()
	_, _ = io.Copy(io.Discard, c.out)
	err := c.cmd.Wait()
	c.stdout.Close()
	if err != nil {
		return fmt.Errorf("git cat-file: %w: %s", err, strings.TrimSpace(c.stderr.String()))
	}
	return nil
}
