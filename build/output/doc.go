// Package output is the last stage of the pipeline: it receives the
// site's files and puts them somewhere. Dir writes to disk atomically (the
// whole site is written beside the destination and swapped in only once
// the build has succeeded); Memory keeps the files in memory for the
// preview server.
package output
