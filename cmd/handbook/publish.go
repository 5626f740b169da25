package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/publish"
)

const publishUsage = `usage: handbook publish --to DIR [flags]

Checks the site and, when the check finds no error, builds it into a new
release folder DIR/releases/<id>/, then switches the symbolic link
DIR/current to it in one atomic step: a web server whose root is
DIR/current serves either the previous release or the new one, never a
mix. Keeps the newest --keep releases (and always the current one and the
one before it). --rollback switches DIR/current back to the complete
release before it; in a folder never published to it changes nothing. A
lock (DIR/publish.lock) makes a second publish wait for the first.

Flags:
`

// publishFlags are the flags of handbook publish.
type publishFlags struct {
	source   string
	baseURL  string
	to       string
	keep     int
	rollback bool
}

func (f *publishFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site's root `folder` (with handbook.toml or hugo.toml)")
	fs.StringVar(&f.baseURL, "base-url", "", "the site's public `address`, overriding baseURL (may have a sub-path)")
	fs.StringVar(&f.to, "to", "", "the `folder` that holds releases/ and the current link (required)")
	fs.IntVar(&f.keep, "keep", publish.DefaultKeep, "keep the newest `n` releases")
	fs.BoolVar(&f.rollback, "rollback", false, "switch current back to the release before it, and build nothing")
}

func publishCommand() command {
	return command{
		name:    "publish",
		summary: "check, build and switch the web server's folder to the new site",
		usage:   usageOf(func(fs *flag.FlagSet) { new(publishFlags).register(fs) }, publishUsage),
		run:     runPublish,
	}
}

func runPublish(args []string, stdout, stderr io.Writer) int {
	var f publishFlags
	fs := newFlagSet("publish", publishUsage, stderr)
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "handbook publish: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	case f.to == "":
		fmt.Fprintln(stderr, "handbook publish: --to DIR is required (the web server's folder)")
		return exitUsage
	case f.keep < 1:
		fmt.Fprintf(stderr, "handbook publish: --keep must be at least 1, got %d\n", f.keep)
		return exitUsage
	case badBaseURLFlag("publish", f.baseURL, stderr):
		return exitUsage
	}
	opts := publish.Options{
		Site: build.Options{Source: f.source, Overrides: config.Overrides{BaseURL: f.baseURL}},
		To:   f.to,
		Keep: f.keep,
		Waiting: func() {
			fmt.Fprintf(stderr, "handbook publish: another publish to %s is running; waiting for it\n", f.to)
		},
	}
	if f.rollback {
		return runRollback(opts, stdout, stderr)
	}
	res, err := publish.Publish(opts)
	if res != nil {
		printDiagnostics(res.Site, stderr)
	}
	switch {
	case errors.Is(err, publish.ErrRefused):
		n, _ := res.Site.Diags.Count()
		fmt.Fprintf(stderr, "handbook publish: %d error(s); nothing was published, %s is unchanged\n", n, f.to)
		return exitContent
	case err != nil && (res == nil || res.Release == ""):
		fmt.Fprintf(stderr, "handbook publish: %v; nothing was published\n", err)
		return exitContent
	case err != nil:
		// The switch happened; only cleaning up old releases failed.
		fmt.Fprintf(stderr, "handbook publish: %v\n", err)
	}
	fmt.Fprintf(stdout, "handbook: published %d pages as release %s; %s/current now points to it\n",
		len(res.Site.Pages.Pages), res.Release, strings.TrimSuffix(f.to, "/"))
	if res.Previous != "" {
		fmt.Fprintf(stdout, "  previous release: %s (handbook publish --to %s --rollback goes back to it)\n", res.Previous, f.to)
	}
	if len(res.Removed) > 0 {
		fmt.Fprintf(stdout, "  removed old releases: %s\n", strings.Join(res.Removed, ", "))
	}
	for _, name := range res.Incomplete {
		fmt.Fprintf(stderr, "handbook publish: warning: %s is not a complete release (its removal was cut short?): it is never switched to; delete it\n",
			filepath.Join(f.to, "releases", name))
	}
	if err != nil {
		return exitContent
	}
	return exitOK
}

func runRollback(opts publish.Options, stdout, stderr io.Writer) int {
	from, back, err := publish.Rollback(opts)
	if err != nil {
		fmt.Fprintf(stderr, "handbook publish: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "handbook: rolled back from release %s to %s\n", from, back)
	return exitOK
}
