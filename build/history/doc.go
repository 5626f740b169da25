// Package history reads the site's git history: when each content file's
// content last changed, and the recent changes the "what's new" page and
// feed list (read after the content stage and before rendering); and the
// past versions of a file, followed through renames, so that a
// translation's stamp can be traced back to the version of its original
// it was made from.
package history
