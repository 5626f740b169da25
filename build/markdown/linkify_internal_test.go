package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// linkifyInputs hold bare addresses in every place linkify is asked:
// after a space, at a line's head, after emphasis, a tilde or a
// parenthesis, on a paragraph's later lines, in headings, lists, quotes
// and tables, inside link labels, and text that only nearly is one.
var linkifyInputs = []string{
	"See https://example.com/a?b=1, www.example.org and mail@example.com.",
	"https://start.example at the head\nand on a later line http://x.example/y.",
	"*www.emphasis.example* _https://under.example_ ~ftp://tilde.example~ (www.paren.example)",
	"# Heading https://h.example\n\n- item www.item.example\n  - nested a@b.example\n\n> quote x@y.example",
	"| a | b |\n|---|---|\n| https://cell.example | c@d.example |",
	"[label https://in.label.example](https://dest.example) and [x@y.example](#a)",
	"HTTPS://UPPER.EXAMPLE WWW.UPPER.EXAMPLE http:no-slashes ftp: www. @ a@b @b.c a@.c",
	"Text without any address at all, nor a colon or an at sign.",
	"Colons: here: and there: but no address.",
	"mailto:someone@example.com and <https://auto.example> and https://example.com/(paren)",
	"Dấu câu tiếng Việt: https://vi.wikipedia.org/wiki/Amazon_(công_ty) và email@miền.vn.",
	"```\nhttps://in.code.example\n```\n\n    www.indented.example\n\n`https://span.example`",
	"Term https://term.example\n: Definition www.def.example",
	"a\\\nhttps://after.hard.break.example  \nwww.after.spaces.example",
}

// Linkify asked only in blocks that may hold an address makes the same
// links as GFM's linkify asked everywhere.
func TestQuickLinkifyMakesTheSameLinks(t *testing.T) {
	for _, in := range linkifyInputs {
		if got, want := withQuickLinkify(t, in), withGFM(t, in); got != want {
			t.Errorf("for %q:\n got %s\nwant %s", in, got, want)
		}
	}
}

func FuzzQuickLinkify(f *testing.F) {
	for _, in := range linkifyInputs {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := withQuickLinkify(t, in), withGFM(t, in); got != want {
			t.Errorf("for %q:\n got %s\nwant %s", in, got, want)
		}
	})
}

func withGFM(t *testing.T, in string) string {
	return convertWith(t, goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)), in)
}

func withQuickLinkify(t *testing.T, in string) string {
	md := goldmark.New(goldmark.WithExtensions(quickLinkify{}, extension.Table, extension.Strikethrough, extension.TaskList, extension.DefinitionList))
	return convertWith(t, md, in)
}

func convertWith(t *testing.T, md goldmark.Markdown, in string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Convert([]byte(in), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
