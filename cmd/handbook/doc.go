// Command handbook builds the multilingual Day 1 handbook into a static
// site. This package is the command line only: flags, help and exit
// codes; the work is done by the pipeline in handbook/build.
package main
