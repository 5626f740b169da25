package config

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"handbook/build/diag"
	"handbook/build/internal/files"
)

// handbookFile mirrors handbook.toml. Pointers tell a key that was left
// out from one set to its zero value.
type handbookFile struct {
	Title           string                  `toml:"title"`
	Description     string                  `toml:"description"`
	BaseURL         string                  `toml:"baseURL"`
	DefaultLanguage string                  `toml:"defaultLanguage"`
	Output          string                  `toml:"output"`
	Theme           string                  `toml:"theme"`
	Drafts          bool                    `toml:"drafts"`
	Search          *bool                   `toml:"search"`
	MaxFileSize     uint64                  `toml:"maxFileSize"`
	Markup          markupFile              `toml:"markup"`
	History         historyFile             `toml:"history"`
	Print           printFile               `toml:"print"`
	Languages       map[string]languageFile `toml:"languages"`
}

type printFile struct {
	Enable   *bool `toml:"enable"`
	MaxPages *int  `toml:"maxPages"`
}

type markupFile struct {
	UnsafeHTML         bool   `toml:"unsafeHTML"`
	HighlightStyle     string `toml:"highlightStyle"`
	HighlightDarkStyle string `toml:"highlightDarkStyle"`
}

type historyFile struct {
	Enable        *bool `toml:"enable"`
	ChangesMonths *int  `toml:"changesMonths"`
}

type languageFile struct {
	Name        string `toml:"name"`
	Weight      int    `toml:"weight"`
	ContentDir  string `toml:"contentDir"`
	Title       string `toml:"title"`
	Description string `toml:"description"`
}

// loadHandbook reads a handbook.toml into cfg, and returns the lines of
// its keys.
func loadHandbook(cfg *Config, diags *diag.List) (lineMap, error) {
	data, err := readConfig(cfg)
	if err != nil {
		return nil, err
	}
	keys := tomlKeys(data)
	if !checkKeys(cfg.File, keys, diags) {
		return nil, errInvalid
	}
	var f handbookFile
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		reportTOMLError(cfg.File, err, diags)
		return nil, errInvalid
	}
	setIf(&cfg.Title, f.Title)
	setIf(&cfg.Description, f.Description)
	cfg.Print.Enable = f.Print.Enable
	setIf(&cfg.BaseURL, f.BaseURL)
	setIf(&cfg.DefaultLanguage, f.DefaultLanguage)
	setIf(&cfg.Theme, f.Theme)
	if f.Output != "" {
		cfg.OutputDir = resolve(cfg.Root, f.Output)
	}
	cfg.Drafts = f.Drafts
	cfg.MaxFileSize = int64(min(f.MaxFileSize, 1<<62)) // larger is no limit; an int64 holds it
	if f.Search != nil {
		cfg.Search = *f.Search
	}
	cfg.Markup.UnsafeHTML = f.Markup.UnsafeHTML
	setIf(&cfg.Markup.HighlightStyle, f.Markup.HighlightStyle)
	setIf(&cfg.Markup.HighlightDarkStyle, f.Markup.HighlightDarkStyle)
	if f.Print.MaxPages != nil {
		cfg.Print.MaxPages = *f.Print.MaxPages
	}
	for code, l := range f.Languages {
		lang := newLanguage(code, l.Name, l.Weight, l.ContentDir, l.Title)
		lang.Description = l.Description
		cfg.Languages = append(cfg.Languages, lang)
	}
	lines := keyLines(cfg.File, keys)
	if !readHistory(cfg, f.History, lines, diags) {
		return nil, errInvalid
	}
	return lines, nil
}

// readHistory reads the [history] table into cfg; a negative
// changesMonths is an error at its line.
func readHistory(cfg *Config, f historyFile, lines lineMap, diags *diag.List) bool {
	if f.Enable != nil {
		cfg.History.Enable, cfg.History.Explicit = *f.Enable, *f.Enable
	}
	if f.ChangesMonths != nil {
		if *f.ChangesMonths < 0 {
			file, line := lines.at(cfg.File, "history.changesmonths")
			diags.Errorf(file, line, "history.changesMonths is %d: it counts months back, 0 for no \"what's new\" page", *f.ChangesMonths)
			return false
		}
		cfg.History.ChangesMonths = *f.ChangesMonths
	}
	return true
}

// checkKeys reports, at its line, each key of a handbook.toml that
// handbookFile does not have under exactly that spelling: the decoder
// matches names regardless of case, and a handbook.toml is read one way
// only. It returns whether every key is known.
func checkKeys(file string, keys []tomlKey, diags *diag.List) bool {
	t := reflect.TypeFor[handbookFile]()
	reported := map[string]bool{}
	for _, k := range keys {
		depth, hint, known := unknownKey(t, k.path)
		name := strings.Join(k.path[:depth+1], ".")
		if known || reported[name] {
			continue
		}
		// A table's keys are not named again once the table is unknown.
		reported[name] = true
		msg := fmt.Sprintf("unknown key %q", name)
		if hint != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", strings.Join(append(k.path[:depth:depth], hint), "."))
		}
		diags.Errorf(file, k.line, "%s", msg)
	}
	return len(reported) == 0
}

func newLanguage(code, name string, weight int, dir, title string) Language {
	if name == "" {
		name = code
	}
	if dir == "" {
		dir = "content/" + code
	}
	return Language{Code: code, Name: name, Weight: weight, ContentDir: filepath.ToSlash(filepath.Clean(dir)), Title: title}
}

func readConfig(cfg *Config) ([]byte, error) {
	data, err := files.Read(filepath.Join(cfg.Root, cfg.File), files.DefaultLimit)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", cfg.File, err)
	}
	return data, nil
}

// reportTOMLError turns go-toml's errors, which carry positions, into
// file:line diagnostics, one per unknown key.
func reportTOMLError(file string, err error, diags *diag.List) {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		for _, e := range strict.Errors {
			row, _ := e.Position()
			diags.Errorf(file, row, "unknown key %q", strings.Join(e.Key(), "."))
		}
		return
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		diags.Errorf(file, row, "%s", de.Error())
		return
	}
	diags.Errorf(file, 0, "%v", err)
}

func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lowerKeys(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func resolve(root, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(root, p)
}
