package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// siteFiles is a small handbook in Vietnamese and French with every kind
// of page, a nested section, links with anchors and an alias.
func siteFiles() map[string]string {
	return map[string]string{
		"handbook.toml":        sitetest.Config,
		"content/vi/_index.md": "---\ntitle: Sổ tay\n---\n\nChào mừng.\n",
		"content/vi/about.md": "---\ntitle: Giới thiệu\naliases: [/gioi-thieu/]\n---\n\n" +
			"Xem [nguyên tắc](principles/customer-obsession.md#khach-hang-la-ai) và [câu chuyện](/stories/only-vi/).\n",
		"content/vi/principles/_index.md": "---\ntitle: Nguyên tắc\nweight: 1\n---\n",
		"content/vi/principles/customer-obsession.md": "---\ntitle: Ám ảnh về khách hàng\nkind: principle\n" +
			"statement: Bắt đầu từ khách hàng.\nweight: 1\n---\n\n## Khách hàng là ai?\n\nVăn bản.\n",
		"content/vi/principles/bias-for-action.md": "---\ntitle: Hành động\nkind: principle\n" +
			"statement: Tốc độ quan trọng.\nweight: 2\n---\n\nNhanh.\n",
		"content/vi/principles/more/_index.md":    "---\ntitle: Thêm\n---\n",
		"content/vi/principles/more/deep/note.md": "---\ntitle: Ghi chú sâu\n---\n\nỞ sâu.\n",
		"content/vi/letters/_index.md":            "---\ntitle: Thư\nweight: 2\n---\n",
		"content/vi/letters/2016.md": "---\ntitle: Thư năm 2016\nkind: letter\nyear: 2016\n---\n\n" +
			"Thư. [Trích dẫn](../quotes/q-day-two.md).\n",
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
		"static/css/extra.css": "body { color: black; }\n",
	}
}

// newSite writes the fixture site into a temporary folder.
func newSite(t *testing.T) string {
	t.Helper()
	return sitetest.Write(t, siteFiles())
}

// writeFile writes one file of the site, making its folder.
func writeFile(t *testing.T, root, name, body string) string {
	t.Helper()
	sitetest.WriteFiles(t, root, map[string]string{name: body})
	return filepath.Join(root, filepath.FromSlash(name))
}

// editFile replaces old with new in one file of the site.
func editFile(t *testing.T, root, name, old, new string) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// removeFile removes a file or folder of the site.
func removeFile(t *testing.T, root, name string) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	return p
}
