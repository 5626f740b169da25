// Package files reads and writes whole files with as few system calls as
// the platform allows. A site is tens of thousands of small files, read
// once and written once per build: on Linux, os.ReadFile and os.WriteFile
// open each for the runtime's network poller, four fcntl calls and an
// epoll_ctl that fails for every regular file, on top of the calls that
// do the work, and those were a third of a build's system calls.
package files
