package history

import (
	"testing"
	"time"

	"handbook/internal/sitetest"
)

// testRepo is a git repository a test makes, commit by commit.
type testRepo struct {
	t   *testing.T
	dir string
}

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	r := &testRepo{t: t, dir: t.TempDir()}
	sitetest.GitInit(t, r.dir)
	return r
}

func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return sitetest.Git(r.t, r.dir, nil, args...)
}

func (r *testRepo) write(path, text string) {
	r.t.Helper()
	sitetest.WriteFiles(r.t, r.dir, map[string]string{path: text})
}

func (r *testRepo) commit(date, subject string) {
	r.t.Helper()
	sitetest.GitCommit(r.t, r.dir, date, subject)
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	when, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return when
}

// page is a page's file with a title, a stamp (none for "") and a body.
func page(title, stamp, body string) string {
	front := "---\ntitle: " + title + "\n"
	if stamp != "" {
		front += "sourceHash: " + stamp + "\n"
	}
	return front + "---\n" + body
}
