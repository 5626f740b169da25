package content

import (
	"fmt"
	"slices"
	"strings"
)

// Params are the front-matter fields of a page that the handbook does
// not know, for templates (Hugo's .Params) and the param shortcode. A
// site holds them for every page from reading to the end of its build,
// and most pages have one or two, so they are a list sorted by key, not
// a map: a map of one field takes 336 bytes, the list 56. Map makes the
// map a template reads. The zero value has no fields. A Params is never
// changed once a page is read: set makes a new list.
type Params struct {
	fields *[]paramField
}

// paramField is one field of a Params.
type paramField struct {
	key   string
	value any
}

// paramsOf makes the Params of fields, whose keys differ, which it sorts.
func paramsOf(fields []paramField) Params {
	if len(fields) == 0 {
		return Params{}
	}
	slices.SortFunc(fields, func(a, b paramField) int { return strings.Compare(a.key, b.key) })
	return Params{fields: &fields}
}

// ParamsOf makes the Params of the fields of m.
func ParamsOf(m map[string]any) Params {
	var ps Params
	for k, v := range m {
		ps.set(k, v)
	}
	return ps
}

// Len is the number of fields.
func (ps Params) Len() int {
	if ps.fields == nil {
		return 0
	}
	return len(*ps.fields)
}

// Lookup is the value of the field key, and whether there is one.
func (ps Params) Lookup(key string) (any, bool) {
	if ps.fields == nil {
		return nil, false
	}
	i, found := ps.find(key)
	if !found {
		return nil, false
	}
	return (*ps.fields)[i].value, true
}

// Get is the value of the field key, nil when there is none.
func (ps Params) Get(key string) any {
	v, _ := ps.Lookup(key)
	return v
}

// Map is the fields as a new map, never nil, which the caller may keep
// and change.
func (ps Params) Map() map[string]any {
	m := make(map[string]any, ps.Len())
	if ps.fields != nil {
		for _, f := range *ps.fields {
			m[f.key] = f.value
		}
	}
	return m
}

// String shows the fields as a map does, for messages and tests.
func (ps Params) String() string { return fmt.Sprint(ps.Map()) }

// find is where key is, or would be, in the sorted fields.
func (ps Params) find(key string) (int, bool) {
	return slices.BinarySearchFunc(*ps.fields, key, func(f paramField, key string) int { return strings.Compare(f.key, key) })
}

// set gives the field key the value v, in a new list: the one held
// before may be another page's, or read by a template.
func (ps *Params) set(key string, v any) {
	var fields []paramField
	at, found := 0, false
	if ps.fields != nil {
		at, found = ps.find(key)
		fields = make([]paramField, len(*ps.fields), len(*ps.fields)+1)
		copy(fields, *ps.fields)
	}
	if found {
		fields[at].value = v
	} else {
		fields = slices.Insert(fields, at, paramField{key, v})
	}
	ps.fields = &fields
}
