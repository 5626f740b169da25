package content

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A translation says what its original says, in the same shape: the same
// headings at the same levels, the same number of list items under each
// (an exercise's questions are a list), the same pages linked from each
// section, and the same relations in its front matter. A stamp only tells
// that the original has not changed since the translator last looked; the
// structure tells whether the translation follows it, so that a team
// running a workshop in either language gets the same questions.

// Drift is the first place where a translation's structure differs from
// its original's.
type Drift struct {
	// Line is the translation's line where it differs (0: the page as a
	// whole); OriginalLine the original's.
	Line, OriginalLine int
	// Message says what differs, in words a translator can act on.
	Message string
}

// structure is what StructureDrift compares of a page: its sections, in
// order, and its relations.
type structure struct {
	sections   []section
	principles []fieldRef
	letter     fieldRef
}

// section is a part of a body: the text before the first heading, or a
// heading and the text up to the next one.
type section struct {
	level   int    // 0 for the text before the first heading
	heading string // the heading's text, for the messages
	line    int
	items   []int  // the line of each list item
	links   []link // links to other pages
}

// link is a link to another page of the site, by the path of its source
// relative to the language folder, without ".md" ("letters/2016").
type link struct {
	target string
	line   int
}

var (
	headingRE  = regexp.MustCompile(`^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$`)
	listItemRE = regexp.MustCompile(`^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S`)
	linkRE     = regexp.MustCompile(`(!?)\[[^\]]*\]\(<?([^)\s>]+)>?(?:[ \t]+"[^"]*")?\)`)
	anchorRE   = regexp.MustCompile(`[ \t]*\{#[^}]*\}$`)
	schemeRE   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

// structureOf reads a page's structure from its body, line by line: ATX
// headings, list items and inline links outside fenced code. A link to a
// page no language has is left out: the build reports it.
func structureOf(p *Page, set *Set) structure {
	var langs []string
	for _, l := range set.Langs {
		langs = append(langs, l.Code)
	}
	// resolve names the page a target leads to in any language: a site
	// path ("/about/") is a page's file or its folder's _index.md.
	resolve := func(target string) string {
		candidates := []string{target}
		if t, ok := strings.CutSuffix(target, "/_index"); ok {
			candidates = append(candidates, t)
		}
		for _, c := range candidates {
			for _, l := range set.Langs {
				if l.ByRelPath(c+".md") != nil {
					return c
				}
			}
		}
		return ""
	}
	s := structure{principles: p.principleRefs(), letter: p.letterRef()}
	cur := section{line: p.BodyLine}
	fence := ""
	// A body that cannot be read again is reported where the page is
	// converted; here it has no structure.
	body, _ := set.ReadBody(p)
	for i, raw := range strings.Split(string(body), "\n") {
		line := p.BodyLine + i
		text := strings.TrimRight(raw, "\r")
		trimmed := strings.TrimLeft(text, " ")
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if m := headingRE.FindStringSubmatch(text); m != nil {
			s.sections = append(s.sections, cur)
			cur = section{level: len(m[1]), heading: anchorRE.ReplaceAllString(m[2], ""), line: line}
		} else if listItemRE.MatchString(text) {
			cur.items = append(cur.items, line)
		}
		for _, m := range linkRE.FindAllStringSubmatch(text, -1) {
			if t := resolve(linkTarget(p.RelPath, m[2], langs)); m[1] == "" && t != "" {
				cur.links = append(cur.links, link{t, line})
			}
		}
	}
	s.sections = append(s.sections, cur)
	return s
}

// linkTarget names the page a link's destination leads to, as the path
// of its source relative to the language folder without ".md"
// ("principles/day-one", "letters/_index"), or "" for a link that leads
// to no other page the build knows: an anchor of the same page, an
// external address, a file, or a relative address that names no source
// file ("../about/"), which only the browser resolves.
func linkTarget(from, dest string, langs []string) string {
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	if dest == "" || schemeRE.MatchString(dest) || strings.HasPrefix(dest, "//") {
		return ""
	}
	var p string
	if strings.HasPrefix(dest, "/") {
		p = strings.TrimPrefix(path.Clean(dest), "/")
		for _, l := range langs {
			if p == l || strings.HasPrefix(p, l+"/") {
				p = strings.TrimPrefix(strings.TrimPrefix(p, l), "/")
				break
			}
		}
	} else if strings.HasSuffix(dest, ".md") {
		p = path.Join(path.Dir(from), dest)
	} else {
		// A relative address the browser resolves against the page's
		// URL: the build does not know it as a page.
		return ""
	}
	switch {
	case strings.HasSuffix(p, ".md"):
		p = strings.TrimSuffix(p, ".md")
	case path.Ext(p) != "":
		return "" // an image, a PDF: not a page
	default:
		p = strings.TrimSuffix(path.Join(p, "_index"), "/")
	}
	if strings.HasSuffix(p, "/index") {
		p = strings.TrimSuffix(p, "/index") + "/_index"
	}
	if p == "." || p == "_index" || p == "index" {
		return "_index"
	}
	return strings.TrimPrefix(p, "./")
}

// StructureDrift compares a translation with its original (p.Original)
// and returns the first difference of structure: in the headings (their
// number and levels), in the number of list items of a section, in the
// pages a section links to, or in the relations of the front matter. ok
// is false when the two have the same structure, or when p is no
// translation. set is the site's pages, which the links lead to. It reads
// the pages' bodies.
func (p *Page) StructureDrift(set *Set) (d Drift, ok bool) {
	o := p.Original
	if o == nil {
		return Drift{}, false
	}
	return compareStructure(structureOf(o, set), structureOf(p, set))
}

func compareStructure(orig, tr structure) (Drift, bool) {
	if d, ok := compareRelations(orig, tr); ok {
		return d, true
	}
	n := min(len(orig.sections), len(tr.sections))
	for i := 0; i < n; i++ {
		a, b := orig.sections[i], tr.sections[i]
		if a.level != b.level {
			return Drift{b.line, a.line, fmt.Sprintf("heading %q is of level %d where the original's %q is of level %d",
				b.heading, b.level, a.heading, a.level)}, true
		}
		if d, ok := compareSection(a, b); ok {
			return d, true
		}
	}
	switch {
	case len(tr.sections) > n:
		b := tr.sections[n]
		return Drift{b.line, 0, fmt.Sprintf("heading %q has no counterpart: the original has %s", b.heading, headings(len(orig.sections)-1))}, true
	case len(orig.sections) > n:
		a := orig.sections[n]
		last := tr.sections[n-1]
		return Drift{last.line, a.line, fmt.Sprintf("the original's heading %q has no counterpart here: the original has %s, this page %s",
			a.heading, headings(len(orig.sections)-1), headings(len(tr.sections)-1))}, true
	}
	return Drift{}, false
}

func headings(n int) string {
	if n == 1 {
		return "1 heading"
	}
	return strconv.Itoa(n) + " headings"
}

func items(n int) string {
	if n == 1 {
		return "1 list item"
	}
	return strconv.Itoa(n) + " list items"
}

// where names a section in a message.
func where(s section) string {
	if s.level == 0 {
		return "before the first heading"
	}
	return fmt.Sprintf("under %q", s.heading)
}

func compareSection(a, b section) (Drift, bool) {
	if len(a.items) != len(b.items) {
		d := Drift{b.line, a.line, fmt.Sprintf("%s %s, where the original has %d", items(len(b.items)), where(b), len(a.items))}
		k := min(len(a.items), len(b.items))
		if k < len(b.items) {
			d.Line = b.items[k]
		}
		if k < len(a.items) {
			d.OriginalLine = a.items[k]
		}
		return d, true
	}
	want, got := targets(a.links), targets(b.links)
	if slices.Equal(want, got) {
		return Drift{}, false
	}
	for _, l := range b.links {
		if i := slices.Index(want, l.target); i >= 0 {
			want = slices.Delete(want, i, i+1)
			continue
		}
		return Drift{l.line, a.line, fmt.Sprintf("a link to %s %s, which the original's section does not have", l.target, where(b))}, true
	}
	// Every link here is in the original: the original has more.
	got = targets(b.links)
	for _, l := range a.links {
		if i := slices.Index(got, l.target); i >= 0 {
			got = slices.Delete(got, i, i+1)
			continue
		}
		return Drift{b.line, l.line, fmt.Sprintf("no link to %s %s, where the original has one", l.target, where(b))}, true
	}
	return Drift{}, false
}

// targets lists the pages links lead to, sorted: a translation may order
// a sentence's links otherwise.
func targets(links []link) []string {
	out := make([]string, len(links))
	for i, l := range links {
		out[i] = l.target
	}
	slices.Sort(out)
	return out
}

func compareRelations(orig, tr structure) (Drift, bool) {
	if orig.letter.value != tr.letter.value {
		return Drift{tr.letter.line, orig.letter.line, fmt.Sprintf("letter %q, where the original has %q", tr.letter.value, orig.letter.value)}, true
	}
	values := func(refs []fieldRef) []string {
		var out []string
		for _, r := range refs {
			out = append(out, r.value)
		}
		return out
	}
	want, got := values(orig.principles), values(tr.principles)
	if slices.Equal(want, got) {
		return Drift{}, false
	}
	line, oline := 0, 0
	if len(tr.principles) > 0 {
		line = tr.principles[0].line
	}
	if len(orig.principles) > 0 {
		oline = orig.principles[0].line
	}
	return Drift{line, oline, fmt.Sprintf("principles [%s], where the original has [%s]",
		strings.Join(got, ", "), strings.Join(want, ", "))}, true
}
