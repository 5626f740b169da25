package publish_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/publish"
	"handbook/build/search/query"
	"handbook/internal/sitetest"
)

// TestNginx publishes the repository's handbook under a sub-path to a
// folder that a real nginx serves, fetches pages and runs a search over
// HTTP, publishes a changed handbook while clients keep requesting pages,
// and rolls back. Every response must be a whole file of one release or
// the other, and once a client has seen the new release, no request
// started later may be answered from the old one.
func TestNginx(t *testing.T) {
	nginx := sitetest.NeedTool(t, "nginx (apt-get install nginx)", "nginx", "/usr/sbin/nginx")
	if testing.Short() {
		t.Skip("starts nginx")
	}
	site := copyHandbook(t)
	to := filepath.Join(t.TempDir(), "www")
	srv := startNginx(t, nginx, to)
	opts := publish.Options{
		Site: build.Options{Source: site, Overrides: config.Overrides{BaseURL: srv.url + "/handbook/"}},
		To:   to,
	}

	a, err := publish.Publish(opts)
	if err != nil {
		t.Fatalf("first publish: %v %v", err, a.Site.Diags.Sorted())
	}
	checkServed(t, srv)
	releaseA := readRelease(t, to, a.Release)

	// The original of fr/about.md changes: the new release's French page
	// also gains the notice that its translation is out of date.
	appendFile(t, filepath.Join(site, "content", "vi", "about.md"), "\nPhiên bản mới của trang này.\n")
	var b *publish.Result
	responses := srv.load(t, func() {
		if b, err = publish.Publish(opts); err != nil {
			t.Errorf("second publish: %v", err)
		}
	})
	if t.Failed() {
		t.FailNow()
	}
	releaseB := readRelease(t, to, b.Release)
	checkReleases(t, responses, releaseA, releaseB)
	if got := srv.get(t, "/handbook/fr/about/"); !strings.Contains(got, "notice-outdated") {
		t.Error("the out-of-date translation has no notice")
	}

	from, back, err := publish.Rollback(publish.Options{To: to})
	if err != nil || from != b.Release || back != a.Release {
		t.Fatalf("rollback %s -> %s: %v", from, back, err)
	}
	if got := srv.get(t, "/handbook/vi/about/"); got != string(releaseA["vi/about/index.html"]) {
		t.Error("after the rollback, nginx does not serve the first release")
	}
}

// copyHandbook copies the repository's handbook into a folder the test
// may change.
func copyHandbook(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(filepath.Join(dst, "content"), os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join("..", "..", config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, config.FileName), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// nginxServer is an nginx serving a publish folder's current release at
// /handbook/.
type nginxServer struct {
	url    string // http://127.0.0.1:port
	client *http.Client
}

// nginxConf runs nginx in the foreground as one process (so it never
// switches to a user that cannot read the test's folders), with every
// path it writes in the test's folder.
const nginxConf = `daemon off;
master_process off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events { worker_connections 256; }
http {
  types { text/html html; text/css css; application/javascript js; application/json json; application/xml xml; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  server {
    listen 127.0.0.1:{port};
    location /handbook/ {
      alias {to}/current/;
      error_page 404 /handbook/404.html;
    }
  }
}
`

// startNginx starts nginx on a free loopback port. A port can be taken
// between finding it free and nginx binding it: then it tries another.
func startNginx(t *testing.T, nginx, to string) *nginxServer {
	t.Helper()
	var lastErr error
	for range 3 {
		srv, err := tryNginx(t, nginx, to)
		if err == nil {
			return srv
		}
		lastErr = err
	}
	t.Fatal(lastErr)
	return nil
}

func tryNginx(t *testing.T, nginx, to string) (*nginxServer, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir := t.TempDir()
	conf := strings.NewReplacer("{dir}", dir, "{port}", strconv.Itoa(port), "{to}", to).Replace(nginxConf)
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(conf), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(nginx, "-p", dir, "-c", filepath.Join(dir, "nginx.conf"), "-e", filepath.Join(dir, "error.log"))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	if err := waitListening(addr, exited); err != nil {
		_ = cmd.Process.Kill()
		log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
		return nil, fmt.Errorf("nginx did not start: %v\n%s%s", err, stderr.Bytes(), log)
	}
	t.Cleanup(func() { stopNginx(t, cmd, exited) })
	transport := &http.Transport{MaxIdleConnsPerHost: 16}
	t.Cleanup(transport.CloseIdleConnections)
	return &nginxServer{url: "http://" + addr, client: &http.Client{Transport: transport, Timeout: 10 * time.Second}}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitListening waits until addr accepts connections, or nginx exits, or
// ten seconds pass.
func waitListening(addr string, exited <-chan error) error {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("nginx exited: %v", err)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return errors.New("nothing listens on " + addr)
}

// stopNginx asks nginx to finish its requests and exit, and kills it if
// it does not.
func stopNginx(t *testing.T, cmd *exec.Cmd, exited <-chan error) {
	_ = cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
		t.Error("nginx did not stop on SIGQUIT")
	}
}

func (s *nginxServer) fetch(path string) (int, []byte, error) {
	resp, err := s.client.Get(s.url + path)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

func (s *nginxServer) get(t *testing.T, path string) string {
	t.Helper()
	code, body, err := s.fetch(path)
	if err != nil || code != http.StatusOK {
		t.Fatalf("GET %s: %d %v", path, code, err)
	}
	return string(body)
}

// checkServed fetches the site as a browser would: pages, their assets,
// the sitemap, and a search, all under the sub-path.
func checkServed(t *testing.T, s *nginxServer) {
	t.Helper()
	home := s.get(t, "/handbook/vi/")
	for _, want := range []string{`href="/handbook/css/style.css"`, `data-search="/handbook/_search/"`, `src="/handbook/js/search.js"`, `<a href="/handbook/vi/principles/"`} {
		if !strings.Contains(home, want) {
			t.Errorf("/handbook/vi/ lacks %s", want)
		}
	}
	for _, path := range []string{"/handbook/", "/handbook/css/style.css", "/handbook/js/search.js", "/handbook/fr/about/", "/handbook/_search/fr/meta.json"} {
		s.get(t, path)
	}
	if code, body, err := s.fetch("/handbook/vi/no-such-page/"); err != nil || code != http.StatusNotFound ||
		!strings.Contains(string(body), `href="/handbook/css/style.css"`) {
		t.Errorf("a missing page: %d %v, want 404 with the site's 404 page", code, err)
	}
	if sitemap := s.get(t, "/handbook/sitemap.xml"); !strings.Contains(sitemap, "<loc>"+s.url+"/handbook/vi/about/</loc>") {
		t.Error("the sitemap's addresses are not under the sub-path")
	}
	// The Go query engine reads the index over HTTP, fetching the files
	// the browser's search would.
	searcher := query.NewSearcher(httpFS{s, "/handbook/"})
	ans, err := searcher.Query("khách hàng", []string{"vi"}, 3)
	if err != nil || len(ans.Results) == 0 {
		t.Fatalf("search over HTTP: %v %v", ans, err)
	}
	for _, r := range ans.Results {
		if !strings.HasPrefix(r.URL, "/handbook/vi/") {
			t.Errorf("search result %s is not under the sub-path", r.URL)
		}
		s.get(t, r.URL)
	}
}

// httpFS is a site served over HTTP as an fs.FS.
type httpFS struct {
	s    *nginxServer
	base string
}

func (h httpFS) Open(name string) (fs.File, error) {
	code, body, err := h.s.fetch(h.base + name)
	switch {
	case err != nil:
		return nil, err
	case code == http.StatusNotFound:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case code != http.StatusOK:
		return nil, fmt.Errorf("GET %s: %d", name, code)
	}
	return fstest.MapFS{name: {Data: body}}.Open(name)
}

// loadPaths are what the clients request while a publish runs: pages,
// assets, the search index's entry point.
var loadPaths = []string{
	"/handbook/", "/handbook/vi/", "/handbook/vi/about/", "/handbook/fr/about/",
	"/handbook/css/style.css", "/handbook/_search/vi/meta.json", "/handbook/sitemap.xml",
}

// response is one request made during the load, ordered by a counter
// taken when it started and when it ended.
type response struct {
	path       string
	code       int
	err        error
	sum        [sha256.Size]byte
	start, end int64
}

// load runs clients that request loadPaths over and over while publish
// runs: each makes a full round before it starts, and another after it
// returned.
func (s *nginxServer) load(t *testing.T, publish func()) []response {
	const clients = 4
	var (
		clock    atomic.Int64
		mu       sync.Mutex
		all      []response
		started  sync.WaitGroup
		finished = make(chan struct{})
		done     sync.WaitGroup
	)
	round := func() {
		for _, p := range loadPaths {
			r := response{path: p, start: clock.Add(1)}
			var body []byte
			r.code, body, r.err = s.fetch(p)
			r.end, r.sum = clock.Add(1), sha256.Sum256(body)
			mu.Lock()
			all = append(all, r)
			mu.Unlock()
		}
	}
	started.Add(clients)
	done.Add(clients)
	for range clients {
		go func() {
			defer done.Done()
			round()
			started.Done()
			for {
				select {
				case <-finished:
					round()
					return
				default:
					round()
				}
			}
		}()
	}
	started.Wait()
	publish()
	close(finished)
	done.Wait()
	return all
}

// readRelease reads a release's files by site path.
func readRelease(t *testing.T, to, id string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	root := filepath.Join(to, "releases", id)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkReleases checks every response against the files of the two
// releases.
func checkReleases(t *testing.T, responses []response, a, b map[string][]byte) {
	t.Helper()
	var (
		firstB     int64 = -1 // when the first response only b has ended
		sawA, sawB bool
		onlyA      []response
	)
	for _, r := range responses {
		if r.err != nil || r.code != http.StatusOK {
			t.Errorf("GET %s during the publish: %d %v", r.path, r.code, r.err)
			continue
		}
		file := sitePath(r.path)
		inA, inB := r.sum == sha256.Sum256(a[file]), r.sum == sha256.Sum256(b[file])
		switch {
		case !inA && !inB:
			t.Errorf("GET %s returned a file of neither release", r.path)
		case inA && !inB:
			sawA = true
			onlyA = append(onlyA, r)
		case inB && !inA:
			sawB = true
			if firstB < 0 || r.end < firstB {
				firstB = r.end
			}
		}
	}
	if !sawA || !sawB {
		t.Errorf("the clients did not see both releases (first %v, second %v)", sawA, sawB)
	}
	for _, r := range onlyA {
		if firstB >= 0 && r.start > firstB {
			t.Errorf("GET %s, started after the new release was served, returned the old one", r.path)
		}
	}
	t.Logf("%d requests during the publish", len(responses))
}

// sitePath is the file nginx serves for a request path.
func sitePath(p string) string {
	p = strings.TrimPrefix(p, "/handbook/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}
