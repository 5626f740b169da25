package search

// FrenchStopWordsForTest is the folded French stop-word list that
// meta.json carries to the JavaScript client, for the shared test vectors.
var FrenchStopWordsForTest = frenchStopWords
