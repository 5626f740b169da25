package shortcode

import (
	"html"
	"html/template"
	"strings"
)

// The callouts every docs theme has, and GitHub's alerts, render as one
// markup: a box of a kind (note, tip, important, warning, caution) with
// a title. CalloutClose ends it.
const CalloutClose template.HTML = "</div>"

// CalloutOpen starts a callout of kind (one of CalloutKinds) with a
// title; an empty title is the kind's name.
func CalloutOpen(kind, title string) template.HTML {
	if title == "" {
		title = calloutTitle(kind)
	}
	return template.HTML(`<div class="callout callout-` + kind + `" role="note"><p class="callout-title">` +
		html.EscapeString(title) + `</p>`)
}

// calloutTitle is a kind's default title: its name.
func calloutTitle(kind string) string {
	if kind == "" {
		return ""
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// CalloutKind is the kind a word names, among the words themes use for
// a callout's kind or colour ("danger" is a caution), and whether it
// names one.
func CalloutKind(word string) (string, bool) {
	switch w := strings.ToLower(strings.TrimSpace(word)); w {
	case "note", "info", "tip", "important", "warning", "caution":
		return w, true
	case "secondary":
		return "note", true
	case "information", "primary":
		return "info", true
	case "success", "hint":
		return "tip", true
	case "attention":
		return "warning", true
	case "danger", "error":
		return "caution", true
	}
	return "", false
}

// calloutOf reads a callout shortcode: note, tip, info, warning and
// caution (with an optional title), notice (Learn: its kind, then its
// title), alert (Docsy: color or theme, and title) and hint (Book: its
// kind first).
func calloutOf(name string, a args) (kind, title string, ok bool) {
	switch name {
	case "note", "tip", "info", "warning", "caution", "important", "danger":
		kind, _ = CalloutKind(name)
		return kind, a.get("title", 0), true
	case "notice":
		return kindOr(a.get("style", 0), "note"), a.get("title", 1), true
	case "alert":
		word := a.named["color"]
		if word == "" {
			word = a.get("theme", -1)
		}
		if word == "" {
			word = a.get("style", -1)
		}
		if word == "" {
			word = a.get("type", 0)
		}
		return kindOr(word, "note"), a.get("title", -1), true
	case "hint":
		return kindOr(a.get("type", 0), "note"), a.get("title", 1), true
	}
	return "", "", false
}

func kindOr(word, fallback string) string {
	if k, ok := CalloutKind(word); ok {
		return k
	}
	return fallback
}
