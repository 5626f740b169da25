package gitobjects

import (
	"bytes"
	"encoding/binary"
	"slices"
)

// Pieces is an object's content held as pieces of other objects' and of
// deltas': a version made from another by a delta shares the bytes the
// delta copies instead of copying them. Two versions of a large folder's
// listing then share all but the entries that changed, and comparing
// them skips what they share without reading it (CommonPrefix,
// CommonSuffix).
type Pieces struct {
	pieces []piece
	size   int
}

// piece is the bytes buf[lo:hi]; two pieces of one buf are told by its
// first byte's address. end is where it ends in the content, once in
// a Pieces.
type piece struct {
	buf         []byte
	lo, hi, end int
}

func (p piece) bytes() []byte { return p.buf[p.lo:p.hi] }

// Whole is data as one piece.
func Whole(data []byte) Pieces {
	if len(data) == 0 {
		return Pieces{}
	}
	return Pieces{pieces: []piece{{data, 0, len(data), len(data)}}, size: len(data)}
}

// Len is the content's size.
func (p Pieces) Len() int { return p.size }

// maxPieces is the most pieces a content is held in: beyond, it is
// copied into one, so that a long chain of deltas does not make its
// pieces ever more.
const maxPieces = 128

// appendRange appends the pieces of p's bytes lo to hi to out, joining
// those that follow each other in one buffer.
func (p Pieces) appendRange(out []piece, lo, hi int) []piece {
	for i := p.find(lo); lo < hi && i < len(p.pieces); i++ {
		q := p.pieces[i]
		at := q.end - (q.hi - q.lo) // where q begins
		to := min(hi, q.end)
		out = appendPiece(out, piece{buf: q.buf, lo: q.lo + lo - at, hi: q.lo + to - at})
		lo = to
	}
	return out
}

// find is the index of the piece that holds byte at (len(p.pieces)
// past the end).
func (p Pieces) find(at int) int {
	i, _ := slices.BinarySearchFunc(p.pieces, at, func(q piece, at int) int {
		if q.end <= at {
			return -1
		}
		return 1
	})
	return i
}

// appendPiece appends q to out, joined to the last piece when it
// follows it in the same buffer, and sets where it ends.
func appendPiece(out []piece, q piece) []piece {
	if q.hi == q.lo {
		return out
	}
	n := len(out)
	if n > 0 && &out[n-1].buf[0] == &q.buf[0] && out[n-1].hi == q.lo {
		out[n-1].hi = q.hi
		out[n-1].end += q.hi - q.lo
		return out
	}
	q.end = q.hi - q.lo
	if n > 0 {
		q.end += out[n-1].end
	}
	return append(out, q)
}

// Piece is the piece that holds byte at: its bytes, and where they
// begin in the content.
func (p Pieces) Piece(at int) (data []byte, start int) {
	i := p.find(at)
	if i == len(p.pieces) {
		return nil, p.size
	}
	q := p.pieces[i]
	return q.bytes(), q.end - (q.hi - q.lo)
}

// Bytes is the content's bytes lo to hi: a part of a piece when one
// holds them all, otherwise copied into new room.
func (p Pieces) Bytes(lo, hi int) []byte {
	if lo >= hi {
		return nil
	}
	if data, start := p.Piece(lo); hi-start <= len(data) {
		return data[lo-start : hi-start]
	}
	return p.AppendBytes(make([]byte, 0, hi-lo), lo, hi)
}

// AppendBytes appends the content's bytes lo to hi to dst.
func (p Pieces) AppendBytes(dst []byte, lo, hi int) []byte {
	for i := p.find(lo); lo < hi; i++ {
		q := p.pieces[i]
		at := q.end - (q.hi - q.lo)
		to := min(hi, q.end)
		dst = append(dst, q.buf[q.lo+lo-at:q.lo+to-at]...)
		lo = to
	}
	return dst
}

// flat is p in one piece, copied once when it is in more.
func (p Pieces) flat() Pieces {
	if len(p.pieces) <= 1 {
		return p
	}
	return Whole(p.AppendBytes(make([]byte, 0, p.size), 0, p.size))
}

// CommonPrefix is how many bytes a and b begin with alike. Pieces of
// the same bytes are skipped without being read.
func CommonPrefix(a, b Pieces) int {
	n, i, j, oa, ob := 0, 0, 0, 0, 0 // oa, ob: how far into pieces i and j
	for i < len(a.pieces) && j < len(b.pieces) {
		x, y := a.pieces[i], b.pieces[j]
		k := min(x.hi-x.lo-oa, y.hi-y.lo-ob)
		if &x.buf[0] != &y.buf[0] || x.lo+oa != y.lo+ob {
			xs, ys := x.buf[x.lo+oa:x.lo+oa+k], y.buf[y.lo+ob:y.lo+ob+k]
			if m := commonPrefix(xs, ys); m < k {
				return n + m
			}
		}
		n, oa, ob = n+k, oa+k, ob+k
		if oa == x.hi-x.lo {
			i, oa = i+1, 0
		}
		if ob == y.hi-y.lo {
			j, ob = j+1, 0
		}
	}
	return n
}

// CommonSuffix is how many bytes a and b end with alike, counting at
// most limit.
func CommonSuffix(a, b Pieces, limit int) int {
	n, i, j := 0, len(a.pieces)-1, len(b.pieces)-1
	ea, eb := 0, 0 // how far from the end of pieces i and j
	for i >= 0 && j >= 0 && n < limit {
		x, y := a.pieces[i], b.pieces[j]
		k := min(x.hi-x.lo-ea, y.hi-y.lo-eb, limit-n)
		xe, ye := x.hi-ea, y.hi-eb
		if &x.buf[0] != &y.buf[0] || xe != ye {
			if m := commonSuffix(x.buf[xe-k:xe], y.buf[ye-k:ye]); m < k {
				return n + m
			}
		}
		n, ea, eb = n+k, ea+k, eb+k
		if ea == x.hi-x.lo {
			i, ea = i-1, 0
		}
		if eb == y.hi-y.lo {
			j, eb = j-1, 0
		}
	}
	return n
}

// commonPrefix is how many bytes a and b, of one length, begin with
// alike: eight at a time.
func commonPrefix(a, b []byte) int {
	i := 0
	for i+512 <= len(a) && bytes.Equal(a[i:i+512], b[i:i+512]) {
		i += 512
	}
	for i+8 <= len(a) && binary.LittleEndian.Uint64(a[i:]) == binary.LittleEndian.Uint64(b[i:]) {
		i += 8
	}
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix is how many bytes a and b, of one length, end with alike.
func commonSuffix(a, b []byte) int {
	n := len(a)
	i := 0
	for i+512 <= n && bytes.Equal(a[n-i-512:n-i], b[n-i-512:n-i]) {
		i += 512
	}
	for i+8 <= n && binary.LittleEndian.Uint64(a[n-i-8:]) == binary.LittleEndian.Uint64(b[n-i-8:]) {
		i += 8
	}
	for i < n && a[n-i-1] == b[n-i-1] {
		i++
	}
	return i
}
