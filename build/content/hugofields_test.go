package content

import (
	"sort"
	"strings"
	"testing"

	"handbook/build/config"
)

// urls lists the site paths of lang's pages read from files, sorted.
func urls(set *Set, lang string) string {
	var out []string
	for _, p := range set.Lang(lang).Pages {
		if p.File != "" {
			out = append(out, p.URL)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func TestPublishAndExpiryDates(t *testing.T) {
	files := map[string]string{
		"hugo.toml":          "title = \"x\"\n",
		"content/now.md":     "---\ntitle: Now\npublishDate: 2001-01-01\nexpiryDate: 2999-01-01\n---\n",
		"content/future.md":  "---\ntitle: Future\npublishDate: 2999-01-01\n---\n",
		"content/dated.md":   "---\ntitle: Dated in the future\ndate: 2999-01-01\n---\n",
		"content/expired.md": "---\ntitle: Expired\nexpiryDate: 2001-01-01T10:00:00Z\n---\n",
		"content/unpub.md":   "+++\ntitle = \"Unpublished\"\nunpublishDate = 2001-01-01\n+++\n",
		"content/badDate.md": "---\ntitle: Bad\n\npublishDate: soon\n---\n",
	}
	set, diags := loadSite(t, writeSite(t, files), config.Overrides{})
	if got, want := diagStrings(diags), []string{`content/badDate.md:4: publishDate must be a date such as 2016-04-12, not "soon"`}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("diagnostics %q, want %q", got, want)
	}
	if got, want := urls(set, "en"), "/en/baddate/ /en/now/"; got != want {
		t.Errorf("pages %s, want %s", got, want)
	}
	set, _ = loadSite(t, writeSite(t, files), config.Overrides{Drafts: true})
	if got, want := urls(set, "en"), "/en/baddate/ /en/dated/ /en/expired/ /en/future/ /en/now/ /en/unpub/"; got != want {
		t.Errorf("with drafts, pages %s, want %s", got, want)
	}
	if p := page(t, set, "en", "future.md"); !p.Draft {
		t.Error("with drafts, a future page is not marked a draft")
	}
}

func TestHeadlessBundleAndBuildOptions(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"hugo.toml":                 "title = \"x\"\n",
		"content/_index.md":         "---\ntitle: Home\n---\n",
		"content/shared/index.md":   "---\nheadless: true\n---\n",
		"content/shared/logo.png":   "PNG",
		"content/hidden/index.md":   "---\nbuild:\n  render: never\n  publishResources: false\n---\n",
		"content/hidden/secret.pdf": "PDF",
		"content/unlisted.md":       "---\ntitle: Unlisted\nbuild:\n  list: never\n---\n",
		"content/linkonly.md":       "---\ntitle: L\nbuild: {render: link}\n---\n",
		"content/listed.md":         "---\ntitle: Listed\n---\n",
		"content/old.md":            "---\ntitle: Old\nbuild:\n  render: false\n---\n",
	}), config.Overrides{})
	if got := diagStrings(diags); len(got) > 0 {
		t.Fatalf("diagnostics %q", got)
	}
	if got, want := urls(set, "en"), "/en/ /en/listed/ /en/unlisted/"; got != want {
		t.Errorf("pages %s, want %s", got, want)
	}
	if got, want := strings.Join(resourceList(set), " "), "/en/shared/logo.png"; got != want {
		t.Errorf("resources %q, want %q: a headless bundle's files are published, a publishResources: false bundle's not", got, want)
	}
	var children []string
	for _, c := range set.Lang("en").Home.Children {
		children = append(children, c.URL)
	}
	if got := strings.Join(children, " "); got != "/en/listed/" {
		t.Errorf("home lists %s, want the listed page alone", got)
	}
	if p := page(t, set, "en", "unlisted.md"); p.Parent != set.Lang("en").Home {
		t.Error("an unlisted page has no parent")
	}
}

func TestBuildOptionErrors(t *testing.T) {
	_, diags := loadSite(t, writeSite(t, map[string]string{
		"hugo.toml":    "title = \"x\"\n",
		"content/a.md": "---\ntitle: A\nbuild:\n  render: sometimes\n---\n",
		"content/b.md": "---\ntitle: B\n\nbuild: {publishResources: maybe}\n---\n",
		"content/c.md": "---\ntitle: C\ncascade:\n  _target:\n    path: \"[a\"\n---\n",
		"content/d.md": "---\ntitle: D\nheadless: yes please\n---\n",
		"content/e.md": "---\ntitle: E\ncascade: 3\n---\n",
	}), config.Overrides{})
	got := strings.Join(diagStrings(diags), "\n")
	for _, want := range []string{
		`content/a.md:3: build render must be one of always, never, link, not "sometimes"`,
		`content/b.md:4: build publishResources must be true or false, not "maybe"`,
		`content/c.md:3: cascade _target path "[a" is not a glob`,
		`content/d.md:3: headless must be true or false, not "yes please"`,
		`content/e.md:3: cascade must be a map or a list of maps, not 3`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}

func TestCascade(t *testing.T) {
	set, diags := loadSite(t, writeSite(t, map[string]string{
		"hugo.toml": "title = \"x\"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
		// Hugo's own documentation hides its snippets this way.
		"content/_common/_index.md":    "---\ncascade:\n  build:\n    list: never\n    publishResources: false\n    render: never\n---\n",
		"content/_common/snippet.md":   "Snippet.\n",
		"content/_common/deep/more.md": "More.\n",
		"content/_common/img.png":      "PNG",
		// A list with targets, in TOML.
		"content/docs/_index.md":     "+++\ntitle = \"Docs\"\n[[cascade]]\nbanner = \"docs\"\n[cascade._target]\npath = \"{/docs,/docs/**}\"\n[[cascade]]\ndraft = true\n[cascade.target]\npath = \"/docs/old/**\"\nkind = \"page\"\n[[cascade]]\n[cascade.params]\ncolor = \"red\"\n[cascade.target]\nlang = \"fr\"\n[[cascade]]\nsize = \"big\"\n[cascade.target]\nlang = \"{en,de}\"\n[[cascade]]\ncolor = \"blue\"\n[cascade.target]\nenvironment = \"staging\"\n+++\n",
		"content/docs/a.md":          "---\ntitle: A\nbanner: own\n---\n",
		"content/docs/a.fr.md":       "---\ntitle: A fr\n---\n",
		"content/docs/old/_index.md": "---\ntitle: Old\n---\n",
		"content/docs/old/x.md":      "---\ntitle: X\n---\n",
		"content/docs/old/kept.md":   "---\ntitle: Kept\ndraft: false\n---\n",
		"content/docs/sub/_index.md": "---\ntitle: Sub\ncascade:\n  banner: sub\n---\n",
		"content/docs/sub/y.md":      "---\ntitle: Y\n---\n",
		"content/other.md":           "---\ntitle: Other\n---\n",
	}), config.Overrides{})
	if got := diagStrings(diags); len(got) > 0 {
		t.Fatalf("diagnostics %q", got)
	}
	if got, want := urls(set, "en"), "/en/docs/ /en/docs/a/ /en/docs/old/ /en/docs/old/kept/ /en/docs/sub/ /en/docs/sub/y/ /en/other/"; got != want {
		t.Errorf("pages %s,\nwant %s", got, want)
	}
	for _, r := range resourceList(set) {
		t.Errorf("resource %s is published, its section's cascade says no", r)
	}
	for rel, want := range map[string]any{"docs/_index.md": "docs", "docs/a.md": "own", "docs/sub/y.md": "sub", "docs/sub/_index.md": "sub", "other.md": nil} {
		if got := page(t, set, "en", rel).Params.Get("banner"); got != want {
			t.Errorf("%s: banner %v, want %v", rel, got, want)
		}
	}
	if got := page(t, set, "en", "docs/a.md").Params.Get("size"); got != "big" {
		t.Errorf("English page's size %v, want big", got)
	}
	// A cascade is its language's: the French page has no section of its
	// own in docs/.
	if got, ok := page(t, set, "fr", "docs/a.md").Params.Lookup("size"); ok {
		t.Errorf("French page's size %v, want none", got)
	}
	if got, ok := page(t, set, "en", "docs/a.md").Params.Lookup("color"); ok {
		t.Errorf("English page has color %v: the target is French pages, or another environment", got)
	}
}
