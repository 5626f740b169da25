// Package parallel runs the pipeline's per-page work on all cores.
package parallel
