// Package content owns the handbook's pages: the second and third stages
// of the pipeline. Load reads every language's content folder into a Set
// (front matter, body, resources beside the pages); Link then ties the
// pages together: sections, previous/next, translations by
// translationKey, and the handbook's relations between principles,
// letters, quotes, stories and exercises.
//
// The Markdown stage fills in each page's HTML later; this package never
// renders anything.
package content
