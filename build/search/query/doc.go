// Package query answers searches over the index a build wrote, with the
// matching and ranking of the theme's search box: the query engine of
// `handbook search` and of the tests that compare the Go and JavaScript
// clients. It reads the index's files only, through fs.FS.
package query
