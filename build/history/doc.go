// Package history reads the site's git history: when each content file's
// content last changed, and the recent changes the "what's new" page and
// feed list. It runs after the content stage and before rendering.
package history
