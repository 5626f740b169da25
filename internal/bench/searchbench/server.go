package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// server serves the built site on the loopback interface, as a static host
// would, and counts the bytes it writes on the wire for each request:
// status line, headers and body, as the browser receives them. It sees the
// requests of every target of the browser, web workers included, which the
// DevTools protocol of a page does not (and Chrome reports the main script of
// a dedicated worker as its headers only).
type server struct {
	root string
	gzip bool
	url  string
	srv  *http.Server

	phase    atomic.Int32
	inflight atomic.Int32
	last     atomic.Int64 // UnixNano of the last request's start

	mu   sync.Mutex
	reqs []*served
}

// served is one request the server answered.
type served struct {
	phase  int32
	path   string
	status int
	body   int64
	wire   atomic.Int64 // everything written on the connection for it
}

// wireConn counts what is written on a connection into the request it is
// answering: HTTP/1.1 answers one request at a time on a connection, and
// the rest of a response is flushed before the next request is read.
type wireConn struct {
	net.Conn
	cur atomic.Pointer[served]
}

func (c *wireConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	if r := c.cur.Load(); r != nil {
		r.wire.Add(int64(n))
	}
	return n, err
}

type wireListener struct{ net.Listener }

func (l wireListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &wireConn{Conn: c}, nil
}

type connKey struct{}

func startServer(root string, gz bool) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &server{root: root, gzip: gz}
	files := http.FileServer(http.Dir(root))
	s.srv = &http.Server{
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			return context.WithValue(ctx, connKey{}, c)
		},
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.inflight.Add(1)
			defer s.inflight.Add(-1)
			s.last.Store(time.Now().UnixNano())
			rec := &served{phase: s.phase.Load(), path: r.URL.Path}
			if c, ok := r.Context().Value(connKey{}).(*wireConn); ok {
				c.cur.Store(rec)
			}
			cw := &countingWriter{ResponseWriter: w}
			if r.URL.Path == "/favicon.ico" {
				http.NotFound(cw, r)
			} else if s.gzip && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && s.compressible(r.URL.Path) {
				s.serveGzip(cw, r)
			} else {
				files.ServeHTTP(cw, r)
			}
			rec.body, rec.status = cw.n, cw.status
			s.mu.Lock()
			s.reqs = append(s.reqs, rec)
			s.mu.Unlock()
		}),
	}
	s.url = "http://" + ln.Addr().String()
	go s.srv.Serve(wireListener{ln})
	return s, nil
}

func (s *server) close() { s.srv.Close() }

// setPhase makes the requests from now on count in phase p.
func (s *server) setPhase(p int32) { s.phase.Store(p) }

// idle reports whether no request is being answered and none started in
// the last quiet.
func (s *server) idle(quiet time.Duration) bool {
	return s.inflight.Load() == 0 && time.Since(time.Unix(0, s.last.Load())) >= quiet
}

// reset forgets every request.
func (s *server) reset() {
	s.mu.Lock()
	s.reqs = nil
	s.mu.Unlock()
}

// serverCount is what the server sent in one phase.
type serverCount struct {
	Requests int
	Wire     int64 // bytes written on the wire: status lines, headers, bodies
	Body     int64 // bodies alone
	Early    int64 // the part of Wire fetched during the page load
}

// take sums the requests of phase p, and those of the page load whose path
// keep accepts; it forgets every request of phase p and of earlier phases.
func (s *server) take(p int32, keep func(string) bool) serverCount {
	s.mu.Lock()
	defer s.mu.Unlock()
	var c serverCount
	rest := s.reqs[:0]
	for _, r := range s.reqs {
		if r.phase > p {
			rest = append(rest, r)
			continue
		}
		if r.path == "/favicon.ico" {
			continue // asked for by the browser itself, not by the page
		}
		if r.phase == p || (r.phase == phaseLoad && keep != nil && keep(r.path)) {
			c.Requests++
			c.Wire += r.wire.Load()
			c.Body += r.body
			if r.phase != p {
				c.Early += r.wire.Load()
			}
		}
	}
	s.reqs = rest
	return c
}

// compressible reports whether a static host with compression on would
// compress the file: text and WebAssembly, unless it is gzip already (the
// handbook's .json.gz and every Pagefind index file are).
func (s *server) compressible(urlPath string) bool {
	switch path.Ext(urlPath) {
	case ".js", ".mjs", ".css", ".html", ".json", ".wasm", ".svg", ".xml", ".txt", ".pagefind":
	default:
		if !strings.HasSuffix(urlPath, "/") {
			return false
		}
		urlPath += "index.html"
	}
	f, err := os.Open(filepath.Join(s.root, filepath.FromSlash(path.Clean("/"+urlPath))))
	if err != nil {
		return false
	}
	defer f.Close()
	magic := make([]byte, 2)
	n, _ := f.Read(magic)
	return !(n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
}

// serveGzip serves the file gzip-encoded, as a host with compression on
// does.
func (s *server) serveGzip(w http.ResponseWriter, r *http.Request) {
	rec := &bufferWriter{header: http.Header{}}
	http.FileServer(http.Dir(s.root)).ServeHTTP(rec, r)
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if rec.status != http.StatusOK {
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
		return
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.DefaultCompression)
	zw.Write(rec.body.Bytes())
	zw.Close()
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Vary", "Accept-Encoding")
	w.Header().Set("Content-Length", strconv.Itoa(z.Len()))
	w.Header().Del("Accept-Ranges")
	w.WriteHeader(http.StatusOK)
	w.Write(z.Bytes())
}

type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (w *countingWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *countingWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.n += int64(n)
	return n, err
}

type bufferWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (w *bufferWriter) Header() http.Header { return w.header }

func (w *bufferWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *bufferWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.body.Write(p)
}
