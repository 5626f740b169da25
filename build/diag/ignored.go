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

// ignoredTitles say what each kind of thing left aside is, in check's
// summary of them.
var ignoredTitles = map[string]string{
	CodeUnusedLayouts:   "Hugo layouts not used",
	CodeIgnoredConfig:   "configuration keys not read",
	"unknown-shortcode": "unknown shortcodes",
}

// IgnoredTitle says what the things of an ignored code are ("unknown
// shortcodes"); a code it does not know titles its own.
func IgnoredTitle(code string) string {
	if t, ok := ignoredTitles[code]; ok {
		return t
	}
	return code
}
