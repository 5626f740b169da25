package markdown_test

import (
	"strings"
	"testing"

	"handbook/build/config"
)

// On a Hugo site the param shortcode, like Hugo's .Page.Param, finds a
// parameter the page lacks in the site's params, the language's own over
// the root's; site templates see the same as .Site.Params.
func TestParamFallsBackToTheSiteParams(t *testing.T) {
	f := newFixture(t, map[string]string{
		"hugo.toml": "title = \"Docs\"\ndefaultContentLanguage = \"en\"\n" +
			"[params]\nversion = \"0.16\"\ngithub_repo = \"https://git.example/docs\"\n[params.team]\nname = \"Platform\"\n" +
			"[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n" +
			"[languages.fr]\nweight = 2\ncontentDir = \"content/fr\"\n[languages.fr.params]\nversion = \"0.16-fr\"\n",
		"content/en/_index.md":         "---\ntitle: Home\n---\n",
		"content/fr/_index.md":         "---\ntitle: Accueil\n---\n",
		"layouts/shortcodes/repo.html": `<a href="{{ .Site.Params.github_repo }}">repo</a>`,
	}, config.Overrides{})
	tests := []struct {
		name, lang, body, want string
	}{
		{"the site's", "en", "Version {{< param version >}}.", "<p>Version 0.16.</p>"},
		{"the language's over the site's", "fr", "Version {{< param version >}}.", "<p>Version 0.16-fr.</p>"},
		{"the root's in a language without its own", "fr", "{{< param \"team.name\" >}}", "<p>Platform</p>"},
		{"the page's first", "en", "---\ntitle: T\nversion: \"1.0\"\n---\n{{< param version >}}", "<p>1.0</p>"},
		{"a site template", "en", "{{< repo >}}", `<a href="https://git.example/docs">repo</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.body
			if src[0] != '-' {
				src = testFrontMatter + src
			}
			html, _, diags := f.convertFile(t, tt.lang, src)
			wants(t, html, tt.want)
			if len(diags) > 0 {
				t.Errorf("diagnostics: %v", diagStrings(diags))
			}
		})
	}
	_, _, diags := f.convert(t, "en", "{{< param nowhere >}}")
	if got := diagStrings(diags); len(got) != 1 || !strings.Contains(got[0], "content/en/notes/test.md:4: warning: shortcode param: neither the page nor the site has a parameter \"nowhere\"") {
		t.Errorf("a parameter nobody has: %v", got)
	}
}
