// Package serve owns the live preview of a site: `handbook serve`. It
// watches the site's files, rebuilds in memory only what an edit touches
// (preview.Live), serves the site from memory, and tells the browsers to
// reload over Server-Sent Events, showing the site's errors over the
// page until they are fixed.
//
// The parts, each in its own file:
//
//	watch.go    fsnotify, recursive, bursts coalesced (poll.go when the
//	            system runs out of watches)
//	rebuild.go  which kind of rebuild a batch of changed files needs, and
//	            running it; search.go refreshes the search index behind
//	server.go   the HTTP handler over the in-memory site
//	events.go   the Server-Sent Events to the browsers
//	inject.go   the live-reload script (live.js) added to served pages
//	preview.go  Preview, which ties them together
package serve
