// Package check owns checking a loaded site: everything the build
// validates (front matter, relations, links and anchors), and what only a
// look at the whole written site can tell: pages missing in a language,
// translations whose original has changed since they were stamped or
// whose structure differs from it, wordings a language's terms file
// avoids, relative links and images that lead to no file, pages without a title
// or description, and pages no navigation reaches.
//
// It is a driver of the pipeline, like the command line: Run loads and
// renders the site with package build, recording what is written, then
// adds its own diagnostics to the site's list. Publishing runs the same
// check while it writes a release, so a site is never published with a
// problem check would have found.
package check
