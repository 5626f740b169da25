package config

import (
	"strings"
	"testing"

	"handbook/build/diag"
)

// loadFails runs Load on a site that must be refused, and returns its
// diagnostics as file:line: message strings.
func loadFails(t *testing.T, files map[string]string, over Overrides) ([]string, error) {
	t.Helper()
	var diags diag.List
	cfg, err := Load(site(t, files), over, &diags)
	if err == nil {
		t.Fatalf("Load succeeded with %+v, want an error", cfg)
	}
	var out []string
	for _, d := range diags.Sorted() {
		out = append(out, d.String())
	}
	return out, err
}

func wantDiag(t *testing.T, diags []string, want string) {
	t.Helper()
	for _, d := range diags {
		if strings.Contains(d, want) {
			return
		}
	}
	t.Errorf("no diagnostic containing %q in %q", want, diags)
}

func TestLoadKeysMatchExactly(t *testing.T) {
	tests := []struct{ file, want string }{
		{"title = \"x\"\nbaseurl = \"https://x/\"\n", `handbook.toml:2: unknown key "baseurl" (did you mean "baseURL"?)`},
		{"BaseURL = \"https://x/\"\n", `handbook.toml:1: unknown key "BaseURL" (did you mean "baseURL"?)`},
		{"[markup]\nunsafehtml = true\n", `handbook.toml:2: unknown key "markup.unsafehtml" (did you mean "markup.unsafeHTML"?)`},
		{"[languages.vi]\nContentDir = \"content/vi\"\n", `handbook.toml:2: unknown key "languages.vi.ContentDir" (did you mean "languages.vi.contentDir"?)`},
		{"markup = { UnsafeHTML = true }\n", `handbook.toml:1: unknown key "markup.UnsafeHTML" (did you mean "markup.unsafeHTML"?)`},
		{"\n[Markup]\nunsafeHTML = true\n", `handbook.toml:2: unknown key "Markup" (did you mean "markup"?)`},
		{"title.main = \"x\"\n", `handbook.toml:1: unknown key "title.main"`},
	}
	for _, tt := range tests {
		diags, _ := loadFails(t, map[string]string{"handbook.toml": tt.file, "content/vi/": ""}, Overrides{})
		wantDiag(t, diags, tt.want)
		if len(diags) != 1 {
			t.Errorf("%q: diagnostics %q, want one", tt.file, diags)
		}
	}
}

func TestLoadHugoKeysIgnoreCase(t *testing.T) {
	root := site(t, map[string]string{"hugo.toml": "BASEURL = \"https://x/docs/\"\nTitle = \"T\"\n", "content/vi/": ""})
	cfg, _ := load(t, root, Overrides{})
	if cfg.BaseURL != "https://x/docs/" || cfg.Title != "T" {
		t.Errorf("BaseURL, Title = %q, %q; want Hugo's keys read in any case", cfg.BaseURL, cfg.Title)
	}
}
