package diag

import "testing"

func TestIsIgnored(t *testing.T) {
	for code, want := range map[string]bool{
		CodeIgnoredConfig:   true,
		CodeUnusedLayouts:   true,
		"unknown-shortcode": true,
		CodeBrokenLink:      false,
		CodeBuild:           false,
		"":                  false,
	} {
		if got := IsIgnored(code); got != want {
			t.Errorf("IsIgnored(%q) = %v, want %v", code, got, want)
		}
	}
}
