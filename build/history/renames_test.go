package history

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPairExactRenames(t *testing.T) {
	dirs := []string{"content/vi", "content/fr"}
	files := []fileChange{
		{status: 'A', oldBlob: "0", newBlob: "b1", path: "content/vi/new/a.md"},
		{status: 'A', oldBlob: "0", newBlob: "b2", path: "content/vi/c.md"},
		{status: 'D', oldBlob: "b1", newBlob: "0", path: "content/vi/x.md"},
		{status: 'D', oldBlob: "b1", newBlob: "0", path: "content/vi/old/a.md"},
		{status: 'D', oldBlob: "b2", newBlob: "0", path: "content/fr/c.md"},
		{status: 'M', oldBlob: "b3", newBlob: "b4", path: "content/vi/m.md"},
	}
	got := pairExactRenames(slices.Clone(files), dirs)
	want := []fileChange{
		// The deletion of the same name, rather than the first.
		{status: 'R', oldBlob: "b1", newBlob: "b1", path: "content/vi/new/a.md", from: "content/vi/old/a.md"},
		// Not from the other language's folder.
		files[1], files[2], files[4], files[5],
	}
	if !slices.Equal(got, want) {
		t.Errorf("pairExactRenames:\n got %+v\nwant %+v", got, want)
	}
	if !mayRenameWithChanges(got, dirs) {
		t.Error("a deletion and an addition left in content/vi: no rename with changes is looked for")
	}
	if mayRenameWithChanges(got[:2], dirs) {
		t.Error("a rename and an addition: a rename with changes is looked for")
	}
}

// TestRenameWithChangesIsAChange: a page renamed and edited in one
// commit is found renamed by git, as it would be in a log of the
// content alone: it changed, it was not added, and the commits before
// come from its old name.
func TestRenameWithChangesIsAChange(t *testing.T) {
	r := newTestRepo(t)
	body := "Một đoạn văn đủ dài để git nhận ra việc đổi tên tệp này.\n\nĐoạn thứ hai cũng vậy.\n\nĐoạn thứ ba.\n"
	r.write("content/vi/old.md", page("Cũ", "", body))
	r.write("content/vi/gone.md", page("Mất", "", "Một trang khác hẳn.\n"))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook")
	r.git("mv", "content/vi/old.md", "content/vi/new.md")
	r.git("rm", "-q", "content/vi/gone.md")
	r.write("content/vi/new.md", page("Mới", "", body+"Thêm.\n"))
	r.commit("2026-02-01T08:00:00Z", "Give the page a clearer name")
	r.write("content/vi/new.md", page("Mới", "abc", body+"Thêm.\n"))
	r.commit("2026-03-01T08:00:00Z", "Stamp the translations")

	log, err := Read(r.dir, []string{"content/vi"}, 12, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := log.Updated("content/vi/new.md"), mustTime(t, "2026-02-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("Updated = %v, want the rename with changes, %v", got, want)
	}
	var kinds []ChangeKind
	for _, c := range log.Changes {
		if c.File == "content/vi/new.md" {
			kinds = append(kinds, c.Kind)
		}
	}
	if want := []ChangeKind{Restamped, Changed, Added}; !slices.Equal(kinds, want) {
		t.Errorf("the changes of new.md: %v, want %v (restamped, changed by the rename, added under its old name): %+v", kinds, want, log.Changes)
	}
}

// TestFilesOutsideTheContentAreNotRead: git reads no version of a file
// outside the content folders to find renames, so a repository that
// lacks them (a partial clone, which would fetch them) gives the
// history all the same.
func TestFilesOutsideTheContentAreNotRead(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "a\n"))
	r.write("static/notes.txt", strings.Repeat("A line of notes.\n", 40))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook")
	r.git("mv", "static/notes.txt", "static/moved.txt")
	r.write("static/moved.txt", strings.Repeat("A line of notes.\n", 40)+"One more.\n")
	r.commit("2026-02-01T08:00:00Z", "Move the notes")
	for _, file := range []string{"HEAD~:static/notes.txt", "HEAD:static/moved.txt"} {
		id := strings.TrimSpace(r.git("rev-parse", file))
		if err := os.Remove(filepath.Join(r.dir, ".git", "objects", id[:2], id[2:])); err != nil {
			t.Fatal(err)
		}
	}

	log, err := Read(r.dir, []string{"content/vi"}, 12, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := log.Updated("content/vi/a.md"), mustTime(t, "2026-01-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("Updated = %v, want %v", got, want)
	}
}
