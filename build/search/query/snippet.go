package query

import (
	"handbook/build/search/tokenize"
	"strings"
	"unicode/utf8"
)

// editDistance is the Damerau–Levenshtein distance between a and b (with
// adjacent transpositions), counting in runes; it stops early and returns
// limit+1 once the distance is known to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], limit+1)
}

// snippetOf picks about width runes of text around the first place where
// the query's words occur (compared folded), on word boundaries, with
// "…" where it cuts. Without a match it is the start of the text.
func snippetOf(text, query string, width int) string {
	text = strings.Join(strings.Fields(text), " ")
	words := map[string]bool{}
	var prefix string
	toks := tokenize.Tokenize(query)
	for i, t := range toks {
		words[t.Word] = true
		if i == len(toks)-1 {
			prefix = t.Word
		}
	}
	start := 0
	pos := 0
	for _, field := range strings.Fields(text) {
		for _, t := range tokenize.Tokenize(field) {
			if words[t.Word] || (prefix != "" && strings.HasPrefix(t.Word, prefix)) {
				start = pos + cjkOffset(field, t)
				goto found
			}
		}
		pos += len(field) + 1
	}
found:
	runes := []rune(text)
	from := utf8.RuneCountInString(text[:start]) - width/3
	from = max(0, from)
	to := min(len(runes), from+width)
	// Text is cut between words, or at any CJK character: Japanese and
	// Chinese run a paragraph without a space.
	for from > 0 && runes[from-1] != ' ' && !tokenize.IsCJK(runes[from]) {
		from--
	}
	for to < len(runes) && runes[to] != ' ' && !tokenize.IsCJK(runes[to-1]) {
		to++
	}
	out := string(runes[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(runes) {
		out += "…"
	}
	return out
}

// cjkOffset is where in field a matching CJK token starts: a field of
// Japanese or Chinese may be a whole paragraph, so the snippet goes to
// the word, not to the field. 0 for other tokens.
func cjkOffset(field string, t tokenize.Token) int {
	r, _ := utf8.DecodeRuneInString(t.Exact)
	if !tokenize.IsCJK(r) {
		return 0
	}
	return max(0, strings.Index(field, t.Exact))
}
