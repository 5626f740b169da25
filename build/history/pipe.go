package history

import (
	"os"
	"os/exec"
)

// widePipeSize is the room asked for in the pipe a git cat-file writes
// its answers into. Through the default 64 KiB, the folder listings of a
// large history (hundreds of kilobytes each, a gigabyte in all) went in
// small pieces, each waking the reader and putting git to sleep: a
// quarter of a cold read's time went to switching between the two.
const widePipeSize = 1 << 20

// stdoutPipe connects cmd's standard output to a pipe, made wide where
// the system allows it, and returns its reading end. Like
// exec.Cmd.StdoutPipe, the caller reads it to its end before cmd.Wait;
// the writing end is cmd's alone, closed here once cmd has started
// (startedWith), so that the reader sees the end when git exits.
func stdoutPipe(cmd *exec.Cmd) (r *os.File, startedWith func(), err error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	widen(w, widePipeSize)
	cmd.Stdout = w
	return r, func() { w.Close() }, nil
}
