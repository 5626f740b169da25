// Command reload measures how long a live-preview server takes from the
// save of a page to the reload message its browsers get: `handbook serve`
// (Server-Sent Events) or `hugo server` (its livereload WebSocket). It
// starts the server on a site (or connects to one already running),
// appends a line to a page N times with a pause between, and prints the
// median, minimum and maximum. The page is put back as it was at the end.
// internal/bench/reload.sh runs it for both servers on generated corpora.
//
// Usage: reload [flags] SITE
package main
