// Package build runs the handbook's pipeline. One Site value carries a
// build through its stages, each owned by a package below this one:
//
//	config   load handbook.toml (or hugo.toml)
//	content  read every language's pages; link sections, translations, relations
//	markdown parse and render Markdown; rewrite and check links
//	render   execute the theme's templates; write the site's other files
//	search   index every page, one sharded index per language
//	output   write atomically to disk, or to memory for the preview
//
// Data flows one way; no stage imports a later one, and none imports this
// package, so drivers (the command line, check, publishing, the preview)
// all run the same pipeline, through this package's exported API.
package build
