package content

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"handbook/build/diag"
)

// A page's URL is a site path, as the file is written on disk
// ("/vi/a?b/"): it is what pages are looked up by and what the output is
// written at. In the HTML, the sitemap and the search index it is written
// percent-encoded (EscapePath), so that a "?", "#", "%" or space in a
// file's name is part of the path, not a query or a fragment.

// EscapePath percent-encodes a site path for an href, the sitemap or the
// search index: "/vi/a?b#c/" becomes "/vi/a%3Fb%23c/". Slashes stay.
func EscapePath(sitePath string) string {
	return (&url.URL{Path: sitePath}).EscapedPath()
}

// fileSlug is the slug a page's file name gives it: the name without
// ".md" (a bundle's index.md: its folder's name), with spaces written as
// hyphens, as Hugo does.
func fileSlug(relPath string) string {
	slug := pageStem(relPath)
	if slug == "index" {
		slug = path.Base(path.Dir(relPath))
	}
	return hyphenate(slug)
}

func hyphenate(s string) string { return strings.ReplaceAll(s, " ", "-") }

// pageURL is the site path of a page of language lang at relPath: its
// folders and its slug, spaces written as hyphens, cleaned. A section is its
// folder; a bundle's index.md replaces its folder by its slug. A slug
// may hold folders and "..", but the cleaned path must stay inside the
// language's folder: a slug that climbs out of it, or holds a control
// character, is an error.
func pageURL(lang, relPath string, isSection bool, slug string) (string, error) {
	dir := path.Dir(relPath)
	own := isSection || pageStem(relPath) == "index"
	switch {
	case own && dir == ".":
		return "/" + lang + "/", nil
	case isSection:
		return "/" + lang + "/" + hyphenate(dir) + "/", nil
	case own:
		dir = path.Dir(dir)
	}
	if strings.IndexFunc(slug, isControl) >= 0 {
		return "", fmt.Errorf("slug %q holds a control character: write it with letters, digits and hyphens", slug)
	}
	home := "/" + lang + "/"
	u := path.Clean(home + hyphenate(dir) + "/" + hyphenate(slug))
	if !strings.HasPrefix(u, home) {
		return "", fmt.Errorf("slug %q leads out of the language's folder %s (to %s): a slug names a page inside its language; use aliases for other paths", slug, home, strings.TrimSuffix(u, "/")+"/")
	}
	return u + "/", nil
}

// pageStem is a page file's name without its extension: "index" for
// a bundle's index.md (or index.html), "_index" for a section's.
func pageStem(relPath string) string {
	base := path.Base(relPath)
	return strings.TrimSuffix(base, path.Ext(base))
}

// lowerPath lowercases a site path of language lang, the language's
// code left as configured: Hugo writes its pages' paths in lower case.
func lowerPath(lang, u string) string {
	home := "/" + lang + "/"
	if rest, ok := strings.CutPrefix(u, home); ok {
		if lower := strings.ToLower(rest); lower != rest {
			return home + lower
		}
		return u
	}
	return strings.ToLower(u)
}

// resourceURL is the site path of a file at rel in language lang's
// content folder: on a Hugo site, its folders are in lower case, as the
// pages beside it, and its name as written.
func resourceURL(hugo bool, lang, rel string) string {
	if !hugo {
		return "/" + lang + "/" + rel
	}
	dir, name := path.Split(rel)
	return lowerPath(lang, "/"+lang+"/"+dir) + name
}

// ownURL is the site path a page's url field (Hugo's) gives it: the
// whole path, cleaned, inside the page's language (url: /about/ on a
// French page is /fr/about/, and url: /fr/about/ is the same). Hugo
// keeps its case. A control character in it is an error.
func ownURL(lang, url string) (string, error) {
	if strings.IndexFunc(url, isControl) >= 0 {
		return "", fmt.Errorf("url %q holds a control character", url)
	}
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	clean := path.Clean("/" + url)
	home := "/" + lang
	if clean != home && !strings.HasPrefix(clean, home+"/") {
		clean = path.Clean(home + clean)
	}
	return strings.TrimSuffix(clean, "/") + "/", nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// AliasURL is the site path an alias of a page of language lang
// redirects from: a site path in the page's language ("/old-name/"),
// unless it starts with a language's code ("/fr/old/"). It is cleaned,
// so it never leaves the site.
func (s *Set) AliasURL(lang, alias string) string {
	clean := path.Clean("/" + strings.TrimSuffix(alias, "index.html"))
	if clean != "/" {
		clean += "/"
	}
	if code, _, ok := strings.Cut(strings.TrimPrefix(clean, "/"), "/"); ok && s.Lang(code) != nil {
		return clean
	}
	return "/" + lang + clean
}

// Origin is what puts a file into the output: a source file and the line
// that chose its path, for the message of a clash.
type Origin struct {
	// File is relative to the site root; "" for a section page the site
	// did not write.
	File string
	// Line is the line of the slug or aliases field, or 1 when the
	// file's name chose the path; 0 for a copied file.
	Line int
	// Kind is what the file is, "page", "alias" or "file", and URL the
	// site path it is written for.
	Kind, URL string
}

// What says what the file is: "the page /vi/about/", "the alias
// /vi/old/", "the file /vi/a.png".
func (o Origin) What() string { return "the " + o.Kind + " " + o.URL }

// String names the origin for a message: "content/vi/x.md:3 (the page
// /vi/about/)".
func (o Origin) String() string {
	switch {
	case o.File == "":
		return o.What() + " (made for a folder without _index.md)"
	case o.Line > 0:
		return fmt.Sprintf("%s:%d (%s)", o.File, o.Line, o.What())
	}
	return fmt.Sprintf("%s (%s)", o.File, o.What())
}

// OutputOrigin says which page, alias or copied file the content writes
// at output path file ("vi/about/index.html"), if any.
func (s *Set) OutputOrigin(file string) (Origin, bool) {
	return s.outputs.find(fileKey(file))
}

// OutputUnder says which page, alias or copied file the content writes
// inside output folder dir ("vi/about"), if any: a file at that path
// could not be written.
func (s *Set) OutputUnder(dir string) (Origin, bool) {
	return s.outputs.under(dir)
}

// outputClaims says what writes each output file, and something that
// writes in each output folder. The tables hold places in origins, which
// keeps them small on a site of many pages.
type outputClaims struct {
	origins []claimant
	// keys are the files the origins write, each as fileKey gives it.
	// While claimOutputs claims them, files gives the origin of each
	// file; then byKey does, the places of the keys in their order,
	// searched by halves: a site keeps the table to the end of its
	// build, and a map took 50 bytes a file where byKey takes 4.
	keys  []string
	files map[string]int32
	byKey []int32
	// folders give the origin of each folder. A page's own folder,
	// whose index it writes, is not in folders: a large site has one a
	// page, and files has it (under).
	folders map[string]int32
}

func (c *outputClaims) find(key string) (Origin, bool) {
	if c == nil {
		return Origin{}, false
	}
	i, ok := c.file(key)
	if !ok {
		return Origin{}, false
	}
	return c.origins[i].origin(), true
}

// file is the place in origins of what writes the file of key.
func (c *outputClaims) file(key string) (int32, bool) {
	if c.files != nil {
		i, ok := c.files[key]
		return i, ok
	}
	at, ok := slices.BinarySearchFunc(c.byKey, key, func(i int32, key string) int { return strings.Compare(c.keys[i], key) })
	if !ok {
		return 0, false
	}
	return c.byKey[at], true
}

// sortKeys makes byKey, the places of keys in their order, for file to
// search, and lets the map files go.
func (c *outputClaims) sortKeys() {
	c.byKey = make([]int32, len(c.keys))
	for i := range c.byKey {
		c.byKey[i] = int32(i)
	}
	slices.SortFunc(c.byKey, func(a, b int32) int { return strings.Compare(c.keys[a], c.keys[b]) })
	c.files = nil
}

// under gives the origin of the first file written in folder dir: of
// dir's own index, which files holds, or of the first other file, which
// folders does.
func (c *outputClaims) under(dir string) (Origin, bool) {
	if c == nil {
		return Origin{}, false
	}
	i, ok := c.folders[dir]
	if own, found := c.file(dir + "/"); found && (!ok || own < i) {
		i, ok = own, true
	}
	if !ok {
		return Origin{}, false
	}
	return c.origins[i].origin(), true
}

// claimOutputs records the output file of every page, alias and copied
// file, and reports each that lands on a file another already claimed,
// naming both: whichever was written last would win, and which one that
// is changes from build to build. Pages claim first, so a clash is
// reported at the alias or the copied file. A file where another needs a
// folder is reported too.
func claimOutputs(set *Set, diags *diag.List) {
	n := len(set.Pages) + len(set.Resources)
	for _, p := range set.Pages {
		n += len(p.Aliases)
	}
	c := &outputClaims{origins: make([]claimant, 0, n), keys: make([]string, 0, n),
		files: make(map[string]int32, n), folders: map[string]int32{}}
	set.outputs = c
	for _, p := range set.Pages {
		// The page's folder is its file's key: a part of its URL, so
		// the table of a large site holds no string of its own for it.
		if key := strings.TrimPrefix(p.URL, "/"); isIndexKey(key) {
			c.claimKey(diags, key, claimant{page: p})
		} else {
			c.claim(diags, key+indexFile, claimant{page: p})
		}
	}
	for _, p := range set.Pages {
		p.Aliases = c.claimAliases(set, p, diags)
	}
	for _, r := range set.Resources {
		c.claim(diags, strings.TrimPrefix(r.URL, "/"), claimant{other: &Origin{File: r.File, Kind: "file", URL: r.URL}})
	}
	var file []byte
	for i, key := range c.keys {
		file = append(file[:0], key...)
		if isIndexKey(key) {
			file = append(file, indexFile...)
		}
		if inside, ok := c.under(string(file)); ok {
			report(diags, c.origins[i].origin(), inside, fmt.Sprintf("is written at %s, where %s needs a folder", file, inside))
		}
	}
	c.sortKeys()
}

// claimAliases claims the output file of each of p's aliases and returns
// the aliases to write. On a Hugo site, an alias where a page or another
// alias is already written is a warning, and is not written: Hugo writes
// one over the other and says nothing, so its sites have such aliases.
func (c *outputClaims) claimAliases(set *Set, p *Page, diags *diag.List) []string {
	kept := p.Aliases[:0:0]
	for _, a := range p.Aliases {
		u := set.AliasURL(p.Lang, a)
		file := strings.TrimPrefix(u, "/") + "index.html"
		o := Origin{File: p.File, Line: max(int(p.aliasLine), 1), Kind: "alias", URL: u}
		if u == p.URL && p.hugo {
			continue // the page's own path, once Hugo's rules lowercase it
		}
		if first, clash := c.find(fileKey(file)); clash && p.hugo {
			diags.Add(diag.Diagnostic{File: o.File, Line: o.Line, Code: diag.CodeURLClash, Severity: diag.Warning,
				Message: o.What() + " is not written: " + first.String() + " is written there"})
			continue
		}
		c.claim(diags, file, claimant{other: &o})
		kept = append(kept, a)
	}
	return kept
}

// claimant is what claims an output file: a page, whose Origin is made
// when asked for, so that a large site's table holds a pointer a page
// rather than a copy of its fields; or the Origin of an alias or a
// copied file.
type claimant struct {
	page  *Page
	other *Origin
}

func (c claimant) origin() Origin {
	if c.page != nil {
		return pageOrigin(c.page)
	}
	return *c.other
}

func pageOrigin(p *Page) Origin {
	line := int(p.slugLine)
	if line == 0 && p.File != "" {
		line = 1
	}
	return Origin{File: p.File, Line: line, Kind: "page", URL: p.URL}
}

// claim records that o writes file, and the folders it needs, or reports
// the clash with the origin that already writes it.
func (c *outputClaims) claim(diags *diag.List, file string, o claimant) {
	c.claimKey(diags, fileKey(file), o)
}

// claimKey is claim of the file whose key is key.
func (c *outputClaims) claimKey(diags *diag.List, key string, o claimant) {
	if first, clash := c.find(key); clash {
		file := key
		if isIndexKey(key) {
			file += indexFile
		}
		report(diags, o.origin(), first, fmt.Sprintf("is written at %s, as is %s", file, first))
		return
	}
	at := int32(len(c.origins))
	c.origins = append(c.origins, o)
	c.keys = append(c.keys, key)
	c.files[key] = at
	// The file's path is clean: its folders are the prefixes before
	// each slash.
	for dir := key; ; {
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			break
		}
		dir = dir[:i]
		if i == len(key)-1 {
			continue // an index's own folder, which under finds in files
		}
		if _, ok := c.folders[dir]; ok {
			break
		}
		c.folders[dir] = at
	}
}

// report records a clash of origin at with other: at at, unless it has
// no source file (a section made for a folder), then at other.
func report(diags *diag.List, at, other Origin, clash string) {
	msg := at.What() + " " + clash
	if at.File == "" {
		msg = other.What() + " clashes with " + at.String()
		at = other
	}
	diags.Add(diag.Diagnostic{File: at.File, Line: at.Line, Code: diag.CodeURLClash,
		Message: msg + ": give one of them another slug, alias or file name"})
}

// indexFile is the name of the file written for a page's folder.
const indexFile = "index.html"

// fileKey is the key of an output file in the claims: a folder's
// index.html is keyed by its folder, with the slash ("vi/about/", "" for
// the site's own), which is a part of the URL of the page written there;
// any other file by its path. No file's path ends with a slash or is
// empty, so no two files share a key.
func fileKey(file string) string {
	dir, ok := strings.CutSuffix(file, indexFile)
	if ok && (dir == "" || strings.HasSuffix(dir, "/")) {
		return dir
	}
	return file
}

// isIndexKey says whether key is a folder's, for its index.html.
func isIndexKey(key string) bool {
	return key == "" || strings.HasSuffix(key, "/")
}
