package main

import "testing"

// untitledHugoSite is a two-language Hugo site whose writers left titles
// out where real Hugo sites do: a translated home, a page with empty
// front matter, a page with none, a leaf bundle.
func untitledHugoSite() map[string]string {
	return map[string]string{
		"hugo.toml": "title = \"Glossary\"\ndefaultContentLanguage = \"en\"\n" +
			"[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n" +
			"[languages.de]\nweight = 2\ncontentDir = \"content/de\"\ntitle = \"Glossar\"\n",
		"content/en/_index.md":             "---\ntitle: Glossary\n---\n\n[scaling](vertical-scaling/) [bundle](cloud_native/)\n",
		"content/en/vertical-scaling.md":   "---\n---\n\nGrowing one machine.\n",
		"content/en/cloud_native/index.md": "A bundle without front matter.\n",
		"content/de/_index.md":             "---\ndescription: Begriffe\n---\n\n[Skalierung](vertical-scaling/)\n",
		"content/de/vertical-scaling.md":   "---\ndescription: x\n---\n\nText.\n",
	}
}

// TestHostileSites runs what real Hugo sites hold through build and
// check: pages without a title and parameters from the site's config
// build, warned about as Hugo would at most, while the handbook's own
// sites stay strict.
func TestHostileSites(t *testing.T) {
	build := []string{"build", "--source", "$SITE", "--dest", "$WORK/out"}
	check := []string{"check", "--source", "$SITE"}
	params := hugoLinkSite("Version {{< param version >}}, en {{< param audience >}}.\n")
	params["hugo.toml"] += "[params]\nversion = \"2.1\"\naudience = \"everyone\"\n[languages.en.params]\naudience = \"engineers\"\n"
	runHostile(t, []hostileCase{
		{
			name: "a Hugo site's pages without a title build, named after their files", files: untitledHugoSite(),
			args: build, code: exitOK, written: []string{"out"},
			after: builtHugoPage("en/vertical-scaling/index.html", []string{"<title>Vertical scaling", "Growing one machine."}),
		},
		{
			name: "the bundle is named after its folder, the home after the language's title", files: untitledHugoSite(),
			args: build, code: exitOK, written: []string{"out"},
			after: func(t *testing.T, work string) {
				builtHugoPage("en/cloud_native/index.html", []string{"<title>Cloud native"})(t, work)
				builtHugoPage("de/index.html", []string{"<title>Glossar"})(t, work)
			},
		},
		{
			name: "check warns about a Hugo page without a title and passes", files: untitledHugoSite(),
			args: check, code: exitOK,
			output: "content/en/vertical-scaling.md: warning: the page has no title: it is shown as \"Vertical scaling\"",
		},
		{
			name: "check --strict still fails on it", files: untitledHugoSite(),
			args: append(check, "--strict"), code: exitContent, output: "the page has no title",
		},
		{
			name: "a handbook page without a title is still an error", files: withFiles(map[string]string{"content/vi/about.md": "---\n---\n\nVề sổ tay.\n"}),
			args: check, code: exitContent, output: "content/vi/about.md: the page has no title: add title: to its front matter",
		},
		{
			name: "param finds the site's params, the language's first", files: params,
			args: build, code: exitOK, written: []string{"out"}, notOutput: []string{"shortcode param"},
			after: builtHugoPage("en/page/index.html", []string{"Version 2.1, en engineers."}),
		},
	})
}
