// Package markdown is the parse-and-link stage of the pipeline: it turns
// each page's Markdown body into HTML with goldmark, and on the way
// rewrites links between pages into site URLs, gives headings readable
// anchors, highlights code with chroma, and collects the table of
// contents. Links to pages or anchors that do not exist are reported with
// the file and line they were written on.
//
// A page's shortcodes are expanded first (build/shortcode), and their
// HTML written in place of the markers they leave (shortcodes.go);
// GitHub's alerts become the same callouts (alerts.go).
//
// The goldmark configuration is assembled by composition: each concern is
// its own extension (links.go, headings.go, rawhtml.go), added to a plain
// goldmark instance per language.
package markdown
