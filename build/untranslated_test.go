package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/config"
)

// buildSiteFiles builds files into a new folder and returns a reader of
// the built site's files.
func buildSiteFiles(t *testing.T, files map[string]string) func(name string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Build(Options{Source: writeSite(t, files), Overrides: config.Overrides{Dest: dest}})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, s.Diags)
	}
	return func(name string) string {
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
}

func TestUntranslatedIsOneLine(t *testing.T) {
	// A page that exists in one language of four shows one notice naming
	// the three others, each linking to its home, not three notices.
	files := map[string]string{
		"handbook.toml": "title = \"Glossary\"\ndefaultLanguage = \"en\"\n" +
			"[languages.en]\nname = \"English\"\nweight = 1\ncontentDir = \"content/en\"\n" +
			"[languages.de]\nname = \"Deutsch\"\nweight = 2\ncontentDir = \"content/de\"\n" +
			"[languages.ja]\nname = \"日本語\"\nweight = 3\ncontentDir = \"content/ja\"\n" +
			"[languages.vi]\nname = \"Tiếng Việt\"\nweight = 4\ncontentDir = \"content/vi\"\n",
		"content/en/_index.md":  "---\ntitle: Glossary\n---\n",
		"content/de/_index.md":  "---\ntitle: Glossar\n---\n",
		"content/ja/_index.md":  "---\ntitle: 用語集\n---\n",
		"content/vi/_index.md":  "---\ntitle: Thuật ngữ\n---\n",
		"content/en/only.md":    "---\ntitle: Only here\n---\n\nText.\n",
		"content/en/two.md":     "---\ntitle: Two\n---\n\nText.\n",
		"content/de/two.md":     "---\ntitle: Zwei\n---\n\nText.\n",
		"content/ja/two.md":     "---\ntitle: 二\n---\n\nText.\n",
		"content/vi/nothere.md": "---\ntitle: Chỉ có ở đây\n---\n\nText.\n",
	}
	file := buildSiteFiles(t, files)
	only := file("en/only/index.html")
	if n := strings.Count(only, "notice-untranslated"); n != 1 {
		t.Errorf("en/only has %d notices, want one", n)
	}
	mustContain(t, "en/only", only,
		`<p class="notice notice-untranslated" data-lang="de ja vi">Not yet translated into: `+
			`<a href="/de/" hreflang="de" lang="de">Deutsch</a>, <a href="/ja/" hreflang="ja" lang="ja">日本語</a>, `+
			`<a href="/vi/" hreflang="vi" lang="vi">Tiếng Việt</a></p>`)
	// One language missing keeps the sentence it always had.
	mustContain(t, "en/two", file("en/two/index.html"),
		`<p class="notice notice-untranslated" data-lang="vi">This page is not translated into Tiếng Việt yet. <a href="/vi/" hreflang="vi">Go to the Tiếng Việt home page</a></p>`)
	mustContain(t, "vi/nothere", file("vi/nothere/index.html"), `Chưa được dịch sang: <a href="/en/"`)
}
