package content

import (
	"strings"
	"testing"

	"handbook/build/config"
)

// structureSite is an original and its translation, with the pages they
// link to, loaded and linked as the build does; it returns the
// translation and the site's pages.
func structureSite(t *testing.T, original, translation string) (*Page, *Set) {
	t.Helper()
	files := map[string]string{
		"handbook.toml":                       "defaultLanguage = \"vi\"\n[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/vi/_index.md":                "---\ntitle: Sổ tay\n---\n",
		"content/vi/principles/day-one.md":    "---\ntitle: Ngày 1\nkind: principle\n---\n",
		"content/vi/principles/customers.md":  "---\ntitle: Khách hàng\nkind: principle\n---\n",
		"content/vi/letters/2016.md":          "---\ntitle: 2016\nkind: letter\nyear: 2016\n---\n",
		"content/vi/letters/2012.md":          "---\ntitle: 2012\nkind: letter\nyear: 2012\n---\n",
		"content/vi/page.md":                  original,
		"content/fr/_index.md":                "---\ntitle: Manuel\n---\n",
		"content/fr/principles/day-one.md":    "---\ntitle: Jour 1\nkind: principle\n---\n",
		"content/fr/principles/customers.md":  "---\ntitle: Clients\nkind: principle\n---\n",
		"content/fr/letters/2016.md":          "---\ntitle: 2016\nkind: letter\nyear: 2016\n---\n",
		"content/fr/letters/2012.md":          "---\ntitle: 2012\nkind: letter\nyear: 2012\n---\n",
		"content/fr/page.md":                  translation,
		"content/fr/principles/only-in-fr.md": "---\ntitle: Seul\nkind: principle\n---\n",
	}
	set, _ := loadSite(t, writeSite(t, files), config.Overrides{})
	tr := page(t, set, "fr", "page.md")
	if tr.Original == nil {
		t.Fatal("the translation has no original")
	}
	return tr, set
}

func TestStructureDrift(t *testing.T) {
	const front = "---\ntitle: T\nkind: story\nprinciples: [day-one, customers]\n---\n"
	original := front + "\nMở đầu, xem [Ngày 1](principles/day-one.md) và [2016](letters/2016.md#ngay-2).\n" + // line 7
		"\n## Câu hỏi\n" + // 9
		"\n1. Một?\n2. Hai?\n3. Ba?\n" + // 11-13
		"\n## Gợi ý\n" + // 15
		"\n- Xem [khách hàng](/principles/customers/).\n" + // 17
		"\n```\n- không phải một mục\n# không phải tiêu đề\n```\n" +
		"\n![ảnh](anh.png) [ngoài](https://example.com) [đây](#cau-hoi) [trình duyệt](../khac/)\n"
	same := front + "\nEn premier, voir [2016](letters/2016.md#jour-2) et [Jour 1](/fr/principles/day-one/).\n" +
		"\n## Questions\n" +
		"\n- Un ?\n- Deux ?\n- Trois ?\n" +
		"\n## Pistes\n" +
		"\n- Voir [les clients](principles/customers.md).\n" +
		"\nRien d’autre, même un lien [cassé](nulle-part.md).\n"
	tests := []struct {
		name        string
		translation string
		// line and originalLine of the first difference, and words of
		// its message; none when the structures match.
		line, originalLine int
		message            string
	}{
		{name: "other words, the same structure: links in another order, another style, anchors and items", translation: same},
		{
			name:        "an exercise with a question fewer",
			translation: strings.Replace(same, "- Trois ?\n", "", 1),
			line:        9, originalLine: 13, message: `2 list items under "Questions", where the original has 3`,
		},
		{
			name:        "an exercise with a question more",
			translation: strings.Replace(same, "- Trois ?\n", "- Trois ?\n- Quatre ?\n", 1),
			line:        14, originalLine: 9, message: `4 list items under "Questions", where the original has 3`,
		},
		{
			name:        "a heading of another level",
			translation: strings.Replace(same, "## Pistes", "### Pistes", 1),
			line:        15, originalLine: 15, message: `heading "Pistes" is of level 3 where the original's "Gợi ý" is of level 2`,
		},
		{
			name:        "a heading more",
			translation: same + "\n## En plus\n",
			line:        21, message: `heading "En plus" has no counterpart: the original has 2 headings`,
		},
		{
			name:        "a heading fewer",
			translation: strings.Replace(same, "\n## Pistes\n\n- Voir [les clients](principles/customers.md).\n", "", 1),
			line:        9, originalLine: 15, message: `the original's heading "Gợi ý" has no counterpart here`,
		},
		{
			name:        "a link the original does not have",
			translation: strings.Replace(same, "- Voir [les clients]", "- Voir [2012](letters/2012.md) et [les clients]", 1),
			line:        17, originalLine: 15, message: `a link to letters/2012 under "Pistes"`,
		},
		{
			name:        "a link fewer",
			translation: strings.Replace(same, " et [Jour 1](/fr/principles/day-one/)", "", 1),
			line:        6, originalLine: 7, message: "no link to principles/day-one before the first heading",
		},
		{
			name:        "a link to another page",
			translation: strings.Replace(same, "(principles/customers.md)", "(principles/only-in-fr.md)", 1),
			line:        17, originalLine: 15, message: "a link to principles/only-in-fr",
		},
		{
			name:        "other principles",
			translation: strings.Replace(same, "[day-one, customers]", "[day-one]", 1),
			line:        4, originalLine: 4, message: "principles [day-one], where the original has [day-one, customers]",
		},
		{
			name:        "the principles in another order",
			translation: strings.Replace(same, "[day-one, customers]", "[customers, day-one]", 1),
			line:        4, originalLine: 4, message: "principles [customers, day-one]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, set := structureSite(t, original, tt.translation)
			d, ok := p.StructureDrift(set)
			if tt.message == "" {
				if ok {
					t.Fatalf("drift %+v, want none", d)
				}
				return
			}
			if !ok || d.Line != tt.line || d.OriginalLine != tt.originalLine || !strings.Contains(d.Message, tt.message) {
				t.Errorf("drift %+v (%v), want line %d, original's line %d, message with %q", d, ok, tt.line, tt.originalLine, tt.message)
			}
		})
	}
}

func TestStructureDriftOfALetter(t *testing.T) {
	quote := "---\ntitle: Q\nkind: quote\nletter: 2016\ntext: T\n---\n"
	p, set := structureSite(t, quote, strings.Replace(quote, "2016", "2012", 1))
	if d, ok := p.StructureDrift(set); !ok || d.Line != 4 || !strings.Contains(d.Message, `letter "2012", where the original has "2016"`) {
		t.Errorf("drift %+v (%v)", d, ok)
	}
	if d, ok := p.Original.StructureDrift(set); ok {
		t.Errorf("an original drifts: %+v", d)
	}
}
