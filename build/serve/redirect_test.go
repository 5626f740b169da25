package serve

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"handbook/build/output"
)

// redirectSite is a site in memory with folders whose names a hostile
// request could turn into another host: "evil.com", and "vi".
func redirectSite(t *testing.T) *output.Memory {
	t.Helper()
	site := output.NewMemory()
	for _, name := range []string{"index.html", "vi/index.html", "vi/principles/index.html", "evil.com/index.html", "vi/nguyên-tắc/index.html"} {
		if err := site.WriteFile(name, []byte("<!DOCTYPE html><title>"+name+"</title>")); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

// rawRedirect sends a request line as written, without the cleaning an
// HTTP client does, and returns the status and the Location header.
func rawRedirect(t *testing.T, serverURL, target string) (int, string) {
	t.Helper()
	u, _ := url.Parse(serverURL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, u.Host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location")
}

// Every redirect the preview makes leads to a path of its own host,
// however the request's path was written: never "//host/" (which a
// browser reads as another host), never "/\host/", which some read so.
func TestRedirectsStayOnTheHost(t *testing.T) {
	site := redirectSite(t)
	h := &handler{site: func() *output.Memory { return site }, index: func() *output.Memory { return nil }, events: http.NotFoundHandler(), status: func() string { return "" }}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	cases := []struct {
		target, location string // "" when there must be no redirect
	}{
		{"/vi", "/vi/"},
		{"/vi?q=khach%20hang", "/vi/?q=khach%20hang"},
		{"/vi/principles", "/vi/principles/"},
		{"//vi", "/vi/"},
		{"///vi", "/vi/"},
		{"//evil.com", "/evil.com/"},
		{"//evil.com?x=1", "/evil.com/?x=1"},
		{"/%2F%2Fevil.com", "/evil.com/"},
		{"/%2fevil.com", "/evil.com/"},
		{"/./vi", "/vi/"},
		{"//./vi", "/vi/"},
		{"/.//evil.com", "/evil.com/"},
		{"/vi/./principles", "/vi/principles/"},
		{"/vi/.", "/vi/"},
		{"/.", ""},
		{"//.", ""},
		{"/vi/nguy%C3%AAn-t%E1%BA%AFc", "/vi/nguy%C3%AAn-t%E1%BA%AFc/"},
		{"/\\evil.com", ""},
		{"/%5Cevil.com", ""},
		{"/%5C%5Cevil.com", ""},
		{"/vi/..", ""},
		{"/", ""},
		{"/vi/", ""},
	}
	for _, c := range cases {
		code, loc := rawRedirect(t, srv.URL, c.target)
		if c.location == "" {
			if code >= 300 && code < 400 {
				t.Errorf("GET %s: %d to %q, want no redirect", c.target, code, loc)
			}
			continue
		}
		if code != http.StatusFound || loc != c.location {
			t.Errorf("GET %s: %d to %q, want %d to %q", c.target, code, loc, http.StatusFound, c.location)
		}
		checkSameHost(t, srv.URL, c.target, loc)
	}
}

// checkSameHost fails when a browser at base would follow loc to another
// host: a Location is read with a browser's leniency, where backslashes
// are slashes.
func checkSameHost(t *testing.T, base, target, loc string) {
	t.Helper()
	if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.ContainsAny(loc, "\\\r\n") {
		t.Errorf("GET %s: Location %q is not a path of this host", target, loc)
		return
	}
	b, _ := url.Parse(base)
	u, err := b.Parse(loc)
	if err != nil || u.Host != b.Host {
		t.Errorf("GET %s: Location %q leads to host %q", target, loc, u.Host)
	}
}

// refreshURL finds the target of a page's <meta http-equiv="refresh">.
var refreshURL = regexp.MustCompile(`http-equiv="refresh" content="0; url=([^"]*)"`)

// The pages that send the browser on, the root to the default language
// and an alias to its page, lead to pages of the preview itself.
func TestRedirectPagesStayOnThePreview(t *testing.T) {
	root := newSite(t)
	tp := startPreview(t, root, func(o *Options) { o.Build.Overrides.BaseURL = "http://127.0.0.1:1313/" })
	for _, c := range []struct{ path, want string }{
		{"/", "/vi/"},
		{"/vi/gioi-thieu/", "/vi/about/"},
		{"//vi/gioi-thieu/", "/vi/about/"},
	} {
		code, body := rawGet(t, tp.url, c.path)
		m := refreshURL.FindStringSubmatch(body)
		if code != http.StatusOK || m == nil {
			t.Errorf("GET %s: %d, no refresh in %.200q", c.path, code, body)
			continue
		}
		u, err := url.Parse(m[1])
		if err != nil || (u.Host != "" && u.Host != "127.0.0.1:1313") || u.Path != c.want {
			t.Errorf("GET %s: refreshes to %q, want %s on the preview", c.path, m[1], c.want)
		}
	}
}

// The page a browser is sent to after an edit (--navigate) is a path of
// the preview's host, or none: an address that a browser reads as
// another host is dropped.
func TestNavigateStaysOnTheHost(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"/vi/about/", "/vi/about/"},
		{"/vi/nguyên-tắc/", "/vi/nguyên-tắc/"},
		{"//evil.com/", ""},
		{"/\\evil.com/", ""},
		{"/\t/evil.com/", ""},
		{"/\n/evil.com/", ""},
		{"https://evil.com/", ""},
		{"javascript:alert(1)", ""},
		{"vi/about/", ""},
	} {
		if got := onThisHost(c.url); got != c.want {
			t.Errorf("onThisHost(%q) = %q, want %q", c.url, got, c.want)
		}
	}
}
