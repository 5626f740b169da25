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
// each other where they share most of their words, in order (a
// paragraph rewritten beside one removed is paired with its new text,
// not with its neighbour); the rest were removed or added.
func pairUp(removed, added []Paragraph) []BodyChange {
	pairs := matchSimilar(removed, added)
	var out []BodyChange
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(removed), len(added)}) {
		for ; i < p[0]; i++ {
			out = append(out, BodyChange{Change: Removed, Old: &removed[i]})
		}
		for ; j < p[1]; j++ {
			out = append(out, BodyChange{Change: Added, New: &added[j]})
		}
		if i < len(removed) && j < len(added) {
			out = append(out, BodyChange{Change: Changed, Old: &removed[i], New: &added[j],
				Words: WordDiff(removed[i].Text, added[j].Text)})
			i, j = i+1, j+1
		}
	}
	return out
}

// maxPairing bounds the paragraphs removed times added that are
// compared two by two; above it (a page rewritten whole) they are paired
// in order.
const maxPairing = 2500

// matchSimilar chooses which removed and added paragraphs are versions
// of each other: the pairs, in order on both sides, whose shares of
// common words add up the most, each pair sharing at least half its
// words.
func matchSimilar(removed, added []Paragraph) [][2]int {
	n, m := len(removed), len(added)
	if n == 0 || m == 0 {
		return nil
	}
	if n*m > maxPairing {
		pairs := make([][2]int, min(n, m))
		for k := range pairs {
			pairs[k] = [2]int{k, k}
		}
		return pairs
	}
	// best[i][j] is the best total over removed[i:] and added[j:].
	best := make([][]float64, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
	}
	sim := make([][]float64, n)
	for i := n - 1; i >= 0; i-- {
		sim[i] = make([]float64, m)
		for j := m - 1; j >= 0; j-- {
			sim[i][j] = similarity(removed[i].Text, added[j].Text)
			b := max(best[i+1][j], best[i][j+1])
			if sim[i][j] >= 0.5 {
				b = max(b, best[i+1][j+1]+sim[i][j])
			}
			best[i][j] = b
		}
	}
	var pairs [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case sim[i][j] >= 0.5 && best[i][j] == best[i+1][j+1]+sim[i][j]:
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case best[i][j] == best[i+1][j]:
			i++
		default:
			j++
		}
	}
	return pairs
}

// similarity is the share of words two texts have in common (Dice's
// coefficient over their words, spaces and marks left out).
func similarity(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa)+len(wb) == 0 {
		return 1
	}
	common := 0
	for w, n := range wa {
		common += min(n, wb[w])
	}
	return 2 * float64(common) / float64(total(wa)+total(wb))
}

func words(s string) map[string]int {
	out := map[string]int{}
	for _, t := range tokens(s) {
		if charClass([]rune(t)[0]) == classWord {
			out[t]++
		}
	}
	return out
}

func total(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

func texts(ps []Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}
