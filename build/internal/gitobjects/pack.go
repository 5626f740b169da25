package gitobjects

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// pack is one pack file and its index (version 2), both mapped.
type pack struct {
	name    string // the pack file, for errors
	data    []byte // the pack file
	index   []byte // the index file
	hashLen int
	count   int
	fanout  []byte // 256 counts, big-endian: the objects whose name starts at most with each byte
	names   []byte // count names, in order
	offsets []byte // count offsets of 31 bits, or with the top bit the index of a large one
	large   []byte // the large offsets, 8 bytes each
	unmap   []func() error
}

const (
	indexHeader = 8 // "\377tOc", version 2
	fanoutSize  = 256 * 4
)

// openPack maps the index idxPath and its pack.
func openPack(idxPath string, hashLen int) (*pack, error) {
	p := &pack{name: strings.TrimSuffix(idxPath, ".idx") + ".pack", hashLen: hashLen}
	var err error
	var unmap func() error
	if p.index, unmap, err = mapFile(idxPath); err != nil {
		return nil, err
	}
	p.unmap = append(p.unmap, unmap)
	if p.data, unmap, err = mapFile(p.name); err != nil {
		p.close()
		return nil, err
	}
	p.unmap = append(p.unmap, unmap)
	if err := p.readIndex(); err != nil {
		p.close()
		return nil, fmt.Errorf("%s: %w", idxPath, err)
	}
	if len(p.data) < 12 || string(p.data[:4]) != "PACK" {
		p.close()
		return nil, fmt.Errorf("%s: not a pack file", p.name)
	}
	return p, nil
}

// readIndex finds the tables of a version 2 index.
func (p *pack) readIndex() error {
	idx := p.index
	if len(idx) < indexHeader+fanoutSize || !bytes.Equal(idx[:8], []byte{0xff, 't', 'O', 'c', 0, 0, 0, 2}) {
		return errors.New("not a version 2 pack index")
	}
	p.fanout = idx[indexHeader : indexHeader+fanoutSize]
	// The counts never decrease, or a name's search would read past
	// the names.
	for i := 4; i < fanoutSize; i += 4 {
		if binary.BigEndian.Uint32(p.fanout[i:]) < binary.BigEndian.Uint32(p.fanout[i-4:]) {
			return errors.New("damaged pack index")
		}
	}
	count := uint64(binary.BigEndian.Uint32(p.fanout[fanoutSize-4:]))
	at := indexHeader + fanoutSize
	if count*uint64(p.hashLen+4+4)+uint64(at+2*p.hashLen) > uint64(len(idx)) {
		return errors.New("pack index too short")
	}
	p.count = int(count)
	p.names = idx[at : at+p.count*p.hashLen]
	at += p.count * (p.hashLen + 4) // past the names and their checksums
	p.offsets = idx[at : at+p.count*4]
	at += p.count * 4
	p.large = idx[at : len(idx)-2*p.hashLen]
	return nil
}

func (p *pack) close() error {
	var errs []error
	for _, u := range p.unmap {
		errs = append(errs, u())
	}
	p.unmap, p.data, p.index = nil, nil, nil
	return errors.Join(errs...)
}

// find is the offset of the object named id in the pack.
func (p *pack) find(id []byte) (int64, bool) {
	lo := 0
	if id[0] > 0 {
		lo = int(binary.BigEndian.Uint32(p.fanout[4*(int(id[0])-1):]))
	}
	hi := int(binary.BigEndian.Uint32(p.fanout[4*int(id[0]):]))
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch c := bytes.Compare(p.names[mid*p.hashLen:(mid+1)*p.hashLen], id); {
		case c == 0:
			return p.offset(mid), true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false
}

// offset is the pack offset of the index's i-th object.
func (p *pack) offset(i int) int64 {
	off := binary.BigEndian.Uint32(p.offsets[4*i:])
	if off&0x80000000 == 0 {
		return int64(off)
	}
	j := int(off &^ 0x80000000)
	if 8*j+8 > len(p.large) {
		return -1 // damaged: header then refuses it
	}
	return int64(binary.BigEndian.Uint64(p.large[8*j:]))
}

// The kinds of a pack's entries that are deltas of another object.
const (
	offsetDelta = 6 // the base is named by how far before this entry it is
	refDelta    = 7 // the base is named by its name
)

// entry is what a pack entry's header says.
type entry struct {
	kind       Kind  // an object's kind, or offsetDelta or refDelta
	size       int   // the size of the object, or of the delta, once inflated
	data       int64 // where the compressed data starts
	baseOffset int64 // an offsetDelta's base
	baseID     []byte
}

// header reads the header of the entry at offset.
func (p *pack) header(offset int64) (entry, error) {
	if offset < 12 || offset >= int64(len(p.data)) {
		return entry{}, fmt.Errorf("%s: no entry at %d", p.name, offset)
	}
	b := p.data[offset:]
	c := b[0]
	e := entry{kind: Kind(c >> 4 & 7)}
	size := uint64(c & 15)
	shift, i := 4, 1
	for c&0x80 != 0 {
		if i >= len(b) || shift > 56 {
			return entry{}, fmt.Errorf("%s: damaged entry at %d", p.name, offset)
		}
		c = b[i]
		i++
		size |= uint64(c&0x7f) << shift
		shift += 7
	}
	// deflate makes at most 1,032 bytes of one: a larger size is damage,
	// refused before room is made for it.
	if size > 1032*uint64(len(p.data)-int(offset)) {
		return entry{}, fmt.Errorf("%s: entry at %d larger than its pack allows", p.name, offset)
	}
	e.size = int(size)
	switch e.kind {
	case Commit, Tree, Blob, Tag:
	case offsetDelta:
		var back int64
		for j := 0; ; j++ {
			if i >= len(b) || j > 8 {
				return entry{}, fmt.Errorf("%s: damaged delta at %d", p.name, offset)
			}
			c = b[i]
			i++
			if j > 0 {
				back++
			}
			back = back<<7 | int64(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
		e.baseOffset = offset - back
		if back <= 0 || e.baseOffset < 12 {
			return entry{}, fmt.Errorf("%s: delta at %d has no base", p.name, offset)
		}
	case refDelta:
		if i+p.hashLen > len(b) {
			return entry{}, fmt.Errorf("%s: damaged delta at %d", p.name, offset)
		}
		e.baseID = b[i : i+p.hashLen]
		i += p.hashLen
	default:
		return entry{}, fmt.Errorf("%s: entry of unknown kind %d at %d", p.name, e.kind, offset)
	}
	e.data = offset + int64(i)
	return e, nil
}
