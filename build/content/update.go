package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"handbook/build/config"
	"handbook/build/diag"
)

// This file changes a loaded Set page by page, for the preview server,
// which reads again only the files a writer saved: Put and Remove change
// the pages, and Relink ties them together again. A page keeps its
// identity (its pointer) across edits, so the pages that point to it
// stay valid.

// Locate finds the language whose content folder holds abs (a file or a
// folder) and abs's path relative to that folder, with forward slashes
// ("." for the folder itself). ok is false outside every content folder.
// In a folder languages share, a file is the language its name says
// (page.fr.md), as Load reads it.
func Locate(cfg *config.Config, abs string) (lang, rel string, ok bool) {
	var tmp diag.List
	for _, w := range contentWalkers(cfg, &tmp) {
		r, err := filepath.Rel(w.root, abs)
		if err != nil || !filepath.IsLocal(r) && r != "." {
			continue
		}
		rel = filepath.ToSlash(r)
		lang, _, _ = fileLanguage(cfg, w.lang, rel)
		return lang, rel, true
	}
	return "", "", false
}

// ReadPage reads the page at rel in lang's content folder, as Load does:
// its page and its Markdown body. Its problems are reported to diags,
// and it returns nil when the file cannot be used. exists is false when
// there is no such file.
func ReadPage(cfg *config.Config, lang, rel string, diags *diag.List) (p *Page, body []byte, exists bool) {
	lc, ok := cfg.Language(lang)
	if !ok {
		return nil, nil, false
	}
	abs := filepath.Join(cfg.Root, filepath.FromSlash(lc.ContentDir), filepath.FromSlash(rel))
	file, _ := filepath.Rel(cfg.Root, abs)
	_, relPath, _ := fileLanguage(cfg, lang, rel)
	src := source{lang: lang, abs: abs, file: filepath.ToSlash(file), relPath: relPath, hugo: cfg.Hugo}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, false
	}
	p, body, _ = readPage(src, cfg.FileSizeLimit(), nil, diags)
	if p != nil {
		p.nameUntitled(cfg)
	}
	return p, body, true
}

// Sources lists the page files and the other files (resources) under the
// folder rel of lang's content folder, as Load would find them, each
// relative to the language's folder.
func Sources(cfg *config.Config, lang, rel string) (pages, resources []string, err error) {
	lc, ok := cfg.Language(lang)
	if !ok {
		return nil, nil, nil
	}
	var ignored diag.List // Load reports the same problems
	w := newWalker(cfg, lc, &ignored)
	if err := w.walkUnder(filepath.Join(w.root, filepath.FromSlash(rel))); err != nil {
		return nil, nil, err
	}
	for _, src := range w.pages {
		pages = append(pages, src.relPath)
	}
	for _, r := range w.resources {
		resources = append(resources, strings.TrimPrefix(r.URL, "/"+lang+"/"))
	}
	return pages, resources, nil
}

// PagesUnder returns the pages read from files under the folder rel of
// lang's content folder ("." for all of them), as of the last Link.
func (s *Set) PagesUnder(lang, rel string) []*Page {
	l := s.byLang[lang]
	if l == nil {
		return nil
	}
	var out []*Page
	for _, p := range l.Pages {
		if p.File != "" && (rel == "." || strings.HasPrefix(p.RelPath, rel+"/")) {
			out = append(out, p)
		}
	}
	return out
}

// HasResourceUnder reports whether the set has a resource at rel, or
// under the folder rel ("." for any), of lang's content folder.
func (s *Set) HasResourceUnder(lang, rel string) bool {
	base := "/" + lang
	if rel != "." {
		base += "/" + rel
	}
	for _, r := range s.Resources {
		if r.URL == base || strings.HasPrefix(r.URL, base+"/") {
			return true
		}
	}
	return false
}

// Put adds a page read with ReadPage, and its body, to the set. When the
// set already has the page of that language and path, that page takes
// fresh's values in place (keeping its Updated date) and is returned, so
// that every pointer to it stays valid; added tells which happened. The
// set must be linked again (Relink) before it is rendered.
func (s *Set) Put(fresh *Page, body []byte) (p *Page, added bool) {
	l := s.byLang[fresh.Lang]
	p, added = fresh, true
	if old := l.byRelPath.find(fresh.RelPath); old != nil {
		// The date of the last commit is the file's, whatever was
		// saved since.
		updated := old.Updated
		*old = *fresh
		old.Updated = updated
		p, added = old, false
	} else {
		s.Pages = append(s.Pages, fresh)
		l.byRelPath.put(fresh)
	}
	s.bodyTable().put(p, body)
	return p, added
}

// PutBody gives p the body of fresh, a reading of p's file again that
// differs from p in its body alone: its Markdown, the line it starts on
// and the hash of its text. Nothing needs linking again.
func (s *Set) PutBody(p, fresh *Page, body []byte) {
	p.BodyLine, p.TextHash = fresh.BodyLine, fresh.TextHash
	s.bodyTable().put(p, body)
}

// Remove takes a page out of the set. A section page becomes the page
// Link makes for a folder without an _index.md, so that the pages
// pointing to it stay valid; Relink drops it if its folder is left with
// no page. It reports whether p left the set.
func (s *Set) Remove(p *Page, cfg *config.Config) bool {
	l := s.byLang[p.Lang]
	s.bodyTable().put(p, nil)
	if p.IsSection {
		*p = *l.madeSection(path.Dir(p.RelPath), cfg)
		return false
	}
	l.byRelPath.remove(p.RelPath)
	for i, q := range s.Pages {
		if q == p {
			s.Pages = append(s.Pages[:i], s.Pages[i+1:]...)
			break
		}
	}
	return true
}

// Relink links the set again after Put and Remove. The section pages
// made for folders without an _index.md are kept while their folder has
// pages, so pointers to them stay valid; made are those made anew and
// dropped those whose folder has no page left.
func Relink(set *Set, cfg *config.Config, diags *diag.List) (made, dropped []*Page) {
	existed := map[*Page]bool{}
	kept := set.Pages[:0]
	needed := neededFolders(set)
	for _, p := range set.Pages {
		if p.File == "" && p.IsSection {
			existed[p] = true
			if !needed[p.Lang][path.Dir(p.RelPath)] {
				dropped = append(dropped, p)
				continue
			}
		}
		kept = append(kept, p)
	}
	clear(set.Pages[len(kept):])
	set.Pages = kept
	for _, p := range set.Pages {
		original := p.Original
		p.Unlink()
		p.Original = original
	}
	Link(set, cfg, diags)
	for _, p := range set.Pages {
		if p.File == "" && p.IsSection && !existed[p] {
			made = append(made, p)
		}
	}
	return made, dropped
}

// neededFolders lists, per language, the folders that need a section
// page: the home, and every folder above a page written in a file, as
// addMissingSections counts them.
func neededFolders(set *Set) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, l := range set.Langs {
		out[l.Code] = map[string]bool{".": true}
	}
	for _, p := range set.Pages {
		if p.File == "" {
			continue
		}
		markFoldersAbove(p, out[p.Lang])
	}
	return out
}
