package serve

import (
	"bytes"
	_ "embed" // live.js
)

// liveJS is the live-reload script, served at scriptPath.
//
//go:embed live.js
var liveJS []byte

// The preview's own paths, beside the site's.
const (
	scriptPath = "/_handbook/live.js"
	eventsPath = "/_handbook/events"
)

// scriptTag loads the live-reload script.
const scriptTag = `<script src="` + scriptPath + `"></script>`

// inject adds the live-reload script to a page as it is served, before
// its </body>, or at its end when it has none. The site in memory stays
// as the build makes it.
func inject(page []byte) []byte {
	at := lastIndexFold(page, []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag)+1)
	out = append(out, page[:at]...)
	out = append(out, scriptTag...)
	out = append(out, '\n')
	return append(out, page[at:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case; tag is lower case.
func lastIndexFold(s, tag []byte) int {
	for i := len(s) - len(tag); i >= 0; i-- {
		if s[i] == '<' && bytes.EqualFold(s[i:i+len(tag)], tag) {
			return i
		}
	}
	return -1
}
