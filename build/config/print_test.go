package config

import (
	"testing"
)

// TestPrintMaxPages reads [print] maxPages, defaults it, and refuses a
// value below 1 at its line.
func TestPrintMaxPages(t *testing.T) {
	cfg, _ := load(t, site(t, map[string]string{"content/vi/_index.md": "# x\n"}), Overrides{})
	if cfg.Print.MaxPages != DefaultPrintMaxPages {
		t.Errorf("default maxPages %d, want %d", cfg.Print.MaxPages, DefaultPrintMaxPages)
	}
	cfg, _ = load(t, site(t, map[string]string{"handbook.toml": "[print]\nmaxPages = 20000\n", "content/vi/_index.md": "# x\n"}), Overrides{})
	if cfg.Print.MaxPages != 20000 {
		t.Errorf("maxPages %d, want 20000", cfg.Print.MaxPages)
	}
	for _, bad := range []string{"0", "-3"} {
		diags, _ := loadFails(t, map[string]string{"handbook.toml": "title = \"x\"\n[print]\nmaxPages = " + bad + "\n", "content/vi/": ""}, Overrides{})
		wantDiag(t, diags, "handbook.toml:3: print.maxPages is "+bad+": it must be 1 or more")
	}
	diags, _ := loadFails(t, map[string]string{"handbook.toml": "[print]\nmaxpages = 10\n", "content/vi/": ""}, Overrides{})
	wantDiag(t, diags, `handbook.toml:2: unknown key "print.maxpages" (did you mean "print.maxPages"?)`)
}
