package config

import (
	"testing"

	"handbook/build/diag"
)

func TestLoadDescriptionAndPrint(t *testing.T) {
	t.Run("handbook.toml", func(t *testing.T) {
		root := site(t, map[string]string{
			"handbook.toml": "title = \"Onboarding\"\ndescription = \"How we work\"\n[print]\nenable = false\n" +
				"[languages.vi]\n[languages.fr]\ndescription = \"Comment nous travaillons\"\n",
			"content/vi/": "", "content/fr/": "",
		})
		cfg, diags := load(t, root, Overrides{})
		fr, _ := cfg.Language("fr")
		vi, _ := cfg.Language("vi")
		if cfg.Description != "How we work" || fr.Description != "Comment nous travaillons" || vi.Description != "" {
			t.Errorf("descriptions: site %q, fr %q, vi %q", cfg.Description, fr.Description, vi.Description)
		}
		if cfg.Print.Enable == nil || *cfg.Print.Enable {
			t.Errorf("Print = %v, want false", cfg.Print.Enable)
		}
		if d := diags.Sorted(); len(d) != 0 {
			t.Errorf("diagnostics = %v", d)
		}
	})
	t.Run("no print key", func(t *testing.T) {
		cfg, _ := load(t, site(t, map[string]string{"handbook.toml": "title = \"x\"\n", "content/vi/": ""}), Overrides{})
		if cfg.Print.Enable != nil {
			t.Errorf("Print = %v, want nil (left to the content)", *cfg.Print.Enable)
		}
	})
	t.Run("Hugo", func(t *testing.T) {
		root := site(t, map[string]string{
			"hugo.toml": "title = \"Glossary\"\n[params]\ndescription = \"Terms\"\nprint = true\nauthor = \"x\"\n" +
				"[languages.en]\ncontentDir = \"content/en\"\n[languages.en.params]\ndescription = \"Terms, in English\"\nother = 1\n" +
				"[languages.de]\ncontentDir = \"content/de\"\ndescription = \"Begriffe\"\n",
			"content/en/": "", "content/de/": "",
		})
		cfg, diags := load(t, root, Overrides{})
		en, _ := cfg.Language("en")
		de, _ := cfg.Language("de")
		if cfg.Description != "Terms" || en.Description != "Terms, in English" || de.Description != "Begriffe" {
			t.Errorf("descriptions: site %q, en %q, de %q", cfg.Description, en.Description, de.Description)
		}
		if cfg.Print.Enable == nil || !*cfg.Print.Enable {
			t.Errorf("Print = %v, want true", cfg.Print.Enable)
		}
		var msg string
		for _, d := range diags.Sorted() {
			if d.Severity == diag.Warning && d.File == "hugo.toml" {
				msg = d.Message
			}
		}
		if msg != "" {
			t.Errorf("params named as ignored (shortcodes and templates read them): %q", msg)
		}
	})
}
