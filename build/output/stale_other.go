//go:build !unix

package output

// lockFolder does nothing where there are no advisory locks on folders.
func lockFolder(string) (unlock func()) { return func() {} }

// isLeftover cannot tell a running build's staging folder from a
// leftover without locks, so it keeps every one.
func isLeftover(string) bool { return false }

// devDiffers cannot compare devices here; a mount point is found from
// the mount table where there is one.
func devDiffers(string) bool { return false }
