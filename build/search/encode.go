package search

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"handbook/build/output"
)

// shardEncoder writes shards and posting files, encoding their JSON by
// hand: they hold millions of numbers, which encoding/json would reach
// through reflection one by one. The output is what encoding/json makes
// of Shard and Postings. One goroutine uses one encoder, reusing its
// buffers from shard to shard.
type shardEncoder struct {
	li *langIndex
	// lengths are the documents' relativeLength, by number.
	lengths []float64
	w       output.Writer
	shard   []byte
	file    []byte
	// gz is reused to compress each file into. It is a buffer of its
	// own, not a field: the pooled gzip writer that last wrote into it
	// keeps it alive, and must not keep the encoder and its index too.
	gz *bytes.Buffer
	// postings and raw are reused to read a term's spilled postings.
	postings []posting
	raw      []byte
}

// write encodes one shard, and the posting files of its frequent terms.
func (e *shardEncoder) write(sc *shardContent) error {
	b := append(e.shard[:0], '{')
	if len(sc.syn) > 0 {
		syn, err := json.Marshal(sc.syn)
		if err != nil {
			return fmt.Errorf("synonyms: %w", err)
		}
		b = append(append(append(b, `"syn":`...), syn...), ',')
	}
	if len(sc.words) > 0 {
		b = append(b, `"words":{`...)
		for i, word := range sc.words {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, word)
			b = append(b, ':')
			b = appendString(b, e.li.words[word])
		}
		b = append(b, "},"...)
	}
	b = append(b, `"terms":{`...)
	for i, st := range sc.terms {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = e.appendTerm(b, st.key, st.t); err != nil {
			return err
		}
	}
	b = append(b, "}}"...)
	e.shard = b
	return e.writeGzip(Dir+"/"+e.li.lang+"/"+sc.dir+"/"+sc.name+".json.gz", b)
}

// appendTerm appends a term's entry; a frequent term's postings go to a
// file of their own.
func (e *shardEncoder) appendTerm(b []byte, key string, t *term) ([]byte, error) {
	postings, err := e.postingsOf(t)
	if err != nil {
		return b, err
	}
	forms, numbers := t.prepare(postings)
	b = appendString(b, key)
	b = append(b, `:{"df":`...)
	b = strconv.AppendInt(b, int64(len(postings)), 10)
	if len(forms) > 0 {
		b = append(b, `,"forms":[`...)
		for i, f := range forms {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, f)
		}
		b = append(b, ']')
	}
	if t.hasPairFile {
		b = append(b, `,"pairs":true`...)
	}
	if len(postings) <= maxInline {
		b = append(b, ',')
		b = e.appendPostings(b, postings, len(t.forms) > 1, numbers)
		return append(b, '}'), nil
	}
	file := "t/" + hex.EncodeToString([]byte(key)) + PostingFileExt
	b = append(b, `,"file":`...)
	b = appendString(b, file)
	p := e.appendPostingFile(e.file[:0], postings, len(t.forms) > 1, numbers)
	e.file = p
	return append(b, '}'), e.writeGzip(Dir+"/"+e.li.lang+"/"+file, p)
}

// postingsOf returns the postings of t, read back from disk when the
// language spilled them.
func (e *shardEncoder) postingsOf(t *term) ([]posting, error) {
	if e.li.spill == nil {
		return t.postings, nil
	}
	var err error
	e.postings, e.raw, err = e.li.spill.postings(t.slot, t.df, e.postings, e.raw)
	return e.postings, err
}

// appendPostings appends the docs, scores and masks fields of Postings.
func (e *shardEncoder) appendPostings(b []byte, postings []posting, masks bool, numbers formNumbers) []byte {
	b = append(b, `"docs":[`...)
	prev := int32(0)
	for i, p := range postings {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(p.doc-prev), 10)
		prev = p.doc
	}
	b = append(b, `],"scores":[`...)
	for i, p := range postings {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(e.score(p)), 10)
	}
	b = append(b, ']')
	if masks {
		b = append(b, `,"masks":[`...)
		for i, p := range postings {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendUint(b, uint64(numbers.bits(p)), 10)
		}
		b = append(b, ']')
	}
	return b
}

// score is a posting's term-frequency part of BM25, scaled to 1..100,
// plus LeadScore when the page's title or statement has the term.
func (e *shardEncoder) score(p posting) int {
	s := scaleTF(float64(p.tf&^leadTF)/4, e.lengths[p.doc])
	if p.tf&leadTF != 0 {
		s |= LeadScore
	}
	return s
}

// appendDoc appends a document file's JSON, as encoding/json writes Doc.
func appendDoc(b []byte, d Doc) []byte {
	b = appendDocHead(b, d)
	b = appendString(b, d.Text)
	return append(b, '}')
}

// appendDocHead appends a document file's JSON up to its text's value.
func appendDocHead(b []byte, d Doc) []byte {
	b = append(b, `{"url":`...)
	b = appendString(b, d.URL)
	b = append(b, `,"title":`...)
	b = appendString(b, d.Title)
	if d.Kind != "" {
		b = append(b, `,"kind":`...)
		b = appendString(b, d.Kind)
	}
	b = append(b, `,"lang":`...)
	b = appendString(b, d.Lang)
	b = append(b, `,"key":`...)
	b = appendString(b, d.Key)
	return append(b, `,"text":`...)
}

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendStringBody(b, s)
	return append(b, '"')
}

// appendStringBody appends s escaped as in a JSON string, without the
// quotes. Valid UTF-8, which is nearly all of it, is copied in runs
// between the few bytes that need an escape, in one pass: a page's text
// is megabytes in all.
func appendStringBody(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return appendEscaped(b, s)
	}
	b = slices.Grow(b, len(s))
	from := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			// U+2028 and U+2029, E2 80 A8 and E2 80 A9, are the only
			// characters beyond ASCII encoding/json escapes.
			if c != 0xe2 || i+2 >= len(s) || s[i+1] != 0x80 || s[i+2]&^1 != 0xa8 {
				continue
			}
			b = append(b, s[from:i]...)
			b = append(b, `\u202`...)
			b = append(b, '8'+s[i+2]-0xa8)
			i += 2
		case jsonPlain(c):
			continue
		default:
			b = append(b, s[from:i]...)
			b = appendASCIIEscape(b, c)
		}
		from = i + 1
	}
	return append(b, s[from:]...)
}

// jsonPlain says whether encoding/json writes the ASCII byte c as it is:
// neither a control character, a quote, a backslash nor an HTML one.
func jsonPlain(c byte) bool {
	return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
}

// appendASCIIEscape appends the escape of an ASCII byte that needs one.
func appendASCIIEscape(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
}

// appendEscaped escapes a string that is not valid UTF-8 as encoding/json
// does, each invalid byte as U+FFFD, without the quotes.
func appendEscaped(b []byte, s string) []byte {
	b = slices.Grow(b, len(s))
	from := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain(c) {
				i++
				continue
			}
			b = append(b, s[from:i]...)
			b = appendASCIIEscape(b, c)
			i++
			from = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || size != 1) && r != '\u2028' && r != '\u2029' {
			i += size
			continue
		}
		b = append(b, s[from:i]...)
		if r == utf8.RuneError {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, `\u202`...)
			b = append(b, byte('0'+r-'\u2020'))
		}
		i += size
		from = i
	}
	return append(b, s[from:]...)
}
