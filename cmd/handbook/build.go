package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/output"
)

const buildUsage = `usage: handbook build [flags]

Builds the site into its output folder (public/ by default). The folder is
replaced only when the whole build succeeds; on any error, or Ctrl-C, the
previous site stays as it was. It refuses an output folder that is, holds
or is inside the site's own files (its folder, content, themes, config,
.git), and a non-empty folder that no build wrote, unless --force.

Flags:
`

// siteFlags are the flags every command that builds a site accepts.
type siteFlags struct {
	source  string
	dest    string
	baseURL string
	drafts  bool
	search  bool
	history bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site's root `folder` (with handbook.toml or hugo.toml)")
	fs.StringVar(&f.dest, "dest", "", "write the site to this `folder` instead of the configured one")
	fs.StringVar(&f.baseURL, "base-url", "", "the site's public `address`, overriding baseURL")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&f.search, "search", true, "write the search index (--search=false leaves it out)")
	fs.BoolVar(&f.history, "history", true, "read the git history for dates and the \"what's new\" page (--history=false leaves it out)")
}

func (f *siteFlags) options() build.Options {
	return build.Options{
		Source:    f.source,
		Overrides: config.Overrides{Dest: f.dest, BaseURL: f.baseURL, Drafts: f.drafts, NoSearch: !f.search, NoHistory: !f.history},
	}
}

// newFlagSet makes a flag set whose errors and help go to stderr, with
// the command's usage text.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// usageOf writes a command's usage text followed by its flags.
func usageOf(register func(*flag.FlagSet), text string) string {
	var b strings.Builder
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	register(fs)
	fs.SetOutput(&b)
	b.WriteString(text)
	fs.PrintDefaults()
	return b.String()
}

// buildFlags are the flags of build: the site's, and its own. They are
// registered in one place so that 'handbook help build' lists them all.
type buildFlags struct {
	siteFlags
	force      bool
	timings    bool
	cpuProfile string
	memProfile string
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	f.siteFlags.register(fs)
	fs.BoolVar(&f.force, "force", false, "replace a non-empty output folder that no build wrote (never the site's own files)")
	fs.BoolVar(&f.timings, "timings", false, "print how long each stage of the pipeline took")
	fs.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	fs.StringVar(&f.memProfile, "memprofile", "", "write a heap profile of the build at its largest live heap to `file` (for go tool pprof)")
}

func buildCommand() command {
	return command{
		name:    "build",
		summary: "build the site into public/",
		usage:   usageOf(func(fs *flag.FlagSet) { new(buildFlags).register(fs) }, buildUsage),
		run:     runBuild,
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := newFlagSet("build", buildUsage, stderr)
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if badBaseURLFlag("build", f.baseURL, stderr) {
		return exitUsage
	}
	if f.cpuProfile != "" {
		stop, err := startCPUProfile(f.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "handbook build: %v\n", err)
			return exitUsage
		}
		defer stop()
	}
	if f.memProfile != "" {
		stop, err := startHeapProfile(f.memProfile)
		if err != nil {
			fmt.Fprintf(stderr, "handbook build: %v\n", err)
			return exitUsage
		}
		defer func() {
			if err := stop(); err != nil {
				fmt.Fprintf(stderr, "handbook build: %v\n", err)
			}
		}()
	}
	defer startHeapFloor(heapFloorFor(debug.SetMemoryLimit(-1))).stop()
	start := time.Now()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := f.options()
	opts.Force = f.force
	site, err := build.BuildContext(ctx, opts)
	if site != nil && site.Diags != nil {
		// A template's error is printed with the others, at its file
		// and line.
		err = site.Diags.AddProblem(err)
	}
	printDiagnostics(site, stderr)
	var old *output.OldSiteError
	switch {
	case errors.As(err, &old):
		// The new site is in place: the build did its job.
		fmt.Fprintf(stderr, "handbook: warning: %v\n", err)
	case errors.As(err, new(*output.UnsafeDestError)):
		fmt.Fprintf(stderr, "handbook build: %v (%s)\n", err, f.destOrigin(site))
		return exitUsage
	case err != nil && ctx.Err() != nil:
		// A signal that came once the new site was being put in place
		// did not stop it: then the build succeeded, and says so below.
		fmt.Fprintln(stderr, "handbook build: interrupted; the output folder is as it was")
		return exitInterrupted
	case err != nil:
		return reportFailure(err, site, stderr)
	}
	out := site.Config.OutputDir
	if rel, err := filepath.Rel(site.Config.Root, out); err == nil && filepath.IsLocal(rel) {
		out = rel
	}
	fmt.Fprintf(stdout, "handbook: built %d pages in %d languages into %s in %s\n%s",
		len(site.Pages.Pages), len(site.Pages.Langs), out, time.Since(start).Round(time.Millisecond), site.Summary())
	if f.timings {
		for _, t := range site.Timings {
			fmt.Fprintf(stdout, "  %-10s %s\n", t.Stage, t.Duration.Round(time.Millisecond))
		}
	}
	return exitOK
}

// printDiagnostics prints every problem, sorted, as file:line: message.
func printDiagnostics(site *build.Site, w io.Writer) {
	if site == nil || site.Diags == nil {
		return
	}
	for _, d := range site.Diags.Sorted() {
		fmt.Fprintln(w, d.String())
	}
}

func reportFailure(err error, site *build.Site, stderr io.Writer) int {
	if build.IsContentError(err) {
		n, _ := site.Diags.Count()
		fmt.Fprintf(stderr, "handbook: %d error(s); nothing was written\n", n)
		return exitContent
	}
	fmt.Fprintf(stderr, "handbook: %v\n", err)
	return exitContent
}

// destOrigin says where the output folder came from, for a refusal: the
// flag, the configuration file, or the default.
func (f *buildFlags) destOrigin(site *build.Site) string {
	switch {
	case f.dest != "":
		return "from --dest"
	case site != nil && site.Config != nil && site.Config.File != "":
		return "from output in " + site.Config.File
	}
	return "the default output folder"
}

// startCPUProfile profiles the process into file until stop is called.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
