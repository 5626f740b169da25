package config

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"handbook/build/diag"
)

// hugoExts are the formats of a Hugo configuration file, in the order
// Hugo looks for them.
var hugoExts = []string{"toml", "yaml", "yml", "json"}

// hugoDir is Hugo's configuration folder; its _default/ folder is read,
// its environment folders (production/, staging/) are not.
const hugoDir = "config"

// hugoPart is one file of a Hugo configuration and the key its content
// is merged under: nil for the root, ["params"] for params.toml,
// ["languages", "fr", "menus"] for menus.fr.toml.
type hugoPart struct {
	file  string // relative to the site root, slash-separated
	under []string
}

// hugoParts lists the files of the site's Hugo configuration, the one
// that wins a key first: the root file (hugo.* before config.*, TOML
// before YAML before JSON), then config/_default/'s own hugo.* or
// config.*, then its files named after a key (languages.toml,
// params.yaml, menus.fr.toml), as Hugo merges them. The root files Hugo
// would not read (config.toml beside hugo.toml) come back in unread.
func hugoParts(root string) (parts []hugoPart, unread []string) {
	for _, base := range []string{"hugo", "config"} {
		for _, ext := range hugoExts {
			name := base + "." + ext
			if !exists(filepath.Join(root, name)) {
				continue
			}
			if len(parts) == 0 {
				parts = append(parts, hugoPart{file: name})
			} else {
				unread = append(unread, name)
			}
		}
	}
	entries, err := os.ReadDir(filepath.Join(root, hugoDir, "_default"))
	if err != nil {
		return parts, unread
	}
	var roots, keyed []hugoPart
	for _, e := range entries {
		name := e.Name()
		file := hugoDir + "/_default/" + name
		ext := strings.TrimPrefix(path.Ext(name), ".")
		if e.IsDir() || !isHugoExt(ext) {
			unread = append(unread, file)
			continue
		}
		key, lang, _ := strings.Cut(strings.TrimSuffix(name, "."+ext), ".")
		switch key = strings.ToLower(key); {
		case (key == "hugo" || key == "config") && lang == "":
			roots = append(roots, hugoPart{file: file})
		case lang != "":
			keyed = append(keyed, hugoPart{file: file, under: []string{"languages", strings.ToLower(lang), key}})
		default:
			keyed = append(keyed, hugoPart{file: file, under: []string{key}})
		}
	}
	sort.SliceStable(roots, func(i, j int) bool { return roots[i].file < roots[j].file })
	if len(roots) > 1 {
		roots = roots[:1] // hugo.* sorts before config.*
	}
	return append(append(parts, roots...), keyed...), unread
}

func isHugoExt(ext string) bool {
	for _, e := range hugoExts {
		if e == ext {
			return true
		}
	}
	return false
}

// hugoEnvironments lists config/'s folders other than _default/: Hugo
// reads one of them for the environment it builds for, the handbook none.
func hugoEnvironments(root string) []string {
	entries, err := os.ReadDir(filepath.Join(root, hugoDir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "_default" && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, hugoDir+"/"+e.Name())
		}
	}
	return out
}

// readHugoParts decodes and merges the parts into one map whose keys are
// in lower case, a key of an earlier part winning, and returns where
// each key is written. A part that cannot be decoded is reported at its
// line, and ok is false.
func readHugoParts(cfg *Config, parts []hugoPart, diags *diag.List) (raw, orig map[string]any, lines lineMap, ok bool) {
	raw, orig, lines, ok = map[string]any{}, map[string]any{}, lineMap{}, true
	for _, p := range parts {
		data, err := readFile(cfg.Root, p.file)
		if err != nil {
			diags.Errorf(p.file, 0, "%v", err)
			ok = false
			continue
		}
		m, keys, good := decodeConfig(p.file, data, diags)
		if !good {
			ok = false
			continue
		}
		prefix := strings.Join(p.under, ".")
		for k, pos := range keys {
			if prefix != "" {
				k = prefix + "." + k
			}
			if _, seen := lines[k]; !seen {
				lines[k] = pos
			}
		}
		if prefix != "" {
			if _, seen := lines[prefix]; !seen {
				lines[prefix] = keyPos{p.file, 1}
			}
		}
		merge(raw, nest(p.under, lowerKeys(m)))
		merge(orig, nest(p.under, m))
	}
	return raw, orig, lines, ok
}

// nest puts m under the keys of path.
func nest(path []string, m map[string]any) map[string]any {
	for i := len(path) - 1; i >= 0; i-- {
		m = map[string]any{path[i]: m}
	}
	return m
}

// merge adds to dst the keys of src it does not have, and merges the
// maps both have, as Hugo merges its configuration files.
func merge(dst, src map[string]any) {
	for k, v := range src {
		have, ok := dst[k]
		if !ok {
			dst[k] = v
			continue
		}
		hm, hok := have.(map[string]any)
		sm, sok := v.(map[string]any)
		if hok && sok {
			merge(hm, sm)
		}
	}
}

// loadHugo reads the part of a Hugo configuration the handbook
// understands, from any of the forms Hugo accepts (see hugoParts), and
// reports, once, the keys it leaves aside. Hugo's keys are
// case-insensitive, so they are matched in lower case. A site with no
// Hugo configuration is left as it is, on the defaults. It returns where
// the configuration's keys are written.
func loadHugo(cfg *Config, diags *diag.List) (lineMap, error) {
	parts, unread := hugoParts(cfg.Root)
	if len(parts) == 0 {
		for _, name := range unread {
			diags.Warnf(name, 0, "this configuration file is not read, and the site has none that is: it is built with the defaults (the handbook reads %s, or Hugo's hugo.*, config.* and config/_default/)", FileName)
		}
		return nil, nil
	}
	cfg.Hugo = true
	cfg.File = parts[0].file
	if len(parts[0].under) > 0 {
		// config/_default/ holds only files named after keys.
		cfg.File = hugoDir + "/_default"
	}
	for _, name := range unread {
		diags.Warnf(name, 0, "this configuration file is not read: Hugo reads %s", cfg.File)
	}
	for _, env := range hugoEnvironments(cfg.Root) {
		diags.Warnf(env, 0, "Hugo environment configuration is not read: the handbook builds with %s/_default only", hugoDir)
	}
	raw, orig, lines, ok := readHugoParts(cfg, parts, diags)
	if !ok {
		return nil, errInvalid
	}
	h := hugoReader{raw: raw, orig: orig}
	applyHugo(cfg, &h)
	if inSubdir, ok := h.get("defaultcontentlanguageinsubdir").(bool); ok && !inSubdir {
		file, line := lines.at(cfg.File, "defaultcontentlanguageinsubdir")
		diags.Warnf(file, line, "defaultContentLanguageInSubdir is false, but every language's pages are written under its code (/%s/…); / leads to the default language", cfg.DefaultLanguage)
	}
	if ignored := h.ignored(); len(ignored) > 0 {
		diags.Add(diag.Diagnostic{File: cfg.File, Severity: diag.Warning, Code: diag.CodeIgnoredConfig,
			Message: fmt.Sprintf("Hugo configuration: ignoring %s (the handbook reads title, params, baseURL, contentDir, defaultContentLanguage, publishDir, languages, markup.goldmark.renderer.unsafe and markup.goldmark.parser's autoIDType and autoDefinitionTermID)", strings.Join(ignored, ", "))})
	}
	if exists(filepath.Join(cfg.Root, "layouts")) {
		diags.Add(diag.Diagnostic{File: "layouts", Severity: diag.Warning, Code: diag.CodeUnusedLayouts,
			Message: fmt.Sprintf("Hugo templates are not used: the site is rendered with the %q theme", cfg.Theme)})
	}
	return lines, nil
}

// applyHugo sets cfg from the keys of a Hugo configuration. A site
// without [languages] has one language, defaultContentLanguage ("en"
// unless set), whose pages are straight under contentDir: its folders
// are sections, not languages. A language without a contentDir of its
// own shares the site's, and its pages are told apart by their file
// names (page.fr.md).
func applyHugo(cfg *Config, h *hugoReader) {
	setIf(&cfg.Title, h.str("title"))
	if d, ok := h.get("params", "description").(string); ok {
		cfg.Description = d
	}
	if p, ok := h.get("params", "print").(bool); ok {
		cfg.Print.Enable = &p
	}
	setIf(&cfg.BaseURL, h.str("baseurl"))
	cfg.DefaultLanguage = "en"
	setIf(&cfg.DefaultLanguage, h.str("defaultcontentlanguage"))
	contentDir := "content"
	setIf(&contentDir, h.str("contentdir"))
	if dir := h.str("publishdir"); dir != "" {
		cfg.OutputDir = resolve(cfg.Root, dir)
	}
	if unsafe, ok := h.get("markup", "goldmark", "renderer", "unsafe").(bool); ok {
		cfg.Markup.UnsafeHTML = unsafe
	}
	readHugoIDs(cfg, h)
	langs, _ := h.get("languages").(map[string]any)
	for code, v := range langs {
		l, _ := v.(map[string]any)
		lr := hugoReader{raw: l}
		name := lr.str("label")
		setIf(&name, lr.str("languagename"))
		dir := contentDir
		setIf(&dir, lr.str("contentdir"))
		lang := newLanguage(code, name, number(lr.get("weight")), dir, lr.str("title"))
		lang.Description, _ = lr.get("params", "description").(string)
		lang.Params = hugoParams(h.raw["params"], l["params"])
		setIf(&lang.Description, lr.str("description"))
		cfg.Languages = append(cfg.Languages, lang)
		h.used["languages."+code] = true
		for k := range l {
			h.used["languages."+code+"."+k] = isKnownHugoLanguageKey(k)
		}
		h.readWhole("languages." + code + ".params")
	}
	if len(cfg.Languages) == 0 {
		name := cfg.DefaultLanguage
		setIf(&name, h.str("languagename"))
		lang := newLanguage(cfg.DefaultLanguage, name, 0, contentDir, "")
		lang.Params = hugoParams(h.raw["params"], nil)
		cfg.Languages = []Language{lang}
	}
	h.readWhole("params")         // the shortcodes' param and the templates' .Site.Params
	h.used["languagecode"] = true // the same language, for <html lang>
	applyContentMounts(cfg, h)
}

// applyContentMounts reads the module mounts whose target is content/
// (Hugo's documentation mounts content/en there for English): the
// mount's source is the content folder of its languages (lang, or
// sites.matrix.languages; all of them when it names none). A
// language's first such mount is read; the other mounts are ignored.
func applyContentMounts(cfg *Config, h *hugoReader) {
	mounts, _ := h.get("module", "mounts").([]any)
	taken := map[string]bool{}
	for _, m := range mounts {
		mr := hugoReader{raw: asMap(m)}
		if strings.Trim(path.Clean("/"+mr.str("target")), "/") != "content" || mr.str("source") == "" {
			continue
		}
		langs := mountLanguages(&mr)
		for i := range cfg.Languages {
			l := &cfg.Languages[i]
			if taken[l.Code] || (langs != nil && !langs[strings.ToLower(l.Code)]) {
				continue
			}
			taken[l.Code] = true
			l.ContentDir = path.Clean(filepath.ToSlash(mr.str("source")))
		}
	}
}

// mountLanguages are the languages a mount is for, in lower case, or nil
// for all.
func mountLanguages(mr *hugoReader) map[string]bool {
	var names []any
	if l := mr.str("lang"); l != "" {
		names = append(names, l)
	}
	if list, ok := mr.get("sites", "matrix", "languages").([]any); ok {
		names = append(names, list...)
	}
	if len(names) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, n := range names {
		if s, ok := n.(string); ok {
			out[strings.ToLower(s)] = true
		}
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return lowerKeys(m)
}

// number reads a whole number as TOML (int64), YAML (int) or JSON
// (float64) decode it; anything else is 0.
func number(v any) int {
	switch n := v.(type) {
	case int64:
		return int(n)
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}

func isKnownHugoLanguageKey(k string) bool {
	switch k {
	case "label", "languagename", "weight", "contentdir", "title", "languagecode", "description":
		return true
	}
	return false
}

// readHugoIDs reads how Hugo would make the ids of headings and
// definition terms: autoIDType, or autoHeadingIDType, its older name.
func readHugoIDs(cfg *Config, h *hugoReader) {
	cfg.Markup.HugoIDs = "github"
	for _, key := range []string{"autoheadingidtype", "autoidtype"} {
		if t, ok := h.get("markup", "goldmark", "parser", key).(string); ok {
			cfg.Markup.HugoIDs = t
		}
	}
	cfg.Markup.DefinitionTermIDs, _ = h.get("markup", "goldmark", "parser", "autodefinitiontermid").(bool)
}

// hugoReader walks a Hugo configuration and remembers which keys were read.
type hugoReader struct {
	raw  map[string]any
	used map[string]bool
	// whole are the keys (dotted, lower case) read with everything under
	// them: the params, which shortcodes and templates may read.
	whole map[string]bool
	// orig is raw as written, so that ignored keys are named as the
	// writer spelled them.
	orig map[string]any
}

// readWhole marks key (dotted, lower case) as read with everything
// under it.
func (h *hugoReader) readWhole(key string) {
	if h.whole == nil {
		h.whole = map[string]bool{}
	}
	h.whole[key] = true
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
			if h.whole[lkey] {
				continue
			}
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

// warnHugoBeside names the Hugo configuration files of a site that has a
// handbook.toml: that file alone is read.
func warnHugoBeside(cfg *Config, diags *diag.List) {
	parts, unread := hugoParts(cfg.Root)
	for _, p := range parts {
		unread = append(unread, p.file)
	}
	sort.Strings(unread)
	for _, name := range unread {
		diags.Warnf(name, 0, "this configuration file is not read: the handbook reads %s only", cfg.File)
	}
}

// hugoParams are a language's params: the site's, with the language's
// over them key by key; nil when there are none. They are read directly, not through the reader,
// so that check still lists them as ignored by the theme.
func hugoParams(site, lang any) map[string]any {
	var out map[string]any
	for _, v := range []any{site, lang} {
		m, _ := v.(map[string]any)
		for k, x := range m {
			if out == nil {
				out = map[string]any{}
			}
			out[k] = x
		}
	}
	return out
}
