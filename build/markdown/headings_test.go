package markdown

import (
	"math/rand/v2"
	"strconv"
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
