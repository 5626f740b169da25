package content

import "strconv"

// A large site's pages repeat the same few parameter names, the same
// tags, categories and keywords, and often the same whole lists, from
// page to page, and each page read makes copies of its own. Once the
// pages are read, they are shared: a site of 2×100,000 pages holds
// each once, not once a page. Strings and the parameters' values are
// never changed once read (no template function changes a list in
// place), so sharing them changes nothing a page says.

// texts are the shared copies: parameters' keys by their text; texts
// (a string in an any, so that a list or a page holds a pointer to one
// boxed copy, not a box of its own) by theirs; and lists of texts (the
// []any in an any) by their items, written out by listKey.
type texts struct {
	keys  map[string]string
	items map[string]any
	lists map[string]any
	// translationKeys are the pages' translation keys, which each
	// translation of a page writes again.
	translationKeys map[string]string
	// key is the space listKey writes a list's key in, reused.
	key []byte
}

// shareTexts makes the pages (nil ones skipped) share their translation
// keys, and their parameters their names, their texts, and their lists
// whose items are all texts.
func shareTexts(pages []*Page) {
	t := &texts{keys: map[string]string{}, items: map[string]any{}, lists: map[string]any{}, translationKeys: map[string]string{}}
	for _, p := range pages {
		if p == nil {
			continue
		}
		p.TranslationKey = shared(t.translationKeys, p.TranslationKey)
		if p.Params.fields == nil {
			continue
		}
		fields := *p.Params.fields
		for i := range fields {
			fields[i].key = t.sharedKey(fields[i].key)
			fields[i].value = t.value(fields[i].value)
		}
	}
}

// sharedKey is the shared copy of k.
func (t *texts) sharedKey(k string) string { return shared(t.keys, k) }

// shared is the copy of s in copies, where s becomes the copy when
// copies holds none.
func shared(copies map[string]string, s string) string {
	if c, ok := copies[s]; ok {
		return c
	}
	copies[s] = s
	return s
}

// value is the shared copy of v when it is a text or a list of texts,
// and v itself otherwise (a list of other values has its texts shared).
func (t *texts) value(v any) any {
	switch x := v.(type) {
	case string:
		return t.text(x, v)
	case []any:
		return t.list(x)
	}
	return v
}

// text is the shared boxed copy of s, whose box is boxed: the first
// box of a text read is the one shared.
func (t *texts) text(s string, boxed any) any {
	if shared, ok := t.items[s]; ok {
		return shared
	}
	t.items[s] = boxed
	return boxed
}

// list shares list's texts, and is the shared copy of list when all its
// items are texts and another page held the same before.
func (t *texts) list(list []any) any {
	allTexts := true
	for i, v := range list {
		if s, ok := v.(string); ok {
			list[i] = t.text(s, v)
		} else {
			allTexts = false
		}
	}
	if !allTexts {
		return list
	}
	t.key = listKey(t.key[:0], list)
	if shared, ok := t.lists[string(t.key)]; ok {
		return shared
	}
	var boxed any = list
	t.lists[string(t.key)] = boxed
	return boxed
}

// listKey appends to b a key of list, whose items are texts, that no
// other list has: each item's length, then the item.
func listKey(b []byte, list []any) []byte {
	for _, v := range list {
		s := v.(string)
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(append(b, ':'), s...)
	}
	return b
}
