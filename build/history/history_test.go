package history

import (
	"errors"
	"maps"
	"slices"
	"testing"

	"handbook/internal/sitetest"
)

func TestUpdatedIsTheLastCommitThatChangedTheText(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/fr/a.md", page("A", "", "Premier paragraphe.\n"))
	r.write("content/fr/b.md", page("B", "", "Texte.\n"))
	r.commit("2026-01-10T09:00:00+07:00", "Start the handbook")
	r.write("content/fr/a.md", page("A", "", "Premier paragraphe, réécrit.\n"))
	r.commit("2026-03-05T10:00:00+07:00", "Rewrite the first paragraph of A")
	r.write("content/fr/a.md", page("A", "abc123", "Premier paragraphe, réécrit.\n"))
	r.commit("2026-04-01T10:00:00+07:00", "Stamp the translations")
	r.write("content/fr/a.md", page("A", "abc123", "Premier   paragraphe,\nréécrit.\n\n"))
	r.commit("2026-05-01T10:00:00+07:00", "Wrap the lines")
	r.write("content/fr/c.md", page("C", "", "Pas encore validé.\n"))

	log, err := Read(r.dir, []string{"content"}, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"content/fr/a.md": "2026-03-05T10:00:00+07:00",
		"content/fr/b.md": "2026-01-10T09:00:00+07:00",
	} {
		if got := log.Updated(file); !got.Equal(mustTime(t, want)) {
			t.Errorf("Updated(%s) = %v, want %s", file, got, want)
		}
	}
	if got := log.Updated("content/fr/c.md"); !got.IsZero() {
		t.Errorf("a file never committed has the date %v, want none", got)
	}
	if _, off := log.Updated("content/fr/a.md").Zone(); off != 7*3600 {
		t.Errorf("the date is not in the author's time zone: offset %d", off)
	}
}

func TestUpdatedFollowsRenames(t *testing.T) {
	r := newTestRepo(t)
	body := "Một đoạn văn đủ dài để git nhận ra việc đổi tên tệp này.\n\nĐoạn thứ hai cũng vậy.\n"
	r.write("content/vi/old.md", page("Cũ", "", body))
	r.write("content/vi/moved.md", page("Khác", "", body+"Ba.\n"))
	r.commit("2026-01-01T08:00:00Z", "Start")
	r.write("content/vi/old.md", page("Cũ", "", body+"Thêm.\n"))
	r.write("content/vi/moved.md", page("Khác", "", body+"Ba, bốn.\n"))
	r.commit("2026-02-01T08:00:00Z", "Add a line to both pages")
	r.git("mv", "content/vi/old.md", "content/vi/new.md")
	r.git("mv", "content/vi/moved.md", "content/vi/changed.md")
	r.write("content/vi/changed.md", page("Khác", "", body+"Ba, bốn, năm.\n"))
	r.commit("2026-03-01T08:00:00Z", "Rename the pages")

	log, err := Read(r.dir, []string{"content/vi"}, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := log.Updated("content/vi/new.md"), mustTime(t, "2026-02-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("a page renamed as it was: Updated = %v, want the commit before the rename, %v", got, want)
	}
	if got, want := log.Updated("content/vi/changed.md"), mustTime(t, "2026-03-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("a page renamed and changed: Updated = %v, want the rename, %v", got, want)
	}
	if got := log.Updated("content/vi/old.md"); !got.IsZero() {
		t.Errorf("the old name has a date: %v", got)
	}
}

func TestSiteInAFolderOfTheRepository(t *testing.T) {
	r := newTestRepo(t)
	r.write("docs/content/vi/a.md", page("A", "", "x\n"))
	r.write("content/vi/a.md", page("Another site's", "", "y\n"))
	r.commit("2026-01-01T08:00:00Z", "Start")
	r.write("content/vi/a.md", page("Another site's", "", "z\n"))
	r.commit("2026-02-01T08:00:00Z", "Change the other site")

	log, err := Read(r.dir+"/docs", []string{"content/vi"}, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := log.Updated("content/vi/a.md"), mustTime(t, "2026-01-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("Updated = %v, want %v: paths are the site's, not the repository's", got, want)
	}
}

func TestOutsideGitThereIsNoHistory(t *testing.T) {
	if _, err := Read(t.TempDir(), []string{"content"}, 6, ""); !errors.Is(err, ErrNoRepository) {
		t.Errorf("Read outside a repository: %v, want ErrNoRepository", err)
	}
}

func TestShallowCloneDatesFromWhatIsThere(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "a\n"))
	r.write("content/vi/b.md", page("B", "", "b\n"))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook")
	r.write("content/vi/a.md", page("A", "", "a, b\n"))
	r.commit("2026-02-01T08:00:00Z", "Say more on page A")
	r.write("content/vi/b.md", page("B", "", "b, c\n"))
	r.commit("2026-03-01T08:00:00Z", "Say more on page B")
	clone := t.TempDir() + "/clone"
	sitetest.Git(t, r.dir, nil, "clone", "-q", "--depth", "1", "file://"+r.dir, clone)

	log, err := Read(clone, []string{"content"}, 12, "")
	if err != nil {
		t.Fatal(err)
	}
	if !log.Shallow {
		t.Error("a shallow clone is not said to be one")
	}
	// The clone holds one commit: every file has its date.
	if got, want := log.Updated("content/vi/a.md"), mustTime(t, "2026-03-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("Updated = %v, want the oldest commit there, %v", got, want)
	}
	if len(log.Changes) != 0 {
		t.Errorf("the shallow clone's oldest commit is listed as changes: %+v", log.Changes)
	}
}

func TestRecentChanges(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "a\n"))
	r.write("content/fr/a.md", page("A", "", "a\n"))
	r.commit("2025-06-01T08:00:00Z", "Start the handbook")
	r.write("content/vi/b.md", page("B", "", "b\n"))
	r.write("content/vi/gone.md", page("Gone", "", "g\n"))
	r.commit("2026-01-15T08:00:00Z", "Add the page on customer obsession")
	r.write("content/vi/a.md", page("A", "", "a, more\n"))
	r.commit("2026-02-10T08:00:00Z", "wip")
	r.write("content/fr/a.md", page("A", "h1", "a, plus\n"))
	r.commit("2026-02-11T08:00:00Z", "Bring the French page A up to date")
	r.write("content/vi/b.md", page("B", "", "b\n\n"))
	r.commit("2026-02-12T08:00:00Z", "Reformat page B")
	r.git("rm", "-q", "content/vi/gone.md")
	r.commit("2026-03-01T08:00:00Z", "Remove a page")

	log, err := Read(r.dir, []string{"content"}, 6, "")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		file    string
		kind    ChangeKind
		subject string
	}
	var got []row
	for _, c := range log.Changes {
		got = append(got, row{c.File, c.Kind, c.Subject})
	}
	want := []row{
		{"content/fr/a.md", Restamped, "Bring the French page A up to date"},
		{"content/vi/a.md", Changed, ""},
		{"content/vi/b.md", Added, "Add the page on customer obsession"},
	}
	if len(got) != len(want) {
		t.Fatalf("changes:\n%+v\nwant:\n%+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if !log.Changes[0].When.Equal(mustTime(t, "2026-02-11T08:00:00Z")) {
		t.Errorf("first change at %v", log.Changes[0].When)
	}
}

func TestChangesMonthsCountsBackFromTheNewestCommit(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "a\n"))
	r.commit("2020-01-01T08:00:00Z", "Start the handbook")
	r.write("content/vi/b.md", page("B", "", "b\n"))
	r.commit("2020-03-01T08:00:00Z", "Add the second page")
	for months, want := range map[int]int{1: 1, 3: 2, 0: 0} {
		log, err := Read(r.dir, []string{"content"}, months, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(log.Changes) != want {
			t.Errorf("%d months back from the newest commit: %d changes, want %d", months, len(log.Changes), want)
		}
	}
}

func TestUsefulSubject(t *testing.T) {
	for subject, useful := range map[string]bool{
		"Rewrite the exercise on hiring":      true,
		"Viết lại phần giới thiệu nguyên tắc": true,
		"wip":                                  false,
		"WIP: the new intro":                   false,
		"fix typo":                             false,
		"Fix typo in day-one":                  false,
		"Update day-one.md":                    false,
		"Merge branch 'main' into translation": false,
		"Revert \"Add the intro\"":             false,
		"  ":                                   false,
	} {
		if got := usefulSubject(subject) != ""; got != useful {
			t.Errorf("usefulSubject(%q) useful = %v, want %v", subject, got, useful)
		}
	}
}

// TestEachFolderApartReadsTheSame: the content folders read by logs of
// their own (a folder inside another read once) give the history one
// log of their parent gives.
func TestEachFolderApartReadsTheSame(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "a\n"))
	r.write("content/fr/a.md", page("A", "", "a\n"))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook in two languages")
	r.write("content/vi/a.md", page("A", "", "a, b\n"))
	r.write("content/fr/a.md", page("A", "h", "a, b\n"))
	r.commit("2026-02-01T08:00:00Z", "Say more on page A, in both")
	r.write("content/fr/b/c.md", page("C", "", "c\n"))
	r.commit("2026-03-01T08:00:00Z", "Add a French page on hiring")

	whole, err := Read(r.dir, []string{"content"}, 6, "")
	if err != nil {
		t.Fatal(err)
	}
	apart, err := Read(r.dir, []string{"content/vi", "content/fr", "content/fr/b", "content/vi"}, 6, "")
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(whole.updated, apart.updated) || !slices.Equal(whole.Changes, apart.Changes) || !whole.Newest.Equal(apart.Newest) {
		t.Errorf("read apart:\n%v\n%+v\nwhole:\n%v\n%+v", apart.updated, apart.Changes, whole.updated, whole.Changes)
	}
	if len(apart.Changes) != 5 {
		t.Errorf("%d changes, want 5: %+v", len(apart.Changes), apart.Changes)
	}
}

// TestOneLogKeepsEachFolderApart: the one log of the whole repository
// tells the content folders apart as logs of each would. A page moved
// to the other language's folder is added there and deleted from its
// own; one moved in from outside the folders is added; commits that
// touched nothing in them are not the newest of the content.
func TestOneLogKeepsEachFolderApart(t *testing.T) {
	r := newTestRepo(t)
	body := "Một đoạn văn đủ dài để git nhận ra việc đổi tên tệp này.\n\nĐoạn thứ hai cũng vậy.\n"
	r.write("content/vi/a.md", page("A", "", body))
	r.write("drafts/b.md", page("B", "", body+"Ba.\n"))
	r.write("content/vi/c.md", page("C", "", "c\n"))
	r.write("content/fr/c.md", page("C", "", "c, d\n"))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook")
	r.git("mv", "content/vi/a.md", "content/fr/a.md")
	r.git("mv", "drafts/b.md", "content/vi/b.md")
	r.commit("2026-02-01T08:00:00Z", "Move the pages where they belong")
	r.write("README.md", "The handbook.\n")
	r.commit("2026-03-01T08:00:00Z", "Say what the repository is")

	log, err := Read(r.dir, []string{"content/vi", "content/fr"}, 12, "")
	if err != nil {
		t.Fatal(err)
	}
	moved := mustTime(t, "2026-02-01T08:00:00Z")
	for _, file := range []string{"content/fr/a.md", "content/vi/b.md"} {
		if got := log.Updated(file); !got.Equal(moved) {
			t.Errorf("Updated(%s) = %v, want the move into its folder, %v", file, got, moved)
		}
	}
	if !log.Newest.Equal(moved) {
		t.Errorf("Newest = %v, want the newest commit of the content, %v", log.Newest, moved)
	}
	var added []string
	for _, c := range log.Changes {
		if c.Kind == Added && c.When.Equal(moved) {
			added = append(added, c.File)
		}
	}
	if want := []string{"content/fr/a.md", "content/vi/b.md"}; !slices.Equal(added, want) {
		t.Errorf("added by the move: %v, want %v (all changes: %+v)", added, want, log.Changes)
	}
}

// TestABranchsChangesAMergeDidNotKeepAreNotShown: in a history with
// merges, a commit of a branch whose change to a page the merge did not
// keep (git log of the content folder leaves it out) neither dates the
// page nor is listed among the changes.
func TestABranchsChangesAMergeDidNotKeepAreNotShown(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "a\n"))
	r.write("content/fr/a.md", page("A", "", "a\n"))
	r.commit("2026-01-01T08:00:00Z", "Start the handbook")
	r.git("checkout", "-q", "-b", "side")
	r.write("content/vi/a.md", page("A", "", "a, b\n"))
	r.commit("2026-02-01T08:00:00Z", "Try a longer first page")
	r.git("checkout", "-q", "main")
	r.write("content/fr/a.md", page("A", "", "a, c\n"))
	r.commit("2026-03-01T08:00:00Z", "Say more on the French page")
	sitetest.Git(t, r.dir, []string{"GIT_AUTHOR_DATE=2026-04-01T08:00:00Z", "GIT_COMMITTER_DATE=2026-04-01T08:00:00Z"},
		"merge", "-q", "-s", "ours", "--no-edit", "side")

	log, err := Read(r.dir, []string{"content/vi", "content/fr"}, 12, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := log.Updated("content/vi/a.md"), mustTime(t, "2026-01-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("Updated = %v, want %v: the branch's change was not kept", got, want)
	}
	if got, want := log.Updated("content/fr/a.md"), mustTime(t, "2026-03-01T08:00:00Z"); !got.Equal(want) {
		t.Errorf("Updated(fr) = %v, want %v", got, want)
	}
	for _, c := range log.Changes {
		if c.When.Equal(mustTime(t, "2026-02-01T08:00:00Z")) {
			t.Errorf("the branch's change is listed: %+v", c)
		}
	}
}
