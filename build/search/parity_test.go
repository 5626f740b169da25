package search_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/search"
	"handbook/build/search/query"
	"handbook/internal/sitetest"
)

// parityQuery is one query both implementations answer.
type parityQuery struct {
	Query string   `json:"query"`
	Langs []string `json:"langs"`
	Limit int      `json:"limit"`
}

// jsAnswer is what search.js's query returns.
type jsAnswer struct {
	Results []struct {
		query.Result
		Key string `json:"key"`
	} `json:"results"`
	Total     int               `json:"total"`
	Full      int               `json:"full"`
	Unmatched []query.Unmatched `json:"unmatched"`
	Without   []string          `json:"without"`
}

var (
	vi, fr, both = []string{"vi"}, []string{"fr"}, []string{"vi", "fr"}
)

// handbookQueries cover every way a word matches: marks or none, Telex,
// VNI, the last word as a prefix (or not, after a space), typos, French
// stems, elisions and stop words, pairs, unmatched words, several
// languages with a page and its translation both matching.
var handbookQueries = []parityQuery{
	{"khach hang", vi, 10},
	{"Khách hàng", vi, 10},
	{"khachs hangf", vi, 10},
	{"kha1ch ha2ng", vi, 5},
	{"lanh dao", vi, 3},
	{"kha", vi, 10},
	{"khach ", vi, 0},
	{"nguyen tac lanh dao", vi, 10},
	{"quyet dinh nhanh", vi, 10},
	{"lanh xyzzyq", vi, 10},
	{"lanh khachzz", vi, 10},
	{"thuz", vi, 10},
	{"thuz", both, 10},
	{"bezzzos", both, 10},
	{"bezoz", vi, 10},
	{"décision", fr, 10},
	{"decisions rapides", fr, 10},
	{"l’expérience client", fr, 10},
	{"le client", fr, 10},
	{"le la", fr, 10},
	{"clinet", fr, 10},
	{"obsession", fr, 2},
	{"amazon", both, 10},
	{"bezos", both, 0},
	{"khach client", both, 10},
	{"jour 1", both, 10},
	{"2016", both, 10},
	{"!?", vi, 10},
	// Partial matches: a word no page has, one too many, one that only
	// the other language has.
	{"obsession des consommateurs", fr, 10},
	{"emballage ecologique", fr, 10},
	{"prix du cloud AWS baisse", fr, 10},
	{"bao bi than thien", vi, 10},
	{"bao bi than thien", vi, 3},
	{"bao bi than thien", vi, 1}, // the one full match fills the limit
	{"khach hang xyzzyq lanh dao", vi, 0},
	{"khach hang obsession", both, 10},
	{"casablanca remboursement khach", both, 10},
	{"decision rapide zzyzx", fr, 4},
	// Synonyms: a word, a phrase of syllables, Telex, a plural.
	{"nguoi tieu dung", vi, 10},
	{"nguowif tieeu dungf", vi, 10},
	{"consommateurs exigeants", fr, 10},
	{"les consommateurs", both, 10},
	// Quoted phrases: side by side in Vietnamese, all their words in
	// French, never left out of a partial match.
	{`"khach hang"`, vi, 10},
	{`"hang khach"`, vi, 10},
	{`“lanh dao” xyzzyq`, vi, 10},
	{`"khach hang" tu dong xyzzyq`, vi, 0},
	{`«décisions rapides» zzyzx`, fr, 10},
	{`"khach hang" client`, both, 10},
}

// TestClientParity runs the same queries through the Go Searcher and
// through search.js in node, over the repository's handbook, and wants
// the same answers: results, scores, order, snippets, totals and
// unmatched words.
func TestClientParity(t *testing.T) {
	node := sitetest.NeedTool(t, "node", "node")
	site := buildSite(t, "../..")
	checkParity(t, node, site, handbookQueries)
}

// TestClientParityLargeTerms does the same over a generated site whose
// frequent words have their postings in files of their own (t/), which
// the handbook is too small to have.
func TestClientParityLargeTerms(t *testing.T) {
	node := sitetest.NeedTool(t, "node", "node")
	site := buildSite(t, writeLargeSite(t, 90))
	if entries, err := os.ReadDir(filepath.Join(site, search.Dir, "vi", "t")); err != nil || len(entries) == 0 {
		t.Fatalf("the generated site has no posting files (t/): %v", err)
	}
	checkParity(t, node, site, []parityQuery{
		{"khach hang", vi, 10},
		{"khachs hangf", vi, 5},
		{"khách", vi, 0},
		{"lang nghe", vi, 10},
		{"ghi", vi, 10},
		{"client", fr, 10},
		{"décisions rapides", fr, 10},
		{"l’experience", fr, 3},
		{"numero 42", both, 10},
		{"client khach", both, 10},
	})
}

// TestClientFirst checks the client's ranking shortcut (the scoring
// kernel hands pick only the documents that may be among the first)
// against ordering every document, in WebAssembly and in JavaScript, on
// random scores that rounding to three decimals ties.
func TestClientFirst(t *testing.T) {
	node := sitetest.NeedTool(t, "node", "node")
	cmd := exec.Command(node, "testdata/run-first.mjs", "2000")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node run-first.mjs: %v\n%s", err, stderr.String())
	}
	if got := strings.TrimSpace(string(out)); got != "[]" {
		t.Errorf("the client's first results differ from ordering every document:\n%s", got)
	}
}

func checkParity(t *testing.T, node, site string, queries []parityQuery) {
	t.Helper()
	req, err := json.Marshal(queries)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/run-queries.mjs", site)
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node run-queries.mjs: %v\n%s", err, stderr.String())
	}
	var got []struct {
		Answer  jsAnswer `json:"answer"`
		Fetched []string `json:"fetched"`
		Again   jsAnswer `json:"again"`
		Plain   jsAnswer `json:"plain"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("run-queries.mjs printed %.300q: %v", out, err)
	}
	if len(got) != len(queries) {
		t.Fatalf("run-queries.mjs answered %d queries, want %d", len(got), len(queries))
	}
	searcher := query.NewSearcher(os.DirFS(site))
	matched := 0
	for i, q := range queries {
		want, err := searcher.Query(q.Query, q.Langs, q.Limit)
		if err != nil {
			t.Fatalf("Go Query(%q): %v", q.Query, err)
		}
		if len(want.Results) > 0 {
			matched++
		}
		name := fmt.Sprintf("%q in %v (limit %d)", q.Query, q.Langs, q.Limit)
		if diff := diffAnswers(want, got[i].Answer); diff != "" {
			t.Errorf("%s: search.js differs from Go:\n%s", name, diff)
		}
		if diff := diffAnswers(want, got[i].Again); diff != "" {
			t.Errorf("%s, with a client warmed by the earlier queries: search.js differs from Go:\n%s", name, diff)
		}
		if diff := diffAnswers(want, got[i].Plain); diff != "" {
			t.Errorf("%s, scored in JavaScript: search.js differs from Go:\n%s", name, diff)
		}
		checkFetched(t, name, q, got[i].Answer, got[i].Fetched)
	}
	if matched < len(queries)/2 {
		t.Errorf("only %d of %d queries found anything: the queries no longer fit the site", matched, len(queries))
	}
}

// diffAnswers describes how a JavaScript answer differs from Go's.
func diffAnswers(want *query.Answer, got jsAnswer) string {
	var b strings.Builder
	if got.Total != want.Total {
		fmt.Fprintf(&b, "total %d, want %d\n", got.Total, want.Total)
	}
	if got.Full != want.Full {
		fmt.Fprintf(&b, "full matches %d, want %d\n", got.Full, want.Full)
	}
	if g, w := strings.Join(got.Without, " "), strings.Join(want.Without, " "); g != w {
		fmt.Fprintf(&b, "without %q, want %q\n", g, w)
	}
	if len(got.Results) != len(want.Results) {
		fmt.Fprintf(&b, "%d results, want %d\n", len(got.Results), len(want.Results))
	}
	for i := 0; i < len(got.Results) && i < len(want.Results); i++ {
		g, w := shown(got.Results[i].Result), shown(want.Results[i])
		if g != w {
			fmt.Fprintf(&b, "result %d:\n  got  %+v\n  want %+v\n", i, g, w)
		}
		if got.Results[i].Key == "" {
			fmt.Fprintf(&b, "result %d has no translation key\n", i)
		}
	}
	if g, w := jsonOf(normalUnmatched(got.Unmatched)), jsonOf(normalUnmatched(want.Unmatched)); g != w {
		fmt.Fprintf(&b, "unmatched %s, want %s\n", g, w)
	}
	return b.String()
}

// shownResult is what a result shows, which both implementations give.
type shownResult struct {
	Title, URL, Lang, Kind, Snippet string
	Score                           float64
	Matched, Missing                string
}

func shown(r query.Result) shownResult {
	return shownResult{r.Title, r.URL, r.Lang, r.Kind, r.Snippet, r.Score, strings.Join(r.Matched, " "), strings.Join(r.Missing, " ")}
}

func normalUnmatched(us []query.Unmatched) []query.Unmatched {
	out := []query.Unmatched{}
	for _, u := range us {
		if u.Suggestions == nil {
			u.Suggestions = []string{}
		}
		out = append(out, u)
	}
	return out
}

// checkFetched checks that a new client fetched each file once, meta.json
// of each language searched, and, searching one language, the document
// files of the results shown and no others.
func checkFetched(t *testing.T, name string, q parityQuery, ans jsAnswer, fetched []string) {
	t.Helper()
	seen := map[string]bool{}
	docs := 0
	for _, f := range fetched {
		if seen[f] {
			t.Errorf("%s: %s fetched twice", name, f)
		}
		seen[f] = true
		if strings.Contains(f, "/d/") {
			docs++
		}
	}
	for _, lang := range q.Langs {
		if !seen[lang+"/meta.json"] {
			t.Errorf("%s: %s/meta.json was not fetched (fetched %q)", name, lang, fetched)
		}
	}
	if len(q.Langs) == 1 && docs != len(ans.Results) {
		t.Errorf("%s: fetched %d document files for %d results shown", name, docs, len(ans.Results))
	}
}

// buildSite builds the site at root into a new temporary folder.
func buildSite(t *testing.T, root string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	s, err := build.Build(build.Options{Source: root, Overrides: config.Overrides{Dest: dest}})
	if err != nil {
		msg := ""
		if s != nil && s.Diags != nil {
			msg = fmt.Sprint(s.Diags)
		}
		t.Fatalf("building %s: %v\n%s", root, err, msg)
	}
	return dest
}

// writeLargeSite writes a site of n notes in Vietnamese and in French
// that share their words, so the frequent ones have more postings than a
// shard keeps inline.
func writeLargeSite(t *testing.T, n int) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"handbook.toml": "title = \"Large\"\nbaseURL = \"https://large.example/\"\ndefaultLanguage = \"vi\"\n\n" +
			"[languages.vi]\nname = \"Tiếng Việt\"\nweight = 1\ncontentDir = \"content/vi\"\n\n" +
			"[languages.fr]\nname = \"Français\"\nweight = 2\ncontentDir = \"content/fr\"\n",
		"content/vi/_index.md":       "---\ntitle: Sổ tay lớn\n---\n\nChào mừng.\n",
		"content/fr/_index.md":       "---\ntitle: Le grand manuel\n---\n\nBienvenue.\n",
		"content/vi/notes/_index.md": "---\ntitle: Ghi chép\n---\n",
		"content/fr/notes/_index.md": "---\ntitle: Notes\n---\n",
	}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("notes/n%03d.md", i)
		vi := strings.Repeat("Khách hàng cần được lắng nghe. ", 1+i%4) +
			strings.Repeat("Đội ngũ lãnh đạo quyết định nhanh. ", i%3) +
			fmt.Sprintf("Ghi chép số %d nói về khách hàng thứ %d và khach hang không dấu.\n", i, i*7%100)
		fr := strings.Repeat("Le client attend des décisions rapides. ", 1+i%3) +
			strings.Repeat("L’expérience compte, l’experience aussi. ", i%4) +
			fmt.Sprintf("La note numéro %d parle du client %d.\n", i, i*7%100)
		files["content/vi/"+name] = fmt.Sprintf("---\ntitle: Ghi chép số %d\n---\n\n%s", i, vi)
		files["content/fr/"+name] = fmt.Sprintf("---\ntitle: Note numéro %d\n---\n\n%s", i, fr)
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestClientParityAnyLanguage runs queries in Japanese, Chinese, Korean,
// English and German, languages without rules of their own, through both
// implementations over a small site in those languages: CJK text is
// searched by pairs of characters, and snippets cut a paragraph without
// spaces near the word.
func TestClientParityAnyLanguage(t *testing.T) {
	node := sitetest.NeedTool(t, "node", "node")
	site := buildSite(t, writeAnyLanguageSite(t))
	ja, en, de := []string{"ja"}, []string{"en"}, []string{"de"}
	checkParity(t, node, site, []parityQuery{
		{"東京都", ja, 10},
		{"東", ja, 10},
		{"サーバー", ja, 10},
		{"がっこう", ja, 10},
		{"入社初日", ja, 10},
		{"GitLab サーバー", ja, 10},
		{"搜索引擎", ja, 10},
		{"검색", ja, 10},
		{"onboarding", en, 10},
		{"on-call runbook", en, 10},
		{"Strasse", de, 10},
		{"übersicht", de, 10},
		{"東京 onboarding", []string{"ja", "en", "de"}, 10},
	})
}

// writeAnyLanguageSite writes a site in Japanese, English and German.
func writeAnyLanguageSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	long := strings.Repeat("社員は毎日ハンドブックを読みます。", 20)
	files := map[string]string{
		"handbook.toml": "title = \"Handbook\"\nbaseURL = \"https://any.example/\"\ndefaultLanguage = \"ja\"\n\n" +
			"[languages.ja]\nname = \"日本語\"\nweight = 1\ncontentDir = \"content/ja\"\n\n" +
			"[languages.en]\nname = \"English\"\nweight = 2\ncontentDir = \"content/en\"\n\n" +
			"[languages.de]\nname = \"Deutsch\"\nweight = 3\ncontentDir = \"content/de\"\n",
		"content/ja/_index.md":     "---\ntitle: ハンドブック\n---\n\nようこそ。\n",
		"content/ja/tokyo.md":      "---\ntitle: 東京都のオフィス\n---\n\n" + long + "東京都に住む社員は入社初日にオフィスへ来ます。\n",
		"content/ja/kyoto.md":      "---\ntitle: 京都\n---\n\n京都と東京の間。GitLabのサーバーは動いています。\n",
		"content/ja/school.md":     "---\ntitle: 学校\n---\n\nがっこうとかっこう。\n\n中文：搜索引擎。한국어 검색 엔진.\n",
		"content/en/_index.md":     "---\ntitle: Handbook\n---\n\nWelcome.\n",
		"content/en/onboarding.md": "---\ntitle: Onboarding\n---\n\nThe team's on-call runbook: don't panic. Onboarding in Tokyo (東京).\n",
		"content/de/_index.md":     "---\ntitle: Handbuch\n---\n\nWillkommen.\n",
		"content/de/strasse.md":    "---\ntitle: Die Straße\n---\n\nÜbersicht der Größenänderung in der Straße.\n",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}
