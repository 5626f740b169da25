package gitobjects

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/bits"
	"os"
	"strconv"

	"github.com/klauspost/compress/zlib"
)

// Reader reads objects from a Store for one goroutine at a time. It
// keeps the objects it resolved last, up to a budget of bytes: a delta
// is read after its base, most often, when the versions of one folder
// are read in the order of the history.
type Reader struct {
	store    *Store
	cache    resolved
	inflater io.ReadCloser
	source   bytes.Reader
}

// NewReader is a reader that keeps up to cacheBytes of resolved objects.
func (s *Store) NewReader(cacheBytes int) *Reader {
	return &Reader{store: s, cache: resolved{budget: cacheBytes, objects: map[location]object{}}}
}

// Read is the object named id (in hex): its kind and content, which
// the caller must not change (the reader may keep it, as the base of a
// delta read later). An object the store holds nowhere is ErrNotFound.
func (r *Reader) Read(id string) (Kind, []byte, error) {
	kind, p, err := r.ReadPieces(id)
	if err != nil {
		return 0, nil, err
	}
	return kind, p.Bytes(0, p.Len()), nil
}

// ReadPieces is Read, with the content in the pieces it is made of: a
// version of a large listing shares most of its bytes with the version
// its delta was made from.
func (r *Reader) ReadPieces(id string) (Kind, Pieces, error) {
	name, err := r.store.parseID(id)
	if err != nil {
		return 0, Pieces{}, err
	}
	if at, ok := r.store.find(name); ok {
		kind, p, err := r.resolve(at, 0)
		if err != nil {
			return 0, Pieces{}, fmt.Errorf("gitobjects: object %s: %w", id, err)
		}
		return kind, p, nil
	}
	for _, dir := range r.store.folders {
		kind, data, err := r.readLoose(loosePath(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, Pieces{}, fmt.Errorf("gitobjects: object %s: %w", id, err)
		}
		return kind, Whole(data), nil
	}
	return 0, Pieces{}, ErrNotFound
}

// maxDeltaChain is the longest chain of deltas resolved: git makes them
// at most 4,095 long.
const maxDeltaChain = 10000

// resolve is the object of the pack entry at: read whole, or its delta
// applied to its base, resolved first.
func (r *Reader) resolve(at location, depth int) (Kind, Pieces, error) {
	if o, ok := r.cache.objects[at]; ok {
		return o.kind, o.content, nil
	}
	if depth > maxDeltaChain {
		return 0, Pieces{}, errors.New("a chain of deltas too long")
	}
	e, err := at.pack.header(at.offset)
	if err != nil {
		return 0, Pieces{}, err
	}
	if e.kind <= Tag {
		data, err := r.inflate(at.pack, e.data, make([]byte, e.size))
		if err != nil {
			return 0, Pieces{}, err
		}
		r.cache.put(at, object{e.kind, Whole(data), len(data)})
		return e.kind, Whole(data), nil
	}
	base := location{at.pack, e.baseOffset}
	if e.kind == refDelta {
		var ok bool
		if base, ok = r.store.find(e.baseID); !ok {
			return 0, Pieces{}, fmt.Errorf("%s: the base %x of the delta at %d is in no pack", at.pack.name, e.baseID, at.offset)
		}
	}
	kind, from, err := r.resolve(base, depth+1)
	if err != nil {
		return 0, Pieces{}, err
	}
	// The delta's bytes are kept: the object's inserted pieces are them.
	delta, err := r.inflate(at.pack, e.data, make([]byte, e.size))
	if err != nil {
		return 0, Pieces{}, err
	}
	made, err := applyDelta(from, delta)
	if err != nil {
		return 0, Pieces{}, fmt.Errorf("%s: delta at %d: %w", at.pack.name, at.offset, err)
	}
	held := len(delta) + pieceSize*len(made.pieces)
	if len(made.pieces) > maxPieces {
		made = made.flat()
		held = made.size
	}
	r.cache.put(at, object{kind, made, held})
	return kind, made, nil
}

// pieceSize is what a piece holds of memory, in bytes.
const pieceSize = 40

// inflate reads the zlib stream at offset in p into out, its size.
func (r *Reader) inflate(p *pack, offset int64, out []byte) ([]byte, error) {
	r.source.Reset(p.data[offset:])
	if err := r.resetInflater(&r.source); err != nil {
		return nil, fmt.Errorf("%s: entry data at %d: %w", p.name, offset, err)
	}
	if _, err := io.ReadFull(r.inflater, out); err != nil {
		return nil, fmt.Errorf("%s: entry data at %d: %w", p.name, offset, err)
	}
	return out, nil
}

// resetInflater makes the reader's zlib reader read src, made once.
func (r *Reader) resetInflater(src io.Reader) error {
	if r.inflater == nil {
		z, err := zlib.NewReader(src)
		r.inflater = z
		return err
	}
	return r.inflater.(zlib.Resetter).Reset(src, nil)
}

// readLoose reads the loose object in the file name: zlib data of a
// header ("blob 12\0") and the content.
func (r *Reader) readLoose(name string) (Kind, []byte, error) {
	raw, err := os.ReadFile(name)
	if err != nil {
		return 0, nil, err
	}
	if err := r.resetInflater(bytes.NewReader(raw)); err != nil {
		return 0, nil, fmt.Errorf("%s: %w", name, err)
	}
	data, err := io.ReadAll(r.inflater)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: %w", name, err)
	}
	head, content, ok := bytes.Cut(data, []byte{0})
	kindName, sizeText, ok2 := bytes.Cut(head, []byte{' '})
	size, err := strconv.Atoi(string(sizeText))
	if !ok || !ok2 || err != nil || size != len(content) {
		return 0, nil, fmt.Errorf("%s: damaged loose object", name)
	}
	for k := Commit; k <= Tag; k++ {
		if string(kindName) == k.String() {
			return k, content, nil
		}
	}
	return 0, nil, fmt.Errorf("%s: loose object of unknown kind %q", name, kindName)
}

// applyDelta makes an object from its base and a delta: the sizes of
// both, then instructions that copy a range of the base or insert the
// bytes that follow them. The object shares the base's bytes and the
// delta's.
func applyDelta(base Pieces, delta []byte) (Pieces, error) {
	baseSize, n, err := uvarint(delta)
	if err != nil {
		return Pieces{}, err
	}
	if baseSize != uint64(base.Len()) {
		return Pieces{}, fmt.Errorf("its base has %d bytes, not %d", base.Len(), baseSize)
	}
	rest := delta[n:]
	size, n, err := uvarint(rest)
	if err != nil || size > uint64(len(rest))<<16 {
		return Pieces{}, errors.New("damaged size")
	}
	rest = rest[n:]
	out := make([]piece, 0, len(base.pieces)+2*countInstructions(rest)+1)
	made := uint64(0)
	for len(rest) > 0 {
		op := rest[0]
		rest = rest[1:]
		switch {
		case op&0x80 != 0:
			var offset, length uint64
			for i := range 7 {
				if op&(1<<i) == 0 {
					continue
				}
				if len(rest) == 0 {
					return Pieces{}, errors.New("damaged copy")
				}
				if i < 4 {
					offset |= uint64(rest[0]) << (8 * i)
				} else {
					length |= uint64(rest[0]) << (8 * (i - 4))
				}
				rest = rest[1:]
			}
			if length == 0 {
				length = 0x10000
			}
			if offset+length > uint64(base.Len()) || made+length > size {
				return Pieces{}, errors.New("a copy out of bounds")
			}
			out = base.appendRange(out, int(offset), int(offset+length))
			made += length
		case op != 0:
			if int(op) > len(rest) || made+uint64(op) > size {
				return Pieces{}, errors.New("an insertion out of bounds")
			}
			at := len(delta) - len(rest)
			out = appendPiece(out, piece{buf: delta, lo: at, hi: at + int(op)})
			rest = rest[op:]
			made += uint64(op)
		default:
			return Pieces{}, errors.New("a reserved instruction")
		}
	}
	if made != size {
		return Pieces{}, fmt.Errorf("made %d bytes, not %d", made, size)
	}
	return Pieces{pieces: out, size: int(size)}, nil
}

// countInstructions counts a delta's instructions: each adds a piece to
// the object, and may cut one of the base's in two.
func countInstructions(delta []byte) int {
	n := 0
	for i := 0; i < len(delta); n++ {
		op := delta[i]
		i++
		switch {
		case op&0x80 != 0:
			i += bits.OnesCount8(op & 0x7f)
		default:
			i += int(op)
		}
	}
	return n
}

// resolved keeps the objects resolved last, by where they are, up to a
// budget of the bytes they hold; the oldest go first.
type resolved struct {
	budget, size int
	objects      map[location]object
	order        []location
}

type object struct {
	kind    Kind
	content Pieces
	held    int // the bytes of memory it holds of its own
}

func (c *resolved) put(at location, o object) {
	if o.held > c.budget {
		return
	}
	for c.size+o.held > c.budget && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.size -= c.objects[old].held
		delete(c.objects, old)
	}
	c.objects[at] = o
	c.size += o.held
	c.order = append(c.order, at)
}
