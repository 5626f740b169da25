package preview

import (
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/output"
	"handbook/internal/sitetest"
)

// writeSite writes files (path → content) into a new temporary folder and
// returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	return sitetest.Write(t, files)
}

// siteConfig is the handbook.toml of siteFiles.
const siteConfig = `title = "Test Handbook"
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

// siteFiles is a small handbook in Vietnamese and French, the build
// package's fixture: the story is only in Vietnamese, and one Vietnamese
// page is a draft.
func siteFiles() map[string]string {
	return map[string]string{
		"handbook.toml": siteConfig,

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

// renderMemory runs the whole pipeline into memory, as a build does.
func renderMemory(t *testing.T, root string, over config.Overrides) (*build.Site, *output.Memory, error) {
	t.Helper()
	s, err := build.Load(build.Options{Source: root, Overrides: over})
	if err != nil {
		return s, nil, err
	}
	mem := output.NewMemory()
	return s, mem, s.Render(mem)
}

func mustContain(t *testing.T, name, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %s\n--- %s:\n%s", name, w, name, got)
		}
	}
}

func mustNotContain(t *testing.T, name, got string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(got, b) {
			t.Errorf("%s contains %s\n--- %s:\n%s", name, b, name, got)
		}
	}
}
