package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileIndexPage is a page whose text the index's tokenizer and its
// document writer read in runs: written decomposed, words glued by
// symbols beside the letters those runs know, a word of thousands of
// bytes, escapes past the snippet's limit, CJK and a Greek numeral sign.
func hostileIndexPage() string {
	return "---\ntitle: \"Kha\u0301ch ha\u0300ng\"\n---\n\n" +
		"Đơn vị lượng×khối ÷ thời gian, ma\u0303 ˂số˃ ͵cuối.\n\n" +
		strings.Repeat("nghiêng", 300) + "\n\n" +
		strings.Repeat("`<b>\"&\"</b>` Khách hàng ", 300) + "\n\n" +
		strings.Repeat("dài", 3000) + " 東京都に住む\n"
}

func TestHostileIndex(t *testing.T) {
	files := withFiles(map[string]string{"content/vi/hostile.md": hostileIndexPage(),
		// ASCII apostrophes (in the title, which no typographer
		// rewrites), tabs and punctuation right after words, which the
		// tokenizer passes without decoding them: each word searched
		// comes after one, so that glued to the word before it would
		// not be found by its prefix.
		"content/fr/elision.md": "---\ntitle: \"Notes d'avenir\"\n---\n\nNotes\texpérience;client(rapide)\n"})
	found := func(query, url string) func(t *testing.T, work string) {
		return func(t *testing.T, work string) {
			code, stdout, stderr := runCmd("search", "--dest", filepath.Join(work, "out"), "--json", query)
			if code != exitOK || !strings.Contains(stdout, `"url": "`+url+`"`) {
				t.Errorf("search %q does not find %s: exit %d\n%s%s", query, url, code, stdout, stderr)
			}
		}
	}
	runHostile(t, []hostileCase{
		{
			name: "a decomposed title is found typed without marks", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: found("khach hang", "/vi/hostile/"),
		},
		{
			name: "words glued by × are words apart", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: found("khoi", "/vi/hostile/"),
		},
		{
			name: "a word of thousands of bytes is found", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: found(strings.Repeat("dai", 3000), "/vi/hostile/"),
		},
		{
			name: "CJK after a long word is found by its pairs", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: found("京都", "/vi/hostile/"),
		},
		{
			name: "a word between angle brackets is a word", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: found("so", "/vi/hostile/"),
		},
		{
			name: "a French word after an elided article and an ASCII apostrophe is found", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: found("avenir", "/fr/elision/"),
		},
		{
			name: "a word after a tab is found", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: found("experience", "/fr/elision/"),
		},
		{
			name: "words after ASCII punctuation are found", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: func(t *testing.T, work string) {
				found("client", "/fr/elision/")(t, work)
				found("rapide", "/fr/elision/")(t, work)
			},
		},
		{
			name: "a page's document holds its words single-spaced, cut within the limit", files: files,
			args: []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: func(t *testing.T, work string) {
				doc := hostileDoc(t, filepath.Join(work, "out/_search/vi/d"), "/vi/hostile/")
				// The page's words single-spaced, cut at the last space
				// within 3,000 bytes.
				all := "Đơn vị lượng×khối ÷ thời gian, mã ˂số˃ ͵cuối. " + strings.Repeat("nghiêng", 300) +
					strings.Repeat(" <b>\"&\"</b> Khách hàng", 300)
				if want := all[:strings.LastIndexByte(all[:3001], ' ')]; doc.Text != want {
					t.Errorf("the document's text (%d bytes) is %q", len(doc.Text), doc.Text)
				}
			},
		},
		{
			name:  "a space then another white space character is one space in a document, among hundreds of pairs",
			files: withFiles(map[string]string{"content/vi/spaces.md": hostileSpacesPage()}),
			args:  []string{"build", "--dest", "$WORK/out"}, code: exitOK, written: []string{"out"},
			after: func(t *testing.T, work string) {
				doc := hostileDoc(t, filepath.Join(work, "out/_search/vi/d"), "/vi/spaces/")
				if want := "Khách hàng lãnh đạo ưu tiên số một"; !strings.HasPrefix(doc.Text, want+" m0 m1 m2") {
					t.Errorf("the document's text starts %q, want %q", doc.Text[:min(len(doc.Text), 60)], want)
				}
				found("m598 m599", "/vi/spaces/")(t, work)
			},
		},
	})
}

// hostileSpacesPage is a page whose words are separated by an ASCII
// space followed by another white space character (no-break, ideographic,
// next line, ogham), then by more distinct pairs of words than the index
// enters at once.
func hostileSpacesPage() string {
	var pairs strings.Builder
	for i := range 600 {
		fmt.Fprintf(&pairs, "m%d ", i)
	}
	return "---\ntitle: Dấu cách\n---\n\nKhách \u00a0hàng \u3000lãnh \u0085đạo \u1680ưu \u2003tiên \u205fsố\u00a0 một " + pairs.String() + "\n"
}

// hostileDoc reads the document file of the page at url in dir.
func hostileDoc(t *testing.T, dir, url string) (doc struct{ URL, Text string }) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if doc.URL == url {
			return doc
		}
	}
	t.Fatalf("no document of %s in %s", url, dir)
	return doc
}
