package markdown_test

import (
	"reflect"
	"strings"
	"testing"

	"handbook/build/config"
)

// TestHeadingIDCollisions checks the ids of repeated headings against
// ids written by hand and headings whose own id looks like a repeat's.
func TestHeadingIDCollisions(t *testing.T) {
	f := newFixture(t, siteFiles(), config.Overrides{})
	tests := []struct {
		name, body string
		want       []string
	}{
		{"repeats", "## A\n## A\n## A\n", []string{"a", "a-1", "a-2"}},
		{"hand-written id first", "## B {#a-1}\n## A\n## A\n## A\n", []string{"a-1", "a", "a-2", "a-3"}},
		{"hand-written id between repeats", "## A\n## A\n## B {#a-2}\n## A\n", []string{"a", "a-1", "a-2", "a-3"}},
		{"heading named like a repeat", "## A\n## A 1\n## A\n", []string{"a", "a-1", "a-2"}},
		{"repeat of a heading named like a repeat", "## A\n## A\n## A 1\n## A\n## A 1\n",
			[]string{"a", "a-1", "a-1-1", "a-2", "a-1-2"}},
		{"no letters", "## !!!\n## ???\n## Section\n", []string{"section", "section-1", "section-2"}},
		{"many repeats", strings.Repeat("## A\n", 12), []string{"a", "a-1", "a-2", "a-3", "a-4", "a-5",
			"a-6", "a-7", "a-8", "a-9", "a-10", "a-11"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, r, diags := f.convert(t, "vi", tc.body)
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			var ids []string
			for _, h := range r.TOC {
				ids = append(ids, h.ID)
			}
			if !reflect.DeepEqual(ids, tc.want) {
				t.Errorf("ids = %v, want %v", ids, tc.want)
			}
			for _, id := range tc.want {
				if !r.Anchors.Has(id) {
					t.Errorf("Anchors lacks %q", id)
				}
			}
		})
	}
}
