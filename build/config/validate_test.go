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

func TestLoadBadLanguageCodes(t *testing.T) {
	for _, code := range []string{"../x", "a b", "vi/fr", "", "vi_VN", "zz-not-a-tag-at-all"} {
		files := map[string]string{
			"handbook.toml": "title = \"x\"\n[languages.vi]\n[languages.\"" + code + "\"]\ncontentDir = \"content/vi\"\n",
			"content/vi/":   "",
		}
		diags, _ := loadFails(t, files, Overrides{})
		wantDiag(t, diags, `handbook.toml:3: languages: "`+code+`" is not a language code`)
	}
	hugo := map[string]string{"hugo.toml": "[languages.vi]\n[languages.\"../x\"]\n", "content/vi/": ""}
	diags, _ := loadFails(t, hugo, Overrides{})
	wantDiag(t, diags, `hugo.toml:2: languages: "../x" is not a language code`)
}

func TestLoadGoodLanguageCodes(t *testing.T) {
	root := site(t, map[string]string{
		"handbook.toml": "[languages.vi]\n[languages.pt-BR]\n[languages.zh-Hant]\n",
		"content/vi/":   "", "content/pt-BR/": "", "content/zh-Hant/": "",
	})
	cfg, _ := load(t, root, Overrides{})
	if len(cfg.Languages) != 3 {
		t.Errorf("Languages = %+v, want vi, pt-BR and zh-Hant", cfg.Languages)
	}
}

func TestDetectLanguagesSkipsFoldersThatAreNotCodes(t *testing.T) {
	root := site(t, map[string]string{"content/vi/": "", "content/fr/": "", "content/images/": "", "content/a b/": ""})
	cfg, diags := load(t, root, Overrides{})
	var codes []string
	for _, l := range cfg.Languages {
		codes = append(codes, l.Code)
	}
	if strings.Join(codes, ",") != "fr,vi" {
		t.Errorf("languages = %v, want fr,vi", codes)
	}
	var warned []string
	for _, d := range diags.Sorted() {
		warned = append(warned, d.String())
	}
	wantDiag(t, warned, `content/images: warning: folder "images" is not a language code`)
	wantDiag(t, warned, `content/a b: warning: folder "a b" is not a language code`)
}

func TestLoadWarnsOfUnreadConfigFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			name:  "only a file config/_default/ cannot hold",
			files: map[string]string{"config/_default/notes.txt": "x", "content/vi/": ""},
			want:  []string{"config/_default/notes.txt: warning: this configuration file is not read, and the site has none that is: it is built with the defaults"},
		},
		{
			name:  "handbook.toml and others",
			files: map[string]string{"handbook.toml": "", "config.json": "{}", "hugo.toml": "", "config/_default/params.toml": "", "content/vi/": ""},
			want: []string{
				"config.json: warning: this configuration file is not read: the handbook reads handbook.toml only",
				"hugo.toml: warning: this configuration file is not read",
				"config/_default/params.toml: warning: this configuration file is not read",
			},
		},
		{
			name:  "hugo.toml and config.yml",
			files: map[string]string{"hugo.toml": "", "config.yml": "", "content/vi/": ""},
			want:  []string{"config.yml: warning: this configuration file is not read: Hugo reads hugo.toml"},
		},
		{
			name:  "an environment's folder",
			files: map[string]string{"config/_default/hugo.yaml": "title: x\n", "config/production/hugo.yaml": "baseURL: https://x/\n", "content/": ""},
			want:  []string{"config/production: warning: Hugo environment configuration is not read"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := load(t, site(t, tt.files), Overrides{})
			var got []string
			for _, d := range diags.Sorted() {
				got = append(got, d.String())
			}
			for _, w := range tt.want {
				wantDiag(t, got, w)
			}
			if len(got) != len(tt.want) {
				t.Errorf("diagnostics %q, want %d", got, len(tt.want))
			}
		})
	}
}
