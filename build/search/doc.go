// Package search is the index stage of the pipeline and the search over
// its output: it counts the words of every rendered page (as package
// tokenize splits and folds them, Vietnamese syllables paired), writes
// one sharded index per language beside the site, and answers queries
// over that index the same way the theme's JavaScript client does.
package search
