package content

import (
	"path"
	"strings"
)

// leaveOutDrafts takes the drafts out of the set, with everything of
// theirs: a draft page's bundle (x/index.md and every file beside it and
// below it) and a draft section's folder (x/_index.md and every page,
// subsection and file below it), so that nothing a writer keeps private
// is written, indexed or listed. Hugo builds a draft section's pages
// unless the draft flag is cascaded; here the safe reading wins. A draft
// home page leaves out the home alone: the language keeps its pages.
func (s *Set) leaveOutDrafts() {
	folders := draftFolders(s.Pages)
	s.draftFolders = folders
	kept := s.Pages[:0]
	for _, p := range s.Pages {
		if p.Draft || folders.hold(p.Lang, p.RelPath) {
			s.Skipped++
			continue
		}
		kept = append(kept, p)
	}
	clear(s.Pages[len(kept):])
	s.Pages = kept
	res := s.Resources[:0]
	for _, r := range s.Resources {
		if folders.hold(r.Lang, r.rel) {
			delete(s.resources, r.URL)
			continue
		}
		res = append(res, r)
	}
	clear(s.Resources[len(res):])
	s.Resources = res
}

// markDraftFolders makes every page in a draft's folder a draft, in a
// build that includes drafts: what such a build leaves out of the print
// pages, or marks as a draft, is then what a build without drafts leaves
// out.
func markDraftFolders(pages []*Page) {
	folders := draftFolders(pages)
	for _, p := range pages {
		if folders.hold(p.Lang, p.RelPath) {
			p.Draft = true
		}
	}
}

// privateFolders are, per language, the folders (relative to the
// language's content folder) whose every file is a draft's.
type privateFolders map[string][]string

// draftFolders finds the folders of the draft bundles and sections.
func draftFolders(pages []*Page) privateFolders {
	out := privateFolders{}
	for _, p := range pages {
		if !p.Draft || p.IsHome {
			continue
		}
		if stem := pageStem(p.RelPath); stem == "index" || stem == "_index" {
			out[p.Lang] = append(out[p.Lang], path.Dir(p.RelPath))
		}
	}
	return out
}

// hold reports whether the file rel of lang is in a draft's folder.
func (f privateFolders) hold(lang, rel string) bool {
	for _, dir := range f[lang] {
		if strings.HasPrefix(rel, dir+"/") {
			return true
		}
	}
	return false
}

// TouchesDraft reports whether the file or folder rel of lang's content
// folder is a draft's (in a draft bundle's or section's folder, the
// draft's own page included) or holds one, when drafts are left out. The
// preview rebuilds everything after such an edit, as Load decides what is
// private from the whole folder.
func (s *Set) TouchesDraft(lang, rel string) bool {
	for _, dir := range s.draftFolders[lang] {
		if rel == "." || rel == dir || strings.HasPrefix(rel, dir+"/") || strings.HasPrefix(dir, rel+"/") {
			return true
		}
	}
	return false
}
