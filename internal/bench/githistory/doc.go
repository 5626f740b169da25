// Command githistory writes a synthetic git history of a generated
// corpus as a git fast-import stream, for internal/bench/githistory.sh:
// a first commit holding every file, then one commit an hour, each
// changing a few pages' text, restamping a translation, reformatting a
// page, adding a page or renaming one. The same flags write the same
// stream.
//
// Usage: githistory -commits N SITE_DIR | git -C SITE_DIR fast-import
package main
