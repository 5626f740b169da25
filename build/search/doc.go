// Package search is the index stage of the pipeline: it counts the words
// of every rendered page (as package tokenize splits and folds them,
// Vietnamese syllables paired) and writes one sharded index per language
// beside the site. The types of its files (Meta, Shard, Term, Postings,
// Doc) are exported for package query, which reads them back; the output
// does not depend on the order pages were added in.
package search
