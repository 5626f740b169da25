package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"handbook/build/config"
	"handbook/build/diag"
	"handbook/build/scaffold"
)

const newUsage = `usage: handbook new KIND SLUG [flags]

Starts a page of the handbook in every language of the site (or --lang):
content/<lang>/<folder>/SLUG.md, with the front matter of its kind, the
headings of its body in each language, and placeholders to replace. The
page is marked draft: true, so that no build publishes it until that line
is removed (handbook serve --drafts shows it). An existing file is never
overwritten: when the page's file exists in any language, nothing is
written. Prints the files it wrote.

KIND is principle, letter, quote, story or exercise; SLUG names the page
in lowercase letters, digits and hyphens (customer-obsession), a letter by
its year (2017).

Flags:
`

// newFlags are the flags of handbook new.
type newFlags struct {
	source string
	lang   string
}

func (f *newFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site's root `folder` (with handbook.toml or hugo.toml)")
	fs.StringVar(&f.lang, "lang", "all", "write the page in this `language` only (vi, fr), or in all of them")
}

func newCommand() command {
	return command{
		name:    "new",
		summary: "start a principle, letter, quote, story or exercise page",
		usage:   usageOf(func(fs *flag.FlagSet) { new(newFlags).register(fs) }, newUsage),
		run:     runNew,
	}
}

func runNew(args []string, stdout, stderr io.Writer) int {
	var f newFlags
	fs := newFlagSet("new", newUsage, stderr)
	f.register(fs)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(positional) != 2 {
		fmt.Fprintf(stderr, "handbook new: want a KIND and a SLUG, got %d argument(s)\n", len(positional))
		fs.Usage()
		return exitUsage
	}
	kind, err := scaffold.ParseKind(positional[0])
	if err == nil {
		err = scaffold.CheckSlug(kind, positional[1])
	}
	if err != nil {
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		return exitUsage
	}
	var diags diag.List
	cfg, err := config.Load(f.source, config.Overrides{}, &diags)
	for _, d := range diags.Sorted() {
		fmt.Fprintln(stderr, d.String())
	}
	if err != nil {
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		return exitContent
	}
	langs, err := newLanguages(cfg, f.lang)
	if err != nil {
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		return exitUsage
	}
	files, err := scaffold.Create(cfg, scaffold.Request{Kind: kind, Slug: positional[1], Langs: langs})
	if err != nil {
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		return exitContent
	}
	for _, file := range files {
		fmt.Fprintln(stdout, filepath.Join(f.source, filepath.FromSlash(file)))
	}
	fmt.Fprintf(stderr, "handbook new: %s started as a draft; remove draft: true to publish it\n", kind)
	return exitOK
}

// newLanguages reads --lang: "all" (every language), or one of the
// site's languages.
func newLanguages(cfg *config.Config, lang string) ([]string, error) {
	if lang == "all" {
		return nil, nil
	}
	if _, ok := cfg.Language(lang); ok {
		return []string{lang}, nil
	}
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	return nil, fmt.Errorf("--lang %s: the site's languages are %s, or all", lang, strings.Join(codes, ", "))
}

// parseInterspersed parses flags written before, between or after the
// positional arguments (handbook new principle x --lang vi), where the
// flag package alone stops at the first positional one, and returns the
// positional ones. After "--" every argument is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
