package history

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"handbook/internal/sitetest"
)

func TestAppendWords(t *testing.T) {
	for in, want := range map[string]string{
		"":                           "",
		"   \n\t":                    "",
		"a":                          "a ",
		"  Một  đoạn\n\nvăn\t\r\n":   "Một đoạn văn ",
		"x\fy\vz":                    "x y z ",
		"title: A\n---\nBody, here.": "title: A --- Body, here. ",
	} {
		if got := string(appendWords(nil, []byte(in))); got != want {
			t.Errorf("appendWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAppendWordsAsWordByWord: appendWords gives what appending each
// word and a space gives, whatever the bytes (any whitespace, bytes of
// UTF-8 and not), and appends to what out holds; the summaries the cache
// keeps stay the same.
func TestAppendWordsAsWordByWord(t *testing.T) {
	// Bytes of any kind, and prose: words and single spaces, eight
	// bytes of which are copied at once, with now and then a newline,
	// a tab or two spaces.
	alphabet := []byte(" \t\n\r\f\vax\x00\x85\xa0\xc3\xa9-\x1f!\x7f")
	prose := []byte("abcdefgh\xc3\xa9\xe1\xbb\x99, .!   \x21\x20\n")
	rng := rand.New(rand.NewPCG(23, 1))
	for n := range 4000 {
		letters := alphabet
		if n%2 == 1 {
			letters = prose[:len(prose)-rng.IntN(6)] // spaces and newlines rarer
		}
		data := make([]byte, rng.IntN(80))
		for i := range data {
			data[i] = letters[rng.IntN(len(letters))]
		}
		prefix := []byte("held ")
		want := string(prefix)
		for _, w := range bytes.FieldsFunc(data, func(r rune) bool { return r < utf8.RuneSelf && isSpace(byte(r)) }) {
			want += string(w) + " "
		}
		if got := string(appendWords(prefix, data)); got != want {
			t.Fatalf("appendWords(%q, %q) = %q, want %q", prefix, data, got, want)
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	page := []byte("---\ntitle: Luôn là Ngày 1\nsourceHash: abc\n---\n\n")
	for range 200 {
		page = append(page, "Một đoạn văn  với nhiều từ,\tvà một dòng mới.\n\n"...)
	}
	b.SetBytes(int64(len(page)))
	var scratch []byte
	for b.Loop() {
		_, scratch = summarize(page, scratch)
	}
}

// TestBlobsAskedEarlyAreReadOnce: blobs asked for while the log is read
// are summarized by the one cat-file a fetch then waits for. So many
// that cat-file's answers fill the pipe before any is read must not
// block the asking; a blob the repository lacks (a shallow clone's) is
// summarized as empty.
func TestBlobsAskedEarlyAreReadOnce(t *testing.T) {
	r := newTestRepo(t)
	files := map[string]string{}
	for i := range 3000 {
		files[fmt.Sprintf("content/vi/p%d.md", i)] = page(fmt.Sprintf("Trang %d", i), "", strings.Repeat("Một đoạn văn.\n", 20))
	}
	sitetest.WriteFiles(t, r.dir, files)
	r.commit("2026-01-01T08:00:00Z", "Start")
	ids := strings.Fields(r.git("ls-tree", "-r", "--format=%(objectname)", "HEAD"))
	missing := strings.Repeat("ab", len(ids[0])/2)

	blobs := newBlobReader(r.dir, 20, nil, nil)
	defer blobs.close()
	for _, id := range ids {
		blobs.ask(id, id)
	}
	blobs.ask(missing)
	if err := blobs.fetchPairs(nil); err != nil {
		t.Fatal(err)
	}
	want, _ := summarize([]byte(files["content/vi/p7.md"]), nil)
	if got := blobs.done[strings.TrimSpace(r.git("rev-parse", "HEAD:content/vi/p7.md"))]; got != want {
		t.Errorf("summary of p7.md: %+v, want %+v", got, want)
	}
	if got := len(blobs.done); got != len(ids)+1 {
		t.Errorf("%d blobs summarized, want %d", got, len(ids)+1)
	}
	if got, ok := blobs.done[missing]; !ok || got != (blobSummary{}) {
		t.Errorf("a blob the repository lacks: %+v, want the empty summary", got)
	}
	blobs.close()
	blobs.ask("0123456789012345678901234567890123456789")
	if err := blobs.fetchPairs(nil); err == nil {
		t.Error("a fetch after close gave no error")
	}
}
