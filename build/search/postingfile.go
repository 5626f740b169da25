package search

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// A frequent term's postings are written to a file of their own in a
// compact binary form rather than as JSON: they are most of what the
// index holds and most of what a query downloads, and numbers written as
// bytes are a third of their size in decimal, so they take a third of
// the time to compress and download, and no text to parse. A posting
// file is, after gzip:
//
//	"HBP\x01"          magic and version
//	n        uvarint   the number of documents
//	flags    byte      1: masks follow the scores
//	docs     n uvarint gaps from the previous document, as Postings.Docs
//	scores   n bytes   as Postings.Scores (1..100)
//	masks    n uvarint as Postings.Masks, when flags has 1
//
// The client reads the same layout (decodePostings in search.js).

// postingMagic starts every posting file.
const postingMagic = "HBP\x01"

// PostingFileExt ends the name of every posting file.
const PostingFileExt = ".bin.gz"

const postingHasMasks = 1

// appendPostingFile appends the posting file of postings, their scores
// scaled against avgdl and their form bits renumbered with numbers.
func (e *shardEncoder) appendPostingFile(b []byte, postings []posting, masks bool, numbers formNumbers) []byte {
	b = append(b, postingMagic...)
	b = binary.AppendUvarint(b, uint64(len(postings)))
	flags := byte(0)
	if masks {
		flags |= postingHasMasks
	}
	b = append(b, flags)
	prev := int32(0)
	for _, p := range postings {
		b = binary.AppendUvarint(b, uint64(p.doc-prev))
		prev = p.doc
	}
	for _, p := range postings {
		b = append(b, byte(e.score(p)))
	}
	if masks {
		for _, p := range postings {
			b = binary.AppendUvarint(b, uint64(numbers.bits(p)))
		}
	}
	return b
}

// UnmarshalBinary reads a posting file.
func (p *Postings) UnmarshalBinary(data []byte) error {
	if len(data) < len(postingMagic) || string(data[:len(postingMagic)]) != postingMagic {
		return errors.New("not a posting file")
	}
	r := postingReader{data: data, at: len(postingMagic)}
	n := r.uvarint()
	if n > uint64(len(data)) { // each document takes a byte at least
		return errors.New("posting file: more documents than bytes")
	}
	flags := r.byte()
	docs := make([]int32, n)
	for i := range docs {
		docs[i] = int32(r.uvarint())
	}
	scores := make([]int, n)
	for i := range scores {
		scores[i] = int(r.byte())
	}
	var masks []uint32
	if flags&postingHasMasks != 0 {
		masks = make([]uint32, n)
		for i := range masks {
			masks[i] = uint32(r.uvarint())
		}
	}
	if r.err != nil {
		return r.err
	}
	if r.at != len(data) {
		return fmt.Errorf("posting file: %d bytes after the postings", len(data)-r.at)
	}
	*p = Postings{Docs: docs, Scores: scores, Masks: masks}
	return nil
}

// postingReader reads a posting file's numbers, keeping the first error.
type postingReader struct {
	data []byte
	at   int
	err  error
}

func (r *postingReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data[min(r.at, len(r.data)):])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.at += n
	return v
}

func (r *postingReader) byte() byte {
	if r.at >= len(r.data) {
		r.fail()
		return 0
	}
	r.at++
	return r.data[r.at-1]
}

func (r *postingReader) fail() {
	if r.err == nil {
		r.err = errors.New("posting file: cut short")
	}
	r.at = len(r.data)
}
