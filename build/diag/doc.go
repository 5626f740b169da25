// Package diag collects the problems a build finds: errors that stop a
// build and warnings that do not, each tied to a file and line so that a
// writer can jump straight to it.
//
// Every stage of the pipeline reports into one List; the command prints
// the list sorted, so the output is the same whatever order the parallel
// workers found the problems in.
package diag
