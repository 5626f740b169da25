package sitetest

import (
	"fmt"
	"os"
	"testing"
)

// RunWithCacheInTemp runs a package's tests with the build's history
// cache in a temporary folder, removed afterwards, instead of the user's
// cache folder, which the builds of tests would fill with entries of
// folders that are gone; a HANDBOOK_HISTORY_CACHE already set is kept.
// For TestMain: os.Exit(sitetest.RunWithCacheInTemp(m)).
func RunWithCacheInTemp(m *testing.M) int {
	if os.Getenv("HANDBOOK_HISTORY_CACHE") != "" {
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "handbook-history-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "a folder for the history's cache:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	os.Setenv("HANDBOOK_HISTORY_CACHE", dir)
	return m.Run()
}
