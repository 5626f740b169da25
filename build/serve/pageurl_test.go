package serve

import (
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/preview"
)

// TestPageURLIsEncoded: the reload message names the edited page as the
// browser's location.pathname does, percent-encoded, so a page whose
// name holds "?" or "#" reloads in place rather than being left.
func TestPageURLIsEncoded(t *testing.T) {
	rb := &rebuilder{live: &preview.Live{Site: &build.Site{Config: &config.Config{BaseURL: "https://intranet.example/docs/"}}}}
	for in, want := range map[string]string{
		"/vi/about/":   "/docs/vi/about/",
		"/vi/a?b#c-d/": "/docs/vi/a%3Fb%23c-d/",
		"":             "",
	} {
		if got := rb.pageURL(in); got != want {
			t.Errorf("pageURL(%q) = %q, want %q", in, got, want)
		}
	}
}
