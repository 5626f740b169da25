package content

// A large site's pages repeat the same few parameter names and the same
// tags, categories and keywords from page to page, and each page read
// makes copies of its own. Once the pages are read, texts are shared:
// a site of 2×100,000 pages holds each once, not once a page. Strings
// and the parameters' values are never changed once read, so sharing
// them changes nothing a page says.

// texts are the shared copies: keys by their text, and list items (a
// string in an any, so that a list holds a pointer to one copy, not a
// copy of its own) by theirs.
type texts struct {
	keys  map[string]string
	items map[string]any
}

// shareTexts makes the parameters of pages (nil ones skipped) share
// their names and the texts of their lists.
func shareTexts(pages []*Page) {
	t := texts{keys: map[string]string{}, items: map[string]any{}}
	for _, p := range pages {
		if p == nil || p.Params.fields == nil {
			continue
		}
		fields := *p.Params.fields
		for i := range fields {
			fields[i].key = t.key(fields[i].key)
			if list, ok := fields[i].value.([]any); ok {
				t.shareItems(list)
			}
		}
	}
}

// key is the shared copy of k.
func (t texts) key(k string) string {
	if s, ok := t.keys[k]; ok {
		return s
	}
	t.keys[k] = k
	return k
}

// shareItems replaces each text of list with its shared copy.
func (t texts) shareItems(list []any) {
	for i, v := range list {
		s, ok := v.(string)
		if !ok {
			continue
		}
		if shared, ok := t.items[s]; ok {
			list[i] = shared
		} else {
			t.items[s] = v
		}
	}
}
