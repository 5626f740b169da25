package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// server is a preview server this program started.
type server struct {
	cmd  *exec.Cmd
	addr string
	log  *os.File
}

// startServer starts the tool's preview server on a free port and waits
// until it serves the site.
func startServer(o options) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	var args []string
	switch o.tool {
	case "handbook":
		args = []string{"serve", "--source", o.site, "--port", strconv.Itoa(port)}
	case "hugo":
		args = []string{"server", "--source", o.site, "--port", strconv.Itoa(port), "--bind", "127.0.0.1"}
	}
	log, err := os.CreateTemp("", "reload-"+o.tool+"-*.log")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(o.bin, args...)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		os.Remove(log.Name())
		return nil, err
	}
	s := &server{cmd: cmd, addr: addr, log: log}
	if err := waitReady(addr, o.timeout); err != nil {
		s.stop()
		return nil, fmt.Errorf("%s: %w", o.tool, err)
	}
	return s, nil
}

// stop interrupts the server, as Ctrl-C does, and waits for it.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGINT)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
	s.log.Close()
	os.Remove(s.log.Name())
}

// freePort asks the system for a port nobody listens on.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitReady waits until the server answers its home page with 200: both
// servers build the whole site before.
func waitReady(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + addr + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("not serving at %s after %s", addr, timeout)
}
