// Command floor measures the least any goldmark-based generator can do
// with a content tree: read every Markdown file, convert it with GFM and
// write the HTML to a pretty URL, on all cores. internal/bench/compare.sh
// times it beside handbook and Hugo, so their times can be read as a
// multiple of this floor.
//
// Usage: floor CONTENT_DIR OUTPUT_DIR
package main
