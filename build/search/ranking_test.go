package search_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/search/query"
)

// rankingSite builds a small site whose pages differ in exactly the ways
// ranking must tell apart, and returns a searcher over it.
func rankingSite(t *testing.T) *query.Searcher {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"handbook.toml":             "[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/vi/_index.md":      "---\ntitle: Trang chủ\n---\n",
		"content/vi/duong.md":       "---\ntitle: Một\n---\nCon đường dài phía trước.\n",
		"content/vi/duong-2.md":     "---\ntitle: Hai\n---\nBiển Thái Bình Dương rộng lớn.\n",
		"content/vi/duong-3.md":     "---\ntitle: Ba\n---\nĐương nhiên là vậy.\n",
		"content/vi/ban.md":         "---\ntitle: Bốn\n---\nNgười bạn tốt.\n",
		"content/vi/ban-2.md":       "---\ntitle: Năm\n---\nCửa hàng bán sách.\n",
		"content/vi/phrase.md":      "---\ntitle: Sáu\n---\nChúng tôi phục vụ khách hàng mỗi ngày.\n",
		"content/vi/apart.md":       "---\ntitle: Bảy\n---\nKhách đến thăm. Hàng hóa về kho.\n",
		"content/vi/leader.md":      "---\ntitle: Lãnh đạo\n---\nNgười lãnh đạo giỏi lắng nghe.\n",
		"content/vi/title.md":       "---\ntitle: Đổi mới\n---\nMột trang ngắn.\n",
		"content/vi/body.md":        "---\ntitle: Tám\n---\nNói về đổi mới một lần.\n",
		"content/fr/_index.md":      "---\ntitle: Accueil\n---\n",
		"content/fr/leader.md":      "---\ntitle: Diriger\n---\nLe dirigeant (lãnh đạo) écoute.\n",
		"content/fr/decision.md":    "---\ntitle: Décider\n---\nPrendre une décision rapide.\n",
		"content/fr/experience.md":  "---\ntitle: Client\n---\nL’expérience du client compte.\n",
		"content/fr/carton.md":      "---\ntitle: Carton\n---\nUn emballage recyclable." + strings.Repeat(" Une longue phrase sur autre chose, qui ne dit rien de plus.", 30) + "\n",
		"content/fr/boite.md":       "---\ntitle: Emballage\n---\nEmballage, emballage, emballage : tout est emballage.\n",
		"content/fr/verre.md":       "---\ntitle: Bocal\n---\nDu verre, encore du verre.\n",
		"content/fr/acheteur.md":    "---\ntitle: Le consommateur\n---\nLe consommateur paie.\n",
		"content/fr/deploiement.md": "---\ntitle: Déploiement continu\n---\n" + strings.Repeat("Livrer souvent, par petites étapes, avec des tests automatiques à chaque fois. ", 8) + "\n",
		"content/fr/pipeline.md":    "---\ntitle: Chaîne de livraison\n---\nLe déploiement, encore le déploiement : tout tourne autour du déploiement et de sa vitesse.\n",
		"data/synonyms/fr.toml":     "groups = [\n  [\"client\", \"consommateur\", \"acheteur\"],\n]\n",
		"data/synonyms/vi.toml":     "groups = [\n  [\"khách hàng\", \"người mua\"],\n]\n",
	}
	for name, text := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(root, "public")
	if _, err := build.Build(build.Options{Source: root, Overrides: config.Overrides{Dest: dest}}); err != nil {
		t.Fatal(err)
	}
	return query.NewSearcher(os.DirFS(dest))
}

func urls(ans *query.Answer) []string {
	var out []string
	for _, r := range ans.Results {
		out = append(out, r.URL)
	}
	return out
}

func ask(t *testing.T, s *query.Searcher, q string, langs ...string) *query.Answer {
	t.Helper()
	ans, err := s.Query(q, langs, 10)
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

func TestRankingMarks(t *testing.T) {
	s := rankingSite(t)
	// Without marks, every spelling matches.
	if got := urls(ask(t, s, "duong ", "vi")); len(got) != 3 {
		t.Errorf("duong = %v, want the three pages", got)
	}
	// With marks, the page with that very spelling comes first; the
	// others still match.
	for q, want := range map[string]string{"đường ": "/vi/duong/", "dương ": "/vi/duong-2/", "đương ": "/vi/duong-3/", "bạn ": "/vi/ban/", "bán ": "/vi/ban-2/"} {
		got := urls(ask(t, s, q, "vi"))
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q = %v, want %s first", q, got, want)
		}
	}
}

func TestRankingFoldsDStroke(t *testing.T) {
	s := rankingSite(t)
	got := urls(ask(t, s, "lanh dao", "vi"))
	if len(got) == 0 || got[0] != "/vi/leader/" {
		t.Errorf("lanh dao = %v, want /vi/leader/ first", got)
	}
}

func TestRankingPhrase(t *testing.T) {
	s := rankingSite(t)
	ans := ask(t, s, "khách hàng", "vi")
	got := urls(ans)[:ans.Full]
	if len(got) != 2 || got[0] != "/vi/phrase/" {
		t.Errorf("khách hàng = %v, want the phrase page before the page where the words stand apart", got)
	}
}

func TestRankingTitleOutweighsBody(t *testing.T) {
	s := rankingSite(t)
	got := urls(ask(t, s, "đổi mới", "vi"))
	if len(got) < 2 || got[0] != "/vi/title/" {
		t.Errorf("đổi mới = %v, want the page titled so first", got)
	}
}

// TestRankingTitleOutranksRepeatedBody wants the page titled with a word
// before a page whose short body repeats it, as in a glossary.
func TestRankingTitleOutranksRepeatedBody(t *testing.T) {
	s := rankingSite(t)
	if got := urls(ask(t, s, "déploiement", "fr")); len(got) != 2 || got[0] != "/fr/deploiement/" {
		t.Errorf("déploiement = %v, want the page titled Déploiement continu first", got)
	}
}

func TestUnmatchedWordIsReported(t *testing.T) {
	s := rankingSite(t)
	ans := ask(t, s, "lanh xyzzyq", "vi")
	if ans.Full != 0 || len(ans.Results) == 0 {
		t.Errorf("lanh xyzzyq: %d full matches, results %v; want none, then the pages with lanh", ans.Full, urls(ans))
	}
	for _, r := range ans.Results {
		if !slices.Equal(r.Missing, []string{"xyzzyq"}) || !slices.Equal(r.Matched, []string{"lanh"}) {
			t.Errorf("%s matched %v, missing %v; want lanh, without xyzzyq", r.URL, r.Matched, r.Missing)
		}
	}
	if !slices.Equal(ans.Without, []string{"xyzzyq"}) {
		t.Errorf("without = %v, want xyzzyq", ans.Without)
	}
	if len(ans.Unmatched) != 1 || ans.Unmatched[0].Word != "xyzzyq" {
		t.Errorf("unmatched = %+v, want xyzzyq", ans.Unmatched)
	}
	ans = ask(t, s, "lanz", "vi")
	if len(ans.Unmatched) != 1 || !slices.Contains(ans.Unmatched[0].Suggestions, "lanh") {
		t.Errorf("unmatched = %+v, want lanh suggested", ans.Unmatched)
	}
}

func TestPrefixAndStemming(t *testing.T) {
	s := rankingSite(t)
	if got := urls(ask(t, s, "lãnh đạ", "vi")); len(got) == 0 || got[0] != "/vi/leader/" {
		t.Errorf("prefix lãnh đạ = %v", got)
	}
	if got := urls(ask(t, s, "décisions", "fr")); len(got) != 1 || got[0] != "/fr/decision/" {
		t.Errorf("décisions = %v, want the page with décision", got)
	}
	if got := urls(ask(t, s, "experience", "fr")); len(got) != 1 || got[0] != "/fr/experience/" {
		t.Errorf("experience = %v, want the page with l’expérience", got)
	}
	if got := urls(ask(t, s, "la décision", "fr")); len(got) != 1 {
		t.Errorf("a stop word must not be required: %v", got)
	}
}

func TestAllLanguagesListsATranslationOnce(t *testing.T) {
	s := rankingSite(t)
	ans := ask(t, s, "lãnh đạo", "vi", "fr")
	seen := map[string]bool{}
	for _, r := range ans.Results {
		key := strings.TrimPrefix(strings.TrimPrefix(r.URL, "/vi/"), "/fr/")
		if seen[key] {
			t.Errorf("%s listed twice: %v", key, urls(ans))
		}
		seen[key] = true
	}
	if len(ans.Results) == 0 || ans.Results[0].URL != "/vi/leader/" {
		t.Errorf("lãnh đạo in all languages = %v", urls(ans))
	}
}

// TestPartialMatchesFollowFullOnes wants the pages that match every word
// first, whatever the others score, then the pages that match most of
// the words, by the weight of the words they match.
func TestPartialMatchesFollowFullOnes(t *testing.T) {
	s := rankingSite(t)
	ans := ask(t, s, "emballage recyclable", "fr")
	if got := urls(ans); len(got) != 2 || got[0] != "/fr/carton/" || got[1] != "/fr/boite/" {
		t.Fatalf("emballage recyclable = %v, want /fr/carton/ (both words) before /fr/boite/ (emballage, many times)", got)
	}
	if ans.Full != 1 || ans.Total != 2 {
		t.Errorf("full %d, total %d; want 1 and 2", ans.Full, ans.Total)
	}
	if full, part := ans.Results[0], ans.Results[1]; len(full.Missing) != 0 || !slices.Equal(part.Missing, []string{"recyclable"}) {
		t.Errorf("missing %v and %v; want none, then recyclable", full.Missing, part.Missing)
	}
	if ans.Results[1].Score <= ans.Results[0].Score {
		t.Errorf("the partial match scores %v, the full one %v: the test no longer shows that a full match comes first whatever the scores", ans.Results[1].Score, ans.Results[0].Score)
	}
	// Two words of three before one, though the page with one has the
	// rarest word twice.
	ans = ask(t, s, "emballage recyclable verre", "fr")
	if got := urls(ans); len(got) != 3 || got[0] != "/fr/carton/" || got[1] != "/fr/verre/" {
		t.Errorf("emballage recyclable verre = %v, want /fr/carton/ (two words), then /fr/verre/ (the rarest word)", got)
	}
	if !slices.Equal(ans.Without, []string{"verre"}) {
		t.Errorf("without = %v, want verre", ans.Without)
	}
	// Enough pages with every word: none with fewer.
	ans = ask(t, s, "lanh", "vi")
	for _, r := range ans.Results {
		if len(r.Missing) > 0 {
			t.Errorf("a query of one word has no partial matches: %s", r.URL)
		}
	}
}

// TestSynonyms wants a synonym's pages found after the pages with the
// word typed, a plural typed for a singular, and a phrase of syllables
// to stand for another phrase, the syllables side by side.
func TestSynonyms(t *testing.T) {
	s := rankingSite(t)
	ans := ask(t, s, "clients ", "fr")
	if got := urls(ans); len(got) != 2 || got[0] != "/fr/experience/" || got[1] != "/fr/acheteur/" {
		t.Errorf("clients = %v, want the page with client, then the one with its synonym consommateur", got)
	}
	if got := urls(ask(t, s, "consommateurs ", "fr")); len(got) != 2 || got[0] != "/fr/acheteur/" {
		t.Errorf("consommateurs = %v, want the page with consommateur, then the one with its synonym client", got)
	}
	// acheteur is on no page, but its group is.
	if got := urls(ask(t, s, "acheteurs ", "fr")); len(got) != 2 {
		t.Errorf("acheteurs = %v, want the pages of client and consommateur", got)
	}
	ans = ask(t, s, "nguoi mua", "vi")
	if got := urls(ans); len(got) == 0 || got[0] != "/vi/phrase/" || ans.Full != 1 {
		t.Errorf("nguoi mua = %v (%d full), want /vi/phrase/ (khách hàng) alone to match every word", got, ans.Full)
	}
	if r := ans.Results[0]; !slices.Equal(r.Matched, []string{"nguoi", "mua"}) {
		t.Errorf("nguoi mua: the synonym's page matched %v, want both words", r.Matched)
	}
}

// TestQuotedPhrase wants a quoted phrase of syllables to match only where
// they stand side by side, and its words never left out of a partial
// match.
func TestQuotedPhrase(t *testing.T) {
	s := rankingSite(t)
	if got := urls(ask(t, s, `"khách hàng"`, "vi")); !slices.Equal(got, []string{"/vi/phrase/"}) {
		t.Errorf(`"khách hàng" = %v, want only the page where the syllables stand side by side`, got)
	}
	if got := urls(ask(t, s, `"hàng khách"`, "vi")); len(got) != 0 {
		t.Errorf(`"hàng khách" = %v, want nothing: no page has them in that order`, got)
	}
	ans := ask(t, s, `"khách hàng" xyzzyq`, "vi")
	if got := urls(ans); !slices.Equal(got, []string{"/vi/phrase/"}) || !slices.Equal(ans.Without, []string{"xyzzyq"}) {
		t.Errorf(`"khách hàng" xyzzyq = %v without %v, want the phrase's page, without xyzzyq`, got, ans.Without)
	}
	if got := urls(ask(t, s, `«emballage recyclable»`, "fr")); !slices.Equal(got, []string{"/fr/carton/"}) {
		t.Errorf(`«emballage recyclable» = %v, want only the page with both words`, got)
	}
}
