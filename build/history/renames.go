package history

import (
	"path"
	"strings"
)

// pairExactRenames makes a file deleted and one added with the same blob
// in the same content folder by a commit one file renamed, as git's
// rename detection does: a deleted file of the same name first, then
// the first in path order.
func pairExactRenames(files []fileChange, dirs []string) []fileChange {
	deleted := map[string][]int{} // blob → the deletions of it
	for i, f := range files {
		if f.status == 'D' {
			deleted[f.oldBlob] = append(deleted[f.oldBlob], i)
		}
	}
	if len(deleted) == 0 {
		return files
	}
	gone := map[int]bool{}
	for i := range files {
		f := &files[i]
		if f.status != 'A' {
			continue
		}
		from := -1
		for _, j := range deleted[f.newBlob] {
			if gone[j] || folderOf(files[j].path, dirs) != folderOf(f.path, dirs) {
				continue
			}
			if from < 0 || path.Base(files[j].path) == path.Base(f.path) {
				from = j
			}
			if path.Base(files[j].path) == path.Base(f.path) {
				break
			}
		}
		if from >= 0 {
			gone[from] = true
			f.status, f.oldBlob, f.from = 'R', files[from].oldBlob, files[from].path
		}
	}
	if len(gone) == 0 {
		return files
	}
	kept := files[:0]
	for i, f := range files {
		if !gone[i] {
			kept = append(kept, f)
		}
	}
	return kept
}

// mayRenameWithChanges reports whether a commit deleted a file and added
// another, unpaired, in the same content folder: git may find that one
// was renamed to the other and changed.
func mayRenameWithChanges(files []fileChange, dirs []string) bool {
	deleted := map[int]bool{}
	for _, f := range files {
		if f.status == 'D' {
			deleted[folderOf(f.path, dirs)] = true
		}
	}
	for _, f := range files {
		if f.status == 'A' && deleted[folderOf(f.path, dirs)] {
			return true
		}
	}
	return false
}

// renameCheck pairs the exact renames of each commit of the log, and
// holds back the commits from the first that may hold a rename with
// changes on, for git to compare those again with its rename detection,
// within the content folders, once the log is read; each is handed the
// commits in the log's order, their renames found.
type renameCheck struct {
	root  string
	dirs  []string
	each  func(*commit)
	held  []*commit
	again []string // the hashes of the commits to compare again
}

func (r *renameCheck) see(c *commit) {
	c.files = pairExactRenames(c.files, r.dirs)
	if mayRenameWithChanges(c.files, r.dirs) {
		r.again = append(r.again, c.hash)
	}
	if len(r.again) > 0 {
		r.held = append(r.held, c)
		return
	}
	r.each(c)
}

// finish compares the commits asked for again, with git diff-tree -M
// limited to the content folders, takes their files from it, and hands
// the commits held back to each.
func (r *renameCheck) finish() error {
	if len(r.again) > 0 {
		args := append([]string{"--literal-pathspecs", "-c", "core.fsmonitor=false", "diff-tree", "--stdin", "-r", "--raw", "-z",
			"--root", "--no-abbrev", "-M", "--relative", "--no-color", "--no-ext-diff", "--no-textconv", logFormat, "--"}, r.dirs...)
		input := strings.Join(r.again, "\n") + "\n"
		renamed, err := runLog(r.root, args, []byte(input), r.dirs, nil)
		if err != nil {
			return err
		}
		files := make(map[string][]fileChange, len(renamed))
		for _, c := range renamed {
			files[c.hash] = c.files
		}
		for _, c := range r.held {
			if f, ok := files[c.hash]; ok {
				c.files = f
			}
		}
	}
	for _, c := range r.held {
		r.each(c)
	}
	r.held = nil
	return nil
}
