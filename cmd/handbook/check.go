package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/config"
	"handbook/build/diag"
)

const checkUsage = `usage: handbook check [flags]

Checks the site without writing it: everything the build validates, and
pages missing in a language, translations out of date, relative links and
images to files that do not exist, pages without a title or description,
and pages no navigation reaches. Drafts are left out, as the build leaves
them out, unless --drafts includes them. Prints each problem as
file:line: message (or as JSON, or as GitHub Actions annotations). Exits
with 1 when there is an error, or with --strict a warning.

Flags:
`

// checkFlags are the flags of handbook check.
type checkFlags struct {
	source  string
	format  string
	strict  bool
	drafts  bool
	history bool
}

func (f *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site's root `folder` (with handbook.toml or hugo.toml)")
	fs.StringVar(&f.format, "format", "text", "print problems as `text` (file:line: message), json or github (workflow annotations)")
	fs.BoolVar(&f.strict, "strict", false, "treat warnings as errors")
	fs.BoolVar(&f.drafts, "drafts", false, "check the pages marked draft: true too")
	fs.BoolVar(&f.history, "history", true, "read the git history, as build does (--history=false leaves it out)")
}

func checkCommand() command {
	return command{
		name:    "check",
		summary: "check the site: links, translations, titles, navigation",
		usage:   usageOf(func(fs *flag.FlagSet) { new(checkFlags).register(fs) }, checkUsage),
		run:     runCheck,
	}
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var f checkFlags
	fs := newFlagSet("check", checkUsage, stderr)
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook check: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	format, err := check.ParseFormat(f.format)
	if err != nil {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		return exitUsage
	}
	site, err := check.Run(check.Options{Build: build.Options{Source: f.source, Overrides: config.Overrides{Drafts: f.drafts, NoHistory: !f.history}}})
	diags := site.Diags.Sorted()
	if f.strict {
		diags = check.Strict(diags)
	}
	dir := ""
	if format == check.GitHub && site.Config != nil {
		dir = fromWorkingDir(site.Config.Root)
	}
	if werr := check.Write(stdout, diags, format, dir); werr != nil {
		fmt.Fprintf(stderr, "handbook check: %v\n", werr)
		return exitContent
	}
	if err != nil && !build.IsContentError(err) {
		fmt.Fprintf(stderr, "handbook check: %v\n", err)
		return exitContent
	}
	return checkSummary(site, diags, stderr)
}

// checkSummary prints what was checked and what was found, and returns
// the exit code.
func checkSummary(site *build.Site, diags []diag.Diagnostic, stderr io.Writer) int {
	errs := 0
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs++
		}
	}
	pages := 0
	if site.Pages != nil {
		pages = len(site.Pages.Pages)
	}
	fmt.Fprintf(stderr, "handbook check: %d pages, %d error(s), %d warning(s)\n", pages, errs, len(diags)-errs)
	if site.Pages != nil && site.Pages.Skipped > 0 {
		fmt.Fprintf(stderr, "handbook check: %d draft(s) not checked (--drafts checks them)\n", site.Pages.Skipped)
	}
	if errs > 0 {
		return exitContent
	}
	return exitOK
}

// fromWorkingDir is the site's folder relative to the working directory,
// where CI reads file paths from; "" when it is the working directory or
// outside it.
func fromWorkingDir(root string) string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(wd, root)
	if err != nil || rel == "." || !filepath.IsLocal(rel) {
		return ""
	}
	return filepath.ToSlash(rel)
}
