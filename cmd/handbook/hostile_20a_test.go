package main

import (
	"os"
	"path/filepath"
	"strings"
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
			name:   "broken JSON front matter",
			files:  withHugo(map[string]string{"content/docs/page.md": "{\n  \"title\": \"Page\",\n  \"weight\": 1,,\n}\n\nText.\n"}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "content/docs/page.md:3: front matter: invalid character ','",
		},
		{
			name:   "a build option Hugo does not have",
			files:  withHugo(map[string]string{"content/docs/_index.md": "---\ntitle: Docs\ncascade:\n  build:\n    render: later\n---\n"}),
			args:   []string{"check", "--source", "$SITE"},
			code:   exitContent,
			output: `content/docs/_index.md:3: cascade build render must be one of always, never, link, not "later"`,
		},
		{
			name: "hidden snippets, a headless bundle, a future page and an HTML page with a script",
			files: withHugo(map[string]string{
				"content/_snippets/_index.md": "---\ncascade:\n  build: {render: never, list: never, publishResources: false}\n---\n",
				"content/_snippets/note.md":   "Private snippet.\n",
				"content/_snippets/data.csv":  "a,b\n",
				"content/media/index.md":      "---\nheadless: true\n---\n",
				"content/media/logo.png":      "PNG",
				"content/soon.md":             "---\ntitle: Soon\npublishDate: 2999-01-01\n---\n\nNot yet.\n",
				"content/raw.html":            "---\ntitle: Raw\n---\n<script>alert(1)</script><p>Hi</p>\n",
			}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				out := filepath.Join(work, "site", "public")
				for _, gone := range []string{"en/_snippets/note/index.html", "en/_snippets/data.csv", "en/media/index.html", "en/soon/index.html"} {
					if _, err := os.Stat(filepath.Join(out, gone)); err == nil {
						t.Errorf("%s is written", gone)
					}
				}
				if _, err := os.Stat(filepath.Join(out, "en", "media", "logo.png")); err != nil {
					t.Errorf("the headless bundle's file is not written: %v", err)
				}
				raw, err := os.ReadFile(filepath.Join(out, "en", "raw", "index.html"))
				if err != nil || strings.Contains(string(raw), "<script>alert") || !strings.Contains(string(raw), "&lt;script&gt;alert(1)") {
					t.Errorf("the HTML page's script is not shown escaped (%v)", err)
				}
				// Nothing of the hidden pages is anywhere: pages, lists,
				// the sitemap or the search index (its files are gzipped,
				// so its words are looked for through the command).
				_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						if b, _ := os.ReadFile(p); strings.Contains(string(b), "Private snippet") || strings.Contains(string(b), "Not yet") || strings.Contains(string(b), "/en/soon/") {
							t.Errorf("%s holds a hidden page", p)
						}
					}
					return nil
				})
				for _, word := range []string{"private", "snippet", "yet"} {
					_, stdout, _ := runCmd("search", "--dest", out, word)
					if strings.Contains(stdout, "/en/") {
						t.Errorf("search %q finds a hidden page:\n%s", word, stdout)
					}
				}
			},
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

func TestHostile20aRobots(t *testing.T) {
	read := func(want string, generated bool) func(t *testing.T, work string) {
		return func(t *testing.T, work string) {
			b, err := os.ReadFile(filepath.Join(work, "site", "public", "robots.txt"))
			if err != nil || strings.Contains(string(b), "Sitemap:") != generated || !strings.Contains(string(b), want) {
				t.Errorf("robots.txt = %q (%v), want %q", b, err, want)
			}
		}
	}
	runHostile(t, []hostileCase{
		{
			name:    "a Hugo site's own robots.txt",
			files:   withHugo(map[string]string{"static/robots.txt": "User-agent: *\nDisallow: /private/\n"}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   read("Disallow: /private/", false),
		},
		{
			name:   "a handbook site's static robots.txt still clashes",
			files:  withFiles(map[string]string{"static/robots.txt": "User-agent: *\n"}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "static/robots.txt: the static file /robots.txt would replace robots.txt",
		},
		{
			name:    "a Hugo site without one gets the generated one",
			files:   withHugo(nil),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			written: []string{"site/public"},
			after:   read("Allow: /", true),
		},
	})
}
