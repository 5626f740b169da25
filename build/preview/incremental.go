package preview

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"handbook/build/content"
	"handbook/build/diag"
	"handbook/build/internal/files"
	"handbook/build/markdown"
	"handbook/build/render"
)

// Update tells what an update of a Live site did.
type Update struct {
	// Pages is how many pages were rendered again.
	Pages int
	// Edited is the URL of the first page whose file was written, for a
	// browser that follows the writer; "" when only pages were removed.
	Edited string
	// Changed reports whether the output changed: it does not when
	// every page rendered has errors and keeps its last good version.
	Changed bool
}

// UpdateContent brings the site up to date after the files or folders at
// paths (absolute, under the languages' content folders) were written,
// created or removed. Only those files are read again.
//
// An edit that leaves a page's front matter as it was changes its body
// alone: the page is converted and rendered again, then the pages whose
// templates read its body (its translations, whose notes compare their
// text with it), and nothing is linked again. Any other change links
// the set again and renders the pages whose last rendering read
// something of a page that changed: its front matter, its ties to other
// pages or its list of pages, as the templates recorded. A resource
// (an image beside the pages) added or removed asks for a full build:
// NeedsFullBuild(err) is then true.
func (l *Live) UpdateContent(paths []string) (Update, error) {
	l.changed = false
	plan, err := l.readChanges(paths)
	if err != nil {
		return Update{}, err
	}
	var u Update
	if plan.bodiesOnly() {
		u = l.updateBodies(plan)
	} else {
		u, err = l.updateStructure(plan)
	}
	l.flushHeld()
	l.flushPrint()
	l.publishPrint()
	u.Changed = l.changed
	return u, err
}

// contentPlan is what an update found on disk.
type contentPlan struct {
	edits   []edit
	removed []*content.Page
}

// edit is a page file read again.
type edit struct {
	old      *content.Page // nil for a new page
	fresh    *content.Page
	body     []byte // fresh's Markdown
	bodyOnly bool
}

func (c *contentPlan) bodiesOnly() bool {
	if len(c.removed) > 0 {
		return false
	}
	for _, e := range c.edits {
		if !e.bodyOnly {
			return false
		}
	}
	return true
}

// readChanges reads the page files at or under paths, and finds the
// pages whose file is gone.
func (l *Live) readChanges(paths []string) (*contentPlan, error) {
	cfg, set := l.Site.Config, l.Site.Pages
	plan := &contentPlan{}
	done := map[string]bool{}
	gone := map[*content.Page]bool{}
	for _, abs := range paths {
		lang, rel, ok := content.Locate(cfg, abs)
		if !ok {
			continue
		}
		// What of a draft's folder is private is decided over the whole
		// folder, and a page becoming a draft takes its folder along.
		if set.TouchesDraft(lang, rel) || l.becomesDraft(lang, rel) {
			return nil, errNeedsFullBuild
		}
		fi, err := os.Stat(abs)
		switch {
		case err == nil && fi.IsDir():
			pages, resources, err := content.Sources(cfg, lang, rel)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			for _, r := range resources {
				if !set.ResourceURL("/" + lang + "/" + r) {
					return nil, errNeedsFullBuild
				}
			}
			for _, p := range pages {
				l.readOne(plan, lang, p, done, gone)
			}
		case err == nil && strings.HasSuffix(rel, ".md"):
			l.readOne(plan, lang, rel, done, gone)
		case err == nil:
			u := "/" + lang + "/" + rel
			// A file that is no longer a regular one (a named pipe would
			// block the copy) is left to the full build, which reports it.
			if !set.ResourceURL(u) || files.CheckRegular(abs, cfg.FileSizeLimit()) != nil {
				return nil, errNeedsFullBuild
			}
			if err := l.out.CopyFile(strings.TrimPrefix(u, "/"), abs); err != nil {
				return nil, err
			}
			l.changed = true
		default:
			if set.HasResourceUnder(lang, rel) {
				return nil, errNeedsFullBuild
			}
			l.forgetFiles(l.fileOf(lang, rel))
			if p := set.Lang(lang).ByRelPath(rel); p != nil && p.File != "" {
				gone[p] = true
			}
			for _, p := range set.PagesUnder(lang, rel) {
				gone[p] = true
			}
		}
	}
	for p := range gone {
		plan.removed = append(plan.removed, p)
	}
	sort.Slice(plan.removed, func(i, j int) bool { return plan.removed[i].ID < plan.removed[j].ID })
	return plan, nil
}

// becomesDraft reports whether rel is the page of a bundle or a section
// (index.md, _index.md) that is now a draft left out, whose folder then
// stays out with it.
func (l *Live) becomesDraft(lang, rel string) bool {
	base := path.Base(rel)
	if l.Site.Config.Drafts || rel == "_index.md" || base != "index.md" && base != "_index.md" {
		return false
	}
	var ignored diag.List // readOne reports them
	p, _, _ := content.ReadPage(l.Site.Config, lang, rel, &ignored)
	return p != nil && p.Draft
}

// readOne reads one page file again into the plan.
func (l *Live) readOne(plan *contentPlan, lang, rel string, done map[string]bool, gone map[*content.Page]bool) {
	if done[lang+"/"+rel] {
		return
	}
	done[lang+"/"+rel] = true
	cfg := l.Site.Config
	var list diag.List
	fresh, body, exists := content.ReadPage(cfg, lang, rel, &list)
	file := l.fileOf(lang, rel)
	l.diags.setRead(file, list.Take())
	old := l.Site.Pages.Lang(lang).ByRelPath(rel)
	switch {
	case fresh == nil && exists:
		// The file does not read: its last good version stays, and the
		// diagnostics say why.
	case fresh == nil || fresh.Draft && !cfg.Drafts:
		if old != nil && old.File != "" {
			gone[old] = true
		}
	default:
		rec, known := l.read[file]
		same := old != nil && old.File != "" && known && reflect.DeepEqual(rec, withoutBody(*fresh))
		plan.edits = append(plan.edits, edit{old: old, fresh: fresh, body: body, bodyOnly: same})
	}
}

// fileOf is the site-relative file of a path in a language's folder.
func (l *Live) fileOf(lang, rel string) string {
	lc, _ := l.Site.Config.Language(lang)
	return filepath.ToSlash(filepath.Join(filepath.FromSlash(lc.ContentDir), filepath.FromSlash(rel)))
}

// forgetFiles drops what is known of the files at or under file, which
// are gone: the diagnostics of files that never read.
func (l *Live) forgetFiles(file string) {
	for f := range l.diags.read {
		if f == file || strings.HasPrefix(f, file+"/") {
			l.diags.setRead(f, nil)
		}
	}
}

// updateBodies applies edits that changed pages' bodies alone: it
// converts and renders the edited pages, then renders the pages whose
// templates read their bodies, once the bodies are converted.
func (l *Live) updateBodies(plan *contentPlan) Update {
	var (
		pages   []*content.Page
		changed = map[*content.Page]render.Read{}
		anchors = map[*content.Page]markdown.Anchors{}
	)
	for _, e := range plan.edits {
		p := e.old
		l.Site.Pages.PutBody(p, e.fresh, e.body)
		changed[p], anchors[p] = render.ReadBody, l.anchorsOf(p)
		pages = append(pages, p)
	}
	results := l.renderPages(pages, func(*content.Page) bool { return true })
	var readers []*content.Page
	for _, q := range l.reads.bodyReadersOf(pages) {
		if changed[q] == 0 {
			readers = append(readers, q)
		}
	}
	sort.Slice(readers, func(i, j int) bool { return readers[i].ID < readers[j].ID })
	results = append(results, l.renderPages(readers, func(*content.Page) bool { return false })...)
	pages = append(pages, readers...)
	l.keep(pages, results)
	check := slices.Clone(pages)
	moved := map[*content.Page]bool{}
	for p, before := range anchors {
		if !slices.Equal(before, l.anchorsOf(p)) {
			moved[p] = true
		}
	}
	check = append(check, l.linkersOf(moved)...)
	l.checkAnchors(check)
	for i, p := range pages {
		l.write(p, results[i], l)
	}
	u := Update{Pages: len(pages)}
	if len(plan.edits) > 0 {
		u.Edited = plan.edits[0].old.URL
	}
	return u
}

// linkersOf returns the pages whose body links to one of targets.
func (l *Live) linkersOf(targets map[*content.Page]bool) []*content.Page {
	if len(targets) == 0 {
		return nil
	}
	var out []*content.Page
	for _, q := range l.Site.Pages.Pages {
		r := l.Site.Result(q)
		if r == nil {
			continue
		}
		for _, t := range r.LinksTo {
			if targets[t] {
				out = append(out, q)
				break
			}
		}
	}
	return out
}

// structural is what an update that links the set again must redo.
type structural struct {
	// before are the pages' ties as they were; changed says what
	// changed of each page an update changed.
	before    map[*content.Page]links
	changed   map[*content.Page]render.Read
	affected  map[*content.Page]bool // to render again
	reconvert map[*content.Page]bool // to convert again
	stale     map[string]bool        // output files that may have lost their page
	oldURL    map[*content.Page]string
}

// updateStructure applies edits that may change how pages are tied
// together: it links the set again and renders every page that shows
// something of a changed page, as it was and as it is.
func (l *Live) updateStructure(plan *contentPlan) (Update, error) {
	s := l.Site
	st := &structural{
		before:    make(map[*content.Page]links, len(s.Pages.Pages)),
		changed:   map[*content.Page]render.Read{},
		affected:  map[*content.Page]bool{},
		reconvert: map[*content.Page]bool{},
		stale:     map[string]bool{},
		oldURL:    map[*content.Page]string{},
	}
	l.noteBefore(plan, st)
	sitemap := len(plan.removed) > 0 || movesInSitemap(plan)
	put := l.applyPlan(plan)
	var list diag.List
	made, dropped := content.Relink(s.Pages, s.Config, &list)
	l.diags.setLink(list.Take())
	l.noteAfter(put, made, dropped, len(plan.removed) > 0, st)
	l.noteReaders(st)
	sitemap = sitemap || len(made) > 0 || len(dropped) > 0
	n, err := l.renderAffected(st, put)
	if err != nil {
		return Update{}, err
	}
	l.removeStale(st.stale)
	l.refreshPrint()
	u := Update{Pages: n}
	if len(put) > 0 {
		u.Edited = put[0].URL
	}
	return u, l.writeListings(sitemap)
}

// renderAffected renders the pages an update reaches, converting those
// it must, and checks the links to anchors of the pages converted and
// of those linking to the changed pages, whose headings may differ. It
// returns how many pages it rendered.
func (l *Live) renderAffected(st *structural, changed []*content.Page) (int, error) {
	s := l.Site
	err := s.RenewRenderer()
	l.diags.addBase(s.Diags.Take())
	if err != nil {
		return 0, err
	}
	pages := l.pagesOf(st.affected)
	results := l.renderPages(pages, func(p *content.Page) bool { return st.reconvert[p] && s.Pages.Body(p) != nil })
	l.keep(pages, results)
	targets := map[*content.Page]bool{}
	for _, p := range changed {
		targets[p] = true
	}
	l.checkAnchors(append(slices.Clone(pages), l.linkersOf(targets)...))
	for i, p := range pages {
		l.write(p, results[i], l)
	}
	return len(pages), nil
}

// movesInSitemap reports whether an edit changes what the sitemap shows
// of a page: its address, its date, its translations; or adds a page.
func movesInSitemap(plan *contentPlan) bool {
	for _, e := range plan.edits {
		if e.old == nil || e.old.URL != e.fresh.URL || !e.old.Date.Equal(e.fresh.Date) ||
			e.old.TranslationKey != e.fresh.TranslationKey {
			return true
		}
	}
	return false
}

// noteBefore records, before the set changes, the pages that show the
// pages about to change or go, and the files those may leave behind.
func (l *Live) noteBefore(plan *contentPlan, st *structural) {
	for _, p := range l.Site.Pages.Pages {
		st.before[p] = linksOf(p)
	}
	gone := map[*content.Page]bool{}
	for _, p := range plan.removed {
		gone[p] = true
		l.notePage(p, st)
	}
	for _, q := range l.linkersOf(gone) {
		st.reconvert[q] = true
	}
	for _, e := range plan.edits {
		if e.old != nil {
			l.notePage(e.old, st)
			st.oldURL[e.old] = e.old.URL
		}
	}
}

// notePage marks p as changed, and its files as possibly stale, before
// p changes or goes.
func (l *Live) notePage(p *content.Page, st *structural) {
	st.changed[p] = readAll
	st.stale[render.OutputPath(p)] = true
	for _, a := range render.AliasPaths(p, l.Site.Pages) {
		st.stale[a] = true
	}
}

// applyPlan changes the set: pages removed, pages put in place.
func (l *Live) applyPlan(plan *contentPlan) (put []*content.Page) {
	set, cfg := l.Site.Pages, l.Site.Config
	for _, p := range plan.removed {
		file := p.File
		// The page's conversion goes with its file: a section page
		// left without one has no body.
		l.Site.Forget(p)
		if set.Remove(p, cfg) {
			l.diags.forget(p)
			delete(l.refs, p)
			delete(l.held, p)
			l.reads.forget(p)
		} else {
			// A section page without its file: its folder still lists
			// pages, under the title Link gives it.
			l.diags.forget(p)
			l.refs[p] = nil
		}
		delete(l.read, file)
	}
	for _, e := range plan.edits {
		p, _ := set.Put(e.fresh, e.body)
		l.read[p.File] = withoutBody(*e.fresh)
		put = append(put, p)
	}
	return put
}

// noteAfter records, once the set is linked again, the pages that show
// the changed pages now, and the pages to convert again: the changed
// ones, those linking to a page whose address changed or went, and,
// when addresses changed, those whose links led nowhere.
func (l *Live) noteAfter(put, made, dropped []*content.Page, removed bool, st *structural) {
	moved := map[*content.Page]bool{}
	for _, p := range dropped {
		l.notePage(p, st)
		l.Site.Forget(p)
		l.diags.forget(p)
		l.reads.forget(p)
		moved[p] = true
	}
	for _, p := range made {
		st.changed[p] = readAll
	}
	urls := removed || len(made) > 0 || len(dropped) > 0
	for _, p := range put {
		st.changed[p] = readAll
		st.reconvert[p] = true
		if old, ok := st.oldURL[p]; !ok || old != p.URL {
			urls = true
			if ok {
				st.stale[strings.TrimPrefix(old, "/")+"index.html"] = true
				moved[p] = true
			}
		}
	}
	for _, q := range l.linkersOf(moved) {
		st.reconvert[q] = true
	}
	if urls {
		for p := range l.diags.pages {
			if l.diags.convertErrors(p) {
				st.reconvert[p] = true
			}
		}
	}
	for p := range st.reconvert {
		if l.Site.Pages.Body(p) == nil && p.File != "" && l.inSet(p) {
			l.reloadBody(p)
		}
		st.affected[p] = true
	}
}

// noteReaders marks for rendering the pages that changed, and those whose
// last rendering read something of them that changed: a page is
// changed when an edit put it, made it or removed it, or when linking
// the set again changed its ties to other pages or its list of pages.
func (l *Live) noteReaders(st *structural) {
	for _, p := range l.Site.Pages.Pages {
		if before, ok := st.before[p]; !ok {
			st.changed[p] = readAll
		} else if what := before.changeFrom(p); what != 0 {
			st.changed[p] |= what
		}
	}
	for p := range st.changed {
		st.affected[p] = true
	}
	for _, q := range l.reads.readers(st.changed) {
		st.affected[q] = true
	}
}

// readAll stands for every read of a page: what a page put, made or
// removed changes.
const readAll = render.ReadMeta | render.ReadBody | render.ReadChildren

// reloadBody reads a page's body again, for a conversion: the body is
// let go once converted.
func (l *Live) reloadBody(p *content.Page) {
	var discard diag.List
	if fresh, body, _ := content.ReadPage(l.Site.Config, p.Lang, p.RelPath, &discard); fresh != nil {
		l.Site.Pages.PutBody(p, fresh, body)
	}
}

// pagesOf returns the pages of m still in the site, in site order.
func (l *Live) pagesOf(m map[*content.Page]bool) []*content.Page {
	out := make([]*content.Page, 0, len(m))
	for p := range m {
		if l.inSet(p) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// removeStale removes the output files no page or alias makes any more.
func (l *Live) removeStale(paths map[string]bool) {
	set := l.Site.Pages
	current := map[string]bool{}
	for _, p := range set.Pages {
		for _, a := range render.AliasPaths(p, set) {
			current[a] = true
		}
	}
	for path := range paths {
		if current[path] {
			continue
		}
		u := "/" + strings.TrimSuffix(path, "index.html")
		lang, _, _ := strings.Cut(strings.TrimPrefix(u, "/"), "/")
		if l := set.Lang(lang); l != nil && l.ByURL(u) != nil {
			continue
		}
		l.remove(path)
	}
}

// UpdateStatic writes the static files again (the site's static folder
// and the theme's) after the files or folders at paths, absolute, under
// one of them changed; files that are gone leave the output.
func (l *Live) UpdateStatic(paths []string) (Update, error) {
	l.changed = false
	var roots []string
	roots = append(roots, filepath.Join(l.Site.Config.Root, "static"))
	if l.Site.Theme.Override != "" {
		roots = append(roots, filepath.Join(l.Site.Theme.Override, "static"))
	}
	for _, abs := range paths {
		if _, err := os.Stat(abs); err == nil {
			continue
		}
		for _, root := range roots {
			rel, err := filepath.Rel(root, abs)
			if err != nil || !filepath.IsLocal(rel) {
				continue
			}
			l.removeTree(filepath.ToSlash(rel))
		}
	}
	err := l.writeAssets()
	return Update{Changed: l.changed}, err
}

// removeTree removes the output file at sitePath and any under it.
func (l *Live) removeTree(sitePath string) {
	for _, p := range l.out.Paths() {
		if p == sitePath || strings.HasPrefix(p, sitePath+"/") {
			l.remove(p)
		}
	}
}
