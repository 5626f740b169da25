//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/internal/sitetest"
)

// diagStrings is every diagnostic as the command prints it.
func diagStrings(diags *diag.List) []string {
	var out []string
	for _, d := range diags.Sorted() {
		out = append(out, d.String())
	}
	return out
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func TestSymlinkedFolderIsWalked(t *testing.T) {
	work := t.TempDir()
	root := filepath.Join(work, "site")
	sitetest.WriteFiles(t, root, map[string]string{
		"handbook.toml":        twoLanguages,
		"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
		"content/fr/_index.md": "---\ntitle: Accueil\n---\n",
	})
	sitetest.WriteFiles(t, filepath.Join(work, "shared"), map[string]string{
		"logo.png":     "PNG",
		"deep/map.svg": "<svg/>",
		"note.md":      "---\ntitle: Ghi chú\n---\n",
	})
	symlink(t, filepath.Join("..", "..", "..", "shared"), filepath.Join(root, "content", "vi", "shared"))
	set, diags := loadSite(t, root, config.Overrides{})
	if got := diagStrings(diags); len(got) > 0 {
		t.Fatalf("diagnostics: %q", got)
	}
	if got, want := strings.Join(resourceList(set), " "), "/vi/shared/deep/map.svg /vi/shared/logo.png"; got != want {
		t.Errorf("resources %q, want %q", got, want)
	}
	if p := page(t, set, "vi", "shared/note.md"); p.File != "content/vi/shared/note.md" {
		t.Errorf("page through the link has file %q", p.File)
	}
}

func TestSymlinkLoopIsReported(t *testing.T) {
	root := writeSite(t, map[string]string{
		"handbook.toml":              twoLanguages,
		"content/vi/_index.md":       "---\ntitle: Trang chủ\n---\n",
		"content/vi/a/b/page.md":     "---\ntitle: Trang\n---\n",
		"content/vi/a/b/photo.png":   "PNG",
		"content/fr/_index.md":       "---\ntitle: Accueil\n---\n",
		"content/fr/images/logo.png": "PNG",
	})
	symlink(t, "..", filepath.Join(root, "content", "vi", "a", "b", "up"))
	symlink(t, ".", filepath.Join(root, "content", "fr", "images", "self"))
	set, diags := loadSite(t, root, config.Overrides{})
	got := strings.Join(diagStrings(diags), "\n")
	for _, want := range []string{
		"content/vi/a/b/up: a symbolic link loop: it leads back to content/vi/a, a folder that holds it",
		"content/fr/images/self: a symbolic link loop: it leads back to content/fr/images",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if got, want := strings.Join(resourceList(set), " "), "/fr/images/logo.png /vi/a/b/photo.png"; got != want {
		t.Errorf("resources %q, want %q", got, want)
	}
}

func TestOnlyRegularFilesAreTaken(t *testing.T) {
	root := writeSite(t, map[string]string{
		"handbook.toml":        twoLanguages,
		"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
		"content/vi/ok.png":    "PNG",
		"content/fr/_index.md": "---\ntitle: Accueil\n---\n",
	})
	vi := filepath.Join(root, "content", "vi")
	for _, name := range []string{"pipe.md", "pipe.png"} {
		if err := syscall.Mkfifo(filepath.Join(vi, name), 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	symlink(t, "/dev/zero", filepath.Join(vi, "zero.png"))
	symlink(t, "/dev/urandom", filepath.Join(vi, "random.md"))
	symlink(t, "pipe.png", filepath.Join(vi, "to-pipe.png"))
	symlink(t, "missing.png", filepath.Join(vi, "dangling.png"))
	set, diags := loadSite(t, root, config.Overrides{})
	got := strings.Join(diagStrings(diags), "\n")
	for _, want := range []string{
		"content/vi/pipe.md: cannot read the file: not a regular file: it is a named pipe (FIFO)",
		"content/vi/pipe.png: not a regular file: it is a named pipe (FIFO)",
		"content/vi/to-pipe.png: not a regular file: it is a named pipe (FIFO)",
		"content/vi/zero.png: not a regular file: it is a character device",
		"content/vi/random.md: cannot read the file: not a regular file: it is a character device",
		"content/vi/dangling.png: a symbolic link that leads nowhere",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if got := strings.Join(resourceList(set), " "); got != "/vi/ok.png" {
		t.Errorf("resources %q, want only /vi/ok.png", got)
	}
}

func TestFilesOverTheSizeLimit(t *testing.T) {
	root := writeSite(t, map[string]string{
		"handbook.toml":        "maxFileSize = 100\n" + twoLanguages,
		"content/vi/_index.md": "---\ntitle: Trang chủ\n---\n",
		"content/vi/big.md":    "---\ntitle: Lớn\n---\n" + strings.Repeat("x", 200),
		"content/vi/big.png":   strings.Repeat("x", 101),
		"content/vi/small.png": strings.Repeat("x", 100),
		"content/fr/_index.md": "---\ntitle: Accueil\n---\n",
	})
	set, diags := loadSite(t, root, config.Overrides{})
	got := strings.Join(diagStrings(diags), "\n")
	for _, want := range []string{
		"content/vi/big.md: cannot read the file: too large: 221 bytes, over the limit of 100 bytes (maxFileSize",
		"content/vi/big.png: too large: 101 bytes, over the limit of 100 bytes",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if got := strings.Join(resourceList(set), " "); got != "/vi/small.png" {
		t.Errorf("resources %q, want only /vi/small.png", got)
	}
}
