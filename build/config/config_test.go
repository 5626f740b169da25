package config

import (
	"handbook/internal/sitetest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"handbook/build/diag"
)

// site writes a fixture site into a fresh temporary folder: files maps a
// slash-separated path to its contents, and a path ending in "/" makes an
// empty folder.
func site(t *testing.T, files map[string]string) string {
	return sitetest.Write(t, files)
}

// load runs Load and fails the test if it does not succeed.
func load(t *testing.T, root string, over Overrides) (*Config, *diag.List) {
	t.Helper()
	var diags diag.List
	cfg, err := Load(root, over, &diags)
	if err != nil {
		t.Fatalf("Load: %v; diagnostics: %v", err, diags.Sorted())
	}
	if diags.HasErrors() {
		t.Fatalf("Load succeeded but recorded errors: %v", diags.Sorted())
	}
	return cfg, &diags
}

func TestLoadDefaultsWithoutConfigFile(t *testing.T) {
	root := site(t, map[string]string{
		"content/vi/_index.md": "# vi",
		"content/fr/":          "",
		"content/.git/":        "", // hidden folders are not languages
		"content/README.txt":   "", // nor are files
	})
	cfg, diags := load(t, root, Overrides{})

	want := &Config{
		Root:            root,
		File:            "",
		Title:           "Handbook",
		BaseURL:         "/",
		DefaultLanguage: "fr",
		OutputDir:       filepath.Join(root, "public"),
		Theme:           "default",
		Search:          true,
		Markup:          Markup{HighlightStyle: "github", HighlightDarkStyle: "github-dark"},
		History:         History{Enable: true, ChangesMonths: DefaultChangesMonths},
		Print:           Print{MaxPages: DefaultPrintMaxPages},
	}
	langs := cfg.Languages
	cfg.Languages = nil
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config =\n%+v\nwant\n%+v", cfg, want)
	}
	var codes, dirs, names []string
	for _, l := range langs {
		codes = append(codes, l.Code)
		dirs = append(dirs, l.ContentDir)
		names = append(names, l.Name)
	}
	if want := []string{"fr", "vi"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("languages = %v, want %v", codes, want)
	}
	if want := []string{"content/fr", "content/vi"}; !reflect.DeepEqual(dirs, want) {
		t.Errorf("content dirs = %v, want %v", dirs, want)
	}
	if want := []string{"fr", "vi"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
	if n := len(diags.Sorted()); n != 0 {
		t.Errorf("got %d diagnostics, want none: %v", n, diags.Sorted())
	}
}

func TestLoadHandbookEveryKey(t *testing.T) {
	root := site(t, map[string]string{
		"handbook.toml": `title = "Day 1"
baseURL = "https://intranet.example/handbook"
defaultLanguage = "fr"
output = "out/site"
theme = "corporate"
drafts = true
search = false

[print]
maxPages = 40

[markup]
unsafeHTML = true
highlightStyle = "monokai"
highlightDarkStyle = "dracula"

[history]
enable = true
changesMonths = 3

[languages.vi]
name = "Tiếng Việt"
weight = 1
contentDir = "src/vi/"
title = "Sổ tay"

[languages.fr]
name = "Français"
weight = 2
title = "Le manuel"
`,
		"src/vi/":     "",
		"content/fr/": "",
	})
	cfg, diags := load(t, root, Overrides{})
	want := &Config{
		Root:            root,
		File:            "handbook.toml",
		Title:           "Day 1",
		BaseURL:         "https://intranet.example/handbook/",
		DefaultLanguage: "fr",
		Languages: []Language{
			{Code: "vi", Name: "Tiếng Việt", Weight: 1, ContentDir: "src/vi", Title: "Sổ tay"},
			{Code: "fr", Name: "Français", Weight: 2, ContentDir: "content/fr", Title: "Le manuel"},
		},
		OutputDir: filepath.Join(root, "out", "site"),
		Theme:     "corporate",
		Drafts:    true,
		Markup:    Markup{UnsafeHTML: true, HighlightStyle: "monokai", HighlightDarkStyle: "dracula"},
		History:   History{Enable: true, Explicit: true, ChangesMonths: 3},
		Print:     Print{MaxPages: 40},
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("config =\n%+v\nwant\n%+v", cfg, want)
	}
	if l, ok := cfg.Language("fr"); !ok || l.Title != "Le manuel" {
		t.Errorf(`Language("fr") = %+v, %v`, l, ok)
	}
	if _, ok := cfg.Language("en"); ok {
		t.Error(`Language("en") found a language the site does not have`)
	}
	if n := len(diags.Sorted()); n != 0 {
		t.Errorf("got %d diagnostics, want none: %v", n, diags.Sorted())
	}
}

func TestLoadLanguageOrder(t *testing.T) {
	// Languages are ordered by weight, then code; the default language is
	// the first of them.
	root := site(t, map[string]string{
		"handbook.toml": `[languages.vi]
weight = 2
[languages.fr]
weight = 1
[languages.en]
weight = 2
`,
		"content/vi/": "", "content/fr/": "", "content/en/": "",
	})
	cfg, _ := load(t, root, Overrides{})
	var codes []string
	for _, l := range cfg.Languages {
		codes = append(codes, l.Code)
	}
	if want := []string{"fr", "en", "vi"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("languages = %v, want %v", codes, want)
	}
	if cfg.DefaultLanguage != "fr" {
		t.Errorf("default language = %q, want fr", cfg.DefaultLanguage)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		file  string // the diagnostic's file
		line  int
		msg   []string // substrings of the diagnostic's message
	}{
		{
			name: "unknown top-level key",
			files: map[string]string{
				"handbook.toml": "title = \"Day 1\"\n\ntitel = \"x\"\n[languages.vi]\n",
				"content/vi/":   "",
			},
			file: "handbook.toml", line: 3, msg: []string{"titel"},
		},
		{
			name: "unknown key in a language",
			files: map[string]string{
				"handbook.toml": "[languages.fr]\nname = \"Français\"\n[languages.vi]\nname = \"Tiếng Việt\"\nlable = \"x\"\n",
				"content/vi/":   "", "content/fr/": "",
			},
			file: "handbook.toml", line: 5, msg: []string{"languages.vi.lable"},
		},
		{
			name: "unknown key in markup",
			files: map[string]string{
				"handbook.toml": "[markup]\nunsafe = true\n",
				"content/vi/":   "",
			},
			file: "handbook.toml", line: 2, msg: []string{"markup.unsafe"},
		},
		{
			name: "TOML syntax error",
			files: map[string]string{
				"handbook.toml": "title = \"Day 1\"\n[languages.vi\nname = \"x\"\n",
				"content/vi/":   "",
			},
			file: "handbook.toml", line: 2, msg: []string{"]"},
		},
		{
			name: "value missing",
			files: map[string]string{
				"handbook.toml": "title = \"Day 1\"\n\n\nbaseURL =\n",
				"content/vi/":   "",
			},
			file: "handbook.toml", line: 4,
		},
		{
			name: "wrong type",
			files: map[string]string{
				"handbook.toml": "title = \"Day 1\"\ndrafts = \"yes\"\n",
				"content/vi/":   "",
			},
			file: "handbook.toml", line: 2, msg: []string{"bool"},
		},
		{
			name: "default language not among the languages",
			files: map[string]string{
				"handbook.toml": "defaultLanguage = \"en\"\n[languages.vi]\n[languages.fr]\n",
				"content/vi/":   "", "content/fr/": "",
			},
			file: "handbook.toml", line: 1, msg: []string{`"en"`, "not one of the languages"},
		},
		{
			name: "missing content folder",
			files: map[string]string{
				"handbook.toml": "[languages.vi]\n[languages.fr]\ncontentDir = \"french\"\n",
				"content/vi/":   "",
			},
			file: "handbook.toml", msg: []string{"fr", "french", "does not exist"},
		},
		{
			name:  "no languages at all",
			files: map[string]string{"handbook.toml": "title = \"x\"\n"},
			file:  "handbook.toml", msg: []string{"no languages"},
		},
		{
			name:  "no configuration and no content",
			files: map[string]string{"README": ""},
			file:  "", msg: []string{"no languages"},
		},
		{
			name: "base URL that is not a URL",
			files: map[string]string{
				"handbook.toml": "baseURL = \"mailto:team@example.org\"\n",
				"content/vi/":   "",
			},
			file: "handbook.toml", line: 1, msg: []string{"baseURL", "mailto:team@example.org"},
		},
		{
			name: "Hugo syntax error",
			files: map[string]string{
				"hugo.toml":   "title = \"x\"\n\nbaseURL = = \"https://x/\"\n",
				"content/vi/": "",
			},
			file: "hugo.toml", line: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, tt.files)
			var diags diag.List
			cfg, err := Load(root, Overrides{}, &diags)
			if err == nil {
				t.Fatalf("Load succeeded with %+v, want an error", cfg)
			}
			if cfg != nil {
				t.Errorf("Load returned a config with its error")
			}
			var found bool
			for _, d := range diags.Sorted() {
				if d.Severity != diag.Error || d.File != tt.file || d.Line != tt.line {
					continue
				}
				found = true
				for _, s := range tt.msg {
					if !strings.Contains(d.Message, s) {
						found = false
					}
				}
				if found {
					break
				}
			}
			if !found {
				t.Errorf("no error at %s:%d containing %q; diagnostics: %v", tt.file, tt.line, tt.msg, diags.Sorted())
			}
		})
	}
}

func TestLoadUnknownKeysAllReported(t *testing.T) {
	root := site(t, map[string]string{
		"handbook.toml": "titel = \"x\"\n[languages.vi]\nnom = \"V\"\n[languages.fr]\npoids = 2\n",
		"content/vi/":   "", "content/fr/": "",
	})
	var diags diag.List
	if _, err := Load(root, Overrides{}, &diags); err == nil {
		t.Fatal("Load succeeded, want an error")
	}
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`handbook.toml:1: unknown key "titel" (did you mean "title"?)`,
		`handbook.toml:3: unknown key "languages.vi.nom" (did you mean "languages.vi.name"?)`,
		`handbook.toml:5: unknown key "languages.fr.poids"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics =\n%q\nwant\n%q", got, want)
	}
}

func TestLoadMissingSite(t *testing.T) {
	var diags diag.List
	missing := filepath.Join(t.TempDir(), "nope")
	if cfg, err := Load(missing, Overrides{}, &diags); err == nil {
		t.Fatalf("Load(%s) = %+v, want an error", missing, cfg)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg, err := Load(file, Overrides{}, &diags); err == nil {
		t.Fatalf("Load(%s) = %+v, want an error for a file", file, cfg)
	}
}

func TestLoadHugo(t *testing.T) {
	const hugo = `baseURL = "https://example.org/docs/"
title = "Hugo site"
defaultContentLanguage = "fr"
theme = "ananke"
enableRobotsTXT = true
publishDir = "dist"

[params]
author = "x"

[languages.vi]
contentDir = "content/vi"
weight = 2
label = "Tiếng Việt"
title = "Sổ tay"
menu = 3

[languages.fr]
contentDir = "contenu/fr"
weight = 1
languageName = "Français"

[languages.fr.params]
x = 1

[markup.goldmark.renderer]
unsafe = true
hardWraps = true

[markup.highlight]
style = "monokai"
`
	for _, name := range []string{"hugo.toml", "config.toml"} {
		t.Run(name, func(t *testing.T) {
			root := site(t, map[string]string{
				name:          hugo,
				"content/vi/": "", "contenu/fr/": "", "layouts/_default/": "",
			})
			cfg, diags := load(t, root, Overrides{})
			want := &Config{
				Root:            root,
				File:            name,
				Title:           "Hugo site",
				Hugo:            true,
				BaseURL:         "https://example.org/docs/",
				DefaultLanguage: "fr",
				Languages: []Language{
					// A language's params are the site's with its own over them.
					{Code: "fr", Name: "Français", Weight: 1, ContentDir: "contenu/fr", Params: map[string]any{"author": "x", "x": int64(1)}},
					{Code: "vi", Name: "Tiếng Việt", Weight: 2, ContentDir: "content/vi", Title: "Sổ tay", Params: map[string]any{"author": "x"}},
				},
				OutputDir: filepath.Join(root, "dist"),
				Theme:     "default",
				Search:    true,
				Markup:    Markup{UnsafeHTML: true, HighlightStyle: "github", HighlightDarkStyle: "github-dark", HugoIDs: "github"},
				History:   History{Enable: true, ChangesMonths: DefaultChangesMonths},
				Print:     Print{MaxPages: DefaultPrintMaxPages},
			}
			if !reflect.DeepEqual(cfg, want) {
				t.Errorf("config =\n%+v\nwant\n%+v", cfg, want)
			}

			var ignored, layouts []diag.Diagnostic
			for _, d := range diags.Sorted() {
				if d.Severity != diag.Warning {
					t.Errorf("unexpected error: %v", d)
				}
				switch d.File {
				case name:
					ignored = append(ignored, d)
				case "layouts":
					layouts = append(layouts, d)
				default:
					t.Errorf("unexpected diagnostic: %v", d)
				}
			}
			if len(ignored) != 1 {
				t.Fatalf("want one warning about ignored keys, got %v", ignored)
			}
			msg := ignored[0].Message
			// The keys are named as they are written in the file.
			for _, key := range []string{"theme", "enableRobotsTXT", "languages.vi.menu", "markup.goldmark.renderer.hardWraps", "markup.highlight"} {
				if !strings.Contains(msg, key) {
					t.Errorf("warning %q does not name the ignored key %s", msg, key)
				}
			}
			// Keys that are read are not named as ignored.
			list, _, _ := strings.Cut(strings.TrimPrefix(msg, "Hugo configuration: ignoring "), " (")
			for _, key := range strings.Split(list, ", ") {
				switch strings.ToLower(key) {
				case "title", "baseurl", "defaultcontentlanguage", "publishdir", "languages", "languages.vi.contentdir", "languages.vi.label",
					"languages.vi.weight", "languages.vi.title", "languages.fr.languagename", "markup.goldmark.renderer.unsafe",
					"params", "params.author", "languages.fr.params", "languages.fr.params.x": // shortcodes and templates read the params

					t.Errorf("warning names %s, which is read", key)
				}
			}
			if want := 5; len(strings.Split(list, ", ")) != want {
				t.Errorf("warning names %q, want %d keys", list, want)
			}
			if len(layouts) != 1 || !strings.Contains(layouts[0].Message, "not used") {
				t.Errorf("want one warning that Hugo layouts are not used, got %v", layouts)
			}
		})
	}
}

func TestLoadHugoMinimal(t *testing.T) {
	// A Hugo site whose every key is understood gets no warning, and
	// without [languages] it has one language, Hugo's default, whose
	// pages are straight under content/: its folders are sections, even
	// those named like a language.
	root := site(t, map[string]string{
		"hugo.toml":   "title = \"Docs\"\nbaseURL = \"https://example.org/\"\n",
		"content/vi/": "", "content/fr/": "",
	})
	cfg, diags := load(t, root, Overrides{})
	want := []Language{{Code: "en", Name: "en", ContentDir: "content"}}
	if cfg.Title != "Docs" || cfg.BaseURL != "https://example.org/" || !reflect.DeepEqual(cfg.Languages, want) || cfg.DefaultLanguage != "en" {
		t.Errorf("config = %+v", cfg)
	}
	if cfg.Markup.UnsafeHTML {
		t.Error("UnsafeHTML set without markup.goldmark.renderer.unsafe")
	}
	if d := diags.Sorted(); len(d) != 0 {
		t.Errorf("diagnostics = %v, want none", d)
	}
}

func TestLoadHandbookBeforeHugo(t *testing.T) {
	root := site(t, map[string]string{
		"handbook.toml": "title = \"Handbook file\"\n",
		"hugo.toml":     "title = \"Hugo file\"\n",
		"content/vi/":   "",
	})
	cfg, _ := load(t, root, Overrides{})
	if cfg.File != "handbook.toml" || cfg.Title != "Handbook file" {
		t.Errorf("File, Title = %q, %q; want handbook.toml read first", cfg.File, cfg.Title)
	}
}

func TestOverrides(t *testing.T) {
	const file = "baseURL = \"https://example.org/\"\noutput = \"build\"\n[languages.vi]\n"
	dest := filepath.Join(t.TempDir(), "dest")
	tests := []struct {
		name      string
		over      Overrides
		baseURL   string
		outputDir func(root string) string
		drafts    bool
	}{
		{
			name:      "none",
			baseURL:   "https://example.org/",
			outputDir: func(root string) string { return filepath.Join(root, "build") },
		},
		{
			name:      "dest",
			over:      Overrides{Dest: dest},
			baseURL:   "https://example.org/",
			outputDir: func(string) string { return dest },
		},
		{
			name:      "base URL gains a slash",
			over:      Overrides{BaseURL: "https://intranet.example/handbook"},
			baseURL:   "https://intranet.example/handbook/",
			outputDir: func(root string) string { return filepath.Join(root, "build") },
		},
		{
			name:      "drafts",
			over:      Overrides{Drafts: true},
			baseURL:   "https://example.org/",
			outputDir: func(root string) string { return filepath.Join(root, "build") },
			drafts:    true,
		},
		{
			name:      "all",
			over:      Overrides{Dest: dest, BaseURL: "/preview/", Drafts: true},
			baseURL:   "/preview/",
			outputDir: func(string) string { return dest },
			drafts:    true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := site(t, map[string]string{"handbook.toml": file, "content/vi/": ""})
			cfg, _ := load(t, root, tt.over)
			if cfg.BaseURL != tt.baseURL {
				t.Errorf("BaseURL = %q, want %q", cfg.BaseURL, tt.baseURL)
			}
			if want := tt.outputDir(root); cfg.OutputDir != want {
				t.Errorf("OutputDir = %q, want %q", cfg.OutputDir, want)
			}
			if cfg.Drafts != tt.drafts {
				t.Errorf("Drafts = %v, want %v", cfg.Drafts, tt.drafts)
			}
		})
	}
}

func TestOverrideDestIsMadeAbsolute(t *testing.T) {
	root := site(t, map[string]string{"content/vi/": ""})
	t.Chdir(root)
	cfg, _ := load(t, ".", Overrides{Dest: "out"})
	if want := filepath.Join(root, "out"); cfg.OutputDir != want {
		t.Errorf("OutputDir = %q, want %q", cfg.OutputDir, want)
	}
	if !filepath.IsAbs(cfg.Root) {
		t.Errorf("Root = %q, want an absolute path", cfg.Root)
	}
}

func TestBasePathAndAbsURL(t *testing.T) {
	tests := []struct {
		baseURL  string
		basePath string
		abs      string // AbsURL("/vi/principles/x/")
	}{
		{"https://intranet.example/handbook/", "/handbook/", "https://intranet.example/handbook/vi/principles/x/"},
		{"https://intranet.example/handbook", "/handbook/", "https://intranet.example/handbook/vi/principles/x/"},
		{"https://intranet.example/a/b/", "/a/b/", "https://intranet.example/a/b/vi/principles/x/"},
		{"https://handbook.example/", "/", "https://handbook.example/vi/principles/x/"},
		{"https://handbook.example", "/", "https://handbook.example/vi/principles/x/"},
		{"/", "/", "/vi/principles/x/"},
		{"/handbook/", "/handbook/", "/handbook/vi/principles/x/"},
	}
	for _, tt := range tests {
		t.Run(tt.baseURL, func(t *testing.T) {
			root := site(t, map[string]string{
				"handbook.toml": "baseURL = \"" + tt.baseURL + "\"\n",
				"content/vi/":   "",
			})
			cfg, _ := load(t, root, Overrides{})
			if got := cfg.BasePath(); got != tt.basePath {
				t.Errorf("BasePath() = %q, want %q", got, tt.basePath)
			}
			if got := cfg.AbsURL("/vi/principles/x/"); got != tt.abs {
				t.Errorf("AbsURL() = %q, want %q", got, tt.abs)
			}
			if got := cfg.AbsURL("/"); got != cfg.BaseURL {
				t.Errorf("AbsURL(/) = %q, want BaseURL %q", got, cfg.BaseURL)
			}
		})
	}
}

// A Hugo site's rule for heading ids is read from autoIDType, or from
// autoHeadingIDType, its older name; without either it is Hugo's default.
func TestLoadHugoIDs(t *testing.T) {
	for conf, want := range map[string]Markup{
		"": {HugoIDs: "github"},
		"[markup.goldmark.parser]\nautoHeadingIDType = \"blackfriday\"\n":              {HugoIDs: "blackfriday"},
		"[markup.goldmark.parser]\nautoIDType = \"github-ascii\"\n":                    {HugoIDs: "github-ascii"},
		"[markup.goldmark.parser]\nautoDefinitionTermID = true\n":                      {HugoIDs: "github", DefinitionTermIDs: true},
		"[markup.goldmark.parser]\nAutoIDType = 'blackfriday'\nautoHeadingID = true\n": {HugoIDs: "blackfriday"},
	} {
		root := site(t, map[string]string{"hugo.toml": "title = \"x\"\n" + conf, "content/en/": ""})
		cfg, _ := load(t, root, Overrides{})
		if cfg.Markup.HugoIDs != want.HugoIDs || cfg.Markup.DefinitionTermIDs != want.DefinitionTermIDs {
			t.Errorf("%q: ids %q, terms %v; want %q, %v", conf, cfg.Markup.HugoIDs, cfg.Markup.DefinitionTermIDs, want.HugoIDs, want.DefinitionTermIDs)
		}
	}
}

func TestHistoryKeys(t *testing.T) {
	root := site(t, map[string]string{"handbook.toml": "[history]\nenable = false\n", "content/vi/": ""})
	cfg, _ := load(t, root, Overrides{})
	if cfg.History.Enable || cfg.History.Explicit {
		t.Errorf("enable = false: %+v", cfg.History)
	}
	root = site(t, map[string]string{"handbook.toml": "[history]\nenable = true\n", "content/vi/": ""})
	cfg, _ = load(t, root, Overrides{NoHistory: true})
	if cfg.History.Enable {
		t.Errorf("--history=false does not turn the history off: %+v", cfg.History)
	}
	root = site(t, map[string]string{"handbook.toml": "title = \"x\"\n\n[history]\nchangesMonths = -1\n", "content/vi/": ""})
	var diags diag.List
	if _, err := Load(root, Overrides{}, &diags); err == nil {
		t.Fatal("a negative changesMonths loads")
	}
	if got := diags.Sorted(); len(got) != 1 || got[0].Line != 4 || !strings.Contains(got[0].Message, "changesMonths") {
		t.Errorf("diagnostics = %v, want one at line 4 naming changesMonths", got)
	}
}
