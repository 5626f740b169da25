package content

import (
	"fmt"
	"path"
	"strings"
	"time"
)

// Hugo's front matter decides whether and where a page is published:
// publishDate and expiryDate, headless, the build options, and cascade,
// which hands values down to a section's pages. They are read on a Hugo
// site's pages only; on a handbook site they are plain parameters.

// hugoFields are what a Hugo page's front matter says of whether and
// where it is published, and what a cascade handed it. A page holds
// them apart (Page.hugoOnly), and only when it has any: a large site's
// pages mostly have none, and need not carry their room.
type hugoFields struct {
	publishDate, expiryDate time.Time
	// draftSet and headlessSet tell that the front matter sets draft
	// and headless, which a cascade then leaves as they are.
	draftSet, headlessSet bool
	headless              bool
	build                 buildOptions
	cascade               []cascadeEntry
	// ownURL is the page's whole URL from its url field, "" without
	// one; urlLine is the field's line.
	ownURL  string
	urlLine int
}

// hugoOwn is p's hugoFields to set: a new value, a copy of what p had,
// so that a copy of the page (the preview keeps each page as it was
// read, to compare with the file read again) keeps its fields as they
// were, as it did when they were the Page's own.
func (p *Page) hugoOwn() *hugoFields {
	h := p.hugoRead()
	p.hugoOnly = &h
	return p.hugoOnly
}

// hugoRead is p's hugoFields to read: the zero value when it has none.
func (p *Page) hugoRead() hugoFields {
	if p.hugoOnly == nil {
		return hugoFields{}
	}
	return *p.hugoOnly
}

// buildOpts are p's build options.
func (p *Page) buildOpts() buildOptions {
	if p.hugoOnly == nil {
		return buildOptions{}
	}
	return p.hugoOnly.build
}

// buildOptions are a page's build options (Hugo's build front matter).
// The zero value is Hugo's default: rendered, listed, its files
// published.
type buildOptions struct {
	// render is "" (always), "never" or "link": the page is not written.
	render string
	// list is "" (always), "local" or "never": the page is in no list.
	list string
	// noResources is true when the page's bundle's files are not
	// published (publishResources: false).
	noResources bool
	// set tells that the page's own front matter (or a cascade) chose
	// them, so that no cascade from further up changes them.
	set bool
}

// rendered reports whether the page is written.
func (b buildOptions) rendered() bool { return b.render == "" }

// unlisted reports whether the page is left out of its section's list.
func (b buildOptions) unlisted() bool { return b.list == "never" }

// parseBuild reads a build map: render, list and publishResources, each
// checked.
func parseBuild(v any) (buildOptions, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return buildOptions{}, fmt.Errorf("must be a map (render, list, publishResources), not %s", describe(v))
	}
	b := buildOptions{set: true}
	for k, val := range m {
		var err error
		switch strings.ToLower(k) {
		case "render":
			b.render, err = buildChoice(val, "always", "never", "link")
		case "list":
			b.list, err = buildChoice(val, "always", "never", "local")
		case "publishresources":
			keep, isBool := val.(bool)
			if !isBool {
				err = fmt.Errorf("must be true or false, not %s", describe(val))
			}
			b.noResources = !keep
		default:
			err = fmt.Errorf("has no option %q (known: render, list, publishResources)", k)
		}
		if err != nil {
			return buildOptions{}, fmt.Errorf("%s %w", k, err)
		}
	}
	return b, nil
}

// buildChoice reads one of choices (the first is the default, kept as
// ""), or a boolean as older Hugo versions wrote them.
func buildChoice(v any, choices ...string) (string, error) {
	switch v := v.(type) {
	case bool:
		if v {
			return "", nil
		}
		return "never", nil
	case string:
		s := strings.ToLower(strings.TrimSpace(v))
		for i, c := range choices {
			if s == c && i == 0 {
				return "", nil
			}
			if s == c {
				return s, nil
			}
		}
	}
	return "", fmt.Errorf("must be one of %s, not %s", strings.Join(choices, ", "), describe(v))
}

// applyHugoFields reads the fields by which Hugo decides whether a page
// is published.
func (p *Page) applyHugoFields(fm *frontMatter) []*FrontMatterError {
	var errs []*FrontMatterError
	fail := func(f field, key string, err error) {
		errs = append(errs, &FrontMatterError{f.line, fmt.Sprintf("%s %v", key, err)})
	}
	date := func(dst func() *time.Time, keys ...string) {
		for _, key := range keys {
			if f, ok := fm.take(key); ok {
				v, err := f.date()
				if err != nil {
					fail(f, key, err)
				} else if d := dst(); d.IsZero() {
					*d = v
				}
			}
		}
	}
	date(func() *time.Time { return &p.hugoOwn().publishDate }, "publishDate", "pubDate", "published")
	date(func() *time.Time { return &p.hugoOwn().expiryDate }, "expiryDate", "unpublishDate")
	if f, ok := fm.take("headless"); ok {
		h := p.hugoOwn()
		h.headlessSet = true
		var err error
		if h.headless, err = f.boolean(); err != nil {
			fail(f, "headless", err)
		}
	}
	if f, ok := fm.take("build"); ok {
		h := p.hugoOwn()
		var err error
		if h.build, err = parseBuild(f.value); err != nil {
			fail(f, "build", err)
		}
	}
	if f, ok := fm.take("cascade"); ok {
		h := p.hugoOwn()
		var err error
		if h.cascade, err = parseCascade(f.value, f.line); err != nil {
			fail(f, "cascade", err)
		}
	}
	return errs
}

// published reports whether a Hugo page is out at now: its publishDate
// (else its date, as Hugo reads it) is not in the future, and its
// expiryDate not past.
func (p *Page) published(now time.Time) bool {
	h := p.hugoRead()
	pub := h.publishDate
	if pub.IsZero() {
		pub = p.Date
	}
	if !pub.IsZero() && pub.After(now) {
		return false
	}
	return h.expiryDate.IsZero() || h.expiryDate.After(now)
}

// settle makes a Hugo page's publication fields what the later steps
// read: a page not yet or no longer published is a draft, left out
// unless drafts are asked for; a headless page is neither rendered nor
// listed, unless its build options say otherwise.
func (p *Page) settle(now time.Time) {
	if !p.published(now) {
		p.Draft = true
	}
	if h := p.hugoOnly; h != nil && h.headless && !h.build.set {
		h.build = buildOptions{render: "never", list: "never", set: true}
	}
}

// leaveOutUnrendered takes out of the set the pages whose build options
// say they are not rendered, and the files of the bundles whose options
// say their files are not published. A file belongs to the bundle or
// section of the nearest folder above it that has an index.md or
// _index.md.
func (s *Set) leaveOutUnrendered() {
	owners := map[string]*Page{}
	anySet := false
	for _, p := range s.Pages {
		if stem := pageStem(p.RelPath); stem == "index" || stem == "_index" {
			dir := path.Dir(p.RelPath)
			owners[p.Lang+"\x00"+dir] = p
			if _, ok := owners["\x00"+dir]; !ok {
				owners["\x00"+dir] = p
			}
		}
		anySet = anySet || p.buildOpts().set
	}
	if !anySet {
		return
	}
	kept := s.Pages[:0]
	for _, p := range s.Pages {
		if p.buildOpts().rendered() {
			kept = append(kept, p)
		}
	}
	clear(s.Pages[len(kept):])
	s.Pages = kept
	res := s.Resources[:0]
	for _, r := range s.Resources {
		if owner := nearestOwner(owners, r.Lang, r.rel); owner != nil && owner.buildOpts().noResources {
			delete(s.resources, r.URL)
			continue
		}
		res = append(res, r)
	}
	clear(s.Resources[len(res):])
	s.Resources = res
}

// nearestOwner is the bundle or section page of the nearest folder above
// the file rel of lang: the page of lang, else of the first language
// that has one there (a file a shared content folder gives every
// language belongs to the bundle its folder's page makes).
func nearestOwner(owners map[string]*Page, lang, rel string) *Page {
	for dir := path.Dir(rel); ; dir = path.Dir(dir) {
		if p := owners[lang+"\x00"+dir]; p != nil {
			return p
		}
		if p := owners["\x00"+dir]; p != nil {
			return p
		}
		if dir == "." {
			return nil
		}
	}
}
