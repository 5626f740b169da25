package search_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"

	"handbook/build/search/query"
	"handbook/build/search/tokenize"
	"handbook/internal/sitetest"
)

// testdata/tokens.json holds the cases that the Go tokenizer, Telex reader
// and query parser and the theme's search.js are both checked against.
// The inputs are written by hand; -update-vectors fills in the expected
// values from the Go implementation (check the diff by eye).
var updateVectors = flag.Bool("update-vectors", false, "rewrite the expected values of testdata/tokens.json from the Go implementation")

const vectorsFile = "testdata/tokens.json"

type vectors struct {
	Comment         string         `json:"comment"`
	FrenchStopWords []string       `json:"frenchStopWords"`
	Tokenize        []tokenizeCase `json:"tokenize"`
	FromTelex       []telexCase    `json:"fromTelex"`
	ParseQuery      []parseCase    `json:"parseQuery"`
}

type tokenizeCase struct {
	Name   string           `json:"name"`
	Text   string           `json:"text"`
	Tokens []tokenize.Token `json:"tokens"`
}

type telexCase struct {
	Name string `json:"name"`
	Word string `json:"word"`
	// Want is the syllable, or null when the word is not Telex or VNI.
	Want *string `json:"want"`
}

type parseCase struct {
	Name  string       `json:"name"`
	Query string       `json:"query"`
	Lang  string       `json:"lang"`
	Words []vectorWord `json:"words"`
}

// vectorWord is a query.QueryWord as both implementations print it.
type vectorWord struct {
	Word   string `json:"word"`
	Exact  string `json:"exact"`
	Joined bool   `json:"joined"`
	Prefix bool   `json:"prefix"`
	Stop   bool   `json:"stop"`
	Telex  string `json:"telex"`
	Phrase int    `json:"phrase"`
}

func readVectors(t *testing.T) *vectors {
	t.Helper()
	data, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", vectorsFile, err)
	}
	if len(v.Tokenize) == 0 || len(v.FromTelex) == 0 || len(v.ParseQuery) == 0 {
		t.Fatalf("%s has no cases", vectorsFile)
	}
	return &v
}

func goTokens(text string) []tokenize.Token {
	out := tokenize.Tokenize(text)
	if out == nil {
		out = []tokenize.Token{}
	}
	return out
}

func goTelex(word string) *string {
	if s, ok := tokenize.FromTelex(word); ok {
		return &s
	}
	return nil
}

func goParse(q, lang string) []vectorWord {
	out := []vectorWord{}
	for _, w := range query.ParseQuery(q, lang) {
		out = append(out, vectorWord{Word: w.Word, Exact: w.Exact, Joined: w.Joined, Prefix: w.Prefix, Stop: w.Stop, Telex: w.Telex, Phrase: w.Phrase})
	}
	return out
}

// TestVectorsGo checks the Go implementation against the shared vectors,
// or with -update-vectors rewrites their expected values from it.
func TestVectorsGo(t *testing.T) {
	v := readVectors(t)
	if *updateVectors {
		v.FrenchStopWords = tokenize.FrenchStopWords()
		for i := range v.Tokenize {
			v.Tokenize[i].Tokens = goTokens(v.Tokenize[i].Text)
		}
		for i := range v.FromTelex {
			v.FromTelex[i].Want = goTelex(v.FromTelex[i].Word)
		}
		for i := range v.ParseQuery {
			c := &v.ParseQuery[i]
			c.Words = goParse(c.Query, c.Lang)
		}
		writeVectors(t, v)
		return
	}
	if got := tokenize.FrenchStopWords(); !reflect.DeepEqual(got, v.FrenchStopWords) {
		t.Errorf("frenchStopWords: the Go list has changed:\ngo   %q\nfile %q", got, v.FrenchStopWords)
	}
	for _, c := range v.Tokenize {
		if got := goTokens(c.Text); !reflect.DeepEqual(got, c.Tokens) {
			t.Errorf("Tokenize(%q) (%s):\ngot  %s\nwant %s", c.Text, c.Name, jsonOf(got), jsonOf(c.Tokens))
		}
	}
	for _, c := range v.FromTelex {
		if got := goTelex(c.Word); !reflect.DeepEqual(got, c.Want) {
			t.Errorf("FromTelex(%q) (%s) = %s, want %s", c.Word, c.Name, jsonOf(got), jsonOf(c.Want))
		}
	}
	for _, c := range v.ParseQuery {
		if got := goParse(c.Query, c.Lang); !reflect.DeepEqual(got, c.Words) {
			t.Errorf("ParseQuery(%q, %s) (%s):\ngot  %s\nwant %s", c.Query, c.Lang, c.Name, jsonOf(got), jsonOf(c.Words))
		}
	}
}

// TestVectorsJS runs the shared vectors through the theme's search.js in
// node and compares its answers with the expected values.
func TestVectorsJS(t *testing.T) {
	node := sitetest.NeedTool(t, "node", "node")
	v := readVectors(t)
	cmd := exec.Command(node, "testdata/run-vectors.mjs", vectorsFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node run-vectors.mjs: %v\n%s", err, stderr.String())
	}
	var got struct {
		Tokenize   [][]tokenize.Token `json:"tokenize"`
		FromTelex  []*string          `json:"fromTelex"`
		ParseQuery [][]vectorWord     `json:"parseQuery"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node run-vectors.mjs printed %q: %v", out, err)
	}
	if len(got.Tokenize) != len(v.Tokenize) || len(got.FromTelex) != len(v.FromTelex) || len(got.ParseQuery) != len(v.ParseQuery) {
		t.Fatalf("run-vectors.mjs answered %d, %d, %d cases; want %d, %d, %d", len(got.Tokenize), len(got.FromTelex), len(got.ParseQuery), len(v.Tokenize), len(v.FromTelex), len(v.ParseQuery))
	}
	for i, c := range v.Tokenize {
		if !reflect.DeepEqual(got.Tokenize[i], c.Tokens) {
			t.Errorf("JS tokenize(%q) (%s):\ngot  %s\nwant %s", c.Text, c.Name, jsonOf(got.Tokenize[i]), jsonOf(c.Tokens))
		}
	}
	for i, c := range v.FromTelex {
		if !reflect.DeepEqual(got.FromTelex[i], c.Want) {
			t.Errorf("JS fromTelex(%q) (%s) = %s, want %s", c.Word, c.Name, jsonOf(got.FromTelex[i]), jsonOf(c.Want))
		}
	}
	for i, c := range v.ParseQuery {
		if !reflect.DeepEqual(got.ParseQuery[i], c.Words) {
			t.Errorf("JS parseQuery(%q, %s) (%s):\ngot  %s\nwant %s", c.Query, c.Lang, c.Name, jsonOf(got.ParseQuery[i]), jsonOf(c.Words))
		}
	}
}

func writeVectors(t *testing.T, v *vectors) {
	t.Helper()
	// One case a line, so that a change shows as a one-line diff.
	var buf bytes.Buffer
	buf.WriteString("{\n")
	fmt.Fprintf(&buf, "  \"comment\": %s,\n", compactJSON(t, v.Comment))
	fmt.Fprintf(&buf, "  \"frenchStopWords\": %s,\n", compactJSON(t, v.FrenchStopWords))
	writeCases(t, &buf, "tokenize", v.Tokenize, ",")
	writeCases(t, &buf, "fromTelex", v.FromTelex, ",")
	writeCases(t, &buf, "parseQuery", v.ParseQuery, "")
	buf.WriteString("}\n")
	var check vectors
	if err := json.Unmarshal(buf.Bytes(), &check); err != nil || !reflect.DeepEqual(&check, v) {
		t.Fatalf("the vectors written do not read back: %v", err)
	}
	if err := os.WriteFile(vectorsFile, escapeInvisible(buf.Bytes()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeCases[C any](t *testing.T, buf *bytes.Buffer, name string, cases []C, after string) {
	fmt.Fprintf(buf, "  %q: [\n", name)
	for i, c := range cases {
		sep := ","
		if i == len(cases)-1 {
			sep = ""
		}
		fmt.Fprintf(buf, "    %s%s\n", compactJSON(t, c), sep)
	}
	fmt.Fprintf(buf, "  ]%s\n", after)
}

func compactJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSpace(buf.Bytes()))
}

// escapeInvisible writes the characters a reader cannot see or tell apart
// (combining marks, spaces other than U+0020, format characters) as \u
// escapes, so the vectors can be checked by eye.
func escapeInvisible(data []byte) []byte {
	var out bytes.Buffer
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r >= 0x80 && r <= 0xffff && (unicode.Is(unicode.Mn, r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(data[:size])
		}
		data = data[size:]
	}
	return out.Bytes()
}

func jsonOf(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(data)
}
