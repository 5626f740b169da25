package search

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"handbook/build/diag"
	"handbook/build/search/tokenize"
)

// SynonymDir is the folder of a site's synonym files, one per language:
// data/synonyms/vi.toml, data/synonyms/fr.toml.
const SynonymDir = "data/synonyms"

// Synonyms are the groups of words and phrases a site's writers say a
// reader may mean by one another, by language. A query word or phrase
// of a group also matches the pages with the others, at a discount.
type Synonyms struct {
	groups map[string][]SynonymGroup
}

// SynonymGroup is one group of a synonym file: its words and phrases as
// written, and where it stands, for the warnings about it.
type SynonymGroup struct {
	File    string
	Line    int
	Members []string
}

// synonymFile mirrors a synonym file.
type synonymFile struct {
	Groups [][]string `toml:"groups"`
}

// LoadSynonyms reads the synonym files of langs under root; a language
// without one has no synonyms. What is wrong with a file is reported
// into diags, as an error, and the file is left out.
func LoadSynonyms(root string, langs []string, diags *diag.List) *Synonyms {
	syn := &Synonyms{groups: map[string][]SynonymGroup{}}
	for _, lang := range langs {
		name := SynonymDir + "/" + lang + ".toml"
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			diags.Errorf(name, 0, "reading synonyms: %v", err)
			continue
		}
		if groups, ok := parseSynonyms(name, data, diags); ok {
			syn.groups[lang] = groups
		}
	}
	return syn
}

// parseSynonyms reads one synonym file: groups, an array of groups of
// two words or phrases or more.
func parseSynonyms(name string, data []byte, diags *diag.List) ([]SynonymGroup, bool) {
	var f synonymFile
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var strict *toml.StrictMissingError
		var de *toml.DecodeError
		switch {
		case errors.As(err, &strict):
			for _, e := range strict.Errors {
				row, _ := e.Position()
				diags.Errorf(name, row, "unknown key %q: a synonym file has groups = [[\"word\", \"other word\"], …]", strings.Join(e.Key(), "."))
			}
		case errors.As(err, &de):
			row, _ := de.Position()
			diags.Errorf(name, row, "%s", de.Error())
		default:
			diags.Errorf(name, 0, "%v", err)
		}
		return nil, false
	}
	var out []SynonymGroup
	ok := true
	for _, members := range f.Groups {
		line := lineOf(data, members)
		if len(members) < 2 {
			diags.Errorf(name, line, "a synonym group needs two words or phrases or more, not %d", len(members))
			ok = false
			continue
		}
		for _, m := range members {
			if len(tokenize.Tokenize(m)) == 0 {
				diags.Errorf(name, line, "synonym %q has no word", m)
				ok = false
			}
		}
		out = append(out, SynonymGroup{File: name, Line: line, Members: members})
	}
	return out, ok
}

// lineOf is the line of a group's first member, written as a TOML
// string, or 0.
func lineOf(data []byte, members []string) int {
	if len(members) == 0 {
		return 0
	}
	at := bytes.Index(data, []byte(strconv.Quote(members[0])))
	if at < 0 {
		return 0
	}
	return bytes.Count(data[:at], []byte("\n")) + 1
}

// Groups are the synonym groups of lang.
func (s *Synonyms) Groups(lang string) []SynonymGroup {
	if s == nil {
		return nil
	}
	return s.groups[lang]
}

// SynonymKey is how a word of a query and a word of a synonym compare:
// folded, and in French without the final s or x of a plural.
func SynonymKey(lang, word string) string {
	if lang == "fr" && utf8.RuneCountInString(word) > 3 && (strings.HasSuffix(word, "s") || strings.HasSuffix(word, "x")) {
		return word[:len(word)-1]
	}
	return word
}

// SynEntry is a synonym phrase of the index: the words that make it
// (P), as SynonymKey makes them, the index terms of the phrase (S) and
// those of each other phrase of its group (A); a Vietnamese phrase of
// several syllables as its pairs.
type SynEntry struct {
	P []string   `json:"p"`
	S []string   `json:"s,omitempty"`
	A [][]string `json:"a"`
}

// SynonymMiss is a group of a synonym file none of whose words and
// phrases a page has: it can find nothing.
type SynonymMiss struct {
	File, Lang string
	Line       int
	Members    []string
}

// SetSynonyms gives the index the synonyms its shards carry for queries.
func (idx *Index) SetSynonyms(syn *Synonyms) {
	for lang, li := range idx.langs {
		li.synonyms = syn.Groups(lang)
	}
}

// MissingSynonyms lists the groups of lang's synonyms none of whose
// words and phrases any of texts (the pages' text) has, its words in a
// row (French stop words aside, French words by their stem), in the order
// of the file.
func (s *Synonyms) MissingSynonyms(lang string, texts []string) []SynonymMiss {
	groups := s.Groups(lang)
	if len(groups) == 0 {
		return nil
	}
	type phrase struct {
		keys  []string
		group int
	}
	byFirst := map[string][]*phrase{}
	for i, g := range groups {
		for _, m := range g.Members {
			p := &phrase{keys: textKeys(lang, m), group: i}
			if len(p.keys) > 0 {
				byFirst[p.keys[0]] = append(byFirst[p.keys[0]], p)
			}
		}
	}
	found := make([]bool, len(groups))
	for _, text := range texts {
		keys := textKeys(lang, text)
		for i, k := range keys {
			for _, p := range byFirst[k] {
				if !found[p.group] && i+len(p.keys) <= len(keys) && slices.Equal(keys[i:i+len(p.keys)], p.keys) {
					found[p.group] = true
				}
			}
		}
	}
	var out []SynonymMiss
	for i, g := range groups {
		if !found[i] {
			out = append(out, SynonymMiss{File: g.File, Lang: lang, Line: g.Line, Members: g.Members})
		}
	}
	return out
}

// textKeys are the index's keys of the words of text, stop words left out.
func textKeys(lang, text string) []string {
	var keys []string
	for _, t := range tokenize.Tokenize(text) {
		if !tokenize.IsStopWord(lang, t.Exact) {
			keys = append(keys, tokenize.Stem(lang, t))
		}
	}
	return keys
}

// MissingSynonyms lists, once Write has run, the synonym groups none of
// whose words and phrases the index has terms for (a Vietnamese phrase:
// pairs of its adjacent syllables), in the order of the files.
func (idx *Index) MissingSynonyms() []SynonymMiss {
	var out []SynonymMiss
	for _, lang := range sortedKeys(idx.langs) {
		li := idx.langs[lang]
		for _, g := range li.synonyms {
			if !slices.ContainsFunc(g.Members, func(m string) bool { return li.synUnits(m) != nil }) {
				out = append(out, SynonymMiss{File: g.File, Lang: lang, Line: g.Line, Members: g.Members})
			}
		}
	}
	return out
}

// synEntries resolves the synonyms to the index's terms, once gather has
// made them, and files each phrase under its first word. A phrase no page
// has matches nothing.
func (li *langIndex) synEntries() map[string][]SynEntry {
	if len(li.synonyms) == 0 {
		return nil
	}
	out := map[string][]SynEntry{}
	for _, g := range li.synonyms {
		units := make([][]string, len(g.Members))
		for i, m := range g.Members {
			units[i] = li.synUnits(m)
		}
		for i, m := range g.Members {
			var e SynEntry
			for _, t := range tokenize.Tokenize(m) {
				e.P = append(e.P, SynonymKey(li.lang, t.Word))
			}
			// The phrase itself too: typed in another form (a plural), it
			// finds its own pages through it, at no discount.
			for j := range g.Members {
				switch {
				case units[j] == nil:
				case j == i:
					e.S = units[j]
				default:
					e.A = append(e.A, units[j])
				}
			}
			if len(e.A) > 0 {
				out[e.P[0]] = append(out[e.P[0]], e)
			}
		}
	}
	return out
}

// synUnits are the index terms a page with a synonym phrase has: its
// words' terms, or, for Vietnamese syllables, the pairs of adjacent ones;
// nil when the index lacks one.
func (li *langIndex) synUnits(phrase string) []string {
	var keys []string
	for _, t := range tokenize.Tokenize(phrase) {
		if tokenize.IsStopWord(li.lang, t.Exact) {
			continue
		}
		key := li.termOf(t)
		if key == "" {
			return nil
		}
		keys = append(keys, key)
	}
	if li.lang != "vi" || len(keys) < 2 {
		return keys
	}
	var pairs []string
	for i := 1; i < len(keys); i++ {
		pair := keys[i-1] + " " + keys[i]
		if t := li.terms[pair]; t == nil || t.df == 0 {
			return nil
		}
		pairs = append(pairs, pair)
	}
	return pairs
}

// termOf is the key of the term a word of a synonym has in the index,
// or "".
func (li *langIndex) termOf(t tokenize.Token) string {
	for _, key := range []string{li.words[t.Word], t.Word, tokenize.Stem(li.lang, t)} {
		if tm := li.terms[key]; key != "" && tm != nil && tm.df > 0 {
			return key
		}
	}
	return ""
}
