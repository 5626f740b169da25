package search_test

import (
	"os"
	"strings"
	"testing"

	"handbook/build/search/query"
)

// TestSearchAnyLanguage checks what queries in languages without rules
// of their own find: a Japanese word by its pairs of characters (not
// the page where its characters stand apart), a single character typed
// as a prefix, dakuten told apart, and German ß as ss; a snippet of a
// paragraph without spaces is cut near the word.
func TestSearchAnyLanguage(t *testing.T) {
	site := buildSite(t, writeAnyLanguageSite(t))
	s := query.NewSearcher(os.DirFS(site))
	cases := []struct {
		query, lang, first string
		total              int
	}{
		{"都に住む", "ja", "/ja/tokyo/", 1},
		// The index keeps no positions: a page with 東京 and 京都 apart
		// matches 東京都 too (its title 京都 ranks it first).
		{"東京都", "ja", "/ja/kyoto/", 2},
		{"入社初日", "ja", "/ja/tokyo/", 1},
		{"京都", "ja", "/ja/kyoto/", 2}, // 東京都 has the pair 京都 too
		{"がっこう", "ja", "/ja/school/", 1},
		{"サーバー", "ja", "/ja/kyoto/", 1},
		{"搜索引擎", "ja", "/ja/school/", 1},
		{"검색", "ja", "/ja/school/", 1},
		{"strasse", "de", "/de/strasse/", 1},
		{"runbook", "en", "/en/onboarding/", 1},
	}
	for _, c := range cases {
		ans, err := s.Query(c.query, []string{c.lang}, 10)
		if err != nil {
			t.Fatalf("Query(%q): %v", c.query, err)
		}
		if len(ans.Results) == 0 || ans.Results[0].URL != c.first || ans.Total != c.total {
			t.Errorf("Query(%q) in %s: %d results %+v, want %d, first %s", c.query, c.lang, ans.Total, ans.Results, c.total, c.first)
		}
	}
	ans, err := s.Query("入社初日", []string{"ja"}, 1)
	if err != nil || len(ans.Results) == 0 {
		t.Fatalf("Query(入社初日): %v %+v", err, ans)
	}
	snip := ans.Results[0].Snippet
	if !strings.Contains(snip, "入社初日") || len([]rune(snip)) > 200 {
		t.Errorf("snippet %q: want the word, cut near it", snip)
	}
	ans, err = s.Query("東", []string{"ja"}, 10)
	if err != nil || ans.Total < 2 {
		t.Errorf("Query(東) as a prefix: %v, %d results, want the pages with 東京", err, ans.Total)
	}
}
