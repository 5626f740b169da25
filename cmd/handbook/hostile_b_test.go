package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestHostileB runs print page limits nobody here wrote: a limit
// that is no number, none or below one is an error at its line, and
// nothing is written; a limit the whole handbook passes leaves its print
// pages out, with one warning naming the setting, and no page links to
// them.
func TestHostileB(t *testing.T) {
	var cases []hostileCase
	for _, bad := range []string{"0", "-1"} {
		files, line := withTable("[print]\nmaxPages = " + bad + "\n")
		cases = append(cases, hostileCase{
			name:   "print maxPages " + bad,
			files:  files,
			args:   []string{"build"},
			code:   exitContent,
			output: "handbook.toml:" + strconv.Itoa(line+1) + ": print.maxPages is " + bad + ": it must be 1 or more",
			after:  noOutput,
		})
	}
	notANumber, line := withTable("[print]\nmaxPages = \"many\"\n")
	cases = append(cases, hostileCase{
		name:   "print maxPages not a number",
		files:  notANumber,
		args:   []string{"build"},
		code:   exitContent,
		output: "handbook.toml:" + strconv.Itoa(line+1) + ":",
		after:  noOutput,
	})
	small, _ := withTable("[print]\nmaxPages = 2\n")
	cases = append(cases, hostileCase{
		name:    "print maxPages below the handbook",
		files:   small,
		args:    []string{"build"},
		code:    exitOK,
		output:  "handbook.toml: warning: print page /vi/print/ (4 pages) left out: a print page holds at most 2 pages ([print] maxPages in handbook.toml)",
		written: []string{"site/public"},
		after: func(t *testing.T, work string) {
			public := filepath.Join(work, "site", "public")
			if _, err := os.Stat(filepath.Join(public, "vi", "print", "index.html")); err == nil {
				t.Error("vi/print written, though it holds more than maxPages pages")
			}
			if _, err := os.Stat(filepath.Join(public, "vi", "principles", "print", "index.html")); err != nil {
				t.Errorf("vi/principles/print not written: %v", err)
			}
			home, err := os.ReadFile(filepath.Join(public, "vi", "index.html"))
			if err != nil || strings.Contains(string(home), "/vi/print/") {
				t.Errorf("vi/ links to the print page left out (%v)", err)
			}
		},
	})
	runHostile(t, cases)
}

// noOutput checks that the build wrote no site.
func noOutput(t *testing.T, work string) {
	if _, err := os.Stat(filepath.Join(work, "site", "public")); err == nil {
		t.Error("a site was written")
	}
}
