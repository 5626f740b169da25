package check

import (
	"html"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"

	"handbook/build/output"
)

// recorder passes a site's files on to an output and remembers what was
// written, and where each HTML file's links lead: the site as a reader
// sees it, whatever the theme shows.
type recorder struct {
	next output.Writer
	base string // the base path, without its last "/"

	mu    sync.Mutex
	files map[string]bool     // site paths written ("vi/about/index.html")
	links map[string][]string // HTML file → the site paths its <a> lead to ("/vi/about/")
}

func newRecorder(next output.Writer, basePath string) *recorder {
	return &recorder{
		next:  next,
		base:  strings.TrimSuffix(basePath, "/"),
		files: map[string]bool{},
		links: map[string][]string{},
	}
}

func (r *recorder) WriteFile(sitePath string, data []byte) error {
	var links []string
	if strings.HasSuffix(sitePath, ".html") {
		links = r.siteLinks(sitePath, data)
	}
	r.mu.Lock()
	r.files[sitePath] = true
	if links != nil {
		r.links[sitePath] = links
	}
	r.mu.Unlock()
	return r.next.WriteFile(sitePath, data)
}

// Create passes a file written part by part on, recording that it
// exists. Such a file is a print page, which holds pages whose own files
// are recorded: its links, which lead where theirs do, are not read.
func (r *recorder) Create(sitePath string) (io.WriteCloser, error) {
	r.mu.Lock()
	r.files[sitePath] = true
	r.mu.Unlock()
	return output.Create(r.next, sitePath)
}

func (r *recorder) CopyFile(sitePath, src string) error {
	r.mu.Lock()
	r.files[sitePath] = true
	r.mu.Unlock()
	return r.next.CopyFile(sitePath, src)
}

// anchorHref finds the destination of each <a> element. The HTML is the
// theme's templates' and goldmark's, which always quote attributes.
var anchorHref = regexp.MustCompile(`<a\s[^>]*?\bhref="([^"]*)"`)

// siteLinks returns the site paths the links of an HTML file lead to,
// resolved as the browser would, leaving out links that leave the site.
func (r *recorder) siteLinks(file string, data []byte) []string {
	here := &url.URL{Path: r.base + "/" + path.Dir(file) + "/"}
	var out []string
	for _, m := range anchorHref.FindAllSubmatch(data, -1) {
		u, err := url.Parse(html.UnescapeString(string(m[1])))
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
			continue
		}
		if p, ok := r.sitePath(here.ResolveReference(u).Path); ok {
			out = append(out, p)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// sitePath strips the base path from an address path.
func (r *recorder) sitePath(p string) (string, bool) {
	if !strings.HasPrefix(p, r.base+"/") {
		return "", false
	}
	return p[len(r.base):], true
}

// linksOf returns the site paths an HTML file links to.
func (r *recorder) linksOf(file string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.links[file]
}

// exists reports whether a site path ("/vi/about/", "/css/style.css")
// leads to a written file, as a web server would find it: a folder by its
// index.html.
func (r *recorder) exists(sitePath string) bool {
	p := strings.TrimPrefix(sitePath, "/")
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case p == "" || strings.HasSuffix(p, "/"):
		return r.files[p+"index.html"]
	default:
		return r.files[p] || r.files[p+"/index.html"]
	}
}
