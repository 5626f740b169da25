//go:build unix

package config

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"handbook/build/diag"
	"handbook/build/internal/files"
)

func TestFileSizeLimit(t *testing.T) {
	cfg, _ := load(t, site(t, map[string]string{"content/vi/_index.md": "# vi"}), Overrides{})
	if got := cfg.FileSizeLimit(); got != 64<<20 {
		t.Errorf("default limit %d, want 64 MiB", got)
	}
	root := site(t, map[string]string{
		"handbook.toml":        "maxFileSize = 2048\n",
		"content/vi/_index.md": "# vi",
	})
	cfg, _ = load(t, root, Overrides{})
	if got := cfg.FileSizeLimit(); got != 2048 {
		t.Errorf("limit %d, want the configured 2048", got)
	}
}

func TestConfigFileMustBeRegular(t *testing.T) {
	root := site(t, map[string]string{"content/vi/_index.md": "# vi"})
	if err := syscall.Mkfifo(filepath.Join(root, "handbook.toml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	var diags diag.List
	_, err := Load(root, Overrides{}, &diags)
	if !errors.Is(err, files.ErrNotRegular) || !strings.Contains(err.Error(), "handbook.toml") {
		t.Errorf("a named pipe as handbook.toml: %v, want an error naming it", err)
	}
}

func TestNegativeFileSizeLimit(t *testing.T) {
	root := site(t, map[string]string{
		"handbook.toml":        "title = \"x\"\nmaxFileSize = -5\n",
		"content/vi/_index.md": "# vi",
	})
	var diags diag.List
	if _, err := Load(root, Overrides{}, &diags); err == nil {
		t.Fatal("a negative maxFileSize was taken")
	}
	if got := diags.Sorted(); len(got) != 1 || got[0].File != "handbook.toml" || got[0].Line != 2 || !strings.Contains(got[0].Message, "negative") {
		t.Errorf("diagnostics %v, want one at handbook.toml:2 saying it is negative", got)
	}
}
