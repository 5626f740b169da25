package shortcode

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"sync"

	"handbook/build/content"
	"handbook/build/diag"
)

// refIndex finds the page a ref or relref names, by Hugo's rules: a
// content path from the language's root ("/docs/install"), or relative
// to the page, with or without ".md", "_index.md" or "index.md", in any
// case; a name without a slash may also be a page's file name anywhere,
// when one page alone has it.
type refIndex struct {
	set    *content.Set
	once   sync.Once
	byLang map[string]refKeys
}

// refKeys are one language's pages by normalised content path and by
// file name (nil where two pages share one).
type refKeys struct{ byPath, byName map[string]*content.Page }

func newRefIndex(set *content.Set) *refIndex { return &refIndex{set: set} }

// keys indexes the pages the first time a ref is read: most sites have
// none.
func (r *refIndex) keys(lang string) refKeys {
	r.once.Do(func() {
		r.byLang = map[string]refKeys{}
		if r.set == nil {
			return
		}
		for _, l := range r.set.Langs {
			k := refKeys{byPath: map[string]*content.Page{}, byName: map[string]*content.Page{}}
			for _, p := range l.Pages {
				if p.RelPath == "" {
					continue
				}
				key := refKey(p.RelPath)
				k.byPath[key] = p
				name := path.Base(key)
				if _, taken := k.byName[name]; taken {
					k.byName[name] = nil
				} else {
					k.byName[name] = p
				}
			}
			r.byLang[l.Code] = k
		}
	})
	return r.byLang[lang]
}

// refKey is a content path as refs are compared: lowercase, without its
// extension and without a final index or _index.
func refKey(p string) string {
	p = strings.ToLower(path.Clean("/" + p))
	p = strings.TrimSuffix(p, path.Ext(p))
	p = strings.TrimSuffix(strings.TrimSuffix(p, "/_index"), "/index")
	return strings.Trim(p, "/")
}

// find is the page target names, from the page from. A target may name
// its language in its file name, as sites that translate by file name
// write it ("install.fr.md").
func (r *refIndex) find(lang string, from *content.Page, target string) *content.Page {
	k := r.keys(lang)
	if base, ok := strings.CutSuffix(target, ".md"); ok {
		target = strings.TrimSuffix(base, "."+lang) + ".md"
	}
	if !strings.HasPrefix(target, "/") {
		if p := k.byPath[refKey(path.Join(path.Dir(from.RelPath), target))]; p != nil {
			return p
		}
	}
	if p := k.byPath[refKey(target)]; p != nil {
		return p
	}
	if !strings.Contains(strings.Trim(target, "/"), "/") {
		return k.byName[refKey(target)]
	}
	return nil
}

// ref writes the destination a ref or relref names as a path the
// Markdown stage's links resolve and check: the page's source file from
// the language's root, with the anchor. A ref to no page is a broken link
// at its line.
func (e *expansion) ref(n *node) string {
	a := n.open.args
	target := a.get("path", 0)
	lang := a.get("lang", 1)
	if lang == "" || e.x.opts.Set == nil || e.x.opts.Set.Lang(lang) == nil {
		lang = e.page.Lang
	}
	pagePath, anchor, _ := strings.Cut(target, "#")
	if anchor != "" {
		anchor = "#" + anchor
	}
	if pagePath == "" {
		return anchor
	}
	p := e.x.refs.find(lang, e.page, pagePath)
	if p == nil {
		e.diags.Add(diag.Diagnostic{File: e.page.File, Line: e.line(n.open.start), Code: diag.CodeBrokenLink,
			Message: fmt.Sprintf("broken %s %q: no such page in %s", n.open.name, target, lang)})
		return target
	}
	dest := p.URL
	if strings.HasSuffix(p.RelPath, ".md") {
		dest = "/" + p.RelPath
		if lang != e.page.Lang {
			dest = "/" + lang + dest
		}
	}
	return escapeDestination(dest) + anchor
}

// escapeDestination writes a path so that it reads as one link
// destination in Markdown: no spaces or parentheses.
func escapeDestination(p string) string {
	s := (&url.URL{Path: p}).EscapedPath()
	return strings.NewReplacer("(", "%28", ")", "%29").Replace(s)
}

// param writes a parameter of the page's front matter ("x" or "a.b"),
// else the site's of that name, as Hugo's .Page.Param looks, or nothing,
// with a warning, when neither has it.
func (e *expansion) param(n *node) string {
	name := n.open.args.get("name", 0)
	if v, ok := lookupParam(e.page.Params.Map(), name); ok {
		return fmt.Sprint(v)
	}
	if v, ok := lookupParam(e.siteParams(), name); ok {
		return fmt.Sprint(v)
	}
	e.diags.Warnf(e.page.File, e.line(n.open.start), "shortcode param: neither the page nor the site has a parameter %q", name)
	return ""
}

// siteParams are the site's params in the page's language, never nil.
func (e *expansion) siteParams() map[string]any {
	if e.x.opts.SiteParams != nil {
		if p := e.x.opts.SiteParams(e.page.Lang); p != nil {
			return p
		}
	}
	return map[string]any{}
}

// lookupParam finds a dotted key in params, ignoring case as Hugo does.
func lookupParam(params map[string]any, key string) (any, bool) {
	var v any = params
	for part := range strings.SplitSeq(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		v, ok = m[part]
		if !ok {
			found := false
			for k, x := range m {
				if strings.EqualFold(k, part) {
					v, found = x, true
					break
				}
			}
			if !found {
				return nil, false
			}
		}
	}
	return v, key != ""
}
