package config

import (
	"reflect"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlKey is a key a TOML file sets, as a path from the document's root
// (a table's name is a key too), with the line it is written on.
type tomlKey struct {
	path []string
	line int
}

// tomlKeys lists the keys data sets, in the order they are written. It
// returns nil when data is not valid TOML: decoding it reports why.
func tomlKeys(data []byte) []tomlKey {
	var p unstable.Parser
	p.Reset(data)
	var keys []tomlKey
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyPath(nil, e.Key())
			keys = append(keys, tomlKey{path: table, line: lineOf(&p, e.Key())})
		case unstable.KeyValue:
			keys = appendKeyValue(&p, keys, table, e)
		}
	}
	if p.Error() != nil {
		return nil
	}
	return keys
}

// appendKeyValue adds the key of a key/value expression under table, and
// the keys of an inline table it holds.
func appendKeyValue(p *unstable.Parser, keys []tomlKey, table []string, kv *unstable.Node) []tomlKey {
	path := keyPath(table, kv.Key())
	keys = append(keys, tomlKey{path: path, line: lineOf(p, kv.Key())})
	if v := kv.Value(); v.Kind == unstable.InlineTable {
		it := v.Children()
		for it.Next() {
			if n := it.Node(); n.Kind == unstable.KeyValue {
				keys = appendKeyValue(p, keys, path, n)
			}
		}
	}
	return keys
}

// keyPath appends the parts of a dotted key to prefix, in a new slice.
func keyPath(prefix []string, it unstable.Iterator) []string {
	path := append([]string(nil), prefix...)
	for it.Next() {
		path = append(path, string(it.Node().Data))
	}
	return path
}

// lineOf is the line of a key's first part.
func lineOf(p *unstable.Parser, it unstable.Iterator) int {
	if !it.Next() {
		return 0
	}
	return p.Shape(it.Node().Raw).Start.Line
}

// keyLines maps each key of keys, written in file, joined with dots and in lower case, to
// the first line it is written on. Lower case serves Hugo's files, whose
// keys are case-insensitive; a handbook.toml has had its keys checked
// exactly before its lines are looked up.
func keyLines(file string, keys []tomlKey) lineMap {
	lines := lineMap{}
	for _, k := range keys {
		name := strings.ToLower(strings.Join(k.path, "."))
		if _, ok := lines[name]; !ok {
			lines[name] = keyPos{file, k.line}
		}
	}
	return lines
}

// unknownKey returns the first part of path that t, a struct mirroring
// the file, does not have under exactly that name, with the name t has
// that the writer probably meant ("" when none is close). A map stands
// for keys the writer names (languages' codes); ok is true when every
// part is known.
func unknownKey(t reflect.Type, path []string) (depth int, hint string, ok bool) {
	for i, part := range path {
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, found := fieldByTag(t, part)
			if !found {
				return i, closestTag(t, part), false
			}
			t = f.Type
		default:
			return i, "", false
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	return 0, "", true
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if f := t.Field(i); tagName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	return name
}

// closestTag is the key of t that name misspells: the same but for case,
// or at most two letters apart.
func closestTag(t reflect.Type, name string) string {
	best, bestDist := "", 3
	for i := range t.NumField() {
		tag := tagName(t.Field(i))
		if strings.EqualFold(tag, name) {
			return tag
		}
		if d := editDistance(strings.ToLower(tag), strings.ToLower(name)); d < bestDist {
			best, bestDist = tag, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
