package preview

import (
	"slices"

	"handbook/build/content"
	"handbook/build/render"
)

// readLog is what each page's last rendering read of the site's pages,
// as its templates recorded it: the preview renders a page again when
// something it read changes, whatever the theme shows.
type readLog struct {
	reads map[*content.Page][]pageRead
	// bodyReaders are, for each page, the pages that read its body,
	// kept apart so that an edit of a body finds them without going
	// through every page's reads.
	bodyReaders map[*content.Page]map[*content.Page]bool
}

// pageRead is one page a rendering read, and what of it.
type pageRead struct {
	page *content.Page
	what render.Read
}

func newReadLog() *readLog {
	return &readLog{reads: map[*content.Page][]pageRead{}, bodyReaders: map[*content.Page]map[*content.Page]bool{}}
}

// set records what p's rendering read, replacing what it read before.
func (log *readLog) set(p *content.Page, reads render.Reads) {
	log.forget(p)
	out := make([]pageRead, 0, len(reads))
	for q, what := range reads {
		out = append(out, pageRead{q, what})
		if what&render.ReadBody != 0 {
			if log.bodyReaders[q] == nil {
				log.bodyReaders[q] = map[*content.Page]bool{}
			}
			log.bodyReaders[q][p] = true
		}
	}
	log.reads[p] = out
}

// forget drops what p's rendering read: p is gone, or read again.
func (log *readLog) forget(p *content.Page) {
	for _, r := range log.reads[p] {
		if r.what&render.ReadBody != 0 {
			delete(log.bodyReaders[r.page], p)
		}
	}
	delete(log.reads, p)
}

// readers returns the pages whose last rendering read something changed
// says changed: for each changed page, what of it changed.
func (log *readLog) readers(changed map[*content.Page]render.Read) []*content.Page {
	if len(changed) == 0 {
		return nil
	}
	var out []*content.Page
	for p, reads := range log.reads {
		for _, r := range reads {
			if changed[r.page]&r.what != 0 {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// bodyReadersOf returns the pages whose last rendering read the body of
// one of pages.
func (log *readLog) bodyReadersOf(pages []*content.Page) []*content.Page {
	seen := map[*content.Page]bool{}
	var out []*content.Page
	for _, p := range pages {
		for q := range log.bodyReaders[p] {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// links is what ties a page to others, as Link left it: compared before
// and after the set is linked again, it tells which pages an edit moved.
type links struct {
	id                                        int
	parent, prev, next, letter, original      *content.Page
	translations, principles, quotes, stories []*content.Page
	exercises, children                       []*content.Page
}

func linksOf(p *content.Page) links {
	return links{
		id: p.ID, parent: p.Parent, prev: p.Prev, next: p.Next, letter: p.Letter(), original: p.Original,
		translations: slices.Clone(p.Translations), principles: slices.Clone(p.Principles()),
		quotes: slices.Clone(p.Quotes()), stories: slices.Clone(p.Stories()),
		exercises: slices.Clone(p.Exercises()), children: slices.Clone(p.Children),
	}
}

// changeFrom says what of p differs from its links before: its list of
// pages, the rest, both or nothing.
func (before links) changeFrom(p *content.Page) render.Read {
	var what render.Read
	if !slices.Equal(before.children, p.Children) {
		what |= render.ReadChildren
	}
	if before.id != p.ID || before.parent != p.Parent || before.prev != p.Prev || before.next != p.Next ||
		before.letter != p.Letter() || before.original != p.Original ||
		!slices.Equal(before.translations, p.Translations) || !slices.Equal(before.principles, p.Principles()) ||
		!slices.Equal(before.quotes, p.Quotes()) || !slices.Equal(before.stories, p.Stories()) ||
		!slices.Equal(before.exercises, p.Exercises()) {
		what |= render.ReadMeta
	}
	return what
}
