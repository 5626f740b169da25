// Package gitobjects reads a git repository's objects in this process,
// from its pack files and its loose objects, as git cat-file --batch
// would give them. The history of a large handbook reads gigabytes of
// folder listings, most of them stored as small deltas of one another:
// resolved here, they never cross a pipe, and a listing resolved once
// is the base of the next one read.
//
// A Store holds what its Readers share, read-only: the pack files and
// their indexes, mapped into memory. A Reader is one goroutine's: it
// keeps the objects it resolved last, for the deltas read after them,
// and the blobs offered to it read elsewhere (a working tree's files,
// checked against their names), so that the deltas made from those
// inflate nothing of them.
// An object the store does not hold (a partial clone's, fetched on
// demand by git) is ErrNotFound, for the caller to ask git for it.
package gitobjects
