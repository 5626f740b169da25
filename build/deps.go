package build

import (
	"sort"

	"handbook/build/content"
)

// Dependents returns the pages whose output shows something of p and must
// be rendered again when p changes: p itself; its translations (their
// language switchers); its section and neighbours (lists,
// previous/next) and its section's section (which counts the section's
// pages); every page of the language when p is in the navigation
// (the home, a top-level section), and every page below a section (its
// title is in their breadcrumbs); the pages related to it (a principle's
// quotes show on the principle, and the principle's name on the quote);
// and the pages that link to it.
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
	if p.Parent != nil {
		// A section shows how many pages its subsections have (the
		// home's cards).
		add(p.Parent.Parent)
	}
	add(p.Translations...)
	add(p.Principles...)
	add(p.Quotes...)
	add(p.Stories...)
	add(p.Exercises...)
	if p.IsSection {
		if p.IsHome || p.Parent != nil && p.Parent.IsHome {
			// Top-level sections are in every page's navigation.
			add(s.Pages.Lang(p.Lang).Pages...)
		} else {
			// A section's title is in the breadcrumbs of every page
			// below it, not only of its children.
			addTree(p.Children, add)
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

// addTree adds pages and, for each section among them, every page below.
func addTree(pages []*content.Page, add func(...*content.Page)) {
	for _, c := range pages {
		add(c)
		if c.IsSection {
			addTree(c.Children, add)
		}
	}
}
