package content

import (
	"fmt"
	"path"
	"strings"

	"github.com/gobwas/glob"
)

// cascadeEntry is one set of values a page's cascade hands down to
// itself and the pages below its folder that match its target.
type cascadeEntry struct {
	// The target's globs (Hugo's _target or target); nil matches all.
	path, kind, lang, environment glob.Glob
	build                         *buildOptions
	draft, headless               *bool
	// params are the other values, kept as parameters of the pages that
	// do not set them.
	params map[string]any
}

// environment is the build environment a cascade's target is matched
// against: the one Hugo builds a site for.
const environment = "production"

// parseCascade reads a cascade: one map or a list of maps.
func parseCascade(v any, line int) ([]cascadeEntry, error) {
	var maps []map[string]any
	switch v := v.(type) {
	case map[string]any:
		maps = append(maps, v)
	case []any:
		for _, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("must be a list of maps, but holds %s", describe(e))
			}
			maps = append(maps, m)
		}
	default:
		return nil, fmt.Errorf("must be a map or a list of maps, not %s", describe(v))
	}
	entries := make([]cascadeEntry, 0, len(maps))
	for _, m := range maps {
		e, err := parseCascadeEntry(m)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

func parseCascadeEntry(m map[string]any) (cascadeEntry, error) {
	e := cascadeEntry{params: map[string]any{}}
	for k, v := range m {
		var err error
		switch strings.ToLower(k) {
		case "_target", "target":
			err = e.parseTarget(v)
		case "build":
			var b buildOptions
			b, err = parseBuild(v)
			e.build = &b
		case "draft", "headless":
			b, ok := v.(bool)
			if !ok {
				err = fmt.Errorf("must be true or false, not %s", describe(v))
			} else if strings.EqualFold(k, "draft") {
				e.draft = &b
			} else {
				e.headless = &b
			}
		case "params":
			sub, ok := v.(map[string]any)
			if !ok {
				err = fmt.Errorf("must be a map, not %s", describe(v))
			}
			for pk, pv := range sub {
				e.params[pk] = pv
			}
		default:
			e.params[k] = v
		}
		if err != nil {
			return cascadeEntry{}, fmt.Errorf("%s %w", k, err)
		}
	}
	return e, nil
}

// parseTarget reads a target's globs: path, kind, lang and environment.
func (e *cascadeEntry) parseTarget(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("must be a map (path, kind, lang, environment), not %s", describe(v))
	}
	for k, val := range m {
		s, ok := val.(string)
		if !ok {
			return fmt.Errorf("%s must be text, not %s", k, describe(val))
		}
		g, err := glob.Compile(strings.ToLower(s), '/')
		if err != nil {
			return fmt.Errorf("%s %q is not a glob: %w", k, s, err)
		}
		switch strings.ToLower(k) {
		case "path":
			e.path = g
		case "kind":
			e.kind = g
		case "lang":
			e.lang = g
		case "environment":
			e.environment = g
		default:
			return fmt.Errorf("has no key %q (known: path, kind, lang, environment)", k)
		}
	}
	return nil
}

// matches reports whether the entry's target takes in p.
func (e *cascadeEntry) matches(p *Page) bool {
	return (e.path == nil || e.path.Match(hugoPath(p))) &&
		(e.kind == nil || e.kind.Match(hugoKind(p))) &&
		(e.lang == nil || e.lang.Match(strings.ToLower(p.Lang))) &&
		(e.environment == nil || e.environment.Match(environment))
}

// hugoPath is a page's path as Hugo's cascade targets name it: from the
// language's content folder, without extension, a bundle or section by
// its folder, in lower case ("/docs/install", "/" for the home).
func hugoPath(p *Page) string {
	rel := strings.TrimSuffix(p.RelPath, path.Ext(p.RelPath))
	if stem := pageStem(p.RelPath); stem == "index" || stem == "_index" {
		rel = path.Dir(rel)
	}
	if rel == "." {
		return "/"
	}
	return "/" + strings.ToLower(rel)
}

// hugoKind is a page's kind as Hugo names it.
func hugoKind(p *Page) string {
	switch {
	case p.IsHome:
		return "home"
	case p.IsSection:
		return "section"
	}
	return "page"
}

// applyCascades hands each section's cascade down to itself and the pages
// below its folder, in its language: a value the page sets itself, or a
// nearer section hands down, wins.
func applyCascades(pages []*Page) {
	sections := map[string]*Page{} // language and folder
	for _, p := range pages {
		if p.IsSection && len(p.hugoRead().cascade) > 0 {
			sections[p.Lang+"\x00"+path.Dir(p.RelPath)] = p
		}
	}
	if len(sections) == 0 {
		return
	}
	for _, p := range pages {
		for dir := path.Dir(p.RelPath); ; dir = path.Dir(dir) {
			if s := sections[p.Lang+"\x00"+dir]; s != nil {
				p.takeCascade(s.hugoOnly.cascade)
			}
			if dir == "." {
				break
			}
		}
	}
}

// takeCascade applies the values of the entries that match p and that p
// has no value for yet.
func (p *Page) takeCascade(entries []cascadeEntry) {
	for i := range entries {
		e := &entries[i]
		if !e.matches(p) {
			continue
		}
		if e.build != nil && !p.hugoRead().build.set {
			p.hugoOwn().build = *e.build
		}
		if e.draft != nil && !p.hugoRead().draftSet {
			p.Draft, p.hugoOwn().draftSet = *e.draft, true
		}
		if e.headless != nil && !p.hugoRead().headlessSet {
			h := p.hugoOwn()
			h.headless, h.headlessSet = *e.headless, true
		}
		for k, v := range e.params {
			if _, ok := p.Params.Lookup(k); !ok {
				p.Params.set(k, v)
			}
		}
	}
}
