package main

import (
	"fmt"
	"io"

	"handbook/build/config"
)

// badBaseURLFlag reports a --base-url the site cannot have
// (config.CheckBaseURL) as a usage error of the command cmd, before
// anything is built, and returns whether it did. "" is no flag.
func badBaseURLFlag(cmd, baseURL string, stderr io.Writer) bool {
	if baseURL == "" {
		return false
	}
	if err := config.CheckBaseURL(baseURL); err != nil {
		fmt.Fprintf(stderr, "handbook %s: --base-url %q %v\n", cmd, baseURL, err)
		return true
	}
	return false
}
