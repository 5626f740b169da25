package markdown

import (
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// typographer is goldmark's typographer (extension.Typographer) with the
// given substitutions, which replaces an apostrophe between a letter or
// digit and a letter (l'équipe, qu'il, don't) itself, as goldmark's
// does, but without first scanning it as a quote's delimiter, which
// goldmark makes for every quote and drops for such an apostrophe: in
// French, most of a page's quotes, and a twentieth of what a build
// allocated on the benchmark corpus.
type typographer struct {
	substitutions map[extension.TypographicPunctuation]string
}

// typographerPriority is the priority goldmark's typographer has.
const typographerPriority = 9999

func (t typographer) Extend(m goldmark.Markdown) {
	p := &apostrophes{
		typographer: extension.NewTypographerParser(extension.WithTypographicSubstitutions(t.substitutions)),
		apostrophe:  []byte(defaultApostrophe),
	}
	if s, ok := t.substitutions[extension.Apostrophe]; ok {
		p.apostrophe = []byte(s)
	}
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(p, typographerPriority)))
}

// defaultApostrophe is goldmark's substitution for an apostrophe.
const defaultApostrophe = "&rsquo;"

// apostrophes is the typographer's inline parser, with an apostrophe
// between letters replaced before it is asked. The typographer's own
// CloseBlock does not have the signature of parser.CloseBlocker, so
// goldmark never calls it, and neither does this.
type apostrophes struct {
	typographer parser.InlineParser
	apostrophe  []byte
}

func (a *apostrophes) Trigger() []byte { return a.typographer.Trigger() }

// Parse replaces an apostrophe that goldmark's typographer would take
// for one whatever else it checks: one after a letter or a digit and
// before a letter can close a quote, so is no decade ('90s) nor
// elision ('twas), and is made the apostrophe's substitution.
func (a *apostrophes) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 1 && line[0] == '\'' && a.apostrophe != nil {
		before := block.PrecendingCharacter()
		if (unicode.IsDigit(before) || unicode.IsLetter(before)) && unicode.IsLetter(util.ToRune(line, 1)) {
			node := ast.NewString(a.apostrophe)
			node.SetCode(true)
			block.Advance(1)
			return node
		}
	}
	return a.typographer.Parse(parent, block, pc)
}
