package config

import (
	"strings"
	"testing"
)

func TestCheckBaseURL(t *testing.T) {
	good := []string{"/", "/handbook/", "https://intranet.example/", "http://intranet.example/handbook/", "https://intranet.example:8443/a/b/", "HTTPS://intranet.example/"}
	for _, s := range good {
		if err := CheckBaseURL(s); err != nil {
			t.Errorf("CheckBaseURL(%q) = %v, want nil", s, err)
		}
	}
	bad := map[string]string{
		"ftp://x/":                       `scheme "ftp"`,
		"javascript:alert(1)":            `scheme "javascript"`,
		"mailto:team@example.org":        `scheme "mailto"`,
		"//host/":                        "no scheme",
		"intranet.example":               "neither",
		"handbook/":                      "neither",
		"https:///x/":                    "no host",
		"https://:8080/":                 "no host",
		"https://x/?q=1":                 "query",
		"https://x/?":                    "query",
		"https://x/#top":                 "fragment",
		"/handbook/#":                    "fragment",
		"https://user:pw@x/":             "password",
		"https://x/\nDisallow: /":        "not a URL",
		"https://intranet.example/a\x7f": "not a URL",
	}
	for s, want := range bad {
		err := CheckBaseURL(s)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckBaseURL(%q) = %v, want an error containing %q", s, err, want)
		}
	}
}

func TestLoadBadBaseURLNamesKeyAndLine(t *testing.T) {
	for _, base := range []string{"ftp://x/", "javascript:alert(1)", "//host/", "intranet.example", "https:///x/", "https://x/?q=1", "https://x/#f"} {
		files := map[string]string{
			"handbook.toml": "title = \"x\"\n\nbaseURL = \"" + base + "\"\n",
			"content/vi/":   "",
		}
		diags, _ := loadFails(t, files, Overrides{})
		wantDiag(t, diags, `handbook.toml:3: baseURL "`+base+`"`)
	}
	hugo := map[string]string{"hugo.toml": "title = \"x\"\nBaseUrl = \"ftp://x/\"\n", "content/vi/": ""}
	diags, _ := loadFails(t, hugo, Overrides{})
	wantDiag(t, diags, `hugo.toml:2: baseURL "ftp://x/" has the scheme "ftp"`)
}

func TestLoadBadBaseURLFlagNamesTheFlag(t *testing.T) {
	files := map[string]string{"handbook.toml": "baseURL = \"https://x/\"\n", "content/vi/": ""}
	_, err := loadFails(t, files, Overrides{BaseURL: "javascript:alert(1)"})
	if !strings.Contains(err.Error(), `--base-url "javascript:alert(1)"`) {
		t.Errorf("error %q does not name the flag and its value", err)
	}
}
