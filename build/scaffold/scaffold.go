package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/diag"
)

// Request names the page to start.
type Request struct {
	Kind content.Kind
	Slug string
	// Langs are the codes of the languages to write the page in; empty
	// means every language of the site.
	Langs []string
}

// File is one page file to write.
type File struct {
	Lang string
	// Path is the file's path relative to the site's root, with forward
	// slashes ("content/vi/principles/day-one.md").
	Path string
	Data []byte
}

// ParseKind reads a kind of the handbook's model from the command line.
func ParseKind(s string) (content.Kind, error) {
	for _, k := range content.Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q: a new page is one of %s", s, KindList())
}

// KindList names the kinds a page can be started as, for messages.
func KindList() string {
	names := make([]string, len(content.Kinds))
	for i, k := range content.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	yearPattern = regexp.MustCompile(`^[0-9]{4}$`)
)

// CheckSlug reports whether slug can name a new page of kind: lowercase
// letters and digits in words joined by hyphens, the page's file name
// and its address; a letter is named by its year.
func CheckSlug(kind content.Kind, slug string) error {
	if kind == content.Letter {
		if !yearPattern.MatchString(slug) {
			return fmt.Errorf("a letter is named by its year, such as 2017, not %q", slug)
		}
		return nil
	}
	if !slugPattern.MatchString(slug) {
		return fmt.Errorf("%q is not a slug: use lowercase letters, digits and hyphens, such as customer-obsession", slug)
	}
	return nil
}

// Folder is the folder of a language's content where pages of a kind
// live: principles/, letters/, quotes/, stories/, exercises/.
func Folder(kind content.Kind) string {
	if kind == content.Story {
		return "stories"
	}
	return string(kind) + "s"
}

// Plan makes the files of a new page, one per language asked for,
// without writing anything. Every language of req must be one of the
// site's.
func Plan(cfg *config.Config, req Request) ([]File, error) {
	if err := CheckSlug(req.Kind, req.Slug); err != nil {
		return nil, err
	}
	langs, err := languages(cfg, req.Langs)
	if err != nil {
		return nil, err
	}
	weight, err := nextWeight(cfg, req.Kind)
	if err != nil {
		return nil, err
	}
	files := make([]File, len(langs))
	for i, l := range langs {
		files[i] = File{
			Lang: l.Code,
			Path: path.Join(filepath.ToSlash(l.ContentDir), Folder(req.Kind), req.Slug+".md"),
			Data: page(req.Kind, req.Slug, l.Code, weight),
		}
	}
	return files, nil
}

// languages returns the site's languages named by codes, or all of them.
func languages(cfg *config.Config, codes []string) ([]config.Language, error) {
	if len(codes) == 0 {
		return cfg.Languages, nil
	}
	var out []config.Language
	for _, code := range codes {
		l, ok := cfg.Language(code)
		if !ok {
			return nil, fmt.Errorf("the site has no language %q", code)
		}
		out = append(out, l)
	}
	return out, nil
}

// nextWeight is one more than the highest weight of the pages already in
// the kind's folder, in any language, so that a new page comes last in
// its section and at the same place in every language.
func nextWeight(cfg *config.Config, kind content.Kind) (int, error) {
	highest := 0
	for _, l := range cfg.Languages {
		files, _, err := content.Sources(cfg, l.Code, Folder(kind))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, err
		}
		for _, rel := range files {
			if path.Base(rel) == "_index.md" {
				continue
			}
			// A page that does not read has no weight to count; the
			// build reports it.
			var ignored diag.List
			if p, _, _ := content.ReadPage(cfg, l.Code, rel, &ignored); p != nil {
				highest = max(highest, p.Weight)
			}
		}
	}
	return highest + 1, nil
}

// ExistsError is the refusal to start a page whose file, in one of the
// languages, is already there.
type ExistsError struct {
	// Paths are the files that exist, relative to the site's root.
	Paths []string
}

func (e *ExistsError) Error() string {
	verb := "exists"
	if len(e.Paths) > 1 {
		verb = "exist"
	}
	return fmt.Sprintf("%s already %s: nothing was written", strings.Join(e.Paths, " and "), verb)
}

// Create writes the files of a new page and returns their paths, relative
// to the site's root. It never overwrites a file: when the file of any
// language exists, it writes none of them and returns an *ExistsError.
func Create(cfg *config.Config, req Request) ([]string, error) {
	files, err := Plan(cfg, req)
	if err != nil {
		return nil, err
	}
	var existing []string
	for _, f := range files {
		if _, err := os.Lstat(abs(cfg, f)); err == nil {
			existing = append(existing, f.Path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if len(existing) > 0 {
		return nil, &ExistsError{Paths: existing}
	}
	var written []string
	for _, f := range files {
		if err := writeNew(abs(cfg, f), f.Data); err != nil {
			// All or nothing: a page started in one language only would
			// be refused the next time, since its file exists.
			for _, w := range written {
				_ = os.Remove(filepath.Join(cfg.Root, filepath.FromSlash(w)))
			}
			if errors.Is(err, fs.ErrExist) {
				return nil, &ExistsError{Paths: []string{f.Path}}
			}
			return nil, fmt.Errorf("writing %s: %w", f.Path, err)
		}
		written = append(written, f.Path)
	}
	return written, nil
}

func abs(cfg *config.Config, f File) string {
	return filepath.Join(cfg.Root, filepath.FromSlash(f.Path))
}

// writeNew creates the file at p, failing if it exists (even if it was
// created since Create looked), and the folders above it.
func writeNew(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(p)
		return err
	}
	return nil
}
