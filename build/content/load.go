package content

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/internal/files"
	"handbook/build/internal/parallel"
)

// Load reads the content folder of every configured language. Problems
// with single files (broken front matter, invalid UTF-8, a file that is
// not a regular one or is too large, a symbolic link loop) are reported
// to diags and the file is left out; the error is for failures that make
// the whole set unusable. Unless cfg.Drafts, drafts are left out, with
// the folders of draft bundles and sections (leaveOutDrafts).
func Load(cfg *config.Config, diags *diag.List) (*Set, error) {
	return load(cfg, nil, diags)
}

// LoadWithoutBodies is Load for a site rendered once (a build): the set
// holds no page's Markdown, only what it takes to read each body again
// when the page is converted (Set.ReadBody).
func LoadWithoutBodies(cfg *config.Config, diags *diag.List) (*Set, error) {
	return load(cfg, newRereader(cfg.Root, cfg.FileSizeLimit()), diags)
}

// load is Load, keeping the pages' bodies unless again, which then
// reads them again, is not nil.
func load(cfg *config.Config, again *rereader, diags *diag.List) (*Set, error) {
	set := &Set{byLang: map[string]*Lang{}, resources: map[string]bool{}, again: again}
	for _, lc := range cfg.Languages {
		lang := &Lang{Language: lc}
		set.Langs = append(set.Langs, lang)
		set.byLang[lc.Code] = lang
	}
	var sources []source
	walkers := contentWalkers(cfg, diags)
	if err := walkAll(walkers); err != nil {
		return nil, err
	}
	for _, w := range walkers {
		sources = append(sources, w.pages...)
		set.Resources = append(set.Resources, w.resources...)
		for _, r := range w.resources {
			set.resources[r.URL] = true
		}
	}
	sortByLanguage(cfg, sources)
	pages, bodies := readAll(sources, cfg.FileSizeLimit(), again, diags)
	read := make(map[*Page][]byte, len(pages))
	for i, p := range pages {
		if p != nil {
			set.Pages = append(set.Pages, p)
			read[p] = bodies[i]
		}
	}
	if cfg.Hugo {
		applyCascades(set.Pages)
		now := time.Now()
		for _, p := range set.Pages {
			p.settle(now)
			p.nameUntitled(cfg)
		}
	}
	if cfg.Drafts {
		markDraftFolders(set.Pages)
	} else {
		set.leaveOutDrafts()
	}
	set.leaveOutUnrendered()
	if again != nil {
		return set, nil
	}
	// The bodies of the pages left out are not kept.
	set.bodies = newBodies(len(set.Pages))
	for _, p := range set.Pages {
		set.bodies.put(p, read[p])
	}
	return set, nil
}

// contentWalkers makes one walker per content folder: languages may
// share one (Hugo's content/, where page.fr.md is French), which is then
// walked once. Its files whose names name no language are the default
// language's if it is among them, else the first's.
func contentWalkers(cfg *config.Config, diags *diag.List) []*walker {
	var out []*walker
	byDir := map[string]*walker{}
	for _, lc := range cfg.Languages {
		if w, ok := byDir[lc.ContentDir]; ok {
			w.sharing = append(w.sharing, lc.Code)
			if lc.Code == cfg.DefaultLanguage {
				w.lang = lc.Code
			}
			continue
		}
		w := newWalker(cfg, lc, diags)
		byDir[lc.ContentDir] = w
		out = append(out, w)
	}
	return out
}

// walkAll walks the content folders together, each on a goroutine of
// its own: walking those of 2×100,000 pages one after the other took
// 0.3 s, on one core while the other waited.
// It returns the first folder's error, in the walkers' order.
func walkAll(walkers []*walker) error {
	errs := make([]error, len(walkers))
	parallel.Each(len(walkers), func() func(int) {
		return func(i int) { errs[i] = walkers[i].walk() }
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sortByLanguage orders sources by their language's place in the
// configuration, keeping the walk's order within a language.
func sortByLanguage(cfg *config.Config, sources []source) {
	rank := map[string]int{}
	for i, l := range cfg.Languages {
		rank[l.Code] = i
	}
	sort.SliceStable(sources, func(i, j int) bool { return rank[sources[i].lang] < rank[sources[j].lang] })
}

// source is a Markdown file waiting to be read.
type source struct {
	lang    string
	abs     string
	file    string // relative to the site root
	relPath string // relative to the language folder
	hugo    bool   // read by Hugo's rules
}

// IgnoredName reports whether a file or folder is left out of the site:
// hidden files and the swap, backup and temporary files editors leave
// beside the ones they save.
func IgnoredName(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"),
		strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, ".bak"), name == "4913":
		return true
	}
	return false
}

// readAll reads and parses the sources on all cores, keeping their
// order: each one's page and Markdown body. With again, the bodies are
// not kept: each page keeps where its body is instead, and each
// goroutine reads its next file into the space of the last, which
// nothing holds then (a page's values are strings of their own).
func readAll(sources []source, limit int64, again *rereader, diags *diag.List) ([]*Page, [][]byte) {
	pages, bodies := make([]*Page, len(sources)), make([][]byte, len(sources))
	parallel.EachWith(2*runtime.GOMAXPROCS(0), len(sources), func() func(int) {
		var space []byte // the file last read, when its bodies are not kept
		return func(i int) {
			p, body, raw := readPage(sources[i], limit, space, diags)
			if again != nil {
				if p != nil {
					p.place = again.place(raw, body)
				}
				body = nil
				if raw != nil {
					space = raw
				}
			}
			pages[i], bodies[i] = p, body
		}
	})
	shareTexts(pages)
	return pages, bodies
}

// readPage reads and parses one source, into its page, its Markdown
// body and the file's bytes as read, read into space when it has room.
// Its file is opened only if it is a regular file under limit bytes, so
// a named pipe never blocks the read.
func readPage(src source, limit int64, space []byte, diags *diag.List) (p *Page, body, raw []byte) {
	data, err := files.ReadInto(src.abs, limit, space)
	if err != nil {
		diags.Errorf(src.file, 0, "cannot read the file: %v", files.WithoutPath(err))
		return nil, nil, nil
	}
	p, body, errs := parsePage(src, data)
	for _, e := range errs {
		diags.Errorf(src.file, e.Line, "%s", e.Msg)
	}
	return p, body, data
}

// ParsePage makes a page from a source file's bytes. It returns the page
// and its Markdown body, or nil when the file cannot be used, and every
// problem found, each with its line.
func ParsePage(lang, file, relPath string, data []byte) (*Page, []byte, []*FrontMatterError) {
	return parsePage(source{lang: lang, file: file, relPath: relPath}, data)
}

// parsePage makes a page from src's bytes, by Hugo's rules when src is
// a Hugo site's.
func parsePage(src source, data []byte) (*Page, []byte, []*FrontMatterError) {
	lang, file, relPath := src.lang, src.file, src.relPath
	data, valid := normalizeText(data)
	if !valid {
		return nil, nil, []*FrontMatterError{{invalidUTF8Line(data), "the file is not valid UTF-8: save it as UTF-8"}}
	}
	format, fmSrc, body, bodyLine, err := splitFrontMatter(data)
	if err != nil {
		return nil, nil, []*FrontMatterError{err.(*FrontMatterError)}
	}
	p := &Page{Lang: lang, File: file, RelPath: relPath, BodyLine: bodyLine, hugo: src.hugo}
	p.IsSection = pageStem(relPath) == "_index"
	p.IsHome = p.IsSection && path.Dir(relPath) == "."
	p.IsHTML = path.Ext(relPath) == ".html"
	if format == "" {
		if err := p.applyDefaults(body); err != nil {
			return p, body, []*FrontMatterError{err}
		}
		return p, body, nil
	}
	firstLine := 2 // after the opening "---" or "+++"
	if format == "json" {
		firstLine = 1 // the object opens the file
	}
	fm, err := parseFrontMatter(format, fmSrc, firstLine)
	if err != nil {
		return nil, nil, []*FrontMatterError{err.(*FrontMatterError)}
	}
	errs := p.applyFrontMatter(fm)
	if err := p.applyDefaults(body); err != nil {
		errs = append(errs, err)
	}
	return p, body, errs
}

// normalizeText is a file's text as pages are read from it: without a
// byte order mark, with old Mac line endings made LF, in NFC. valid is
// false, and data returned as it is, when data is not UTF-8.
func normalizeText(data []byte) (text []byte, valid bool) {
	valid, mayNeedNFC := scanText(data)
	if !valid {
		return data, false
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = loneCRToLF(data)
	if mayNeedNFC && !norm.NFC.IsNormal(data) {
		data = norm.NFC.Bytes(data)
	}
	return data, true
}

// scanText checks in one pass that data is valid UTF-8 and whether it
// may need NFC normalisation, so that most pages skip the slower full
// check. ASCII is skipped eight bytes at a time, up to the first byte
// that is not, and the letters of Latin scripts below U+0300 and of
// U+1E00–U+1EFF (Vietnamese) are checked in place, without decoding:
// they are most of the handbook's text, and none needs NFC.
func scanText(data []byte) (valid, mayNeedNFC bool) {
	for i := 0; i < len(data); {
		if i+8 <= len(data) {
			high := binary.LittleEndian.Uint64(data[i:]) & 0x8080808080808080
			if high == 0 {
				i += 8
				continue
			}
			// The lowest byte with its high bit set is the first
			// that is not ASCII.
			i += bits.TrailingZeros64(high) / 8
		}
		if n := nfcPrefixLen(data[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return false, false
		}
		if !alwaysNFC(r) {
			// The rest need only be valid: NFC is checked whole.
			valid := utf8.Valid(data[i+size:])
			return valid, valid
		}
		i += size
	}
	return true, false
}

// nfcPrefixLen is the length of the character data starts with when it
// is one of the common ones scanText checks without decoding: an ASCII
// byte, a valid two-byte sequence below U+0300 (its first byte under
// 0xCC) or a valid three-byte one of U+1E00–U+1EFF (E1 B8–BB); else 0.
func nfcPrefixLen(data []byte) int {
	b := data[0]
	switch {
	case b < utf8.RuneSelf:
		return 1
	case b >= 0xC2 && b < 0xCC && len(data) >= 2 && isContinuation(data[1]):
		return 2
	case b == 0xE1 && len(data) >= 3 && data[1] >= 0xB8 && data[1] <= 0xBB && isContinuation(data[2]):
		return 3
	}
	return 0
}

// isContinuation reports whether b continues a UTF-8 sequence.
func isContinuation(b byte) bool { return b&0xC0 == 0x80 }

// alwaysNFC reports runes that never make a text need NFC: those below
// U+0300, where no combining mark is, and, at or above it, the
// precomposed Latin letters of U+1E00–U+1EFF, where Vietnamese lives,
// and the punctuation French typography uses (’, “ ”, …, U+202F). The
// combining marks for symbols, U+20D0–U+20FF, are left out: NFC reorders
// them.
func alwaysNFC(r rune) bool {
	return r < 0x300 || (r >= 0x1E00 && r <= 0x1EFF) || (r >= 0x2002 && r < 0x20D0) || (r > 0x20FF && r <= 0x2125)
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// applyFrontMatter moves the known fields into the page and keeps the
// others as Params.
func (p *Page) applyFrontMatter(fm *frontMatter) []*FrontMatterError {
	var errs []*FrontMatterError
	fail := func(f field, key string, err error) {
		errs = append(errs, &FrontMatterError{f.line, fmt.Sprintf("%s %v", key, err)})
	}
	str := func(key string, dst *string) {
		if f, ok := fm.take(key); ok {
			if v, err := f.str(); err != nil {
				fail(f, key, err)
			} else {
				*dst = strings.TrimSpace(v)
			}
		}
	}
	integer := func(key string, dst *int) {
		if f, ok := fm.take(key); ok {
			if v, err := f.integer(); err != nil {
				fail(f, key, err)
			} else {
				*dst = v
			}
		}
	}
	str("title", &p.Title)
	str("linkTitle", &p.linkTitle)
	if f, ok := fm.take("url"); ok && p.hugo {
		if v, err := f.str(); err != nil {
			fail(f, "url", err)
		} else {
			h := p.hugoOwn()
			h.ownURL, h.urlLine = strings.TrimSpace(v), f.line
		}
	} else if ok {
		fm.set("url", f.value, f.line)
	}
	str("description", &p.Description)
	str("translationKey", &p.TranslationKey)
	if f, ok := fm.take("slug"); ok {
		if v, err := f.str(); err != nil {
			fail(f, "slug", err)
		} else {
			p.Slug, p.slugLine = strings.TrimSpace(v), int32(f.line)
		}
	}
	if f, ok := fm.take("sourceHash"); ok {
		if v, err := f.str(); err != nil {
			fail(f, "sourceHash", err)
		} else {
			p.SourceHash, p.SourceHashLine = strings.TrimSpace(v), f.line
		}
	}
	integer("weight", &p.Weight)
	if f, ok := fm.take("draft"); ok {
		if p.hugo { // only Hugo's cascade asks
			p.hugoOwn().draftSet = true
		}
		var err error
		if p.Draft, err = f.boolean(); err != nil {
			fail(f, "draft", err)
		}
	}
	if f, ok := fm.take("date"); ok {
		var err error
		if p.Date, err = f.date(); err != nil {
			fail(f, "date", err)
		}
	}
	if f, ok := fm.take("aliases"); ok {
		var err error
		if p.Aliases, err = f.strings(); err != nil {
			fail(f, "aliases", err)
		}
		p.aliasLine = int32(f.line)
	}
	var kind string
	kf, _ := fm.take("kind")
	if v, err := kf.str(); err != nil {
		fail(kf, "kind", err)
	} else {
		kind = strings.TrimSpace(v)
	}
	p.Kind = Kind(kind)
	if kind != "" && !validKind(p.Kind) {
		errs = append(errs, &FrontMatterError{kf.line, fmt.Sprintf("unknown kind %q (known: principle, letter, quote, story, exercise)", kind)})
		p.Kind = Plain
	}
	if p.Kind != Plain {
		errs = append(errs, p.applyHandbookFields(fm, str, integer)...)
	}
	if p.hugo {
		errs = append(errs, p.applyHugoFields(fm)...)
	}
	// The list is made to size: a site holds it to the end of its build.
	params := make([]paramField, 0, len(fm.fields))
	for _, k := range fm.order {
		// A key taken and set again (url) is in order twice.
		if f, ok := fm.fields[k]; ok && !slices.ContainsFunc(params, func(p paramField) bool { return p.key == k }) {
			params = append(params, paramField{k, f.value})
		}
	}
	p.Params = paramsOf(params)
	return errs
}

// applyHandbookFields reads the fields of the handbook's model. They are
// read only on pages with a kind, so that other sites' front matter that
// happens to use the same names stays plain parameters.
func (p *Page) applyHandbookFields(fm *frontMatter, str func(string, *string), integer func(string, *int)) []*FrontMatterError {
	var errs []*FrontMatterError
	str("statement", &p.Statement)
	str("text", &p.Text)
	integer("year", &p.Year)
	if f, ok := fm.take("letter"); ok {
		v, err := f.str()
		if err != nil {
			errs = append(errs, &FrontMatterError{f.line, "letter " + err.Error()})
		}
		p.namedRefs().letter = fieldRef{strings.TrimSpace(v), f.line}
	}
	for _, key := range []string{"principles", "principle"} {
		if f, ok := fm.take(key); ok {
			list, err := f.strings()
			if err != nil {
				errs = append(errs, &FrontMatterError{f.line, key + " " + err.Error()})
			}
			for _, v := range list {
				r := p.namedRefs()
				r.principles = append(r.principles, fieldRef{strings.TrimSpace(v), f.line})
			}
		}
	}
	return errs
}

// applyDefaults fills what the front matter left out, and makes the
// page's URL and the hash of its text, whose body is body. A slug that
// would take the page out of its language's folder is reported, and the
// file name used instead.
func (p *Page) applyDefaults(body []byte) *FrontMatterError {
	if p.TranslationKey == "" {
		p.TranslationKey = strings.TrimSuffix(p.RelPath, path.Ext(p.RelPath))
	}
	if p.Slug == "" && !p.IsSection {
		p.Slug = fileSlug(p.RelPath)
	}
	var problem *FrontMatterError
	u, err := pageURL(p.Lang, p.RelPath, p.IsSection, p.Slug)
	if err != nil {
		problem = &FrontMatterError{int(p.slugLine), err.Error()}
		p.Slug, p.slugLine = fileSlug(p.RelPath), 0
		u, _ = pageURL(p.Lang, p.RelPath, p.IsSection, p.Slug)
	}
	if p.hugo {
		u = lowerPath(p.Lang, u)
	}
	if h := p.hugoRead(); h.ownURL != "" {
		if own, err := ownURL(p.Lang, h.ownURL); err != nil {
			problem = &FrontMatterError{h.urlLine, err.Error()}
		} else {
			u = own
		}
	}
	p.URL = u
	p.TextHash = p.textHash(body)
	return problem
}

// sortPages orders pages for reading: by weight (pages without a weight
// last), then title, then path.
func sortPages(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		wa, wb := a.Weight, b.Weight
		if wa != wb {
			if wa == 0 {
				return false
			}
			if wb == 0 {
				return true
			}
			return wa < wb
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.RelPath < b.RelPath
	})
}
