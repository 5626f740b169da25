// Package fold turns text into the plain forms that headings' anchors and,
// later, the search index are built from: marks removed, đ written d,
// lower case. It is the lowest layer of the pipeline and depends on
// nothing else in it.
package fold
