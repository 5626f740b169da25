// Package tokenize turns text into the words the search index and its
// queries compare: it splits text into tokens, folds them (marks removed,
// đ written d, lowercased), splits French elisions, marks Vietnamese
// syllables that may pair, stems French words, knows French stop words,
// and reads words typed with Telex or VNI keys.
//
// The tokenizer here and the one in themes/default/static/js/search.js
// must agree token for token; build/search/testdata/tokens.json holds
// the cases both are tested against.
package tokenize
