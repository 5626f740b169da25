package content

import "sort"

// resourceList lists the set's resources' URLs, sorted.
func resourceList(set *Set) []string {
	var out []string
	for _, r := range set.Resources {
		out = append(out, r.URL)
	}
	sort.Strings(out)
	return out
}
