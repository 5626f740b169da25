package diag

import "strings"

// ignoredPrefixes begin the codes of what a site has that the tool left
// aside (CodeIgnoredConfig, CodeUnusedLayouts, a shortcode it does not
// know): check gathers those into one summary rather than among the
// problems to fix.
var ignoredPrefixes = [...]string{"ignored-", "unused-", "unknown-"}

// IsIgnored reports whether code names something of the site the tool
// left aside rather than a problem of its content.
func IsIgnored(code string) bool {
	for _, p := range ignoredPrefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}
