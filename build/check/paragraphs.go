package check

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Paragraph is one block of a page's body as the writer wrote it: a
// paragraph, a heading, a list, a fenced code block; Line is the line of
// the page's file it starts on.
type Paragraph struct {
	Text    string
	Line    int
	Heading bool
}

// Paragraphs splits a page's body into its blocks: lines separated by
// blank lines, a heading always a block of its own, a fenced code block
// one block whatever blank lines it holds. firstLine is the line of the
// file the body starts on.
func Paragraphs(body string, firstLine int) []Paragraph {
	var out []Paragraph
	var cur []string
	start, fence := 0, ""
	flush := func() {
		if len(cur) > 0 {
			out = append(out, Paragraph{Text: strings.Join(cur, "\n"), Line: firstLine + start})
			cur = nil
		}
	}
	for i, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
		case trimmed == "":
			flush()
			continue
		case strings.HasPrefix(trimmed, "#"):
			flush()
			out = append(out, Paragraph{Text: line, Line: firstLine + i, Heading: true})
			continue
		}
		if len(cur) == 0 {
			start = i
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// Change says how a paragraph of the original changed since the stamp.
type Change int

// The changes of a paragraph.
const (
	Unchanged Change = iota
	Changed
	Added
	Removed
)

// BodyChange is one paragraph of the original, then (at the stamp) and
// now: Old is nil when it was added, New when it was removed. Words is
// the word diff of a changed paragraph.
type BodyChange struct {
	Change   Change
	Old, New *Paragraph
	Words    []Word
}

// DiffParagraphs compares two bodies paragraph by paragraph, in the
// order of the text: a paragraph removed where another was added is a
// changed paragraph, shown word by word.
func DiffParagraphs(old, new []Paragraph) []BodyChange {
	var table tokenTable
	ops := table.diff(texts(old), texts(new))
	var out []BodyChange
	i, j := 0, 0
	for k := 0; k < len(ops); k++ {
		if ops[k].Type == diffmatchpatch.DiffEqual {
			for range len([]rune(ops[k].Text)) {
				out = append(out, BodyChange{Change: Unchanged, Old: &old[i], New: &new[j]})
				i, j = i+1, j+1
			}
			continue
		}
		// A run of deletions and insertions between two equal runs.
		removed, added := 0, 0
		for ; k < len(ops) && ops[k].Type != diffmatchpatch.DiffEqual; k++ {
			if ops[k].Type == diffmatchpatch.DiffDelete {
				removed += len([]rune(ops[k].Text))
			} else {
				added += len([]rune(ops[k].Text))
			}
		}
		k--
		out = append(out, pairUp(old[i:i+removed], new[j:j+added])...)
		i, j = i+removed, j+added
	}
	return out
}

// pairUp makes the paragraphs removed and added at one place changes of
// each other, in order; the rest were removed or added.
func pairUp(removed, added []Paragraph) []BodyChange {
	var out []BodyChange
	for k := range max(len(removed), len(added)) {
		switch {
		case k < len(removed) && k < len(added):
			out = append(out, BodyChange{Change: Changed, Old: &removed[k], New: &added[k],
				Words: WordDiff(removed[k].Text, added[k].Text)})
		case k < len(removed):
			out = append(out, BodyChange{Change: Removed, Old: &removed[k]})
		default:
			out = append(out, BodyChange{Change: Added, New: &added[k]})
		}
	}
	return out
}

func texts(ps []Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}
