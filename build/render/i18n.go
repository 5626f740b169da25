package render

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"handbook/build/diag"
)

// lastResort is the language whose interface strings stand in for a
// language neither its own file nor the default language's has: the
// default theme has English, so a site in Japanese or German never shows
// a string's key.
const lastResort = "en"

// translations holds the theme's interface strings per language, read
// from i18n/<lang>.toml. A string missing in a language falls back to the
// default language, then to English. What falls back is reported when
// the strings are read, once per language with the count, not once per
// string: a site of sixteen languages gets a line per language.
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
	read := langs
	if !contains(langs, lastResort) {
		read = append(append([]string(nil), langs...), lastResort)
	}
	for _, lang := range read {
		name := "i18n/" + lang + ".toml"
		data, err := theme.ReadFile(name)
		if err != nil {
			continue
		}
		m := map[string]string{}
		if err := toml.Unmarshal(data, &m); err != nil {
			return nil, tomlProblem(theme.Source(name), err)
		}
		tr.byLang[lang] = m
	}
	for _, lang := range langs {
		tr.reportFallbacks(lang)
	}
	return tr, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// standIns are the languages whose strings lang falls back to, in order.
func (tr *translations) standIns(lang string) []string {
	var out []string
	for _, l := range []string{tr.fallback, lastResort} {
		if l != lang && tr.byLang[l] != nil && !contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// reportFallbacks warns, once, that lang has no interface strings, or
// how many of the strings its stand-ins have it lacks, naming the first.
func (tr *translations) reportFallbacks(lang string) {
	file := tr.theme.Source("i18n/" + lang + ".toml")
	using := "the strings' names"
	if in := tr.standIns(lang); len(in) > 0 {
		using = in[0]
	}
	own := tr.byLang[lang]
	if own == nil {
		tr.diags.Warnf(file, 0, "no interface strings for %s: using %s", lang, using)
		return
	}
	var missing []string
	for _, l := range tr.standIns(lang) {
		for key := range tr.byLang[l] {
			if _, ok := own[key]; !ok && !contains(missing, key) {
				missing = append(missing, key)
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	sort.Strings(missing)
	for _, key := range missing {
		tr.reported[lang+"\x00"+key] = true
	}
	names := strings.Join(quoteAll(missing[:min(len(missing), 5)]), ", ")
	if len(missing) > 5 {
		names += ", …"
	}
	noun := "interface strings are"
	if len(missing) == 1 {
		noun = "interface string is"
	}
	tr.diags.Warnf(file, 0, "%d %s not translated into %s (%s): using %s", len(missing), noun, lang, names, using)
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
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

// get returns the interface string key in lang, or in the first of its
// stand-ins that has it; a key no language has is reported and shown as
// itself.
func (tr *translations) get(lang, key string) string {
	if s, ok := tr.byLang[lang][key]; ok {
		return s
	}
	for _, l := range tr.standIns(lang) {
		if s, ok := tr.byLang[l][key]; ok {
			return s
		}
	}
	tr.report(lang, key)
	return key
}

// locale is lang's og_locale string ("vi_VN"), or, for a language the
// theme has no strings for, its code written as a locale ("pt-br" is
// "pt_BR"): a page in Japanese never claims to be en_US.
func (tr *translations) locale(lang string) string {
	if s, ok := tr.byLang[lang]["og_locale"]; ok {
		return s
	}
	base, region, found := strings.Cut(lang, "-")
	if !found {
		return base
	}
	return base + "_" + strings.ToUpper(region)
}

// report warns once about a string that no language has: a layout asks
// for a string its theme never defined.
func (tr *translations) report(lang, key string) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	id := lang + "\x00" + key
	if tr.reported[id] {
		return
	}
	tr.reported[id] = true
	tr.diags.Warnf(tr.theme.Source("i18n/"+lang+".toml"), 0, "interface string %q is not defined in any language of the theme", key)
}

// format fills the {name} placeholders of an interface string.
func format(s string, args map[string]string) string {
	for k, v := range args {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}
