package serve

import (
	"bytes"
	"fmt"
	"html"

	"handbook/build/check"
	"handbook/build/content"
)

// viewRow is one row of a translator's view: a paragraph of the original
// (its words marked as the diff since the stamp found them) beside the
// paragraph of the translation in the same place. A side is empty when
// the other has nothing there.
type viewRow struct {
	// label names a front-matter field's row ("title"); "" for the body.
	label  string
	change check.Change
	// left is the original's text, word by word; leftLine its line
	// (0 for a field, or a paragraph removed since the stamp).
	left     []check.Word
	leftLine int
	right    *check.Paragraph
}

// fieldRows are the rows of the fields a translator translates that the
// original has (or had at the stamp).
func fieldRows(s *check.Since, tr *content.Page) []viewRow {
	var rows []viewRow
	for _, f := range []struct{ name, then, now, tr string }{
		{"title", s.Then.Title, s.Now.Title, tr.Title},
		{"description", s.Then.Description, s.Now.Description, tr.Description},
		{"statement", s.Then.Statement, s.Now.Statement, tr.Statement},
		{"text", s.Then.Text, s.Now.Text, tr.Text},
	} {
		if f.then == "" && f.now == "" && f.tr == "" {
			continue
		}
		row := viewRow{label: f.name, change: check.Unchanged, right: &check.Paragraph{Text: f.tr}}
		if f.then != f.now {
			row.change = check.Changed
		}
		row.left = check.WordDiff(f.then, f.now)
		rows = append(rows, row)
	}
	return rows
}

// alignRows puts each paragraph of the translation beside the paragraph
// of the original it translates. The translation was made from the
// version stamped, so its paragraphs are matched with that version's,
// by their place: the same section (counted by headings) and the same
// rank within it. A paragraph added since has nothing beside it; one
// of the translation that matches none gets a row of its own, where it
// comes.
func alignRows(changes []check.BodyChange, tr []check.Paragraph) []viewRow {
	var old []check.Paragraph
	for _, c := range changes {
		if c.Old != nil {
			old = append(old, *c.Old)
		}
	}
	oldPlaces, trPlaces := places(old), places(tr)
	byPlace := map[place]int{}
	for i, p := range trPlaces {
		byPlace[p] = i
	}
	var rows []viewRow
	next, o := 0, 0
	for _, c := range changes {
		row := rowOf(c)
		if c.Old != nil {
			if j, ok := byPlace[oldPlaces[o]]; ok && j >= next {
				for ; next < j; next++ {
					rows = append(rows, viewRow{change: check.Unchanged, right: &tr[next]})
				}
				row.right = &tr[j]
				next = j + 1
			}
			o++
		}
		rows = append(rows, row)
	}
	for ; next < len(tr); next++ {
		rows = append(rows, viewRow{change: check.Unchanged, right: &tr[next]})
	}
	return rows
}

// rowOf is the original's side of a row.
func rowOf(c check.BodyChange) viewRow {
	row := viewRow{change: c.Change}
	switch c.Change {
	case check.Changed:
		row.left, row.leftLine = c.Words, c.New.Line
	case check.Added:
		row.left, row.leftLine = []check.Word{{Op: check.Inserted, Text: c.New.Text}}, c.New.Line
	case check.Removed:
		row.left = []check.Word{{Op: check.Deleted, Text: c.Old.Text}}
	default:
		row.left, row.leftLine = []check.Word{{Op: check.Same, Text: c.New.Text}}, c.New.Line
	}
	return row
}

// place is where a paragraph stands in its page: its section (0 before
// the first heading) and its rank in it (0 for the heading itself).
type place struct{ section, rank int }

func places(ps []check.Paragraph) []place {
	out := make([]place, len(ps))
	section, rank := 0, 0
	for i, p := range ps {
		if p.Heading {
			section, rank = section+1, 0
		} else {
			rank++
		}
		out[i] = place{section, rank}
	}
	return out
}

// changeClasses are the CSS classes of a row by its change.
var changeClasses = map[check.Change]string{
	check.Unchanged: "same", check.Changed: "changed", check.Added: "added", check.Removed: "removed",
}

// writeRow writes a row's two cells; every text is escaped.
func writeRow(b *bytes.Buffer, row viewRow, origLang, trLang string) {
	class := changeClasses[row.change]
	label := ""
	if row.label != "" {
		label = `<span class="field">` + html.EscapeString(row.label) + `</span>`
		class += " field-row"
	}
	fmt.Fprintf(b, `<div class="cell orig %s" lang="%s">%s%s`, class, html.EscapeString(origLang), label, lineMark(row.leftLine))
	for _, w := range row.left {
		text := html.EscapeString(w.Text)
		switch w.Op {
		case check.Inserted:
			fmt.Fprintf(b, "<ins>%s</ins>", text)
		case check.Deleted:
			fmt.Fprintf(b, "<del>%s</del>", text)
		default:
			b.WriteString(text)
		}
	}
	fmt.Fprintf(b, `</div><div class="cell tr %s" lang="%s">%s`, class, html.EscapeString(trLang), label)
	if row.right != nil {
		b.WriteString(lineMark(row.right.Line) + html.EscapeString(row.right.Text))
	}
	b.WriteString("</div>\n")
}

func lineMark(line int) string {
	if line == 0 {
		return ""
	}
	return fmt.Sprintf(`<span class="line">%d</span>`, line)
}

// viewPage is a whole page of the translator's view, styled on its own:
// it belongs to the preview, not to the site's theme.
func viewPage(title, status, body string) []byte {
	return []byte(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + html.EscapeString(title) + `</title>
<style>
body { font: 15px/1.55 "Noto Sans", system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.2rem; margin: 0 0 .5rem; }
.status { color: #333; } .problem { color: #8a1c1c; background: #fff5f5; padding: .5rem .75rem; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
.head { font-weight: 600; border-bottom: 2px solid #888; padding: .25rem 0; position: sticky; top: 0; background: #fff; }
.head small { font-weight: 400; color: #555; }
.cell { white-space: pre-wrap; overflow-wrap: anywhere; padding: .4rem .5rem; border-bottom: 1px solid #e4e4e4; }
.orig.changed, .orig.added { background: #fffbe6; } .orig.removed { background: #fff0f0; }
.field { display: block; font-size: .75rem; text-transform: uppercase; color: #666; }
.line { float: right; font-size: .75rem; color: #888; margin-left: .5rem; }
ins { background: #c8f0c8; color: #0a4d0a; text-decoration: none; }
del { background: #f8caca; color: #7a0d0d; }
@media (max-width: 700px) { .grid { grid-template-columns: 1fr; } }
</style></head>
<body>
<h1>` + html.EscapeString(title) + `</h1>
` + status + body + `</body></html>
`)
}
