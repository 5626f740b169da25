package content

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		format   string
		fm       string
		body     string
		bodyLine int
		errLine  int // 0: no error
	}{
		{
			name:   "YAML",
			src:    "---\ntitle: x\nweight: 2\n---\nBody\n",
			format: "yaml", fm: "title: x\nweight: 2\n", body: "Body\n", bodyLine: 5,
		},
		{
			name:   "YAML closed with ...",
			src:    "---\ntitle: x\n...\nBody\n",
			format: "yaml", fm: "title: x\n", body: "Body\n", bodyLine: 4,
		},
		{
			name:   "TOML",
			src:    "+++\ntitle = \"x\"\n+++\n\nBody\n",
			format: "toml", fm: "title = \"x\"\n", body: "\nBody\n", bodyLine: 4,
		},
		{
			name:   "TOML is not closed by ...",
			src:    "+++\ntitle = \"x\"\n...\n+++\nBody",
			format: "toml", fm: "title = \"x\"\n...\n", body: "Body", bodyLine: 5,
		},
		{
			name:   "no front matter",
			src:    "# Title\n\n---\nnot: front matter\n---\n",
			format: "", fm: "", body: "# Title\n\n---\nnot: front matter\n---\n", bodyLine: 1,
		},
		{
			name:   "empty file",
			src:    "",
			format: "", body: "", bodyLine: 1,
		},
		{
			name:   "thematic break is not a delimiter",
			src:    "-----\ntext\n",
			format: "", body: "-----\ntext\n", bodyLine: 1,
		},
		{
			name:   "text after the delimiter is not a delimiter",
			src:    "---yaml\ntitle: x\n---\n",
			format: "", body: "---yaml\ntitle: x\n---\n", bodyLine: 1,
		},
		{
			name:   "CRLF",
			src:    "---\r\ntitle: x\r\n---\r\nBody\r\n",
			format: "yaml", fm: "title: x\r\n", body: "Body\r\n", bodyLine: 4,
		},
		{
			name:   "trailing blanks after the delimiters",
			src:    "--- \t\ntitle: x\n---  \nBody",
			format: "yaml", fm: "title: x\n", body: "Body", bodyLine: 4,
		},
		{
			name:   "empty front matter",
			src:    "---\n---\nBody",
			format: "yaml", fm: "", body: "Body", bodyLine: 3,
		},
		{
			name:   "closing delimiter at the end of the file",
			src:    "+++\ntitle = \"x\"\n+++",
			format: "toml", fm: "title = \"x\"\n", body: "", bodyLine: 4,
		},
		{
			name:    "unclosed",
			src:     "---\ntitle: x\n\nBody\n",
			errLine: 1,
		},
		{
			name:    "unclosed TOML",
			src:     "+++\ntitle = \"x\"\n---\n",
			errLine: 1,
		},
		{
			name:    "only the opening delimiter",
			src:     "---",
			errLine: 1,
		},
		{
			name:    "only the opening line",
			src:     "---\n",
			errLine: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format, fm, body, bodyLine, err := splitFrontMatter([]byte(tt.src))
			if tt.errLine != 0 {
				fe, ok := err.(*FrontMatterError)
				if !ok {
					t.Fatalf("err = %v, want a *FrontMatterError", err)
				}
				if fe.Line != tt.errLine || !strings.Contains(fe.Msg, "never closed") {
					t.Errorf("err = %v, want line %d saying the front matter is never closed", fe, tt.errLine)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if format != tt.format || string(fm) != tt.fm || string(body) != tt.body || bodyLine != tt.bodyLine {
				t.Errorf("got (%q, %q, %q, %d), want (%q, %q, %q, %d)",
					format, fm, body, bodyLine, tt.format, tt.fm, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestParsePage(t *testing.T) {
	date := time.Date(2016, 4, 12, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		rel  string
		src  string
		want Page // fields compared: see below
		body string
	}{
		{
			name: "YAML",
			rel:  "principles/day-one.md",
			src: "---\ntitle: Luôn là Ngày 1\ndescription: \" Mô tả \"\nweight: 3\ndate: 2016-04-12\n" +
				"draft: true\ntranslationKey: day1\naliases: [/old/, /older/]\n---\n\nBody\n",
			body: "\nBody\n",
			want: Page{
				Title: "Luôn là Ngày 1", Description: "Mô tả", Weight: 3, Date: date, Draft: true,
				TranslationKey: "day1", Aliases: []string{"/old/", "/older/"}, aliasLine: 8, Slug: "day-one",
				URL: "/vi/principles/day-one/", BodyLine: 10, Params: Params{},
			},
		},
		{
			name: "TOML",
			rel:  "principles/day-one.md",
			src: "+++\ntitle = \"Toujours le Jour 1\"\nweight = 3\ndate = 2016-04-12\ndraft = false\n" +
				"aliases = \"/old/\"\n[params]\nicon = \"sun\"\n+++\nBody",
			body: "Body",
			want: Page{
				Title: "Toujours le Jour 1", Weight: 3, Date: date, TranslationKey: "principles/day-one",
				Aliases: []string{"/old/"}, aliasLine: 6, Slug: "day-one", URL: "/vi/principles/day-one/", BodyLine: 10,
				Params: ParamsOf(map[string]any{"params": map[string]any{"icon": "sun"}}),
			},
		},
		{
			name: "TOML date and time",
			rel:  "a.md",
			src:  "+++\ndate = 2016-04-12T10:30:00Z\n+++\n",
			want: Page{
				Date: time.Date(2016, 4, 12, 10, 30, 0, 0, time.UTC), TranslationKey: "a", Slug: "a",
				URL: "/vi/a/", BodyLine: 4, Params: Params{},
			},
		},
		{
			name: "no front matter",
			rel:  "about.md",
			src:  "# About\n",
			body: "# About\n",
			want: Page{
				TranslationKey: "about", Slug: "about", URL: "/vi/about/", BodyLine: 1,
				Params: Params{},
			},
		},
		{
			name: "CRLF",
			rel:  "about.md",
			src:  "---\r\ntitle: À propos\r\nweight: 1\r\n---\r\nBody\r\n",
			body: "Body\r\n",
			want: Page{
				Title: "À propos", Weight: 1, TranslationKey: "about", Slug: "about", URL: "/vi/about/",
				BodyLine: 5, Params: Params{},
			},
		},
		{
			name: "byte order mark",
			rel:  "about.md",
			src:  "\ufeff---\ntitle: Giới thiệu\n---\nBody",
			body: "Body",
			want: Page{
				Title: "Giới thiệu", TranslationKey: "about", Slug: "about", URL: "/vi/about/",
				BodyLine: 4, Params: Params{},
			},
		},
		{
			name: "NFD is normalised to NFC",
			rel:  "about.md",
			src:  norm.NFD.String("---\ntitle: Khách hàng là ai?\n---\nĐiều quan trọng nhất\n"),
			body: "Điều quan trọng nhất\n",
			want: Page{
				Title: "Khách hàng là ai?", TranslationKey: "about", Slug: "about", URL: "/vi/about/",
				BodyLine: 4, Params: Params{},
			},
		},
		{
			name: "combining marks for symbols are put in canonical order",
			rel:  "about.md",
			src:  "---\ntitle: \"a\u20d0\u20d2\"\n---\n",
			want: Page{
				Title: "a\u20d2\u20d0", TranslationKey: "about", Slug: "about", URL: "/vi/about/",
				BodyLine: 4, Params: Params{},
			},
		},
		{
			name: "unknown fields are kept in Params",
			rel:  "exercises/x.md",
			src:  "---\ntitle: X\nduration: 15 minutes\ntags: [a, b]\nExtra: 2\n---\n",
			want: Page{
				Title: "X", TranslationKey: "exercises/x", Slug: "x", URL: "/vi/exercises/x/", BodyLine: 7,
				Params: ParamsOf(map[string]any{"duration": "15 minutes", "tags": []any{"a", "b"}, "Extra": 2}),
			},
		},
		{
			name: "known fields match case-insensitively",
			rel:  "x.md",
			src:  "---\nTitle: X\nWEIGHT: 4\n---\n",
			want: Page{
				Title: "X", Weight: 4, TranslationKey: "x", Slug: "x", URL: "/vi/x/", BodyLine: 5, Params: Params{},
			},
		},
		{
			name: "handbook fields are plain parameters without a kind",
			rel:  "notes/x.md",
			src:  "---\ntitle: X\nprinciples: [a, b]\nletter: 2016\nstatement: S\nyear: 2016\ntext: T\n---\n",
			want: Page{
				Title: "X", TranslationKey: "notes/x", Slug: "x", URL: "/vi/notes/x/", BodyLine: 9,
				Params: ParamsOf(map[string]any{"principles": []any{"a", "b"}, "letter": 2016, "statement": "S", "year": 2016, "text": "T"}),
			},
		},
		{
			name: "quote",
			rel:  "quotes/q.md",
			src:  "---\ntitle: Q\nkind: quote\nletter: 2016\nprinciples: [day-one, \" customer-obsession \"]\ntext: >-\n  Words\n  here.\n---\n",
			want: Page{
				Title: "Q", Kind: Quote, Text: "Words here.", TranslationKey: "quotes/q", Slug: "q", URL: "/vi/quotes/q/",
				BodyLine: 10, Params: Params{},
				refs: &pageRefs{letter: fieldRef{"2016", 4},
					principles: []fieldRef{{"day-one", 5}, {"customer-obsession", 5}}},
			},
		},
		{
			name: "principle",
			rel:  "principles/day-one.md",
			src:  "---\nkind: principle\nstatement: \"Luôn là Ngày 1.\"\n---\n",
			want: Page{
				Kind: Principle, Statement: "Luôn là Ngày 1.", TranslationKey: "principles/day-one", Slug: "day-one",
				URL: "/vi/principles/day-one/", BodyLine: 5, Params: Params{},
			},
		},
		{
			name: "letter",
			rel:  "letters/2016.md",
			src:  "+++\nkind = \"letter\"\nyear = 2016\n+++\n",
			want: Page{
				Kind: Letter, Year: 2016, TranslationKey: "letters/2016", Slug: "2016",
				URL: "/vi/letters/2016/", BodyLine: 5, Params: Params{},
			},
		},
		{
			name: "story with one principle",
			rel:  "stories/s.md",
			src:  "---\nkind: story\nyear: \"2012\"\nprinciple: frugality\n---\n",
			want: Page{
				Kind: Story, Year: 2012, TranslationKey: "stories/s", Slug: "s",
				URL: "/vi/stories/s/", BodyLine: 6, Params: Params{},
				refs: &pageRefs{principles: []fieldRef{{"frugality", 4}}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, body, errs := ParsePage("vi", "content/vi/"+tt.rel, tt.rel, []byte(tt.src))
			if len(errs) != 0 {
				t.Fatalf("errors: %v", errs)
			}
			if p == nil {
				t.Fatal("no page")
			}
			if string(body) != tt.body {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
			want := tt.want
			want.Lang, want.File, want.RelPath = "vi", "content/vi/"+tt.rel, tt.rel
			if !p.Date.Equal(want.Date) {
				t.Errorf("Date = %v, want %v", p.Date, want.Date)
			}
			p.Date, want.Date = time.Time{}, time.Time{}
			if len(p.TextHash) != textHashLen {
				t.Errorf("TextHash = %q", p.TextHash)
			}
			want.TextHash = p.TextHash // drift_test.go tests it
			if !reflect.DeepEqual(*p, want) {
				t.Errorf("page =\n%+v\nwant\n%+v", *p, want)
			}
		})
	}
}

func TestParsePageURL(t *testing.T) {
	tests := []struct {
		rel, src          string
		url, slug, key    string
		isSection, isHome bool
	}{
		{rel: "_index.md", url: "/vi/", key: "_index", isSection: true, isHome: true},
		{rel: "principles/_index.md", url: "/vi/principles/", key: "principles/_index", isSection: true},
		{rel: "a/b/_index.md", url: "/vi/a/b/", key: "a/b/_index", isSection: true},
		{rel: "principles/_index.md", src: "---\nslug: other\n---\n", url: "/vi/principles/", slug: "other", key: "principles/_index", isSection: true},
		{rel: "about.md", url: "/vi/about/", slug: "about", key: "about"},
		{rel: "principles/day-one.md", url: "/vi/principles/day-one/", slug: "day-one", key: "principles/day-one"},
		{rel: "principles/day-one/index.md", url: "/vi/principles/day-one/", slug: "day-one", key: "principles/day-one/index"},
		{rel: "bundle/index.md", url: "/vi/bundle/", slug: "bundle", key: "bundle/index"},
		{rel: "principles/day-one.md", src: "---\nslug: ngay-mot\n---\n", url: "/vi/principles/ngay-mot/", slug: "ngay-mot", key: "principles/day-one"},
		{rel: "principles/day-one/index.md", src: "+++\nslug = \"ngay-mot\"\n+++\n", url: "/vi/principles/ngay-mot/", slug: "ngay-mot", key: "principles/day-one/index"},
		{rel: "about.md", src: "---\nslug: \"  \"\ntranslationKey: \" k \"\n---\n", url: "/vi/about/", slug: "about", key: "k"},
	}
	for _, tt := range tests {
		t.Run(tt.rel+" "+tt.src, func(t *testing.T) {
			p, _, errs := ParsePage("vi", "content/vi/"+tt.rel, tt.rel, []byte(tt.src))
			if p == nil || len(errs) != 0 {
				t.Fatalf("ParsePage = %v, %v", p, errs)
			}
			if p.URL != tt.url || p.Slug != tt.slug || p.TranslationKey != tt.key || p.IsSection != tt.isSection || p.IsHome != tt.isHome {
				t.Errorf("URL, Slug, TranslationKey, IsSection, IsHome = %q, %q, %q, %v, %v; want %q, %q, %q, %v, %v",
					p.URL, p.Slug, p.TranslationKey, p.IsSection, p.IsHome, tt.url, tt.slug, tt.key, tt.isSection, tt.isHome)
			}
		})
	}
}

func TestParsePageErrors(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		page   bool // whether a page is still returned
		errors []FrontMatterError
	}{
		{
			name:   "unclosed front matter",
			src:    "---\ntitle: x\nBody\n",
			errors: []FrontMatterError{{1, "never closed"}},
		},
		{
			name:   "YAML syntax error on line 3 of the file",
			src:    "---\ntitle: x\nfoo: bar: baz\n---\n",
			errors: []FrontMatterError{{3, "mapping values are not allowed"}},
		},
		{
			name:   "YAML syntax error further down",
			src:    "---\ntitle: x\ndescription: y\n\n\nlist: a: b\n---\n",
			errors: []FrontMatterError{{6, "mapping values are not allowed"}},
		},
		{
			name:   "YAML tab after a blank line",
			src:    "---\ntitle: x\n\n\n\tweight: 1\n---\n",
			errors: []FrontMatterError{{5, "tab"}},
		},
		{
			name:   "YAML error with CRLF",
			src:    "---\r\ntitle: x\r\n\r\nfoo: [\r\n---\r\n",
			errors: []FrontMatterError{{4, "did not find expected node content"}},
		},
		{
			name:   "YAML duplicate key",
			src:    "---\ntitle: a\ndescription: d\ntitle: b\n---\n",
			errors: []FrontMatterError{{4, `"title" already defined at line 2`}},
		},
		{
			name:   "YAML that is not a map",
			src:    "---\n- a\n- b\n---\n",
			errors: []FrontMatterError{{2, "must be a map"}},
		},
		{
			name:   "TOML syntax error",
			src:    "+++\ntitle = \"x\"\n\nweight = \n+++\n",
			errors: []FrontMatterError{{4, "front matter"}},
		},
		{
			name:   "TOML error on the first line",
			src:    "+++\ntitle = \"\\uD800\"\n+++\n",
			errors: []FrontMatterError{{2, "front matter"}},
		},
		{
			name:   "weight is not a number",
			src:    "---\ntitle: x\nweight: abc\n---\n",
			page:   true,
			errors: []FrontMatterError{{3, `weight must be a whole number, not "abc"`}},
		},
		{
			name:   "weight is a fraction",
			src:    "+++\nweight = 1.5\n+++\n",
			page:   true,
			errors: []FrontMatterError{{2, "weight must be a whole number"}},
		},
		{
			name:   "date is not a date",
			src:    "---\ntitle: x\n\ndate: notadate\n---\n",
			page:   true,
			errors: []FrontMatterError{{4, `date must be a date such as 2016-04-12, not "notadate"`}},
		},
		{
			name: "several type errors",
			src:  "---\ntitle: [a]\ndraft: maybe\naliases: {a: b}\nweight: 2\n---\n",
			page: true,
			errors: []FrontMatterError{
				{2, "title must be text, not a list"},
				{3, `draft must be true or false, not "maybe"`},
				{4, "aliases must be a list of text, not a map"},
			},
		},
		{
			name:   "aliases holding a number",
			src:    "---\naliases:\n  - /a/\n  - 3\n---\n",
			page:   true,
			errors: []FrontMatterError{{2, "aliases must be a list of text, but holds 3"}},
		},
		{
			name:   "unknown kind",
			src:    "---\ntitle: x\n\nkind: principal\n---\n",
			page:   true,
			errors: []FrontMatterError{{4, `unknown kind "principal"`}},
		},
		{
			name:   "unknown kind, key in another case",
			src:    "---\ntitle: x\nKind: Principle\n---\n",
			page:   true,
			errors: []FrontMatterError{{3, `unknown kind "Principle"`}},
		},
		{
			name:   "kind that is not text",
			src:    "---\nkind: [quote]\n---\n",
			page:   true,
			errors: []FrontMatterError{{2, "kind must be text, not a list"}},
		},
		{
			name:   "handbook field of the wrong type",
			src:    "---\nkind: quote\nletter: [2016]\nprinciples: {a: 1}\n---\n",
			page:   true,
			errors: []FrontMatterError{{3, "letter must be text"}, {4, "principles must be a list of text"}},
		},
		{
			name:   "invalid UTF-8 on line 1",
			src:    "\xff---\ntitle: x\n---\n",
			errors: []FrontMatterError{{1, "not valid UTF-8"}},
		},
		{
			name:   "invalid UTF-8 in the body",
			src:    "---\ntitle: x\n---\nLine 4\nLine 5 caf\xe9\nLine 6\n",
			errors: []FrontMatterError{{5, "not valid UTF-8"}},
		},
		{
			name:   "truncated UTF-8 sequence at the end",
			src:    "a\nb\n\xe1\xba",
			errors: []FrontMatterError{{3, "not valid UTF-8"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, errs := ParsePage("vi", "content/vi/x.md", "x.md", []byte(tt.src))
			if (p != nil) != tt.page {
				t.Errorf("page returned: %v, want %v", p != nil, tt.page)
			}
			if len(errs) != len(tt.errors) {
				t.Fatalf("errors = %v, want %d", errs, len(tt.errors))
			}
			for i, e := range errs {
				w := tt.errors[i]
				if e.Line != w.Line || !strings.Contains(e.Msg, w.Msg) {
					t.Errorf("error %d = line %d %q, want line %d containing %q", i, e.Line, e.Msg, w.Line, w.Msg)
				}
			}
		})
	}
}

func TestParsePageKindErrorKeepsPagePlain(t *testing.T) {
	p, _, errs := ParsePage("vi", "content/vi/x.md", "x.md", []byte("---\nkind: principal\nprinciples: [a]\n---\n"))
	if p == nil || len(errs) != 1 {
		t.Fatalf("ParsePage = %v, %v", p, errs)
	}
	if p.Kind != Plain {
		t.Errorf("Kind = %q, want plain", p.Kind)
	}
	if _, ok := p.Params.Lookup("principles"); !ok || p.refs != nil {
		t.Errorf("principles read on a page whose kind is unknown: Params %v, refs %v", p.Params, p.refs)
	}
}

func TestInvalidUTF8Line(t *testing.T) {
	tests := []struct {
		src  string
		line int
	}{
		{"\x80", 1},
		{"ok\n\xc3(\n", 2},
		{"a\nb\nc\nd\xed\xa0\x80", 4}, // an encoded surrogate
		{"Việt\nNam\n\xff", 3},
	}
	for _, tt := range tests {
		if got := invalidUTF8Line([]byte(tt.src)); got != tt.line {
			t.Errorf("invalidUTF8Line(%q) = %d, want %d", tt.src, got, tt.line)
		}
	}
}

// scanTextSlowly is scanText as it was before its fast paths: the whole
// text validated, then every rune from U+0300 up decoded and checked.
func scanTextSlowly(data []byte) (valid, mayNeedNFC bool) {
	if !utf8.Valid(data) {
		return false, false
	}
	for _, r := range string(data) {
		if r >= 0x300 && !alwaysNFC(r) {
			return true, true
		}
	}
	return true, false
}

// scanTextCases are texts for scanText, hostile ones among them: a
// decomposed letter or an invalid byte at every place of the eight-byte
// steps, truncated and overlong sequences, surrogates, a byte order
// mark, CRLF and old Mac endings.
func scanTextCases() []string {
	cases := []string{
		"", "plain ASCII", "Tiếng Việt, đã dựng sẵn", "l’équipe « Jour 1 »…",
		"curly ’quotes’ “here” … \u202f", norm.NFD.String("Việt"), "a\u20d0",
		"\xff", "\xef\xbb\xbf---\ntitle: x\n---\n", "a\r\nb\rc\n",
		"\xc0\x80", "\xc1\xbf", "\xc2", "\xc2A", "\xe1\xb8", "\xe1\xb8A", "\xe1\xbc\x80",
		"\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe0\x80\x80", "\xcc\x81", "e\xcc\x81",
		"\ufeffabc", "\u07c1\x94", "\u1e00\u1eff\u1f00", "\u0300", "ư\u0300", "\U0001F600 emoji",
		strings.Repeat("Ngày một ", 50) + norm.NFD.String("ế"),
	}
	for i := range 17 {
		pad := strings.Repeat("a", i)
		cases = append(cases, pad+"e\u0301", pad+"\xff", pad+"ạ", pad+"\xe1\xb8", pad+"é"+pad)
	}
	return cases
}

func TestScanText(t *testing.T) {
	tests := []struct {
		src        string
		valid, nfc bool // nfc: may need NFC
	}{
		{"plain ASCII", true, false},
		{"Tiếng Việt, đã dựng sẵn", true, false},
		{"l’équipe « Jour 1 »…", true, false}, // é, «, » are below U+0300
		{"curly ’quotes’ “here” … \u202f", true, false},
		{norm.NFD.String("Việt"), true, true},
		{"a\u20d0", true, true},
		{"\xff", false, false},
		{"0123456\xff", false, false},
		{"\xe1\xb8", false, false}, // U+1E00's first two bytes, cut
		{"\xc0\x80", false, false}, // an overlong NUL
	}
	for _, tt := range tests {
		valid, nfc := scanText([]byte(tt.src))
		if valid != tt.valid || nfc != tt.nfc {
			t.Errorf("scanText(%q) = %v, %v; want %v, %v", tt.src, valid, nfc, tt.valid, tt.nfc)
		}
	}
}

// TestScanTextAsSlowly: the fast paths of scanText find what a check of
// every rune finds, on hostile texts.
func TestScanTextAsSlowly(t *testing.T) {
	for _, src := range scanTextCases() {
		checkScanText(t, []byte(src))
	}
}

// FuzzScanText: scanText finds what a check of every rune finds, and a
// text it says needs no NFC is in NFC.
func FuzzScanText(f *testing.F) {
	for _, src := range scanTextCases() {
		f.Add([]byte(src))
	}
	f.Fuzz(checkScanText)
}

func checkScanText(t *testing.T, data []byte) {
	valid, nfc := scanText(data)
	wantValid, wantNFC := scanTextSlowly(data)
	if valid != wantValid || nfc != wantNFC {
		t.Errorf("scanText(%q) = %v, %v; checking every rune: %v, %v", data, valid, nfc, wantValid, wantNFC)
	}
	if valid && !nfc && !norm.NFC.IsNormal(data) {
		t.Errorf("scanText(%q): needs no NFC, but is not in NFC", data)
	}
}

func FuzzParsePage(f *testing.F) {
	for _, seed := range []string{
		"",
		"---\ntitle: Luôn là Ngày 1\nweight: 2\nkind: quote\nletter: 2016\nprinciples: [day-one]\ntext: >-\n  Words\n---\nBody\n",
		"+++\ntitle = \"Toujours le Jour 1\"\ndate = 2016-04-12\n[params]\nx = 1\n+++\nBody",
		"---\r\ntitle: x\r\n---\r\n",
		"\ufeff---\ntitle: BOM\n---\n",
		"---\ntitle: x\n",
		"---",
		"+++\n+++",
		"--- \n...\n",
		"---\nfoo: bar: baz\n---\n",
		"---\ntitle: \"\\xff\\ud800\"\n---\n",
		"+++\ntitle = \"\\uD800\"\n+++\n",
		"---\na: &a [*a]\n---\n",
		"\xff\xfe---\n",
		"---\ntitle: caf\xe9\n---\n",
		norm.NFD.String("---\ntitle: Khách hàng\n---\n"),
		"---\nkind: principle\nstatement: [x]\nyear: 1e300\nweight: 9223372036854775808\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, errs := ParsePage("vi", "content/vi/x.md", "principles/x.md", data)
		// YAML also breaks lines at a lone "\r", U+0085, U+2028 and
		// U+2029, and counts its lines so.
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) +
			bytes.Count(data, []byte("\u0085")) + bytes.Count(data, []byte("\u2028")) + bytes.Count(data, []byte("\u2029")) + 1
		for _, e := range errs {
			if e == nil {
				t.Fatal("nil error in the list")
			}
			// Every problem is located on a line of the file.
			if e.Line < 1 || e.Line > lines {
				t.Errorf("error at line %d of a %d-line file: %s", e.Line, lines, e.Msg)
			}
		}
		if p == nil {
			if len(errs) == 0 {
				t.Fatal("no page and no error")
			}
			return
		}
		if !utf8.ValidString(p.Title) {
			t.Errorf("Title %q is not valid UTF-8", p.Title)
		}
		if p.URL == "" || p.TranslationKey == "" {
			t.Errorf("page without defaults: URL %q, TranslationKey %q", p.URL, p.TranslationKey)
		}
		if p.BodyLine < 1 {
			t.Errorf("BodyLine = %d", p.BodyLine)
		}
	})
}
