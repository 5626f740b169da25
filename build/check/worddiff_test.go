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
