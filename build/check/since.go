package check

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"

	"handbook/build"
	"handbook/build/content"
	"handbook/build/history"
	"handbook/build/internal/files"
)

// Since is what changed in a translation's original since the version
// the translation was stamped against: Then, found in the original's git
// history, compared with Now, the original's file as it is on disk.
type Since struct {
	Translation *content.Page
	// Now is the original as loaded from its file; Then, as it was in
	// Stamped, the commit whose text has the translation's sourceHash.
	Now, Then *Source
	Stamped   history.Version
	// Uncommitted says the original's file differs from its last commit:
	// "now" is then the file on disk, not a commit.
	Uncommitted bool
	// Fields are the translated front-matter fields that changed.
	Fields []FieldChange
	// Body is every paragraph of the original, then and now, in order.
	Body []BodyChange
}

// FieldChange is a front-matter field whose value changed.
type FieldChange struct {
	Name     string
	Old, New string
}

// UpToDate says the original did not change since the stamp.
func (s *Since) UpToDate() bool { return s.Now.TextHash == s.Translation.SourceHash }

// SinceStamp finds, in the git history of the original of translation
// tr, the version tr was stamped against, and compares it with the
// original now. Its errors say why there is nothing to compare and what
// to do: tr is not stamped, its original was deleted, the site is not in
// a git repository, the history is shallow, or no version has the
// stamp's text.
func SinceStamp(ctx context.Context, site *build.Site, tr *content.Page) (*Since, error) {
	if tr.SourceHash == "" {
		return nil, fmt.Errorf("%s: not stamped (no sourceHash), so there is no version of its original to compare with: once it matches its original, stamp it with handbook translations --stamp %s", tr.File, tr.File)
	}
	repo, err := history.Open(ctx, site.Config.Root)
	if err != nil {
		return nil, historyUnavailable(tr, err)
	}
	if tr.Original == nil {
		return nil, originalGone(ctx, site, repo, tr)
	}
	now, err := ReadSource(site, tr.Original)
	if err != nil {
		return nil, err
	}
	s := &Since{Translation: tr, Now: now}
	if s.Uncommitted, err = repo.Uncommitted(ctx, now.File); err != nil {
		return nil, err
	}
	if s.UpToDate() {
		s.Then = now
		s.Body = DiffParagraphs(paragraphsOf(now), paragraphsOf(now))
		return s, nil
	}
	v, text, versions, err := findStamped(ctx, repo, tr, now)
	if err != nil {
		return nil, err
	}
	if text == nil {
		return nil, stampNotFound(ctx, repo, tr, now.Page, versions)
	}
	s.Stamped = v
	then, body, _ := content.ParsePage(now.Lang, v.Path, now.RelPath, text)
	s.Then = &Source{Page: then, Body: body}
	s.Fields = fieldChanges(s.Then.Page, now.Page)
	s.Body = DiffParagraphs(paragraphsOf(s.Then), paragraphsOf(now))
	return s, nil
}

// findStamped finds the version of the original now whose text has
// tr's stamp: first among the versions at its path, then, when none has
// it, following the file through renames (which costs git more). text
// is nil when no version has it; versions is how many were looked at.
func findStamped(ctx context.Context, repo *history.Repo, tr *content.Page, now *Source) (v history.Version, text []byte, versions int, err error) {
	stamped := func(data []byte) bool {
		p, _, _ := content.ParsePage(now.Lang, now.File, now.RelPath, data)
		return p != nil && p.TextHash == tr.SourceHash
	}
	for _, list := range []func(context.Context, string) ([]history.Version, error){repo.Versions, repo.VersionsFollowed} {
		vs, err := list(ctx, now.File)
		if err != nil {
			return history.Version{}, nil, 0, err
		}
		v, text, ok, err := repo.Find(ctx, vs, stamped)
		if err != nil || ok {
			return v, text, len(vs), err
		}
		versions = len(vs)
	}
	return history.Version{}, nil, versions, nil
}

// historyUnavailable says why the original's versions cannot be read.
func historyUnavailable(tr *content.Page, err error) error {
	switch {
	case errors.Is(err, history.ErrNoGit):
		return fmt.Errorf("%s: the git command is not installed: the versions of the original come from the site's git history; install git", tr.File)
	case errors.Is(err, history.ErrNotRepository):
		return fmt.Errorf("%s: the site is not in a git repository, so the version of its original it was stamped against is not known: the diff needs the site's history (work in a clone of its repository)", tr.File)
	}
	return fmt.Errorf("%s: %w", tr.File, err)
}

// originalGone explains a stamped translation without an original: the
// file its original would have, by the default pairing, was deleted (or
// never existed).
func originalGone(ctx context.Context, site *build.Site, repo *history.Repo, tr *content.Page) error {
	def := site.Config.DefaultLanguage
	lang, _ := site.Config.Language(def)
	file := path.Join(filepath.ToSlash(lang.ContentDir), tr.RelPath)
	if _, err := os.Stat(filepath.Join(site.Config.Root, filepath.FromSlash(file))); err == nil {
		return fmt.Errorf("%s: its original %s is there, but does not read as a page: fix its errors first", tr.File, file)
	}
	versions, err := repo.Versions(ctx, file)
	if err == nil && len(versions) > 0 && versions[0].Deleted {
		v := versions[0]
		return fmt.Errorf("%s: its original %s was deleted in commit %s (%s, %q): remove the translation, or give it the translationKey of the page that replaces it", tr.File, file, v.Short(), v.Date.Format("2006-01-02"), v.Subject)
	}
	return fmt.Errorf("%s: no page of %s has translationKey %s, and %s has no history: there is no original to compare with", tr.File, def, tr.TranslationKey, file)
}

// stampNotFound says why no version of the original has the stamp's text.
func stampNotFound(ctx context.Context, repo *history.Repo, tr, now *content.Page, versions int) error {
	if shallow, err := repo.Shallow(ctx); err == nil && shallow {
		return fmt.Errorf("%s: no version of %s in the history has the text of the stamp %s, and the history is shallow: run git fetch --unshallow, then try again", tr.File, now.File, tr.SourceHash)
	}
	if versions == 0 {
		return fmt.Errorf("%s: %s was never committed, so no version of it has the text of the stamp %s: commit it, and stamp the translation again once it matches (handbook translations --stamp %s)", tr.File, now.File, tr.SourceHash, tr.File)
	}
	return fmt.Errorf("%s: none of the %d versions of %s in the git history (followed through renames) has the text of the stamp %s: it was stamped against text never committed, or the history was rewritten. Compare the translation with its original by hand, then stamp it again: handbook translations --stamp %s", tr.File, versions, now.File, tr.SourceHash, tr.File)
}

// fieldChanges lists the translated fields whose values differ.
func fieldChanges(then, now *content.Page) []FieldChange {
	var out []FieldChange
	for _, f := range []struct{ name, old, new string }{
		{"title", then.Title, now.Title},
		{"description", then.Description, now.Description},
		{"statement", then.Statement, now.Statement},
		{"text", then.Text, now.Text},
	} {
		if f.old != f.new {
			out = append(out, FieldChange{f.name, f.old, f.new})
		}
	}
	return out
}

// ReadSource reads a page's file as it is on disk now, whatever the site
// in memory kept of it (a preview lets bodies go once rendered).
func ReadSource(site *build.Site, p *content.Page) (*Source, error) {
	data, err := files.Read(filepath.Join(site.Config.Root, filepath.FromSlash(p.File)), site.Config.FileSizeLimit())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.File, files.WithoutPath(err))
	}
	read, body, errs := content.ParsePage(p.Lang, p.File, p.RelPath, data)
	if read == nil {
		return nil, fmt.Errorf("%s:%d: %s", p.File, errs[0].Line, errs[0].Msg)
	}
	return &Source{Page: read, Body: body}, nil
}

// Source is a page as read from a version of its file, with its
// Markdown body.
type Source struct {
	*content.Page
	Body []byte
}

func paragraphsOf(p *Source) []Paragraph {
	return Paragraphs(string(p.Body), p.BodyLine)
}

// DiffTargets returns the translations whose original's changes target
// asks for, in lang only when lang is not "": a translation's file (its
// original may be gone), an original's file (each of its translations),
// a folder of pages or a translationKey, as StampTargets reads them.
func DiffTargets(site *build.Site, target, lang string) ([]*content.Page, error) {
	named, err := pagesNamed(site, target)
	if err != nil {
		return nil, err
	}
	def := site.Config.DefaultLanguage
	var out []*content.Page
	seen := map[*content.Page]bool{}
	for _, p := range named {
		candidates := []*content.Page{p}
		if p.Lang == def {
			candidates = p.Translations
		}
		for _, t := range candidates {
			if !seen[t] && t.File != "" && t.Lang != def && (lang == "" || t.Lang == lang) {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no translation of it to compare (a translation, or an original that has one)", target)
	}
	return out, nil
}
