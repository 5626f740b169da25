package history

import (
	"strings"
	"time"
	"unicode"
)

// ChangeKind is what a commit did to a page.
type ChangeKind int

// The kinds of change the "what's new" page lists.
const (
	// Added: the file appeared.
	Added ChangeKind = iota
	// Changed: its text changed, beyond its whitespace.
	Changed
	// Restamped: its translation stamp changed, so a translation was
	// brought up to date with its original.
	Restamped
)

// Change is one file changed by one commit.
type Change struct {
	// File is the file's slash path from the site's root, as it is
	// named now.
	File string
	Kind ChangeKind
	// When is the commit's author date, in the author's time zone.
	When time.Time
	// Commit is the commit's hash.
	Commit string
	// Subject is the commit's subject when it says something to a
	// reader (see usefulSubject), or "".
	Subject string
}

// recentChanges lists what the commits since start did to the files
// there now, newest first: additions, changes of the text, and new
// translation stamps. Renames that changed nothing, reformatting and
// deleted files are left out, and so is a shallow clone's oldest commit,
// which holds every file without having added them.
func recentChanges(commits []*commit, start time.Time, shallow bool, blobs *blobReader) ([]Change, error) {
	var recent []*commit
	var pairs []versionPair
	for _, c := range commits {
		if c.when.Before(start) || shallow && c.root {
			continue
		}
		recent = append(recent, c)
		for _, f := range c.files {
			if f.name != "" && f.status != 'A' {
				pairs = append(pairs, versionPair{f.oldBlob, f.newBlob})
			}
		}
	}
	if err := blobs.fetchPairs(pairs); err != nil {
		return nil, err
	}
	var out []Change
	for _, c := range recent {
		subject := usefulSubject(c.subject)
		for _, f := range c.files {
			if kind, ok := changeKind(f, blobs); ok {
				out = append(out, Change{File: f.name, Kind: kind, When: c.when, Commit: c.hash, Subject: subject})
			}
		}
	}
	return out, nil
}

// changeKind says what a commit did to a file there now, if it is worth
// listing.
func changeKind(f fileChange, blobs *blobReader) (ChangeKind, bool) {
	switch {
	case f.name == "":
		return 0, false
	case f.status == 'A' || isZeroBlob(f.oldBlob):
		return Added, true
	}
	v := blobs.verdict(versionPair{f.oldBlob, f.newBlob})
	switch {
	case v.restamped:
		return Restamped, true
	case v.textChanged:
		return Changed, true
	}
	return 0, false
}

// trivialSubjects are subjects that tell a reader nothing, in lower
// case: a subject that is one, or starts with one followed by a space
// or a colon ("WIP: intro", "fix typo in x"), is not shown.
var trivialSubjects = []string{"wip", "fix typo", "fix typos", "typo", "typos", "tmp", "temp", "merge", "revert",
	"minor", "misc", "cleanup", "sửa lỗi chính tả", "coquille", "coquilles"}

// usefulSubject is a commit's subject when it is a sentence that tells
// a reader what changed: three words at least, not one of
// trivialSubjects (a web editor's "Update x.md" has two). Otherwise "".
func usefulSubject(subject string) string {
	subject = strings.TrimSpace(subject)
	lower := strings.ToLower(subject)
	for _, t := range trivialSubjects {
		if lower == t || strings.HasPrefix(lower, t+" ") || strings.HasPrefix(lower, t+":") {
			return ""
		}
	}
	words := strings.FieldsFunc(lower, unicode.IsSpace)
	if len(words) < 3 {
		return ""
	}
	return subject
}
