package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// The reasons a history cannot be read, for callers to say what to do.
var (
	// ErrNoGit: the git command is not installed.
	ErrNoGit = errors.New("the git command is not installed")
	// ErrNotRepository: the folder is in no git repository.
	ErrNotRepository = errors.New("not in a git repository")
)

// Repo is the git repository that holds a folder, the site's root.
type Repo struct {
	// top is the repository's top folder, where git runs; prefix is the
	// site's folder within it ("" or "docs/", with a slash), which the
	// paths of the site's files are relative to.
	top, prefix string
}

// Open finds the repository that holds dir. It returns ErrNoGit or
// ErrNotRepository, wrapped, when there is none to read.
func Open(ctx context.Context, dir string) (*Repo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	out, err := (&Repo{top: dir}).git(ctx, nil, "rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix")
	if err != nil && !strings.Contains(err.Error(), "not a git repository") {
		// Another reason, such as a repository of another user that
		// git refuses ("dubious ownership"): git says what to do.
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	lines := strings.Split(string(out), "\n")
	if err != nil || len(lines) < 3 || lines[0] != "true" {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotRepository)
	}
	return &Repo{top: lines[1], prefix: lines[2]}, nil
}

// Shallow reports whether the repository is a shallow clone, whose
// history stops short of the first commit.
func (r *Repo) Shallow(ctx context.Context) (bool, error) {
	out, err := r.git(ctx, nil, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return false, err
	}
	return strings.TrimSpace(string(out)) == "true", nil
}

// git runs a git command in the repository's folder with input on its
// standard input, and returns its output; an error carries what git
// said. Git's own configuration of colours and pagers is turned off, so
// that the output is the same on every machine.
func (r *Repo) git(ctx context.Context, input []byte, args ...string) ([]byte, error) {
	// Literal pathspecs: a file named a[1].md or *.md is that file, not
	// a pattern.
	args = append([]string{"-c", "color.ui=false", "-c", "core.quotepath=false", "--literal-pathspecs"}, args...)
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = r.top
	cmd.Env = append(cmd.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	if input != nil {
		cmd.Stdin = bytes.NewReader(input)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[5], msg)
	}
	return out, nil
}
