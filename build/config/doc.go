// Package config loads a site's configuration: the first stage of the
// pipeline. It reads handbook.toml, or, for a site that has only a Hugo
// configuration, the subset of hugo.toml that the handbook understands,
// fills every key that is left out with a default, and applies the
// overrides given on the command line.
package config
