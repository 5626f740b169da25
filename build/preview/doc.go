// Package preview keeps a site in memory and brings it up to date file
// by file: the preview server's build (Live). It runs build's pipeline
// through build's exported API, as check and publish do: LoadEach, to
// keep each stage's diagnostics apart, and the page step
// (Site.RenderStep), to render again exactly the pages whose recorded
// reads an edit changes. It also keeps the print pages, put together
// when read, and a copy of what the search index reads, for indexing in
// the background.
package preview
