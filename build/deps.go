package build

import (
	"sort"

	"handbook/build/content"
)

// Dependents returns the pages whose output shows something of p and must
// be rendered again when p changes: p itself; its translations (their
// language switchers); its section and neighbours (lists,
// previous/next); every page of the language when p is in the navigation
// (the home, a top-level section); the pages related to it (a
// principle's quotes show on the principle, and the principle's name on
// the quote); and the pages that link to it.
//
// It is what lets the preview server re-render only what an edit touches.
func (s *Site) Dependents(p *content.Page) []*content.Page {
	seen := map[*content.Page]bool{}
	add := func(ps ...*content.Page) {
		for _, q := range ps {
			if q != nil {
				seen[q] = true
			}
		}
	}
	add(p, p.Parent, p.Prev, p.Next, p.Letter)
	add(p.Translations...)
	add(p.Principles...)
	add(p.Quotes...)
	add(p.Stories...)
	add(p.Exercises...)
	if p.IsSection {
		add(p.Children...)
		if p.IsHome || p.Parent != nil && p.Parent.IsHome {
			// Top-level sections are in every page's navigation.
			add(s.Pages.Lang(p.Lang).Pages...)
		}
	}
	for _, q := range s.Pages.Pages {
		for _, t := range q.LinksTo {
			if t == p {
				add(q)
				break
			}
		}
	}
	out := make([]*content.Page, 0, len(seen))
	for q := range seen {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
