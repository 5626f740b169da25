// Package sitetest writes the fixture sites the pipeline's tests build,
// finds the programs and files they need, and starts and waits on the
// browser its browser tests and benchmarks drive.
package sitetest
