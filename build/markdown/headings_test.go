package markdown

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestHeadingIDsMatchFirstFreeSuffix checks the counters against the
// plain rule they speed up: a repeated heading takes the smallest suffix
// not yet taken, whether by a generated id or one written by hand.
func TestHeadingIDsMatchFirstFreeSuffix(t *testing.T) {
	texts := []string{"A", "A 1", "A 2", "A-1-1", "B", "!!!", "Section 1", "a 10"}
	handIDs := []string{"a", "a-1", "a-3", "a-1-1", "b-2", "section-1", "a-10"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		got := newHeadingIDs()
		want := map[string]bool{}
		for step := 0; step < 60; step++ {
			if rng.IntN(4) == 0 {
				id := handIDs[rng.IntN(len(handIDs))]
				got.Put([]byte(id))
				want[id] = true
				continue
			}
			text := texts[rng.IntN(len(texts))]
			id := string(got.Generate([]byte(text), 0))
			if w := firstFree(want, text); id != w {
				t.Fatalf("round %d step %d: %q got id %q, want %q", round, step, text, id, w)
			}
			want[id] = true
		}
	}
}

// firstFree is the id the n-th repeat of a heading had before the
// counters: its base, or the base with the first suffix not in used.
func firstFree(used map[string]bool, text string) string {
	ids := newHeadingIDs()
	base := string(ids.Generate([]byte(text), 0))
	id := base
	for i := 1; used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	return id
}

// TestStripMarkupMatchesRepeatedRemoval checks the one pass against the
// rule it follows: remove the first "](" and what follows up to the next
// ")" for as long as the text left has one.
func TestStripMarkupMatchesRepeatedRemoval(t *testing.T) {
	const alphabet = "](a)"
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 20000; round++ {
		b := make([]byte, rng.IntN(16))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if got, want := stripMarkup(s), removeRepeatedly(s); got != want {
			t.Fatalf("stripMarkup(%q) = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]string{
		"See [the letter](../letters/2016.md)": "See [the letter",
		"]](a)(b)":                             "",
		"[a](b) and [c](d":                     "[a and [c](d",
		"no links":                             "no links",
	} {
		if got := stripMarkup(s); got != want {
			t.Errorf("stripMarkup(%q) = %q, want %q", s, got, want)
		}
	}
}

// removeRepeatedly is stripMarkup as first written: it searches the text
// left from its start after every removal.
func removeRepeatedly(s string) string {
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}
