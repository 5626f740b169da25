package render

import (
	"errors"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"handbook/build/diag"
)

// translations holds the theme's interface strings per language, read
// from i18n/<lang>.toml. A string missing in a language falls back to the
// default language and is reported once.
type translations struct {
	byLang   map[string]map[string]string
	fallback string
	diags    *diag.List
	theme    *Theme

	mu       sync.Mutex
	reported map[string]bool
}

func loadTranslations(theme *Theme, langs []string, fallback string, diags *diag.List) (*translations, error) {
	tr := &translations{byLang: map[string]map[string]string{}, fallback: fallback, diags: diags, theme: theme, reported: map[string]bool{}}
	for _, lang := range langs {
		name := "i18n/" + lang + ".toml"
		data, err := theme.ReadFile(name)
		if err != nil {
			diags.Warnf(theme.Source(name), 0, "no interface strings for %s: using %s", lang, fallback)
			continue
		}
		m := map[string]string{}
		if err := toml.Unmarshal(data, &m); err != nil {
			return nil, tomlProblem(theme.Source(name), err)
		}
		tr.byLang[lang] = m
	}
	return tr, nil
}

// tomlProblem is a theme's TOML file that does not read, at the line
// the decoder gives.
func tomlProblem(file string, err error) *diag.Problem {
	d := diag.Diagnostic{File: file, Severity: diag.Error, Message: err.Error()}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		d.Line, _ = de.Position()
	}
	return &diag.Problem{Diagnostic: d, Err: err}
}

// get returns the interface string key in lang.
func (tr *translations) get(lang, key string) string {
	if s, ok := tr.byLang[lang][key]; ok {
		return s
	}
	tr.report(lang, key)
	if s, ok := tr.byLang[tr.fallback][key]; ok {
		return s
	}
	return key
}

func (tr *translations) report(lang, key string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	id := lang + "\x00" + key
	if tr.reported[id] {
		return
	}
	tr.reported[id] = true
	tr.diags.Warnf(tr.theme.Source("i18n/"+lang+".toml"), 0, "interface string %q is not translated into %s: using %s", key, lang, tr.fallback)
}

// format fills the {name} placeholders of an interface string.
func format(s string, args map[string]string) string {
	for k, v := range args {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}
