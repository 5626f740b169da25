package check

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"handbook/build"
	"handbook/build/content"
	"handbook/build/internal/files"
)

// StampTargets returns the translations that target names, in lang only
// when lang is not "". target is a page's file or a folder of pages, as a
// path from the working directory or from the site's root, or else a
// translationKey. A page of the default language names its translations.
func StampTargets(site *build.Site, target, lang string) ([]*content.Page, error) {
	named, err := pagesNamed(site, target)
	if err != nil {
		return nil, err
	}
	def := site.Config.DefaultLanguage
	var out []*content.Page
	seen := map[*content.Page]bool{}
	add := func(p *content.Page) {
		if !seen[p] && p.File != "" && p.Lang != def && (lang == "" || p.Lang == lang) {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range named {
		switch {
		case p.Lang == def:
			for _, t := range p.Translations {
				add(t)
			}
		case p.Original != nil:
			add(p)
		}
	}
	if len(out) == 0 {
		if p := named[0]; len(named) == 1 && p.Lang != def {
			return nil, fmt.Errorf("%s: no page of %s with translationKey %s to stamp it against", p.File, def, p.TranslationKey)
		}
		return nil, fmt.Errorf("%s: no translation to stamp", target)
	}
	return out, nil
}

// pagesNamed finds the pages of a file, of a folder, or of a key.
func pagesNamed(site *build.Site, target string) ([]*content.Page, error) {
	rel, isPath := siteRelative(site.Config.Root, target)
	var out []*content.Page
	for _, p := range site.Pages.Pages {
		switch {
		case p.File == "":
		case isPath && (p.File == rel || strings.HasPrefix(p.File, rel+"/") || rel == "."):
			out = append(out, p)
		case !isPath && p.TranslationKey == target:
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no such page, folder of pages or translationKey", target)
	}
	return out, nil
}

// siteRelative turns a path that exists, from the working directory or
// from root, into a slash path from root.
func siteRelative(root, target string) (string, bool) {
	for _, candidate := range []string{target, filepath.Join(root, target)} {
		if _, err := os.Stat(candidate); err != nil {
			continue
		}
		abs, err := filepath.Abs(candidate)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(root, abs); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return filepath.ToSlash(rel), true
		}
	}
	return "", false
}

// StampFile records in a translation's file the TextHash of its original,
// changing nothing else in the file. It reports whether the file changed.
func StampFile(site *build.Site, p *content.Page) (bool, error) {
	if p.Original == nil {
		return false, fmt.Errorf("%s: no original to stamp it against", p.File)
	}
	file := filepath.Join(site.Config.Root, filepath.FromSlash(p.File))
	// The file is replaced by a rename, which would put a regular file in
	// place of a link and leave the file it leads to unstamped.
	if fi, err := os.Lstat(file); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return false, fmt.Errorf("%s: a symbolic link: stamp the file it leads to", p.File)
	}
	data, err := files.Read(file, site.Config.FileSizeLimit())
	if err != nil {
		return false, fmt.Errorf("%s: %w", p.File, files.WithoutPath(err))
	}
	stamped, err := content.Stamp(data, p.Original.TextHash)
	var fmErr *content.FrontMatterError
	if errors.As(err, &fmErr) {
		return false, fmt.Errorf("%s:%d: %s; the file is left as it was", p.File, fmErr.Line, fmErr.Msg)
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", p.File, err)
	}
	if string(stamped) == string(data) {
		return false, nil
	}
	return true, replaceFile(file, stamped)
}

// replaceFile writes data beside file and renames it over the file, so
// that an editor or the preview server never reads half a page. The
// temporary name is a hidden one, which the content loader ignores.
func replaceFile(file string, data []byte) error {
	fi, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".stamp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}
