package sitetest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// GitInit makes dir a git repository with a writer as its author, for a
// test of what the build reads from the history. Without git the test is
// skipped, or fails in CI (see NeedTool).
func GitInit(t testing.TB, dir string) {
	t.Helper()
	NeedTool(t, "git (the history's tests make repositories)", "git")
	Git(t, dir, nil, "init", "-q", "-b", "main")
	Git(t, dir, nil, "config", "user.name", "Writer")
	Git(t, dir, nil, "config", "user.email", "writer@example.com")
	Git(t, dir, nil, "config", "commit.gpgsign", "false")
}

// GitCommit commits everything in dir as one commit whose author and
// committer dates are date ("2026-03-05T10:00:00+07:00").
func GitCommit(t testing.TB, dir, date, subject string) {
	t.Helper()
	Git(t, dir, nil, "add", "-A")
	env := []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}
	Git(t, dir, env, "commit", "-q", "--allow-empty", "-m", subject)
}

// Git runs git in dir with env added to the environment, and returns
// what it printed; a failure fails the test.
func Git(t testing.TB, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
