package history

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestAHistoryReadInPartsIsReadTheSame: the logs of a history cut in
// parts, read at once, give the commits one log gives, in its order,
// renames found across the cuts; for the whole history and for a range
// of it (the commits since a cached one).
func TestAHistoryReadInPartsIsReadTheSame(t *testing.T) {
	r := newTestRepo(t)
	body := "Một đoạn văn đủ dài để git nhận ra việc đổi tên tệp này.\n\nĐoạn thứ hai cũng vậy.\n"
	r.write("content/vi/a.md", page("A", "", body))
	r.write("content/fr/b.md", page("B", "", body+"Deux.\n"))
	r.commit("2026-01-01T08:00:00Z", "Start")
	for i := range 7 {
		r.write("content/vi/a.md", page("A", "", body+strings.Repeat("Thêm.\n", i+1)))
		r.write(fmt.Sprintf("content/fr/c%d.md", i), page("C", "", "c\n"))
		r.commit(fmt.Sprintf("2026-02-0%dT08:00:00Z", i+1), "Say more")
		switch i {
		case 2:
			r.git("mv", "content/fr/b.md", "content/fr/moved.md")
			r.commit("2026-02-03T09:00:00Z", "Rename B as it was")
		case 4:
			r.git("mv", "content/fr/moved.md", "content/fr/changed.md")
			r.write("content/fr/changed.md", page("B", "", body+"Deux, trois.\n"))
			r.commit("2026-02-05T09:00:00Z", "Rename B and change it")
		}
	}
	dirs := []string{"content/vi", "content/fr"}
	since := strings.TrimSpace(r.git("rev-parse", "HEAD~6"))
	for _, rev := range []string{"HEAD", since + "..HEAD"} {
		want, err := readParts(r.dir, [][]string{{rev}}, dirs, func(*commit) {})
		if err != nil {
			t.Fatal(err)
		}
		if !hasRenameWithChanges(want, "content/fr/moved.md") {
			t.Fatalf("%s: no rename with changes from moved.md:\n%s", rev, listCommits(want))
		}
		for n := 2; n <= 4; n++ {
			parts, err := splitRange(r.dir, rev, n, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(parts) != n {
				t.Fatalf("%s in %d parts: %v", rev, len(parts), parts)
			}
			var handed []*commit
			got, err := readParts(r.dir, parts, dirs, func(c *commit) { handed = append(handed, c) })
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(handed, want) {
				t.Errorf("%s read in %d parts %v:\n%s\nwant:\n%s", rev, n, parts, listCommits(got), listCommits(want))
			}
		}
	}
}

// TestAShortHistoryIsReadByOneLog: a history shorter than a part's
// fewest commits is not cut.
func TestAShortHistoryIsReadByOneLog(t *testing.T) {
	r := newTestRepo(t)
	for i := range 3 {
		r.write("content/vi/a.md", page("A", "", strings.Repeat("a\n", i+1)))
		r.commit(fmt.Sprintf("2026-01-0%dT08:00:00Z", i+1), "Say more")
	}
	for _, c := range []struct {
		n, least, want int
	}{{1, 1, 1}, {2, 2, 1}, {2, 1, 2}, {8, 1, 3}, {8, 4, 1}} {
		parts, err := splitRange(r.dir, "HEAD", c.n, c.least)
		if err != nil {
			t.Fatal(err)
		}
		if len(parts) != c.want {
			t.Errorf("3 commits in at most %d parts of %d: %v, want %d parts", c.n, c.least, parts, c.want)
		}
	}
}

func listCommits(commits []*commit) string {
	var b strings.Builder
	for _, c := range commits {
		fmt.Fprintf(&b, "%s %s %+v\n", c.hash[:7], c.subject, c.files)
	}
	return b.String()
}

func hasRenameWithChanges(commits []*commit, from string) bool {
	for _, c := range commits {
		for _, f := range c.files {
			if f.status == 'R' && f.from == from && f.oldBlob != f.newBlob {
				return true
			}
		}
	}
	return false
}
