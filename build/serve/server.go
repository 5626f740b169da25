package serve

import (
	"bytes"
	"html"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"handbook/build"
	"handbook/build/content"
	"handbook/build/output"
	"handbook/build/search"
)

// handler serves the site from memory: the files the last good build
// made, nothing else, so no request can reach a file outside the site.
type handler struct {
	// site and index return the output being served: the site, and the
	// search index, which is written behind it; nil before the first.
	site, index func() *output.Memory
	events      http.Handler
	// status says why there is no site yet, for the page shown instead.
	status func() string
	// translation finds a translation by its URL, for the translator's
	// views.
	translation func(u string) (*build.Site, *content.Page, bool)
	// outdated says whether the page at a URL is a translation out of
	// date, whose theme may not say so.
	outdated func(u string) bool
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		h.events.ServeHTTP(w, r)
		return
	case scriptPath:
		serveBytes(w, r, http.StatusOK, "text/javascript; charset=utf-8", liveJS)
		return
	}
	if h.translation != nil && strings.HasPrefix(r.URL.Path, translatePrefix+"/") {
		h.serveTranslation(w, r)
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	files := h.site()
	if strings.HasPrefix(name, search.Dir+"/") {
		if files = h.index(); files == nil {
			http.Error(w, "the search index is being written", http.StatusServiceUnavailable)
			return
		}
	}
	if files == nil {
		h.serveStatus(w, r)
		return
	}
	if data, ok := files.File(name); ok {
		if h.outdated != nil && strings.HasSuffix(name, ".html") {
			data = linkTranslatorsView(data, name, h.outdated)
		}
		serveFile(w, r, http.StatusOK, name, data)
		return
	}
	if _, ok := files.File(name + "/index.html"); ok {
		// A folder asked for without its slash: the page's relative
		// links need it.
		http.Redirect(w, r, folderURL(name, r.URL.RawQuery), http.StatusFound)
		return
	}
	if site := h.site(); site != nil {
		if data, ok := site.File("404.html"); ok {
			serveFile(w, r, http.StatusNotFound, "404.html", data)
			return
		}
	}
	http.NotFound(w, r)
}

// sitePath turns a request's path into the path of a file of the site:
// "/vi/" is "vi/index.html". It refuses any path with a ".." segment, a
// backslash or a NUL, however they were escaped.
func sitePath(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		// "/." is the root as much as "/" is.
		name = path.Join(name, "index.html")
	}
	return name, true
}

// folderURL is where a request for the folder name of the site, without
// its slash, is sent: that folder's path on this host. It is made from the
// cleaned name, never from the request's path as written, which a browser
// would read as another host when it starts with "//" ("//evil.com",
// or "/%2fevil.com" once decoded).
func folderURL(name, rawQuery string) string {
	target := (&url.URL{Path: "/" + name + "/"}).EscapedPath()
	if rawQuery != "" {
		target += "?" + rawQuery
	}
	return target
}

// serveFile writes a site file with its content type, adding the
// live-reload script to pages.
func serveFile(w http.ResponseWriter, r *http.Request, status int, name string, data []byte) {
	ctype := contentType(name, data)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data)
	}
	serveBytes(w, r, status, ctype, data)
}

// serveBytes writes a response the browser never caches: the preview's
// files change with every save.
func serveBytes(w http.ResponseWriter, r *http.Request, status int, ctype string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if status == http.StatusOK {
		// ServeContent answers ranges and HEAD.
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// contentTypes are the types the preview must get right whatever the
// system's MIME tables say: the search index is gzip that the page
// inflates itself, so it must not be sent as an encoding.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".gz":   "application/gzip",
	".xml":  "application/xml; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
}

func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// serveStatus answers while there is no site to serve: the first build
// is running, or failed. The page carries the live-reload script, which
// shows the errors and reloads once the site is built.
func (h *handler) serveStatus(w http.ResponseWriter, r *http.Request) {
	page := `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>handbook serve</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; margin: 2rem">
<h1>handbook serve</h1>
<p>` + html.EscapeString(h.status()) + `</p>
</body></html>
`
	serveFile(w, r, http.StatusServiceUnavailable, "status.html", []byte(page))
}
