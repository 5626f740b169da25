package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"handbook/build/diag"
	"handbook/build/internal/files"
)

// FileName is the configuration file of a handbook site.
const FileName = "handbook.toml"

// Config is everything the later stages need to know about a site.
type Config struct {
	// Root is the absolute path of the site's source folder.
	Root string
	// File is the configuration file that was read, relative to Root, or
	// "" when the site has none and runs on defaults.
	File string

	Title string
	// Description is the site's one-line summary (handbook.toml's
	// description, Hugo's params.description): a site that is not the
	// Day 1 handbook shows it in the footer and as its home's meta
	// description.
	Description string
	// Hugo is true when the site's configuration is Hugo's (hugo.toml,
	// config.toml, config/_default/…) rather than handbook.toml: such a
	// site is read and linked by Hugo's rules (lowercase URLs, its heading
	// ids, link problems Hugo would not report are warnings), and the
	// theme shows the site's own identity, not the Day 1 handbook's.
	Hugo bool
	// BaseURL is the site's public address, always ending in "/". It may
	// carry a sub-path (https://intranet.example/handbook/).
	BaseURL string
	// DefaultLanguage is the code of the language "/" leads to.
	DefaultLanguage string
	// Languages are ordered by weight, then code.
	Languages []Language
	// OutputDir is where build writes the site, absolute.
	OutputDir string
	// Theme names the folder under themes/ whose files override the
	// embedded default theme. "default" means no override folder unless
	// the site has a themes/default/ of its own.
	Theme string
	// Drafts includes pages marked draft: true.
	Drafts bool
	// Search writes the search index; on unless the site turns it off.
	Search bool
	// MaxFileSize is the size in bytes over which a file of the site is
	// refused; 0 means the default, see FileSizeLimit.
	MaxFileSize int64

	Markup  Markup
	History History
	Print   Print
}

// History says what the build reads from the site's git history: the
// date each page last changed, and the "what's new" page and feed.
type History struct {
	// Enable reads the history; on by default, it finds none outside a
	// git repository.
	Enable bool
	// Explicit is true when the configuration file turns it on itself:
	// outside a git repository that is then worth a warning.
	Explicit bool
	// ChangesMonths is how many months of changes, before the newest
	// commit, the "what's new" page and feed list; 0 makes neither.
	ChangesMonths int
}

// DefaultChangesMonths is how far back the "what's new" page goes when
// the configuration does not say.
const DefaultChangesMonths = 6

// Print holds the options of the print pages.
type Print struct {
	// Enable asks for the print pages or turns them off ([print] enable
	// in handbook.toml, Hugo's params.print); nil leaves them to the
	// content: a site of the handbook's model (pages with a kind) has
	// them.
	Enable *bool
	// MaxPages is the most pages a print page holds: one that would hold
	// more (a large handbook's whole, or a large section) is not made.
	MaxPages int
}

// DefaultPrintMaxPages is the most pages a print page holds unless the
// configuration says otherwise: a few thousand sheets of paper.
const DefaultPrintMaxPages = 500

// Markup holds the options of the Markdown stage.
type Markup struct {
	// UnsafeHTML lets raw HTML in Markdown through; by default it is
	// escaped and shown as text.
	UnsafeHTML bool
	// HighlightStyle and HighlightDarkStyle are chroma style names used
	// for code blocks in light and dark mode.
	HighlightStyle     string
	HighlightDarkStyle string
	// HugoIDs names Hugo's rule for heading ids ("github", "github-ascii"
	// or "blackfriday", from markup.goldmark.parser.autoIDType) on a Hugo
	// site, whose links were written against it; "" on the handbook's own.
	HugoIDs string
	// DefinitionTermIDs gives definition terms ids as headings get them
	// (Hugo's markup.goldmark.parser.autoDefinitionTermID).
	DefinitionTermIDs bool
}

// Language is one language of the site.
type Language struct {
	Code   string
	Name   string
	Weight int
	// ContentDir is the language's content folder, relative to Root.
	ContentDir string
	// Title overrides the site title in this language.
	Title string
	// Description overrides the site's description in this language.
	Description string
	// Params are a Hugo site's params in this language: the root's,
	// with the language's own over them key by key, as Hugo's
	// .Site.Params and the param shortcode see them. Nil elsewhere.
	Params map[string]any
}

// Overrides are the values given on the command line; empty fields leave
// the configuration as it is.
type Overrides struct {
	Dest    string
	BaseURL string
	Drafts  bool
	// NoSearch leaves the search index out of the build.
	NoSearch bool
	// NoHistory leaves the git history out: no dates, no "what's new".
	NoHistory bool
}

// Language returns the language with the given code.
func (c *Config) Language(code string) (Language, bool) {
	for _, l := range c.Languages {
		if l.Code == code {
			return l, true
		}
	}
	return Language{}, false
}

// BasePath is the path part of BaseURL ("/" or "/handbook/"), which every
// link inside the site starts with.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// AbsURL turns a site path ("/vi/principles/x/") into an absolute address
// under BaseURL, or a root-relative one when BaseURL has no host.
func (c *Config) AbsURL(sitePath string) string {
	return strings.TrimSuffix(c.BaseURL, "/") + sitePath
}

// Load reads the configuration of the site at root. Problems in the file
// are reported to diags with their line; the returned error is non-nil
// only when no usable configuration could be made.
func Load(root string, over Overrides, diags *diag.List) (*Config, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("site folder %s does not exist or is not a folder", root)
	}
	cfg := defaults(abs)
	var lines lineMap
	if exists(filepath.Join(abs, FileName)) {
		cfg.File = FileName
	}
	if cfg.File == FileName {
		lines, err = loadHandbook(cfg, diags)
		warnHugoBeside(cfg, diags)
	} else {
		lines, err = loadHugo(cfg, diags)
	}
	if err != nil {
		return nil, err
	}
	if len(cfg.Languages) == 0 && !cfg.Hugo {
		cfg.Languages = detectLanguages(abs, diags)
	}
	if over.BaseURL != "" {
		if err := CheckBaseURL(over.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url %q %w", over.BaseURL, err)
		}
	}
	// The file's baseURL is checked as written, before a slash is added.
	baseOK := cfg.checkBaseURL(lines, diags)
	cfg.apply(over)
	if err := cfg.validate(lines, diags); err != nil || !baseOK {
		return nil, errInvalid
	}
	return cfg, nil
}

// lineMap maps each key of the configuration, dotted and in lower case,
// to the file and line it is written on, so that a bad value is reported
// where it is written: a Hugo configuration may be spread over several
// files.
type lineMap map[string]keyPos

// keyPos is where a key of the configuration is written.
type keyPos struct {
	file string
	line int
}

// at returns the file and line of the first of keys (dotted, lower case)
// the configuration sets, or file and 0 when it sets none of them.
func (lines lineMap) at(file string, keys ...string) (string, int) {
	for _, k := range keys {
		if p, ok := lines[k]; ok {
			return p.file, p.line
		}
	}
	return file, 0
}

// checkBaseURL reports a baseURL the file sets that is not an address
// (see CheckBaseURL) at its line, and returns whether it is one.
func (c *Config) checkBaseURL(lines lineMap, diags *diag.List) bool {
	if err := CheckBaseURL(c.BaseURL); err != nil {
		file, line := lines.at(c.File, "baseurl")
		diags.Errorf(file, line, "baseURL %q %v", c.BaseURL, err)
		return false
	}
	return true
}

func defaults(root string) *Config {
	return &Config{
		Root:      root,
		Title:     "Handbook",
		BaseURL:   "/",
		OutputDir: filepath.Join(root, "public"),
		Theme:     "default",
		Search:    true,
		History:   History{Enable: true, ChangesMonths: DefaultChangesMonths},
		Markup: Markup{
			HighlightStyle:     "github",
			HighlightDarkStyle: "github-dark",
		},
		Print: Print{MaxPages: DefaultPrintMaxPages},
	}
}

func (c *Config) apply(over Overrides) {
	if over.Dest != "" {
		if abs, err := filepath.Abs(over.Dest); err == nil {
			c.OutputDir = abs
		}
	}
	if over.BaseURL != "" {
		c.BaseURL = over.BaseURL
	}
	if over.Drafts {
		c.Drafts = true
	}
	if over.NoSearch {
		c.Search = false
	}
	if over.NoHistory {
		c.History.Enable, c.History.Explicit = false, false
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	sort.SliceStable(c.Languages, func(i, j int) bool {
		if c.Languages[i].Weight != c.Languages[j].Weight {
			return c.Languages[i].Weight < c.Languages[j].Weight
		}
		return c.Languages[i].Code < c.Languages[j].Code
	})
	if c.DefaultLanguage == "" && len(c.Languages) > 0 {
		c.DefaultLanguage = c.Languages[0].Code
	}
}

// errInvalid marks a configuration that cannot be built; the details are
// in the diagnostics.
var errInvalid = errors.New("invalid configuration")

func (c *Config) validate(lines lineMap, diags *diag.List) error {
	bad := false
	if len(c.Languages) == 0 {
		diags.Errorf(c.File, 0, "no languages: add [languages.xx] tables, or content/<lang>/ folders")
		bad = true
	}
	if _, ok := c.Language(c.DefaultLanguage); !ok && len(c.Languages) > 0 {
		file, line := lines.at(c.File, "defaultlanguage", "defaultcontentlanguage")
		diags.Errorf(file, line, "default language %q is not one of the languages", c.DefaultLanguage)
		bad = true
	}
	if c.Print.MaxPages < 1 {
		file, line := lines.at(c.File, "print.maxpages")
		diags.Errorf(file, line, "print.maxPages is %d: it must be 1 or more (the most pages a print page holds)", c.Print.MaxPages)
		bad = true
	}
	for _, l := range c.Languages {
		if !isLanguageCode(l.Code) {
			file, line := lines.at(c.File, "languages."+strings.ToLower(l.Code))
			diags.Errorf(file, line, "languages: %q is not a language code: write a BCP 47 tag, like vi, fr or pt-BR", l.Code)
			bad = true
			continue
		}
		if !exists(filepath.Join(c.Root, l.ContentDir)) {
			diags.Errorf(c.File, 0, "language %s: content folder %s does not exist", l.Code, l.ContentDir)
			bad = true
		}
	}
	if bad {
		return errInvalid
	}
	return nil
}

// detectLanguages makes one language per folder under content/, for a site
// with no configuration at all. A folder whose name is not a language
// code is skipped with a warning rather than failing the build: it may
// hold shared files, and its name must not become a path of the site.
func detectLanguages(root string, diags *diag.List) []Language {
	entries, err := os.ReadDir(filepath.Join(root, "content"))
	if err != nil {
		return nil
	}
	var langs []Language
	for i, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		code, dir := e.Name(), "content/"+e.Name()
		if !isLanguageCode(code) {
			diags.Warnf(dir, 0, "folder %q is not a language code (a BCP 47 tag, like vi, fr or pt-BR): its pages are not built; rename it, or configure [languages]", code)
			continue
		}
		langs = append(langs, Language{Code: code, Name: code, Weight: i + 1, ContentDir: dir})
	}
	return langs
}

// isLanguageCode reports whether code is a BCP 47 language tag (vi, fr,
// pt-BR) written with letters, digits and hyphens only. A code names a
// folder of the site and is part of every URL of its language, so
// anything else (a slash, a space, "..") is refused.
func isLanguageCode(code string) bool {
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	_, err := language.Parse(code)
	return err == nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// FileSizeLimit is the size in bytes over which a file of the site is
// refused rather than read into memory: MaxFileSize, or 64 MiB.
func (c *Config) FileSizeLimit() int64 {
	if c.MaxFileSize > 0 {
		return c.MaxFileSize
	}
	return files.DefaultLimit
}
