package gitobjects

import (
	"bytes"
	"crypto/sha1"
	"crypto/sha256"
	"hash"
	"strconv"
)

// Offer gives r data, read elsewhere (a working tree's file), as the
// content of the blob id, to keep as it keeps what it resolves: reading
// id, or a delta made from it, then inflates nothing of id. A pack
// mostly holds a file's newest version whole and its older ones as
// deltas of it, so offering the newest spares inflating it for every
// older one read. r keeps data only when the store holds id in a pack
// and data hashes to id, and reports whether it does; the caller must
// not change data once kept.
func (r *Reader) Offer(id string, data []byte) bool {
	name, err := r.store.parseID(id)
	if err != nil {
		return false
	}
	at, ok := r.store.find(name)
	if !ok {
		return false
	}
	if _, ok := r.cache.objects[at]; ok {
		return true
	}
	if !bytes.Equal(blobName(r.store.hashLen, data), name) {
		return false
	}
	r.cache.put(at, object{Blob, Whole(data), len(data)})
	return true
}

// blobName is the name git gives a blob of data, in a repository whose
// names are hashLen bytes: the hash of a "blob <size>" header, a NUL
// and data.
func blobName(hashLen int, data []byte) []byte {
	var h hash.Hash
	if hashLen == sha256.Size {
		h = sha256.New()
	} else {
		h = sha1.New()
	}
	h.Write(strconv.AppendInt([]byte("blob "), int64(len(data)), 10))
	h.Write([]byte{0})
	h.Write(data)
	return h.Sum(nil)
}
