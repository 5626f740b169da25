package check

import (
	"reflect"
	"testing"
)

func TestWordDiffKeepsWordsWhole(t *testing.T) {
	got := WordDiff("Khách hàng là trung tâm.", "Khách hàng luôn là trọng tâm!")
	want := []Word{
		{Same, "Khách hàng "}, {Inserted, "luôn "}, {Same, "là "},
		{Deleted, "trung"}, {Inserted, "trọng"}, {Same, " tâm"}, {Deleted, "."}, {Inserted, "!"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("WordDiff:\n got %+v\nwant %+v", got, want)
	}
}

func TestParagraphsSplitAtBlankLinesAndHeadings(t *testing.T) {
	body := "\n## Một\nĐoạn một,\ndòng hai.\n\n```\ncode\n\nmore code\n```\n\n- a\n- b\n"
	got := Paragraphs(body, 4)
	want := []Paragraph{
		{"## Một", 5, true}, {"Đoạn một,\ndòng hai.", 6, false},
		{"```\ncode\n\nmore code\n```", 9, false}, {"- a\n- b", 15, false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs:\n got %+v\nwant %+v", got, want)
	}
}

func TestDiffParagraphsPairsARemovedWithAnAdded(t *testing.T) {
	old := Paragraphs("A one.\n\nB two.\n\nC three.\n", 1)
	new := Paragraphs("A one.\n\nB 2.\n\nC three.\n\nD four.\n", 1)
	var changes []Change
	for _, c := range DiffParagraphs(old, new) {
		changes = append(changes, c.Change)
	}
	if want := []Change{Unchanged, Changed, Unchanged, Added}; !reflect.DeepEqual(changes, want) {
		t.Errorf("changes %v, want %v", changes, want)
	}
}

// TestDiffParagraphsPairsTheRewrittenParagraph: of two paragraphs
// removed and two added, the one rewritten is paired with its new text,
// not with the paragraph beside it.
func TestDiffParagraphsPairsTheRewrittenParagraph(t *testing.T) {
	old := Paragraphs("Kept.\n\nGone for good.\n\nThe team decides fast.\n", 1)
	new := Paragraphs("Kept.\n\nThe team decides fast, then writes it down.\n\nA new idea.\n", 1)
	var got []string
	for _, c := range DiffParagraphs(old, new) {
		s := []string{"unchanged", "changed", "added", "removed"}[c.Change]
		if c.Old != nil {
			s += " " + c.Old.Text
		}
		if c.New != nil {
			s += " → " + c.New.Text
		}
		got = append(got, s)
	}
	want := []string{"unchanged Kept. → Kept.", "removed Gone for good.", "changed The team decides fast. → The team decides fast, then writes it down.", "added → A new idea."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes:\n%q\nwant\n%q", got, want)
	}
}
