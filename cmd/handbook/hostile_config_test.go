package main

import (
	"strings"
	"testing"
)

// badBaseURLs are addresses a site cannot have, with what the message
// says about each.
var badBaseURLs = []struct{ url, why string }{
	{"ftp://x/", `has the scheme "ftp"`},
	{"javascript:alert(1)", `has the scheme "javascript"`},
	{"//host/", "has a host but no scheme"},
	{"intranet.example", "is neither an http(s) address nor a path"},
	{"https:///handbook/", "has no host"},
	{"https://intranet.example/?a=1", "has a query"},
	{"https://intranet.example/#top", "has a fragment"},
}

// withConfig is hostileSite() whose handbook.toml has extra put after its
// first line, the title, so that a key in extra is on line 2.
func withConfig(extra string) map[string]string {
	site := hostileSite()
	title, rest, _ := strings.Cut(site["handbook.toml"], "\n")
	rest = strings.Replace(rest, "baseURL = \"https://handbook.example/\"\n", "", 1)
	site["handbook.toml"] = title + "\n" + extra + rest
	return site
}

func badBaseURLCases() []hostileCase {
	var cases []hostileCase
	for _, b := range badBaseURLs {
		cases = append(cases, hostileCase{
			name:   "baseURL key " + b.url,
			files:  withConfig("baseURL = \"" + b.url + "\"\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `handbook.toml:2: baseURL "` + b.url + `" ` + b.why,
		}, hostileCase{
			name:   "--base-url flag " + b.url,
			args:   []string{"build", "--source", "$SITE", "--base-url", b.url},
			code:   exitUsage,
			output: `--base-url "` + b.url + `" ` + b.why,
		}, hostileCase{
			name:   "publish --base-url flag " + b.url,
			args:   []string{"publish", "--to", "$WORK/www", "--base-url", b.url},
			code:   exitUsage,
			output: `--base-url "` + b.url + `" ` + b.why,
		})
	}
	return cases
}

// TestHostileConfig runs configurations nobody checked through the
// command line: each is refused with its key and line, or warned about,
// and nothing of the site is changed.
func TestHostileConfig(t *testing.T) {
	var cases []hostileCase
	cases = append(cases, badBaseURLCases()...)
	runHostile(t, cases)
}
