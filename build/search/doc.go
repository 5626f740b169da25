// Package search is the index stage of the pipeline and the search over
// its output: it turns every rendered page into tokens (folded: marks
// removed and đ written d, French elisions split, Vietnamese syllables
// paired), writes one sharded index per language beside the site, and
// answers queries over that index the same way the theme's JavaScript
// client does.
//
// The tokenizer here and the one in themes/default/static/js/search.js
// must agree token for token; testdata/tokens.json holds the cases both
// are tested against.
package search
