package main

import (
	"os"
	"testing"

	"handbook/internal/sitetest"
)

// TestMain keeps the history's cache of the tests' builds out of the
// user's cache folder.
func TestMain(m *testing.M) { os.Exit(sitetest.RunWithCacheInTemp(m)) }
