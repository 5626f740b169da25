// Package themes holds the default theme, embedded in the handbook binary
// so that a site needs no theme folder of its own.
package themes
