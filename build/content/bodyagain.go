package content

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"path/filepath"

	"handbook/build/internal/files"
)

// A set loaded by LoadWithoutBodies holds no page's Markdown: a site
// rendered once needs each body only while the page is converted, and
// the bodies of a large site are most of what a build would otherwise
// hold from reading to rendering. Each page keeps instead what it takes
// to read its body again (bodyPlace), and ReadBody reads it when asked.

// bodyPlace is what a page keeps of its file to read its body again and
// notice the file changed since: a hash of its bytes as read (the size
// of the file, which a change of length would show, is left out: it
// would take a Page past 768 bytes, into the allocator's next size of
// 896), and the length of the body, which ends the file's text. The
// hash's lowest bit, for the same reason, tells whether the body is the
// end of the file's bytes as they are (asRead): most files need no
// normalisation, and their body is then read again without any.
type bodyPlace struct {
	hash    uint64
	bodyLen int
}

// asReadBit is the bit of bodyPlace.hash that says the body is the end
// of the file's bytes as read.
const asReadBit = 1

// asRead reports whether the body is the end of the file's bytes as
// read, with nothing normalised in it.
func (b bodyPlace) asRead() bool { return b.hash&asReadBit != 0 }

// sameFile reports whether hash, the hash of a file's bytes, is that
// of the bytes b was made from.
func (b bodyPlace) sameFile(hash uint64) bool { return b.hash&^asReadBit == hash&^asReadBit }

// rereader reads pages' bodies again from their files.
type rereader struct {
	root  string // the site root, which pages' File is relative to
	limit int64  // the largest file read
	seed  maphash.Seed
	// read reads a file into buf's space when it has room;
	// files.ReadInto, or a test's watch on the reads.
	read func(name string, limit int64, buf []byte) ([]byte, error)
}

func newRereader(root string, limit int64) *rereader {
	return &rereader{root: root, limit: limit, seed: maphash.MakeSeed(), read: files.ReadInto}
}

// place is what p keeps of raw, its file's bytes as read, whose body
// (after the text's normalisation) is body.
func (r *rereader) place(raw, body []byte) bodyPlace {
	hash := maphash.Bytes(r.seed, raw) &^ asReadBit
	if len(body) <= len(raw) && bytes.Equal(raw[len(raw)-len(body):], body) {
		hash |= asReadBit
	}
	return bodyPlace{hash: hash, bodyLen: len(body)}
}

// errChanged is a page's file that is not, when read again, what it
// was when the site was loaded.
var errChanged = errors.New("changed while the site was being built: build again")

// body reads p's body again, into space, and fails with errChanged,
// naming what happened, when the file is gone or differs from what was
// read.
func (r *rereader) body(p *Page, space *BodySpace) ([]byte, error) {
	name := filepath.FromSlash(p.File)
	if !filepath.IsAbs(name) {
		name = filepath.Join(r.root, name)
	}
	raw, err := r.read(name, r.limit, space.file)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", errChanged, files.WithoutPath(err))
	}
	space.file = raw
	if !p.place.sameFile(maphash.Bytes(r.seed, raw)) {
		return nil, errChanged
	}
	text := raw
	if !p.place.asRead() {
		text, _ = normalizeText(raw) // valid: it was when loaded
	}
	if len(text) < p.place.bodyLen {
		return nil, errChanged
	}
	return text[len(text)-p.place.bodyLen:], nil
}

// ReadBody is p's Markdown body: the one the set holds, or, in a set
// loaded by LoadWithoutBodies, the body read again from p's file, which
// the caller lets go when done. It fails, saying the file changed while
// the site was being built, when the file is gone or no longer what was
// loaded: a page is never rendered from a file other than the one its
// front matter was read from.
func (s *Set) ReadBody(p *Page) ([]byte, error) {
	return s.ReadBodyInto(p, &BodySpace{})
}

// BodySpace is the space one goroutine reads pages' bodies into, reused
// from page to page: a build reads every page's file again as it
// converts it, and a body read into space of its own each time made the
// collector run as if the whole site's Markdown were allocated once more.
type BodySpace struct {
	file []byte // the last file read, its space free for the next
}

// ReadBodyInto is ReadBody, reading a body again into space: the body
// it returns may then be space's, which the next read into space
// overwrites, so the caller is done with it before the next.
func (s *Set) ReadBodyInto(p *Page, space *BodySpace) ([]byte, error) {
	if b := s.Body(p); b != nil || s.again == nil || p.File == "" {
		return b, nil
	}
	return s.again.body(p, space)
}
