package tokenize

import "unicode/utf8"

// eachReference is Each as it was before its runs of letters were
// passed over in a loop of their own: one rune at a time, each decoded
// and classified by the general functions. The tests hold Each to it.
func eachReference(text string, read ReadWord, emit func(Token)) {
	joined := false // the next token may pair with the previous one
	broken := true  // something other than spaces came since the last token
	start := -1     // where the current word starts
	cjk := -1       // where the current run of CJK characters starts
	last := -1      // where the run's last character starts
	flush := func(end int) {
		if start < 0 {
			return
		}
		word, exact := read(text[start:end])
		start = -1
		if word == "" {
			return // only marks, with no letter to carry them
		}
		emit(Token{Word: word, Exact: exact, Joined: joined && !broken})
		joined, broken = true, false
	}
	// endCJK emits the last pair of a CJK run, or its one character, and
	// breaks pairs across it: the pairs of Vietnamese syllables never
	// take in a CJK token.
	endCJK := func(end int) {
		if cjk < 0 {
			return
		}
		if last == cjk {
			emitCJK(text[cjk:end], read, emit)
		}
		cjk, last, broken, joined = -1, -1, true, false
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r >= 0x1100 && IsCJK(r) {
			flush(i)
			if cjk < 0 {
				cjk = i
			} else {
				emitCJK(text[last:i+size], read, emit)
			}
			last = i
			i += size
			continue
		}
		if cjk >= 0 {
			endCJK(i)
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0 && wordRuneAt(text, i+size):
			if elisions[Lower(text[start:i])] {
				start = -1
			} else {
				flush(i)
			}
		case IsSpace(r):
			flush(i)
		default:
			flush(i)
			broken = true
		}
		i += size
	}
	endCJK(len(text))
	flush(len(text))
}

// emitCJK emits one pair (or the lone character) of a CJK run.
func emitCJK(pair string, read ReadWord, emit func(Token)) {
	word, exact := read(pair)
	if word != "" {
		emit(Token{Word: word, Exact: exact})
	}
}
