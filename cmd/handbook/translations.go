package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/content"
	"handbook/build/diag"
)

const translationsUsage = `usage: handbook translations [flags]
       handbook translations --stamp PAGE [PAGE ...]
       handbook translations --diff PAGE [PAGE ...]

Prints where every page stands in every language other than the default
one (or in --lang only), against its original in the default language:
up to date, out of date (the original changed since the translation was
stamped), unstamped, missing, or with no original.

--stamp records in a translation's front matter (sourceHash) which version
of its original it translates, changing nothing else in the file. Stamp a
translation once it matches its original. PAGE is a translation's file, an
original's file (all its translations), a folder of pages, or a
translationKey.

--diff prints what changed in a translation's original since the version
the translation was stamped against: the fields a translator translates
(title, description, statement, text), old → new, then each paragraph
that changed, word by word ({+inserted+}, [-deleted-]; in colour on a
terminal, unless NO_COLOR is set). The stamped version is found in the
site's git history, following the original through renames; "now" is
the original's file as it is on disk, committed or not. PAGE is a
translation's file or its original's (all its translations, or --lang's).
It says why when there is nothing to compare: the translation is not
stamped, its original was deleted, the site is not in a git repository,
the history is shallow (run git fetch --unshallow), or no version of the
original has the stamped text.

Exit codes: 0 done (the changes shown); 1 a page could not be stamped or
compared, or the content has errors; 2 a usage error.

Flags:
`

// translationsFlags are the flags of handbook translations.
type translationsFlags struct {
	source string
	lang   string
	stamp  string
	diff   string
}

func (f *translationsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site's root `folder` (with handbook.toml or hugo.toml)")
	fs.StringVar(&f.lang, "lang", "", "only this `language` (fr); default: every language but the default one")
	fs.StringVar(&f.stamp, "stamp", "", "stamp the translations of `PAGE` (and of the pages after the flags)")
	fs.StringVar(&f.diff, "diff", "", "print what changed in the original of `PAGE` since its stamp (and of the pages after the flags)")
}

func translationsCommand() command {
	return command{
		name:    "translations",
		summary: "list translations out of date or missing; stamp them",
		usage:   usageOf(func(fs *flag.FlagSet) { new(translationsFlags).register(fs) }, translationsUsage),
		run:     runTranslations,
	}
}

func runTranslations(args []string, stdout, stderr io.Writer) int {
	var f translationsFlags
	fs := newFlagSet("translations", translationsUsage, stderr)
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if f.stamp != "" && f.diff != "" {
		fmt.Fprintln(stderr, "handbook translations: --stamp and --diff go one at a time")
		return exitUsage
	}
	if f.stamp == "" && f.diff == "" && fs.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook translations: unexpected argument %q (to stamp pages: --stamp PAGE ...; to compare them: --diff PAGE ...)\n", fs.Arg(0))
		return exitUsage
	}
	site, err := build.Load(build.Options{Source: f.source})
	printDiagnostics(site, stderr)
	if err != nil && (!build.IsContentError(err) || site.Pages == nil) {
		return reportFailure(err, site, stderr)
	}
	if code := checkLang(site, f.lang, stderr); code != exitOK {
		return code
	}
	code := exitOK
	switch {
	case f.diff != "":
		code = showDiffs(site, append([]string{f.diff}, fs.Args()...), f.lang, stdout, stderr)
	case f.stamp != "":
		code = stamp(site, append([]string{f.stamp}, fs.Args()...), f.lang, stdout, stderr)
	default:
		printStatuses(check.Translations(site, f.lang), stdout)
	}
	if site.Diags.HasErrors() {
		code = exitContent
	}
	return code
}

// checkLang makes sure --lang names a language that has translations.
func checkLang(site *build.Site, lang string, stderr io.Writer) int {
	switch {
	case lang == "":
		return exitOK
	case site.Pages.Lang(lang) == nil:
		fmt.Fprintf(stderr, "handbook translations: the site has no language %q\n", lang)
	case lang == site.Config.DefaultLanguage:
		fmt.Fprintf(stderr, "handbook translations: %s is the default language, whose pages are the originals\n", lang)
	default:
		return exitOK
	}
	return exitUsage
}

// printStatuses prints a table of the statuses, then a count per
// language.
func printStatuses(statuses []check.Status, w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LANG\tSTATUS\tPAGE\tORIGINAL")
	counts := map[string]map[check.State]int{}
	var langs []string
	for _, s := range statuses {
		if counts[s.Lang] == nil {
			counts[s.Lang] = map[check.State]int{}
			langs = append(langs, s.Lang)
		}
		counts[s.Lang][s.State]++
		file := s.File
		if file == "" {
			file = "(translationKey " + s.Original.TranslationKey + ")"
		}
		original := "-"
		if s.Original != nil {
			original = s.Original.File
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Lang, s.State, diag.EscapeControls(file), diag.EscapeControls(original))
	}
	tw.Flush()
	for _, s := range statuses {
		if s.Drifted {
			fmt.Fprintln(w, diag.EscapeControls(check.DriftDiagnostic(s).String()))
		}
	}
	for _, l := range langs {
		var parts []string
		for _, st := range []check.State{check.UpToDate, check.OutOfDate, check.Unstamped, check.Missing, check.NoOriginal} {
			if n := counts[l][st]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, st))
			}
		}
		fmt.Fprintf(w, "%s: %s\n", l, strings.Join(parts, ", "))
	}
}

// stamp stamps the translations of each target.
func stamp(site *build.Site, targets []string, lang string, stdout, stderr io.Writer) int {
	code := exitOK
	for _, target := range targets {
		pages, err := check.StampTargets(site, target, lang)
		if err != nil {
			fmt.Fprintf(stderr, "handbook translations: %v\n", err)
			code = exitContent
			continue
		}
		for _, p := range pages {
			if err := stampOne(site, p, stdout); err != nil {
				fmt.Fprintf(stderr, "handbook translations: %v\n", err)
				code = exitContent
			}
		}
	}
	return code
}

func stampOne(site *build.Site, p *content.Page, stdout io.Writer) error {
	changed, err := check.StampFile(site, p)
	if err != nil {
		return err
	}
	state := "stamped"
	if !changed {
		state = "already stamped"
	}
	fmt.Fprintf(stdout, "%s %s: sourceHash %s (%s)\n", state, diag.EscapeControls(p.File), p.Original.TextHash, diag.EscapeControls(p.Original.File))
	return nil
}
