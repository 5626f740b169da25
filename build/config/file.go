package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"handbook/build/diag"
	"handbook/build/internal/files"
)

// handbookFile mirrors handbook.toml. Pointers tell a key that was left
// out from one set to its zero value.
type handbookFile struct {
	Title           string                  `toml:"title"`
	BaseURL         string                  `toml:"baseURL"`
	DefaultLanguage string                  `toml:"defaultLanguage"`
	Output          string                  `toml:"output"`
	Theme           string                  `toml:"theme"`
	Drafts          bool                    `toml:"drafts"`
	Search          *bool                   `toml:"search"`
	MaxFileSize     uint64                  `toml:"maxFileSize"`
	Markup          markupFile              `toml:"markup"`
	Print           printFile               `toml:"print"`
	Languages       map[string]languageFile `toml:"languages"`
}

type printFile struct {
	MaxPages *int `toml:"maxPages"`
}

type markupFile struct {
	UnsafeHTML         bool   `toml:"unsafeHTML"`
	HighlightStyle     string `toml:"highlightStyle"`
	HighlightDarkStyle string `toml:"highlightDarkStyle"`
}

type languageFile struct {
	Name       string `toml:"name"`
	Weight     int    `toml:"weight"`
	ContentDir string `toml:"contentDir"`
	Title      string `toml:"title"`
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
		cfg.Languages = append(cfg.Languages, newLanguage(code, l.Name, l.Weight, l.ContentDir, l.Title))
	}
	return keyLines(keys), nil
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

// loadHugo reads the part of a Hugo configuration the handbook
// understands and reports, once, the keys it leaves aside. Hugo's keys are
// case-insensitive, so they are matched in lower case. It returns the
// lines of the file's keys.
func loadHugo(cfg *Config, diags *diag.List) (lineMap, error) {
	data, err := readConfig(cfg)
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		reportTOMLError(cfg.File, err, diags)
		return nil, errInvalid
	}
	h := hugoReader{raw: lowerKeys(raw), orig: raw}
	cfg.Hugo = true
	setIf(&cfg.Title, h.str("title"))
	setIf(&cfg.BaseURL, h.str("baseurl"))
	setIf(&cfg.DefaultLanguage, h.str("defaultcontentlanguage"))
	if dir := h.str("publishdir"); dir != "" {
		cfg.OutputDir = resolve(cfg.Root, dir)
	}
	if unsafe, ok := h.get("markup", "goldmark", "renderer", "unsafe").(bool); ok {
		cfg.Markup.UnsafeHTML = unsafe
	}
	langs, _ := h.get("languages").(map[string]any)
	for code, v := range langs {
		l, _ := v.(map[string]any)
		lr := hugoReader{raw: l}
		name := lr.str("label")
		setIf(&name, lr.str("languagename"))
		w, _ := lr.get("weight").(int64)
		cfg.Languages = append(cfg.Languages, newLanguage(code, name, int(w), lr.str("contentdir"), lr.str("title")))
		h.used["languages."+code] = true
		for k := range l {
			h.used["languages."+code+"."+k] = isKnownHugoLanguageKey(k)
		}
	}
	if ignored := h.ignored(); len(ignored) > 0 {
		diags.Warnf(cfg.File, 0, "Hugo configuration: ignoring %s (the handbook reads title, baseURL, defaultContentLanguage, publishDir, languages and markup.goldmark.renderer.unsafe)", strings.Join(ignored, ", "))
	}
	if exists(filepath.Join(cfg.Root, "layouts")) {
		diags.Warnf("layouts", 0, "Hugo templates are not used: the site is rendered with the %q theme", cfg.Theme)
	}
	return keyLines(tomlKeys(data)), nil
}

func isKnownHugoLanguageKey(k string) bool {
	switch k {
	case "label", "languagename", "weight", "contentdir", "title":
		return true
	}
	return false
}

// hugoReader walks a Hugo configuration and remembers which keys were read.
type hugoReader struct {
	raw  map[string]any
	used map[string]bool
	// orig is raw as written, so that ignored keys are named as the
	// writer spelled them.
	orig map[string]any
}

func (h *hugoReader) get(path ...string) any {
	if h.used == nil {
		h.used = map[string]bool{}
	}
	var cur any = h.raw
	for i, p := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		h.used[strings.Join(path[:i+1], ".")] = true
		cur = m[p]
	}
	return cur
}

func (h *hugoReader) str(key string) string {
	s, _ := h.get(key).(string)
	return s
}

// ignored lists the leaf keys that were never read, as written.
func (h *hugoReader) ignored() []string {
	var out []string
	var walk func(prefix, lower string, m map[string]any)
	walk = func(prefix, lower string, m map[string]any) {
		for k, v := range m {
			key, lkey := prefix+k, lower+strings.ToLower(k)
			if sub, ok := v.(map[string]any); ok && h.used[lkey] {
				walk(key+".", lkey+".", sub)
				continue
			}
			if !h.used[lkey] {
				out = append(out, key)
			}
		}
	}
	walk("", "", h.orig)
	sort.Strings(out)
	return out
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

// configNames are the configuration files the handbook reads, first
// found first.
var configNames = []string{FileName, "hugo.toml", "config.toml"}

// unreadNames are Hugo's other configuration files, which the handbook
// does not read.
var unreadNames = []string{"hugo.yaml", "hugo.yml", "hugo.json", "config.yaml", "config.yml", "config.json"}

// warnUnread names every configuration file of the site the handbook
// does not read, so that no setting is dropped in silence: Hugo's YAML
// and JSON files, the files of config/_default/, and the TOML files
// after the one that was read.
func warnUnread(cfg *Config, diags *diag.List) {
	var unread []string
	for _, name := range append(configNames, unreadNames...) {
		if name != cfg.File && exists(filepath.Join(cfg.Root, name)) {
			unread = append(unread, name)
		}
	}
	if entries, err := os.ReadDir(filepath.Join(cfg.Root, "config", "_default")); err == nil {
		for _, e := range entries {
			unread = append(unread, "config/_default/"+e.Name())
		}
	}
	for _, name := range unread {
		if cfg.File == "" {
			diags.Warnf(name, 0, "this configuration file is not read, and the site has none that is: it is built with the defaults (the handbook reads %s, else hugo.toml, else config.toml)", FileName)
		} else {
			diags.Warnf(name, 0, "this configuration file is not read: the handbook reads %s only", cfg.File)
		}
	}
}
