package content

import (
	"strings"
	"testing"

	"handbook/build/config"
)

func TestTextHash(t *testing.T) {
	parse := func(src string) *Page {
		t.Helper()
		p, _, errs := ParsePage("vi", "content/vi/a.md", "a.md", []byte(src))
		if len(errs) != 0 || p == nil {
			t.Fatalf("ParsePage(%q): %v", src, errs)
		}
		return p
	}
	base := parse("---\ntitle: A\ndescription: D\nweight: 1\n---\n\nBody.\n")
	same := map[string]string{
		"other fields":        "---\ntitle: A\ndescription: D\nweight: 7\ndate: 2016-04-12\n---\n\nBody.\n",
		"CRLF":                "---\r\ntitle: A\r\ndescription: D\r\n---\r\n\r\nBody.\r\n",
		"TOML":                "+++\ntitle = \"A\"\ndescription = \"D\"\n+++\nBody.",
		"blank lines":         "---\ntitle: A\ndescription: D\n---\n\n\nBody.\n\n\n",
		"its own sourceHash":  "---\ntitle: A\ndescription: D\nsourceHash: \"0123456789ab\"\n---\n\nBody.\n",
		"title spaces around": "---\ntitle: \" A \"\ndescription: D\n---\n\nBody.\n",
	}
	for name, src := range same {
		if got := parse(src).TextHash; got != base.TextHash {
			t.Errorf("%s: TextHash %s, want %s", name, got, base.TextHash)
		}
	}
	differs := map[string]string{
		"body":        "---\ntitle: A\ndescription: D\n---\n\nBody!\n",
		"title":       "---\ntitle: B\ndescription: D\n---\n\nBody.\n",
		"description": "---\ntitle: A\ndescription: E\n---\n\nBody.\n",
		"statement":   "---\ntitle: A\ndescription: D\nkind: principle\nstatement: S\n---\n\nBody.\n",
		"quote text":  "---\ntitle: A\ndescription: D\nkind: quote\ntext: T\n---\n\nBody.\n",
		"moved text":  "---\ntitle: AD\ndescription: \"\"\n---\n\nBody.\n",
	}
	for name, src := range differs {
		if got := parse(src).TextHash; got == base.TextHash {
			t.Errorf("%s: TextHash unchanged", name)
		}
	}
}

func TestSourceHashField(t *testing.T) {
	p, _, errs := ParsePage("fr", "content/fr/a.md", "a.md", []byte("---\ntitle: A\nsourceHash: abc123\n---\n"))
	if len(errs) != 0 || p.SourceHash != "abc123" || p.SourceHashLine != 3 || p.Params.Get("sourceHash") != nil {
		t.Errorf("SourceHash %q line %d, params %v, errors %v", p.SourceHash, p.SourceHashLine, p.Params, errs)
	}
	_, _, errs = ParsePage("fr", "content/fr/a.md", "a.md", []byte("+++\ntitle = \"A\"\nsourcehash = [1]\n+++\n"))
	if len(errs) != 1 || errs[0].Line != 3 || !strings.Contains(errs[0].Msg, "sourceHash must be text") {
		t.Errorf("errors = %v", errs)
	}
}

func TestOriginalsAndOutdated(t *testing.T) {
	files := map[string]string{
		"handbook.toml":            twoLanguages,
		"content/vi/a.md":          "---\ntitle: A\n---\nMột.\n",
		"content/vi/b.md":          "---\ntitle: B\n---\nHai.\n",
		"content/vi/only.md":       "---\ntitle: Only\n---\n",
		"content/vi/sub/x.md":      "---\ntitle: X\n---\n",
		"content/fr/a.md":          "---\ntitle: A\nsourceHash: STAMP\n---\nUn.\n",
		"content/fr/b.md":          "---\ntitle: B\nsourceHash: 000000000000\n---\nDeux.\n",
		"content/fr/c.md":          "---\ntitle: C\n---\n",
		"content/fr/sub/_index.md": "---\ntitle: Sub\n---\n",
	}
	root := writeSite(t, files)
	set, _ := loadSite(t, root, config.Overrides{})
	a := page(t, set, "vi", "a.md")
	// Stamp fr/a.md with vi/a.md's hash, as the command would.
	files["content/fr/a.md"] = strings.Replace(files["content/fr/a.md"], "STAMP", a.TextHash, 1)
	set, _ = loadSite(t, writeSite(t, files), config.Overrides{})

	tests := []struct {
		rel      string
		original string
		outdated bool
	}{
		{"a.md", "a.md", false},
		{"b.md", "b.md", true},
		{"c.md", "", false},
		{"sub/_index.md", "", false}, // vi has no _index.md there
	}
	for _, tt := range tests {
		p := page(t, set, "fr", tt.rel)
		got := ""
		if p.Original != nil {
			got = p.Original.RelPath
		}
		if got != tt.original || p.Outdated() != tt.outdated {
			t.Errorf("%s: original %q outdated %v, want %q %v", tt.rel, got, p.Outdated(), tt.original, tt.outdated)
		}
	}
	for _, p := range set.Lang("vi").Pages {
		if p.Original != nil {
			t.Errorf("%s: a page of the default language has an original", p.File)
		}
	}
}

func TestStamp(t *testing.T) {
	const h = "0123456789ab"
	tests := []struct {
		name, src, want string
	}{
		{"YAML adds a line",
			"---\ntitle: A\ntags:\n  - x\n---\n\nBody\n",
			"---\ntitle: A\ntags:\n  - x\nsourceHash: \"0123456789ab\"\n---\n\nBody\n"},
		{"YAML replaces the value",
			"---\ntitle: A\nsourceHash: oldvalue # stamped\nweight: 2\n---\nBody\n",
			"---\ntitle: A\nsourceHash: \"0123456789ab\"\nweight: 2\n---\nBody\n"},
		{"YAML key in another case",
			"---\nSourceHash: \"aaa\"\n---\n",
			"---\nsourceHash: \"0123456789ab\"\n---\n"},
		{"YAML folded text keeps its lines",
			"---\ntext: >-\n  Words\n  here.\n---\n",
			"---\ntext: >-\n  Words\n  here.\nsourceHash: \"0123456789ab\"\n---\n"},
		{"YAML empty front matter",
			"---\n---\nBody\n",
			"---\nsourceHash: \"0123456789ab\"\n---\nBody\n"},
		{"CRLF",
			"---\r\ntitle: A\r\n---\r\nBody\r\n",
			"---\r\ntitle: A\r\nsourceHash: \"0123456789ab\"\r\n---\r\nBody\r\n"},
		{"byte order mark",
			"\ufeff---\ntitle: A\n---\n",
			"\ufeff---\ntitle: A\nsourceHash: \"0123456789ab\"\n---\n"},
		{"no front matter",
			"# Title\n\nBody\n",
			"---\nsourceHash: \"0123456789ab\"\n---\n# Title\n\nBody\n"},
		{"TOML adds a line before the first table",
			"+++\ntitle = \"A\"\n[params]\nicon = \"sun\"\n+++\nBody\n",
			"+++\ntitle = \"A\"\nsourceHash = \"0123456789ab\"\n[params]\nicon = \"sun\"\n+++\nBody\n"},
		{"TOML replaces the value",
			"+++\nsourceHash = \"old\"\ntitle = \"A\"\n+++\n",
			"+++\nsourceHash = \"0123456789ab\"\ntitle = \"A\"\n+++\n"},
		{"TOML without tables",
			"+++\ntitle = \"A\"\ndate = 2016-04-12\n+++\n",
			"+++\ntitle = \"A\"\ndate = 2016-04-12\nsourceHash = \"0123456789ab\"\n+++\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Stamp([]byte(tt.src), h)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			p, _, errs := ParsePage("fr", "content/fr/a.md", "a.md", got)
			if len(errs) != 0 || p.SourceHash != h {
				t.Errorf("read back: sourceHash %q, errors %v", p.SourceHash, errs)
			}
			again, err := Stamp(got, h)
			if err != nil || string(again) != string(got) {
				t.Errorf("stamping twice changed the file: %q %v", again, err)
			}
		})
	}
}

func TestStampRefusesToChangeOtherFields(t *testing.T) {
	// The value continues on the next line: replacing the first line alone
	// would leave the second behind as something else.
	src := "---\ntitle: A\nsourceHash: >-\n  abc\n---\n"
	if _, err := Stamp([]byte(src), "0123456789ab"); err == nil || !strings.Contains(err.Error(), "by hand") {
		t.Errorf("err = %v, want a refusal", err)
	}
	if _, err := Stamp([]byte("---\ntitle: A\n"), "0123456789ab"); err == nil {
		t.Error("unclosed front matter: no error")
	}
}
