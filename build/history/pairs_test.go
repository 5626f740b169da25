package history

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"handbook/build/internal/gitobjects"
	"handbook/internal/sitetest"
)

// versionEdits are the edits a version gets in the comparison tests:
// whitespace added, taken or changed, a word changed, a stamp given,
// changed or taken, the front matter's fence moved or taken, a line
// joined to the next; those a translator or a formatter makes.
var versionEdits = []func(rng *rand.Rand, doc string) string{
	func(rng *rand.Rand, doc string) string {
		return insertAt(rng, doc, []string{" ", "\n", "\t", "  ", "\r\n"})
	},
	func(rng *rand.Rand, doc string) string {
		return insertAt(rng, doc, []string{"x", "mới", "---\n", "sourceHash: a1\n"})
	},
	func(rng *rand.Rand, doc string) string { return deleteAt(rng, doc, 1+rng.IntN(3)) },
	func(rng *rand.Rand, doc string) string {
		return strings.Replace(doc, "sourceHash: "+stampOf(doc), "sourceHash: "+[]string{"a1", "b2", "'b2'"}[rng.IntN(3)], 1)
	},
	func(rng *rand.Rand, doc string) string {
		return strings.Replace(doc, "\n", []string{"\n\n", " \n", "\nsourceHash = \"c3\"\n", ""}[rng.IntN(4)], 1+rng.IntN(3))
	},
	func(rng *rand.Rand, doc string) string { return strings.TrimPrefix(doc, "---\n") },
}

func stampOf(doc string) string {
	_, _, stamp := splitStamp([]byte(doc))
	return stamp
}

func insertAt(rng *rand.Rand, doc string, texts []string) string {
	at := rng.IntN(len(doc) + 1)
	return doc[:at] + texts[rng.IntN(len(texts))] + doc[at:]
}

func deleteAt(rng *rand.Rand, doc string, n int) string {
	if len(doc) < n {
		return doc
	}
	at := rng.IntN(len(doc) - n + 1)
	return doc[:at] + doc[at+n:]
}

// randomVersion is a page, with or without a stamp or front matter.
func randomVersion(rng *rand.Rand) string {
	words := []string{"Khách", "hàng", "trước", "tiên.", "Day", "1", "client", "d'abord", "—", "**gras**"}
	var body strings.Builder
	for range rng.IntN(40) {
		body.WriteString(words[rng.IntN(len(words))])
		body.WriteString([]string{" ", " ", " ", "\n", "\n\n", "  "}[rng.IntN(6)])
	}
	switch rng.IntN(4) {
	case 0:
		return body.String()
	case 1:
		return page("Trang", "", body.String())
	case 2:
		return "+++\ntitle = \"Page\"\nsourceHash = \"a1\"\n+++\n" + body.String()
	}
	return page("Trang", "a1", body.String())
}

// TestVersionsCompareAsTheirSummaries: comparing two versions where they
// differ gives the verdict their summaries give, whatever the edit: in
// the text, in its whitespace, in the stamp or the front matter around
// it, at the start or the end.
func TestVersionsCompareAsTheirSummaries(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 7))
	var c versionComparer
	seen := map[pairVerdict]int{}
	for range 20000 {
		before := randomVersion(rng)
		after := before
		for range 1 + rng.IntN(3) {
			after = versionEdits[rng.IntN(len(versionEdits))](rng, after)
		}
		a, _ := summarize([]byte(before), nil)
		b, _ := summarize([]byte(after), nil)
		want := verdictOf(a, b)
		if got := c.compare(gitobjects.Whole([]byte(before)), gitobjects.Whole([]byte(after))); got != want {
			t.Fatalf("compare(%q, %q) = %+v, want %+v", before, after, got, want)
		}
		seen[want]++
	}
	if len(seen) < 4 {
		t.Errorf("the edits gave only the verdicts %v: the test covers too little", seen)
	}
}

// TestPackedVersionsCompareAsTheirSummaries: a history whose versions
// are read in this process, packed as deltas of each other or loose,
// with the working tree's copy of a file as it was committed, edited
// since, or with other line endings, gives the dates and changes it
// gives when git reads the versions and they are summarized whole.
func TestPackedVersionsCompareAsTheirSummaries(t *testing.T) {
	for _, storage := range []string{"loose", "packed"} {
		t.Run(storage, func(t *testing.T) {
			r := newTestRepo(t)
			rng := rand.New(rand.NewPCG(11, 3))
			docs := map[string]string{}
			for i := range 12 {
				docs[filepath.ToSlash(filepath.Join("content/vi", string(rune('a'+i))+".md"))] = randomVersion(rng)
			}
			sitetest.WriteFiles(t, r.dir, docs)
			r.commit("2026-01-01T08:00:00Z", "Start the handbook")
			for n := range 30 {
				for name, doc := range docs {
					if rng.IntN(3) == 0 {
						docs[name] = versionEdits[rng.IntN(len(versionEdits))](rng, doc)
					}
				}
				sitetest.WriteFiles(t, r.dir, docs)
				r.commit("2026-01-"+string(rune('0'+(n+2)/10))+string(rune('0'+(n+2)%10))+"T08:00:00Z", "Edit the pages")
			}
			if storage == "packed" {
				r.git("repack", "-adfq", "--depth=10")
			}
			// Working trees a writer leaves: an edit not committed, a
			// file written with CRLF endings.
			sitetest.WriteFiles(t, r.dir, map[string]string{
				"content/vi/a.md": docs["content/vi/a.md"] + "\nNot committed.\n",
				"content/vi/b.md": strings.ReplaceAll(docs["content/vi/b.md"], "\n", "\r\n"),
			})
			dirs := []string{"content/vi"}
			got, err := Read(r.dir, dirs, 12, "")
			if err != nil {
				t.Fatal(err)
			}
			t.Setenv("GIT_REPLACE_REF_BASE", "refs/replace/") // every version read by git
			want, err := Read(r.dir, dirs, 12, "")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("compared in this process:\n%+v\nsummarized:\n%+v", got, want)
			}
			if len(want.Changes) < 30 {
				t.Errorf("%d changes: the history tests too little", len(want.Changes))
			}
		})
	}
}

// TestComparersReadTheWorkingTreeOnlyWhenItHoldsTheVersion: the file
// offered for a pair's newer version is used only when it holds that
// version; otherwise the version is read from the repository.
func TestComparersReadTheWorkingTreeOnlyWhenItHoldsTheVersion(t *testing.T) {
	r := newTestRepo(t)
	r.write("content/vi/a.md", page("A", "", "Một đoạn.\n"))
	r.commit("2026-01-01T08:00:00Z", "Start")
	r.write("content/vi/a.md", page("A", "", "Một  đoạn.\n"))
	r.commit("2026-02-01T08:00:00Z", "Reformat")
	r.git("repack", "-adfq")
	pair := versionPair{strings.TrimSpace(r.git("rev-parse", "HEAD~:content/vi/a.md")), strings.TrimSpace(r.git("rev-parse", "HEAD:content/vi/a.md"))}
	store := openObjects(r.dir, len(pair.new)/2)
	if store == nil {
		t.Fatal("no object store")
	}
	defer store.Close()
	for _, tree := range []string{page("A", "", "Một  đoạn.\n"), page("A", "", "Hai đoạn.\n")} {
		if err := os.WriteFile(filepath.Join(r.dir, "content/vi/a.md"), []byte(tree), 0o644); err != nil {
			t.Fatal(err)
		}
		c := versionComparer{root: r.dir}
		v, ok := c.compareRead(store.NewReader(1<<20), pairJob{pair, "content/vi/a.md"})
		if !ok || v != (pairVerdict{}) {
			t.Errorf("working tree %q: verdict %+v, %v; want no change, true", tree, v, ok)
		}
	}
}
