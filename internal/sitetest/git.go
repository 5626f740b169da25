package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// GitRepo is a git repository made by a test. Its commits have set
// authors and dates, one day apart from 1 March 2026, so that every run
// makes the same history; no configuration of the machine's is read.
type GitRepo struct {
	t   testing.TB
	Dir string
	// commits counts the commits made, which dates the next one.
	commits int
}

// NewGitRepo makes a repository in dir, which may hold files already.
// Without git the test is skipped, or fails under CI.
func NewGitRepo(t testing.TB, dir string) *GitRepo {
	t.Helper()
	NeedTool(t, "git", "git")
	g := &GitRepo{t: t, Dir: dir}
	g.Git("init", "-q", "-b", "main")
	return g
}

// Git runs a git command in the repository and returns its output; a
// failure fails the test.
func (g *GitRepo) Git(args ...string) string {
	g.t.Helper()
	date := fmt.Sprintf("%d +0000", 1772359200+86400*g.commits) // 2026-03-01 10:00 UTC
	return Git(g.t, g.Dir, []string{
		"GIT_AUTHOR_NAME=Lan", "GIT_AUTHOR_EMAIL=lan@example.com", "GIT_AUTHOR_DATE=" + date,
		"GIT_COMMITTER_NAME=Lan", "GIT_COMMITTER_EMAIL=lan@example.com", "GIT_COMMITTER_DATE=" + date,
		"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1"}, args...)
}

// Write writes files (slash paths from the repository's folder).
func (g *GitRepo) Write(files map[string]string) {
	g.t.Helper()
	WriteFiles(g.t, g.Dir, files)
}

// Commit commits every file of the folder with subject, a day after the
// previous commit.
func (g *GitRepo) Commit(subject string) {
	g.t.Helper()
	g.Git("add", "-A")
	g.Git("commit", "-q", "-m", subject)
	g.commits++
}

// Path is a slash path of the repository as a path of the system.
func (g *GitRepo) Path(name string) string { return filepath.Join(g.Dir, filepath.FromSlash(name)) }
