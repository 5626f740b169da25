package gitobjects

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	delta    []byte // the instructions of the delta being applied
	reads    int    // the Reads made, which age the objects evicted
}

// NewReader is a reader that keeps up to cacheBytes of resolved objects.
func (s *Store) NewReader(cacheBytes int) *Reader {
	return &Reader{store: s, cache: resolved{budget: cacheBytes, objects: map[location]object{}}}
}

// Read is the object named id (in hex): its kind and content. The
// content may be kept by the reader, to be the base of a delta read
// later: the caller must not change it, and it stays valid until two
// more objects are read (the reader then reuses its room). An object
// the store holds nowhere is ErrNotFound.
func (r *Reader) Read(id string) (Kind, []byte, error) {
	name, err := r.store.parseID(id)
	if err != nil {
		return 0, nil, err
	}
	r.reads++
	r.cache.age(r.reads)
	return r.read(name)
}

func (r *Reader) read(name []byte) (Kind, []byte, error) {
	if at, ok := r.store.find(name); ok {
		kind, data, err := r.resolve(at, 0)
		if err != nil {
			return 0, nil, fmt.Errorf("gitobjects: object %x: %w", name, err)
		}
		return kind, data, nil
	}
	for _, dir := range r.store.folders {
		kind, data, err := r.readLoose(loosePath(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, nil, fmt.Errorf("gitobjects: object %x: %w", name, err)
		}
		return kind, data, nil
	}
	return 0, nil, ErrNotFound
}

// maxDeltaChain is the longest chain of deltas resolved: git makes them
// at most 4,095 long.
const maxDeltaChain = 10000

// resolve is the object of the pack entry at: read whole, or its delta
// applied to its base, resolved first.
func (r *Reader) resolve(at location, depth int) (Kind, []byte, error) {
	if data, kind, ok := r.cache.get(at); ok {
		return kind, data, nil
	}
	if depth > maxDeltaChain {
		return 0, nil, errors.New("a chain of deltas too long")
	}
	e, err := at.pack.header(at.offset)
	if err != nil {
		return 0, nil, err
	}
	if e.kind <= Tag {
		data, err := r.inflate(at.pack, e.data, r.cache.room(e.size))
		if err != nil {
			return 0, nil, err
		}
		r.cache.put(at, data, e.kind)
		return e.kind, data, nil
	}
	base := location{at.pack, e.baseOffset}
	if e.kind == refDelta {
		var ok bool
		if base, ok = r.store.find(e.baseID); !ok {
			return 0, nil, fmt.Errorf("%s: the base %x of the delta at %d is in no pack", at.pack.name, e.baseID, at.offset)
		}
	}
	kind, from, err := r.resolve(base, depth+1)
	if err != nil {
		return 0, nil, err
	}
	if cap(r.delta) < e.size {
		r.delta = make([]byte, e.size)
	}
	delta, err := r.inflate(at.pack, e.data, r.delta[:e.size])
	if err != nil {
		return 0, nil, err
	}
	data, err := applyDelta(from, delta, r.cache.room)
	if err != nil {
		return 0, nil, fmt.Errorf("%s: delta at %d: %w", at.pack.name, at.offset, err)
	}
	r.cache.put(at, data, kind)
	return kind, data, nil
}

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
// bytes that follow them. room gives the room of a given size the
// object is made in.
func applyDelta(base, delta []byte, room func(int) []byte) ([]byte, error) {
	baseSize, n, err := uvarint(delta)
	if err != nil {
		return nil, err
	}
	if baseSize != uint64(len(base)) {
		return nil, fmt.Errorf("its base has %d bytes, not %d", len(base), baseSize)
	}
	delta = delta[n:]
	size, n, err := uvarint(delta)
	// An instruction of at most 8 bytes copies at most 64 KiB: a larger
	// size is damage, refused before room is made for it.
	if err != nil || size > uint64(len(delta))<<16 {
		return nil, errors.New("damaged size")
	}
	delta = delta[n:]
	out := room(int(size))[:0]
	for len(delta) > 0 {
		op := delta[0]
		delta = delta[1:]
		switch {
		case op&0x80 != 0:
			var offset, length uint64
			for i := range 7 {
				if op&(1<<i) == 0 {
					continue
				}
				if len(delta) == 0 {
					return nil, errors.New("damaged copy")
				}
				if i < 4 {
					offset |= uint64(delta[0]) << (8 * i)
				} else {
					length |= uint64(delta[0]) << (8 * (i - 4))
				}
				delta = delta[1:]
			}
			if length == 0 {
				length = 0x10000
			}
			if offset+length > uint64(len(base)) || uint64(len(out))+length > size {
				return nil, errors.New("a copy out of bounds")
			}
			out = append(out, base[offset:offset+length]...)
		case op != 0:
			if int(op) > len(delta) || uint64(len(out))+uint64(op) > size {
				return nil, errors.New("an insertion out of bounds")
			}
			out = append(out, delta[:op]...)
			delta = delta[op:]
		default:
			return nil, errors.New("a reserved instruction")
		}
	}
	if uint64(len(out)) != size {
		return nil, fmt.Errorf("made %d bytes, not %d", len(out), size)
	}
	return out, nil
}

// resolved keeps the objects resolved last, by where they are, up to a
// budget of bytes; the oldest go first. The room of those evicted is
// reused once two more Reads have been made, when no caller holds it.
type resolved struct {
	budget, size int
	objects      map[location]object
	order        []location
	evicted      []evicted // in the order evicted
	spare        [][]byte  // free to reuse
	now          int       // the number of the Read under way
}

type object struct {
	kind Kind
	data []byte
}

type evicted struct {
	read int // the Read during which it was evicted
	data []byte
}

// maxSpare is how many evicted objects' rooms are kept for reuse.
const maxSpare = 8

func (c *resolved) get(at location) ([]byte, Kind, bool) {
	o, ok := c.objects[at]
	return o.data, o.kind, ok
}

func (c *resolved) put(at location, data []byte, kind Kind) {
	if len(data) > c.budget {
		return
	}
	for c.size+len(data) > c.budget && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		o := c.objects[old]
		c.size -= len(o.data)
		delete(c.objects, old)
		c.evicted = append(c.evicted, evicted{c.now, o.data})
	}
	c.objects[at] = object{kind, data}
	c.size += len(data)
	c.order = append(c.order, at)
}

// age starts the Read numbered now: the objects evicted two Reads
// before or earlier are no longer held by a caller, and their room is
// spare.
func (c *resolved) age(now int) {
	c.now = now
	n := 0
	for n < len(c.evicted) && c.evicted[n].read <= now-2 {
		if len(c.spare) == maxSpare {
			c.spare = append(c.spare[:0], c.spare[1:]...) // the oldest may be of another size
		}
		c.spare = append(c.spare, c.evicted[n].data)
		n++
	}
	c.evicted = c.evicted[n:]
}

// room is size bytes to make an object in: a spare one's, or new.
func (c *resolved) room(size int) []byte {
	for i, b := range c.spare {
		if cap(b) >= size {
			c.spare[i] = c.spare[len(c.spare)-1]
			c.spare = c.spare[:len(c.spare)-1]
			return b[:size]
		}
	}
	return make([]byte, size)
}
