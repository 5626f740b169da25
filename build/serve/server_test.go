package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"handbook/build/search"
	"handbook/build/search/query"
)

// rawGet sends a request line as written, without the cleaning an HTTP
// client does, and returns the status and body.
func rawGet(t *testing.T, serverURL, target string) (int, string) {
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
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// No request reaches a file outside the site, however it is written.
func TestPathTraversalRefused(t *testing.T) {
	root := newSite(t)
	writeFile(t, root, "secret.txt", "TOP SECRET")
	tp := startPreview(t, root, nil)
	for _, target := range []string{
		"/../secret.txt",
		"/../../../../etc/passwd",
		"/vi/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/vi/%2e%2e/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/vi/..%5c..%5csecret.txt",
		"/secret.txt",
		"/handbook.toml",
		"/content/vi/about.md",
		"/%00/etc/passwd",
	} {
		code, body := rawGet(t, tp.url, target)
		if code == http.StatusOK || strings.Contains(body, "TOP SECRET") || strings.Contains(body, "root:") || strings.Contains(body, "baseURL") {
			t.Errorf("GET %s: status %d, body %.80q", target, code, body)
		}
	}
}

// Files are served from memory with their types; pages get the script,
// other files do not; a folder without its slash redirects; a missing
// page is the site's 404 page.
func TestServing(t *testing.T) {
	root := newSite(t)
	tp := startPreview(t, root, nil)
	cases := []struct {
		path, ctype string
		code        int
		script      bool
	}{
		{"/", "text/html; charset=utf-8", 200, true},
		{"/vi/principles/customer-obsession/", "text/html; charset=utf-8", 200, true},
		{"/css/style.css", "text/css; charset=utf-8", 200, false},
		{"/css/extra.css", "text/css; charset=utf-8", 200, false},
		{"/sitemap.xml", "application/xml; charset=utf-8", 200, false},
		{"/robots.txt", "text/plain; charset=utf-8", 200, false},
		{"/no/such/page/", "text/html; charset=utf-8", 404, true},
		{scriptPath, "text/javascript; charset=utf-8", 200, false},
	}
	for _, c := range cases {
		resp, err := http.Get(tp.url + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.code || resp.Header.Get("Content-Type") != c.ctype {
			t.Errorf("%s: %d %q, want %d %q", c.path, resp.StatusCode, resp.Header.Get("Content-Type"), c.code, c.ctype)
		}
		if got := strings.Contains(string(body), scriptTag); got != c.script {
			t.Errorf("%s: script injected = %v, want %v", c.path, got, c.script)
		}
		if c.script && strings.Index(string(body), scriptTag) > strings.LastIndex(string(body), "</body>") {
			t.Errorf("%s: the script is not before </body>", c.path)
		}
	}
	// The site in memory stays as a build writes it.
	page, _ := tp.rb.site().File("vi/index.html")
	if strings.Contains(string(page), "_handbook") {
		t.Error("the script got into the site in memory")
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(tp.url + "/vi/principles")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/vi/principles/" {
		t.Errorf("/vi/principles: %d to %q, want a redirect to /vi/principles/", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// The search index is served, as gzip the page inflates itself, and
// follows the edits.
func TestSearchFollowsRebuilds(t *testing.T) {
	root := newSite(t)
	tp := startPreview(t, root, nil)
	es, _ := tp.listen(t)
	waitIndexed(t, tp, 0)
	resp, err := http.Get(tp.url + "/_search/vi/meta.json")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("meta.json: %d", resp.StatusCode)
	}
	editFile(t, root, "content/vi/principles/bias-for-action.md", "Nhanh.", "Nhanh như ngựa vằn.")
	es.next(t, eventReload)
	waitIndexed(t, tp, tp.rb.generation.Load())
	files := fstest.MapFS{}
	index := tp.ix.index()
	for _, p := range index.Paths() {
		data, _ := index.File(p)
		files[p] = &fstest.MapFile{Data: data}
	}
	answer, err := query.NewSearcher(files).Query("ngựa vằn", []string{"vi"}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(answer.Results) == 0 || answer.Results[0].URL != "/vi/principles/bias-for-action/" {
		t.Errorf("search for the new words: %+v", answer.Results)
	}
	resp, err = http.Get(tp.url + "/_search/vi/s/" + search.ShardOf("ngua") + ".json.gz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/gzip" || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("a shard: %d %q encoding %q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Encoding"))
	}
}

// waitIndexed waits for a search index of at least the given generation.
func waitIndexed(t *testing.T, tp *testPreview, generation uint64) {
	t.Helper()
	for {
		select {
		case g := <-tp.indexed:
			if g >= generation {
				return
			}
		case <-time.After(waitTimeout):
			t.Fatalf("no search index of generation %d", generation)
		}
	}
}
