//go:build unix

package render

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/output"
)

func TestCopyStaticTakesOnlyRegularFiles(t *testing.T) {
	work := t.TempDir()
	root := filepath.Join(work, "site")
	writeFiles(t, root, map[string]string{
		"static/robots.txt":       "ok",
		"static/big.bin":          strings.Repeat("x", 101),
		"static/css/site.css":     "css",
		"static/fonts/loop/.keep": "",
	})
	writeFiles(t, filepath.Join(work, "shared"), map[string]string{"logo.png": "PNG"})
	static := filepath.Join(root, "static")
	if err := syscall.Mkfifo(filepath.Join(static, "pipe.css"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for link, target := range map[string]string{
		"random.bin":      "/dev/urandom",
		"images":          filepath.Join("..", "..", "shared"),
		"fonts/loop/back": "..",
		"gone.png":        "nothing.png",
	} {
		if err := os.Symlink(target, filepath.Join(static, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	var diags diag.List
	r := &Renderer{cfg: &config.Config{Root: root, MaxFileSize: 100}, diags: &diags}
	mem := output.NewMemory()
	if err := r.copyStatic(mem); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(mem.Paths(), " "), "css/site.css images/logo.png robots.txt"; got != want {
		t.Errorf("copied %q, want %q", got, want)
	}
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"static/pipe.css: not a regular file: it is a named pipe (FIFO)",
		"static/random.bin: not a regular file: it is a character device",
		"static/big.bin: too large: 101 bytes, over the limit of 100 bytes",
		"static/fonts/loop/back: a symbolic link loop: it leads back to static/fonts",
		"static/gone.png: a symbolic link that leads nowhere",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, all)
		}
	}
}

func TestThemeFileMustBeRegular(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"themes/custom/layouts/home.html": "site home"})
	if err := syscall.Mkfifo(filepath.Join(root, "themes", "custom", "layouts", "page.html"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(root, "themes", "custom", "i18n.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(root, "themes", "custom", "linked")); err != nil {
		t.Fatal(err)
	}
	th, err := NewTheme(root, "custom", baseTheme())
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"linked":            "themes/custom/linked: not a regular file: it is a folder",
		"layouts/page.html": "themes/custom/layouts/page.html: not a regular file: it is a named pipe (FIFO)",
		"i18n.toml":         "themes/custom/i18n.toml: not a regular file: it is a character device",
	} {
		if _, err := th.ReadFile(name); err == nil || err.Error() != want+"; only regular files are read" {
			t.Errorf("ReadFile(%s): %v, want %q", name, err, want)
		}
	}
	if data, err := th.ReadFile("layouts/home.html"); err != nil || string(data) != "site home" {
		t.Errorf("ReadFile of a regular file: %q, %v", data, err)
	}
}
