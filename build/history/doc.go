// Package history reads the site's git history: the past versions of a
// file, following it through renames, so that a translation's stamp can
// be traced back to the version of its original it was made from.
package history
