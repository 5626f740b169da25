package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1 // the content has errors, or the build failed
	exitUsage   = 2 // the command line is wrong
	// exitInterrupted is a build stopped by Ctrl-C or SIGTERM, as a shell
	// reports a process killed by SIGINT (128+2).
	exitInterrupted = 130
)

// command is one subcommand of handbook.
type command struct {
	name    string
	summary string
	usage   string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() map[string]command {
	list := []command{buildCommand(), checkCommand(), newCommand(), publishCommand(), searchCommand(), serveCommand(), translationsCommand(), versionCommand()}
	m := map[string]command{}
	for _, c := range list {
		m[c.name] = c
	}
	return m
}

func main() {
	setMemoryGuard(machineMemory)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 {
		printHelp(stdout, cmds)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return help(rest, stdout, stderr, cmds)
	case "-version", "--version":
		name = "version"
	}
	cmd, ok := cmds[name]
	if !ok {
		fmt.Fprintf(stderr, "handbook: unknown command %q\nRun 'handbook help' for the list of commands.\n", name)
		return exitUsage
	}
	return cmd.run(rest, stdout, stderr)
}

func help(args []string, stdout, stderr io.Writer, cmds map[string]command) int {
	if len(args) == 0 {
		printHelp(stdout, cmds)
		return exitOK
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "handbook: no help for unknown command %q\n", args[0])
		return exitUsage
	}
	fmt.Fprint(stdout, cmd.usage)
	return exitOK
}

func printHelp(w io.Writer, cmds map[string]command) {
	fmt.Fprint(w, "handbook builds the multilingual Day 1 handbook into a static site.\n\nUsage:\n\n\thandbook <command> [flags]\n\nCommands:\n\n")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "\t%-12s %s\n", n, cmds[n].summary)
	}
	fmt.Fprint(w, "\nRun 'handbook help <command>' for a command's flags.\n")
}

func versionCommand() command {
	return command{
		name:    "version",
		summary: "print the handbook version",
		usage:   "usage: handbook version\n\nPrints the version of handbook and of the Go toolchain that built it.\n",
		run: func(args []string, stdout, stderr io.Writer) int {
			if len(args) > 0 {
				fmt.Fprintln(stderr, "usage: handbook version")
				return exitUsage
			}
			fmt.Fprintln(stdout, versionString())
			return exitOK
		},
	}
}

// version is set at link time (-ldflags "-X main.version=v1.2.3"); without
// it, the module's build information is used.
var version = ""

func versionString() string {
	v := version
	goVersion := ""
	if info, ok := debug.ReadBuildInfo(); ok {
		goVersion = info.GoVersion
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && v == "" {
				v = "dev-" + s.Value[:min(12, len(s.Value))]
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	return strings.TrimSpace("handbook " + v + " " + goVersion)
}
