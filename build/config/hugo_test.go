package config

import (
	"reflect"
	"testing"
)

// The same bilingual Hugo configuration, in each format Hugo reads.
var hugoForms = map[string]string{
	"toml": "title = \"Docs\"\nbaseURL = \"https://x.example/\"\ndefaultContentLanguage = \"vi\"\n[languages.vi]\nweight = 1\nlanguageName = \"Tiếng Việt\"\n[languages.fr]\nweight = 2\ncontentDir = \"content/fr\"\n",
	"yaml": "title: Docs\nbaseURL: https://x.example/\ndefaultContentLanguage: vi\nlanguages:\n  vi:\n    weight: 1\n    languageName: Tiếng Việt\n  fr:\n    weight: 2\n    contentDir: content/fr\n",
	"json": "{\"title\": \"Docs\", \"baseURL\": \"https://x.example/\", \"defaultContentLanguage\": \"vi\",\n \"languages\": {\"vi\": {\"weight\": 1, \"languageName\": \"Tiếng Việt\"}, \"fr\": {\"weight\": 2, \"contentDir\": \"content/fr\"}}}\n",
}

func TestLoadHugoEveryForm(t *testing.T) {
	// A language without a contentDir of its own shares the site's
	// content/, where its pages are told apart by their file names.
	wantLangs := []Language{
		{Code: "vi", Name: "Tiếng Việt", Weight: 1, ContentDir: "content"},
		{Code: "fr", Name: "fr", Weight: 2, ContentDir: "content/fr"},
	}
	for _, tc := range []struct{ file, form string }{
		{"hugo.toml", "toml"}, {"hugo.yaml", "yaml"}, {"hugo.yml", "yaml"}, {"hugo.json", "json"},
		{"config.toml", "toml"}, {"config.yaml", "yaml"}, {"config.yml", "yaml"}, {"config.json", "json"},
		{"config/_default/hugo.yaml", "yaml"}, {"config/_default/config.json", "json"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			root := site(t, map[string]string{tc.file: hugoForms[tc.form], "content/fr/": ""})
			cfg, diags := load(t, root, Overrides{})
			if !cfg.Hugo || cfg.File != tc.file || cfg.Title != "Docs" || cfg.BaseURL != "https://x.example/" || cfg.DefaultLanguage != "vi" {
				t.Errorf("config = %+v", cfg)
			}
			if !reflect.DeepEqual(cfg.Languages, wantLangs) {
				t.Errorf("languages = %+v, want %+v", cfg.Languages, wantLangs)
			}
			if d := diags.Sorted(); len(d) != 0 {
				t.Errorf("diagnostics = %v, want none", d)
			}
		})
	}
}

func TestLoadHugoConfigFolderMerged(t *testing.T) {
	// config/_default/ holds the root file and files named after a key;
	// a key of the root file outside the folder wins, as in Hugo.
	root := site(t, map[string]string{
		"hugo.toml":                      "title = \"Root title\"\n",
		"config/_default/hugo.yaml":      "title: Folder title\nbaseURL: https://x.example/sub/\ndefaultContentLanguage: fr\ndefaultContentLanguageInSubdir: true\n",
		"config/_default/languages.toml": "[fr]\nweight = 1\nlabel = \"Français\"\n[vi]\nweight = 2\ntitle = \"Sổ tay\"\n",
		"config/_default/params.toml":    "author = \"x\"\n",
		"config/_default/menus.fr.toml":  "[[main]]\nname = \"a\"\n",
		"config/_default/markup.json":    "{\"goldmark\": {\"renderer\": {\"unsafe\": true}}}",
		"content/":                       "",
	})
	cfg, diags := load(t, root, Overrides{})
	want := &Config{
		Root: root, File: "hugo.toml", Title: "Root title", Hugo: true,
		BaseURL: "https://x.example/sub/", DefaultLanguage: "fr",
		Languages: []Language{
			// params.toml is the site's params, every language's.
			{Code: "fr", Name: "Français", Weight: 1, ContentDir: "content", Params: map[string]any{"author": "x"}},
			{Code: "vi", Name: "vi", Weight: 2, ContentDir: "content", Title: "Sổ tay", Params: map[string]any{"author": "x"}},
		},
		OutputDir: cfg.OutputDir, Theme: "default", Search: true,
		Markup:  Markup{UnsafeHTML: true, HighlightStyle: "github", HighlightDarkStyle: "github-dark", HugoIDs: "github"},
		History: History{Enable: true, ChangesMonths: DefaultChangesMonths},
		Print:   Print{MaxPages: DefaultPrintMaxPages},
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config =\n%+v\nwant\n%+v", cfg, want)
	}
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	wantDiag(t, got, "hugo.toml: warning: Hugo configuration: ignoring languages.fr.menus (")
}

func TestLoadHugoDefaultLanguageAtRoot(t *testing.T) {
	// Hugo's default, the default language's pages at the root, is not
	// how the handbook writes a site: it says so where the key is set.
	root := site(t, map[string]string{"hugo.yaml": "title: x\ndefaultContentLanguageInSubdir: false\n", "content/": ""})
	_, diags := load(t, root, Overrides{})
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	wantDiag(t, got, "hugo.yaml:2: warning: defaultContentLanguageInSubdir is false, but every language's pages are written under its code (/en/…); / leads to the default language")
	if len(got) != 1 {
		t.Errorf("diagnostics = %q, want 1", got)
	}
}

func TestLoadHugoSingleLanguage(t *testing.T) {
	// A Japanese company handbook: no [languages], its config in
	// config/_default/, a top folder that is a section.
	root := site(t, map[string]string{
		"config/_default/config.yaml": "languageCode: ja\ndefaultContentLanguage: ja\ntitle: ハンドブック\n",
		"content/handbook/_index.md":  "# x",
	})
	cfg, diags := load(t, root, Overrides{})
	want := []Language{{Code: "ja", Name: "ja", ContentDir: "content"}}
	if !reflect.DeepEqual(cfg.Languages, want) || cfg.DefaultLanguage != "ja" || cfg.File != "config/_default/config.yaml" {
		t.Errorf("config = %+v, want the one language %+v", cfg, want)
	}
	if d := diags.Sorted(); len(d) != 0 {
		t.Errorf("diagnostics = %v, want none", d)
	}
}

func TestLoadHugoBadFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"YAML", map[string]string{"hugo.yaml": "title: x\nbaseURL: [\n"}, "hugo.yaml:2: did not find expected node content"},
		{"YAML tab", map[string]string{"config.yml": "title: x\nlanguages:\n\tvi: {}\n"}, "config.yml:3: found character that cannot start any token"},
		{"JSON", map[string]string{"hugo.json": "{\n\"title\": \"x\",\n\"baseURL\" \"https://x/\"\n}"}, "hugo.json:3: invalid character"},
		{"JSON not a map", map[string]string{"config.json": "[1]\n"}, "config.json:1: cannot unmarshal array"},
		{"key file", map[string]string{"config/_default/hugo.toml": "title = \"x\"\n", "config/_default/languages.toml": "[vi]\nweight = = 1\n"}, "config/_default/languages.toml:2: "},
		{"baseURL in a key file's folder", map[string]string{"config/_default/hugo.yaml": "title: x\n\nbaseURL: ftp://x/\n"}, `config/_default/hugo.yaml:3: baseURL "ftp://x/" has the scheme "ftp"`},
		{"language code", map[string]string{"hugo.toml": "title = \"x\"\n", "config/_default/languages.yaml": "vi: {}\n\"../x\": {}\n"}, `config/_default/languages.yaml:2: languages: "../x" is not a language code`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.files["content/"] = ""
			diags, _ := loadFails(t, tt.files, Overrides{})
			wantDiag(t, diags, tt.want)
		})
	}
}

func TestLoadHugoContentMounts(t *testing.T) {
	// Hugo's own documentation mounts content/en as the English content.
	root := site(t, map[string]string{
		"hugo.toml": `[languages.en]
weight = 1
[languages.fr]
weight = 2
[[module.mounts]]
source = "assets"
target = "assets"
[[module.mounts]]
source = 'content/en'
target = 'content'
  [module.mounts.sites.matrix]
  languages = ['en']
[[module.mounts]]
source = "translated/fr/"
target = "content"
lang = "fr"
[[module.mounts]]
source = "other"
target = "content"
`,
		"content/en/": "", "translated/fr/": "",
	})
	cfg, _ := load(t, root, Overrides{})
	want := []Language{
		{Code: "en", Name: "en", Weight: 1, ContentDir: "content/en"},
		{Code: "fr", Name: "fr", Weight: 2, ContentDir: "translated/fr"},
	}
	if !reflect.DeepEqual(cfg.Languages, want) {
		t.Errorf("languages = %+v, want %+v", cfg.Languages, want)
	}
}
