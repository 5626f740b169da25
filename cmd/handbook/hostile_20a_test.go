package main

import (
	"os"
	"path/filepath"
	"testing"
)

// hugoSite is a small Hugo site whose two languages share content/ and
// are told apart by file names, with the configuration file name given
// its content.
func hugoSite(configFile, config string) map[string]string {
	return map[string]string{
		configFile:                config,
		"content/_index.md":       "---\ntitle: Home\n---\n\nHello.\n",
		"content/_index.fr.md":    "---\ntitle: Accueil\n---\n\nBonjour.\n",
		"content/docs/page.md":    "---\ntitle: Page\n---\n\nText.\n",
		"content/docs/page.fr.md": "---\ntitle: La page\n---\n\nTexte.\n",
	}
}

// withHugo is the YAML Hugo site with files added or replaced.
func withHugo(files map[string]string) map[string]string {
	site := hugoSite("hugo.yaml", hugoYAML)
	for name, body := range files {
		site[name] = body
	}
	return site
}

const hugoYAML = "title: Docs\nbaseURL: https://docs.example/\nlanguages:\n  en:\n    weight: 1\n  fr:\n    weight: 2\n"

func TestHostile20a(t *testing.T) {
	wantFile := func(rel string) func(t *testing.T, work string) {
		return func(t *testing.T, work string) {
			if _, err := os.Stat(filepath.Join(work, "site", "public", filepath.FromSlash(rel))); err != nil {
				t.Errorf("%s was not written: %v", rel, err)
			}
		}
	}
	runHostile(t, []hostileCase{
		{
			name:    "Hugo site in YAML translating by file name",
			files:   hugoSite("hugo.yaml", hugoYAML),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   wantFile("fr/docs/page/index.html"),
		},
		{
			name:    "Hugo site with its configuration in config/_default",
			files:   hugoSite("config/_default/languages.json", "{\"en\": {\"weight\": 1}, \"fr\": {\"weight\": 2}}"),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   wantFile("fr/docs/page/index.html"),
		},
		{
			name:   "broken YAML configuration",
			files:  hugoSite("hugo.yaml", "title: Docs\nlanguages:\n  en: {weight: 1\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "hugo.yaml:3: did not find expected ',' or '}'",
		},
		{
			name:   "broken JSON configuration",
			files:  hugoSite("config.json", "{\n  \"title\": \"Docs\",\n  \"languages\": {,}\n}\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "config.json:3: invalid character ','",
		},
		{
			name:   "broken file of config/_default",
			files:  hugoSite("config/_default/params.yaml", "a: 1\nb: [\n"),
			args:   []string{"check", "--source", "$SITE"},
			code:   exitContent,
			output: "config/_default/params.yaml:2: did not find expected node content",
		},
		{
			name:   "front matter with an unclosed flow mapping",
			files:  withHugo(map[string]string{"content/docs/page.md": "---\ntitle: Page\ntags: {a: 1\n---\n\nText.\n"}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "content/docs/page.md:3: front matter: did not find expected ',' or '}'",
		},
		{
			name:      "a configuration that is not a map",
			files:     hugoSite("hugo.json", "[\"title\"]\n"),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitContent,
			output:    "hugo.json:1: cannot unmarshal array",
			notOutput: []string{"panic"},
		},
	})
}
