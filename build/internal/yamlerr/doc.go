// Package yamlerr finds the line a YAML decoding error is on, for the
// stages that read YAML written by people (the configuration, front
// matter) and report its problems at their file and line.
package yamlerr
