package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// japaneseSite is a Hugo site in Japanese alone: the theme has no
// interface strings in Japanese, and the text has no spaces.
func japaneseSite() map[string]string {
	return map[string]string{
		"hugo.toml": "title = \"社員ハンドブック\"\ndefaultContentLanguage = \"ja\"\n" +
			"[params]\ndescription = \"社員のための手引き\"\n" +
			"[languages.ja]\ncontentDir = \"content/ja\"\nlanguageName = \"日本語\"\n",
		"content/ja/_index.md":     "---\ntitle: ようこそ\n---\n\nはじめに。\n",
		"content/ja/onboarding.md": "---\ntitle: 入社初日\n---\n\n" + strings.Repeat("新しい社員は", 40) + "リモートワークの手引きを読みます。\n",
		"content/ja/print.md":      "---\ntitle: 印刷の手順\n---\n\nプリンターの使い方。\n",
	}
}

// builtFirst builds the site into site/public before the case runs.
func builtFirst(t *testing.T, work string) {
	site := filepath.Join(work, "site")
	if code, _, stderr := runCmd("build", "--source", site, "--dest", filepath.Join(site, "public")); code != exitOK {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
}

func TestHostile20d(t *testing.T) {
	runHostile(t, []hostileCase{
		{
			name:  "a Hugo site's own page at /print/ is its page, with no print page and no warning",
			files: japaneseSite(),
			args:  []string{"build"}, code: exitOK,
			notOutput: []string{"print page", "interface string \""},
			output:    "no interface strings for ja: using en",
			written:   []string{"site/public"},
			after: func(t *testing.T, work string) {
				page, err := os.ReadFile(filepath.Join(work, "site/public/ja/print/index.html"))
				if err != nil || !strings.Contains(string(page), "プリンターの使い方") {
					t.Errorf("ja/print/ is not the site's page: %v\n%s", err, page)
				}
				home, _ := os.ReadFile(filepath.Join(work, "site/public/ja/index.html"))
				if !strings.Contains(string(home), `<meta property="og:locale" content="ja">`) {
					t.Error("the home's og:locale is not ja")
				}
				for _, w := range []string{"Sổ tay", "Day 1", "print-link", "skip_to_content", "en_US"} {
					if strings.Contains(string(home), w) {
						t.Errorf("the home says %q", w)
					}
				}
			},
		},
		{
			name:  "a Japanese word is found from the command line, its snippet near it",
			files: japaneseSite(), setup: builtFirst,
			args: []string{"search", "--dest", "$SITE/public", "リモートワーク"}, code: exitOK,
			output: "リモートワークの手引き",
		},
		{
			name:  "one character typed finds the words it starts",
			files: japaneseSite(), setup: builtFirst,
			args: []string{"search", "--dest", "$SITE/public", "--json", "入"}, code: exitOK,
			output: `"url": "/ja/onboarding/"`,
		},
		{
			name:  "a long run of one CJK character, a lone prolonged sound mark and a lone dakuten",
			files: japaneseSite(), setup: builtFirst,
			args: []string{"search", "--dest", "$SITE/public", strings.Repeat("社", 5000) + " ー \u3099"}, code: exitOK,
		},
		{
			name: "a description with markup is text in the footer and the meta description",
			files: map[string]string{
				"hugo.toml":            "title = \"T\"\n[params]\ndescription = '\"><script>alert(1)</script>'\n[languages.en]\ncontentDir = \"content/en\"\n",
				"content/en/_index.md": "---\ntitle: Home\n---\n",
			},
			args: []string{"build"}, code: exitOK,
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				home, _ := os.ReadFile(filepath.Join(work, "site/public/en/index.html"))
				if strings.Contains(string(home), "<script>alert") {
					t.Errorf("the description's markup reached the page:\n%s", home)
				}
				if !strings.Contains(string(home), "&lt;script&gt;alert(1)&lt;/script&gt;</p></footer>") {
					t.Errorf("the footer lacks the escaped description:\n%s", home)
				}
			},
		},
	})
}
