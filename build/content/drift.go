package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"strings"
)

// A translation records which version of its original it was made from:
// its sourceHash field holds the original's TextHash at the time. When the
// original's text changes, the two differ and the translation is out of
// date until a translator updates it and stamps it again.

// textHashLen is how many hex digits of the SHA-256 a TextHash keeps:
// enough that two versions of one page never collide, short enough to
// read in a diff.
const textHashLen = 12

// textHash hashes what a translator translates: the title, description,
// statement, quote text and body. Line endings and the blank lines around
// the body do not count, so re-saving a file on another system does not
// make its translations out of date.
func (p *Page) textHash(body []byte) string {
	h := sha256.New()
	for _, s := range []string{p.Title, p.Description, p.Statement, p.Text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	body = bytes.TrimSpace(body)
	if bytes.IndexByte(body, '\r') >= 0 {
		body = bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n"))
	}
	h.Write(body)
	// Only the digits kept are made: a slice of all 64 would hold
	// their 64 bytes for as long as the page lives.
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:textHashLen/2])
}

// Outdated reports whether the page is a stamped translation whose
// original has changed since.
func (p *Page) Outdated() bool {
	return p.Original != nil && p.SourceHash != "" && p.SourceHash != p.Original.TextHash
}

// linkOriginals gives every translation the page of the default language
// it translates. A section the default language did not write (no
// _index.md) is no original: there is no text to translate.
func linkOriginals(set *Set, defaultLang string) {
	for _, p := range set.Pages {
		p.Original = nil
		if p.Lang == defaultLang {
			continue
		}
		for _, t := range p.Translations {
			if t.Lang == defaultLang && t.File != "" {
				p.Original = t
			}
		}
	}
}

// sourceHashKey is the front-matter field of a translation's stamp.
const sourceHashKey = "sourceHash"

// Stamp returns a page file's bytes with its sourceHash field set to hash
// and every other byte as it was: the field's line is replaced where it is
// written, or a line is added after the front matter's last top-level
// key (a file without front matter gets a YAML block). The result is read
// back, and an error is returned rather than a file whose other fields
// would read differently.
func Stamp(data []byte, hash string) ([]byte, error) {
	if hasLoneCR(data) {
		return stampLoneCR(data, hash)
	}
	bom := []byte("\xef\xbb\xbf")
	hasBOM := bytes.HasPrefix(data, bom)
	src := bytes.TrimPrefix(data, bom)
	nl := "\n"
	if first, _, _ := cutLine(src); bytes.HasSuffix(first, []byte("\r")) {
		nl = "\r\n"
	}
	format, fm, _, _, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	if format == "" {
		if err := frontMatterBelowTop(src); err != nil {
			return nil, err
		}
	}
	var out []byte
	if format == "" {
		out = append([]byte("---"+nl+sourceHashKey+": "+yamlQuote(hash)+nl+"---"+nl), src...)
	} else {
		// The front matter starts on the line after the delimiter.
		_, rest, _ := cutLine(src)
		start := len(src) - len(rest)
		edited := setField(format, fm, hash, nl)
		out = append(append(append([]byte{}, src[:start]...), edited...), src[start+len(fm):]...)
		if err := sameFields(format, fm, edited, hash); err != nil {
			return nil, err
		}
	}
	if hasBOM {
		out = append(append([]byte{}, bom...), out...)
	}
	return out, nil
}

// stampLoneCR stamps a file whose lines end in a CR alone (old Mac):
// stamped with LF endings, its endings are then turned back, so that the
// file keeps its own. A file that mixes them is refused: there is no
// telling which ending the new line should have.
func stampLoneCR(data []byte, hash string) ([]byte, error) {
	if bytes.IndexByte(data, '\n') >= 0 {
		return nil, &FrontMatterError{1, "the file mixes line endings (CR alone, and LF): save it with one kind before stamping it"}
	}
	out, err := Stamp(bytes.ReplaceAll(data, []byte("\r"), []byte("\n")), hash)
	if err != nil {
		return nil, err
	}
	return bytes.ReplaceAll(out, []byte("\n"), []byte("\r")), nil
}

// frontMatterBelowTop returns an error when a file without front matter
// has a front-matter delimiter after blank lines at its top: its front
// matter is read as body, and a stamp there would add a second block
// above it.
func frontMatterBelowTop(src []byte) error {
	line := 1
	for len(src) > 0 {
		l, rest, _ := cutLine(src)
		t := strings.TrimSpace(string(l))
		if t == "---" || t == "+++" {
			if line == 1 {
				return nil
			}
			return &FrontMatterError{line, "front matter must start on the first line of the file: remove the blank lines above its " + t}
		}
		if t != "" {
			return nil
		}
		src, line = rest, line+1
	}
	return nil
}

// setField writes the sourceHash line into front matter fm.
func setField(format string, fm []byte, hash, nl string) []byte {
	line := sourceHashKey + ": " + yamlQuote(hash)
	sep := byte(':')
	if format == "toml" {
		line, sep = sourceHashKey+" = "+yamlQuote(hash), '='
	}
	lines := strings.SplitAfter(string(fm), "\n")
	for key, i := range keyLines(fm, sep) {
		if strings.EqualFold(key, sourceHashKey) {
			ending := lines[i][len(strings.TrimRight(lines[i], "\r\n")):]
			if ending == "" {
				ending = nl
			}
			lines[i] = line + ending
			return []byte(strings.Join(lines, ""))
		}
	}
	// A TOML key after a [table] header would belong to the table: the
	// line goes before the first one.
	at := len(lines)
	if format == "toml" {
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "[") {
				at = i
				break
			}
		}
	}
	if at == len(lines) && len(lines) > 0 && lines[len(lines)-1] == "" {
		at-- // SplitAfter leaves an empty string after the last newline
	}
	if at > 0 && !strings.HasSuffix(lines[at-1], "\n") {
		lines[at-1] += nl
	}
	out := append(append(append([]string{}, lines[:at]...), line+nl), lines[at:]...)
	return []byte(strings.Join(out, ""))
}

// yamlQuote quotes a hash so that neither YAML nor TOML reads it as a
// number (a hash may be all digits).
func yamlQuote(s string) string { return `"` + s + `"` }

// sameFields checks that edited front matter reads as before, except for
// a sourceHash equal to hash.
func sameFields(format string, before, after []byte, hash string) error {
	old, err := parseFrontMatter(format, before, 1)
	if err != nil {
		return err
	}
	updated, err := parseFrontMatter(format, after, 1)
	if err == nil {
		f, _ := updated.take(sourceHashKey)
		old.take(sourceHashKey)
		if v, _ := f.value.(string); v != hash || !sameValues(old, updated) {
			err = fmt.Errorf("the front matter would read differently")
		}
	}
	if err != nil {
		return fmt.Errorf("cannot add %s to this front matter (%w): add %s: %q by hand", sourceHashKey, err, sourceHashKey, hash)
	}
	return nil
}

func sameValues(a, b *frontMatter) bool {
	if len(a.fields) != len(b.fields) {
		return false
	}
	for k, f := range a.fields {
		if g, ok := b.fields[k]; !ok || !reflect.DeepEqual(f.value, g.value) {
			return false
		}
	}
	return true
}
