package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// A port in use is an error naming the address, not a hang.
func TestServePortInUse(t *testing.T) {
	site := writeSite(t, siteFiles())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	var stdout, stderr bytes.Buffer
	code := serveUntil(context.Background(), []string{"--source", site, "--port", port}, &stdout, &stderr)
	if code != exitContent {
		t.Errorf("exit code %d, want %d", code, exitContent)
	}
	if !strings.Contains(stderr.String(), "cannot listen on "+addr) || !strings.Contains(stderr.String(), "already in use") {
		t.Errorf("stderr %q does not name %s as in use", stderr.String(), addr)
	}
}

func TestServeUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"extra"}, {"--port", "70000"}, {"--no-such-flag"}} {
		code, _, _ := runCmd(append([]string{"serve"}, args...)...)
		if code != exitUsage {
			t.Errorf("serve %q: exit code %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, stderr := runCmd("serve", "--source", t.TempDir()+"/missing", "--port", "0"); code != exitContent || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing site: exit %d, stderr %q", code, stderr)
	}
}

// --port 0 picks a free port and says which; the preview binds to
// 127.0.0.1, refuses paths outside the site, and stops cleanly when
// interrupted.
func TestServeFreePortAndStop(t *testing.T) {
	site := writeSite(t, siteFiles())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := newLineWatcher()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- serveUntil(ctx, []string{"--source", site, "--port", "0"}, out, &stderr) }()

	line := out.waitFor(t, regexp.MustCompile(`serving .* at (http://127\.0\.0\.1:\d+/)`))
	base := line[1]
	waitServing(t, base+"vi/")
	if code, body := serveGet(t, base+"vi/about/"); code != http.StatusOK || !strings.Contains(body, "Giới thiệu") {
		t.Errorf("about: %d", code)
	}
	if code, _ := serveRaw(t, strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"), "/../handbook.toml"); code != http.StatusBadRequest {
		t.Errorf("/../handbook.toml: status %d, want 400", code)
	}

	cancel()
	select {
	case code := <-done:
		if code != exitOK {
			t.Errorf("exit code %d after the interrupt; stderr %q", code, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
	out.waitFor(t, regexp.MustCompile(`handbook: stopped`))
	if _, err := http.Get(base); err == nil {
		t.Error("still serving after it stopped")
	}
}

// waitServing waits for the first build: until then the preview answers
// 503 with a page that reloads by itself.
func waitServing(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, _ := serveGet(t, url)
		if code == http.StatusOK {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: status %d after 30s", url, code)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func serveGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// serveRaw sends a request line as written, uncleaned.
func serveRaw(t *testing.T, host, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// lineWatcher is a command's stdout that a test waits on, line by line.
type lineWatcher struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	wrote chan struct{} // receives after each write
}

func newLineWatcher() *lineWatcher { return &lineWatcher{wrote: make(chan struct{}, 1)} }

func (w *lineWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	select {
	case w.wrote <- struct{}{}:
	default:
	}
	return len(p), nil
}

// waitFor waits until the output matches re and returns the match.
func (w *lineWatcher) waitFor(t *testing.T, re *regexp.Regexp) []string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		w.mu.Lock()
		m := re.FindStringSubmatch(w.buf.String())
		w.mu.Unlock()
		if m != nil {
			return m
		}
		select {
		case <-w.wrote:
		case <-timeout:
			w.mu.Lock()
			defer w.mu.Unlock()
			t.Fatalf("the output never matched %s:\n%s", re, w.buf.String())
		}
	}
}
