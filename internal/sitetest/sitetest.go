package sitetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Write writes files (slash-separated path → contents) into a new
// temporary folder and returns the folder.
func Write(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	WriteFiles(t, root, files)
	return root
}

// WriteFiles writes files under root, making folders as needed; a path
// ending in "/" makes an empty folder.
func WriteFiles(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ChromiumOptions are the flags headless Chromium runs with in the tests
// and benchmarks: no sandbox (CI runs as root), no GPU, and none of the
// background connections a machine without internet would refuse. Its
// profile, and the temporary files it makes beside it (its singleton
// folders, which a browser killed rather than closed leaves behind), are
// in profile, which the test removes.
func ChromiumOptions(execPath, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Env("TMPDIR=" + profile),
	}
}

// Config is the handbook.toml of the tests' bilingual fixture sites:
// Vietnamese, the default language, and French.
const Config = `title = "Test Handbook"
baseURL = "https://handbook.example/"
defaultLanguage = "vi"

[languages.vi]
name = "Tiếng Việt"
weight = 1
contentDir = "content/vi"

[languages.fr]
name = "Français"
weight = 2
contentDir = "content/fr"
`

// NeedTool returns the path of a program a test needs, the first of
// names found (a name with a slash is a path). Without it the test is
// skipped on a developer's machine but fails in CI (CI set), so that a CI
// image missing node, Chromium or nginx cannot pass silently.
func NeedTool(t testing.TB, what string, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, fmt.Sprintf("%s is not installed (looked for %q)", what, names))
	return ""
}

// NeedFile returns the contents of a file a test needs that is not in the
// repository, such as a package installed by npm; hint says how to get
// it. Like NeedTool, a missing file skips the test on a developer's
// machine and fails it in CI.
func NeedFile(t testing.TB, what, path, hint string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		missing(t, fmt.Sprintf("%s is missing (%v): %s", what, err, hint))
	}
	return data
}

// missing fails the test in CI and skips it elsewhere.
func missing(t testing.TB, msg string) {
	t.Helper()
	if ci, err := strconv.ParseBool(os.Getenv("CI")); err == nil && ci || err != nil && os.Getenv("CI") != "" {
		t.Fatal(msg + ": CI needs it for this test")
	}
	t.Skip(msg)
}

// SmallHandbookConfig is the handbook.toml of SmallHandbook.
const SmallHandbookConfig = `title = "Test Handbook"
baseURL = "https://handbook.example/"
defaultLanguage = "vi"

[languages.vi]
name = "Tiếng Việt"
weight = 1
contentDir = "content/vi"
title = "Sổ tay"

[languages.fr]
name = "Français"
weight = 2
contentDir = "content/fr"
title = "Le manuel"
`

// SmallHandbook is a small handbook in Vietnamese and French, the fixture
// of the pipeline's and the preview's tests: the story is only in
// Vietnamese, and one Vietnamese page is a draft.
func SmallHandbook() map[string]string {
	return map[string]string{
		"handbook.toml": SmallHandbookConfig,

		"content/vi/_index.md": "---\ntitle: Sổ tay\n---\n\nChào mừng.\n",
		"content/vi/about.md": "---\ntitle: Giới thiệu\naliases: [/gioi-thieu/]\n---\n\n" +
			"Xem [nguyên tắc](principles/customer-obsession.md) và [câu chuyện](/stories/only-vi/).\n",
		"content/vi/principles/_index.md": "---\ntitle: Nguyên tắc\nweight: 1\n---\n",
		"content/vi/principles/customer-obsession.md": "---\ntitle: Ám ảnh về khách hàng\nkind: principle\n" +
			"statement: Bắt đầu từ khách hàng.\nweight: 1\n---\n\n## Khách hàng là ai?\n\nVăn bản.\n",
		"content/vi/principles/draft-idea.md": "---\ntitle: Bản nháp\ndraft: true\n---\n\nChưa xong.\n",
		"content/vi/letters/_index.md":        "---\ntitle: Thư\nweight: 2\n---\n",
		"content/vi/letters/2016.md": "---\ntitle: Thư năm 2016\nkind: letter\nyear: 2016\n---\n\n" +
			"Thư. [Trích dẫn](../quotes/q-day-two.md). ![bìa](letter-2016.pdf)\n",
		"content/vi/letters/letter-2016.pdf": "%PDF-1.4 not really\n",
		"content/vi/quotes/q-day-two.md": "---\ntitle: Ngày 2 là trì trệ\nkind: quote\nletter: 2016\n" +
			"principles: [customer-obsession]\ntext: Ngày 2 là trì trệ.\n---\n\nGiải thích.\n",
		"content/vi/stories/only-vi.md": "---\ntitle: Chỉ có tiếng Việt\nkind: story\nprinciples: [customer-obsession]\n---\n\nChuyện.\n",

		"content/fr/_index.md":            "---\ntitle: Le manuel\n---\n\nBienvenue.\n",
		"content/fr/about.md":             "---\ntitle: À propos\n---\n\nVoir [le principe](/principles/customer-obsession/).\n",
		"content/fr/principles/_index.md": "---\ntitle: Principes\nweight: 1\n---\n",
		"content/fr/principles/customer-obsession.md": "---\ntitle: L’obsession du client\nkind: principle\n" +
			"statement: Partir du client.\nweight: 1\n---\n\n## Qui est le client ?\n",
		"content/fr/letters/_index.md": "---\ntitle: Lettres\nweight: 2\n---\n",
		"content/fr/letters/2016.md":   "---\ntitle: Lettre de 2016\nkind: letter\nyear: 2016\n---\n\nLa lettre.\n",
		"content/fr/quotes/q-day-two.md": "---\ntitle: Le jour 2, c’est la stase\nkind: quote\nletter: 2016\n" +
			"principles: [customer-obsession]\ntext: Le jour 2, c’est la stase.\n---\n\nExplication.\n",
	}
}
