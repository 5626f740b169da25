package main

import (
	"path/filepath"
	"testing"
)

// buildFirst builds the site of a case before it runs, for the commands
// that read a built site (search).
func buildFirst(t *testing.T, work string) {
	t.Helper()
	if code, stdout, stderr := runCmd("build", "--source", filepath.Join(work, "site")); code != exitOK {
		t.Fatalf("building the site: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestHostileCLI runs flags nobody should pass and file names nobody
// should write: each odd flag is a usage error (exit 2) saying what is
// wrong, before anything is read or written; a file name that would drive
// the terminal is printed escaped.
func TestHostileCLI(t *testing.T) {
	runHostile(t, []hostileCase{
		{
			name:   "search with a negative limit",
			args:   []string{"search", "--limit", "-5", "khach"},
			code:   exitUsage,
			output: "handbook search: --limit must be a positive number, got -5",
		},
		{
			name:   "search with a limit of zero",
			args:   []string{"search", "--limit", "0", "khach"},
			code:   exitUsage,
			output: "handbook search: --limit must be a positive number, got 0",
		},
		{
			name:   "search with a limit that is no number",
			args:   []string{"search", "--limit", "abc", "khach"},
			code:   exitUsage,
			output: `invalid value "abc" for flag -limit`,
		},
		{
			name:   "search without a query",
			args:   []string{"search"},
			code:   exitUsage,
			output: "handbook search: no query",
		},
		{
			name:   "search with a blank query",
			args:   []string{"search", "  "},
			code:   exitUsage,
			output: "handbook search: no query",
		},
		{
			name:   "search in a language the site lacks",
			setup:  buildFirst,
			args:   []string{"search", "--lang", "de", "khach"},
			code:   exitUsage,
			output: `no index for language "de" (the site has fr, vi)`,
		},
		{
			name: "search prints a title with a colour escape, escaped",
			files: withFiles(map[string]string{
				"content/vi/about.md": "---\ntitle: \"Giới thiệu \\e[31mđỏ\\e]0;pwned\\a\"\ndescription: \"Về \\e[2J sổ tay\"\n---\n\nVề sổ tay.\n",
			}),
			setup:     buildFirst,
			args:      []string{"search", "gioi thieu"},
			code:      exitOK,
			output:    `Giới thiệu \x1b[31mđỏ\x1b]0;pwned\a`,
			notOutput: []string{"\x1b", "\a"},
		},
		{
			name: "translations prints a file name with a colour escape, escaped",
			files: withFiles(map[string]string{
				"content/fr/a\x1b[31mred.md": "---\ntitle: Rouge\n---\n\nTexte.\n",
			}),
			args:      []string{"translations"},
			code:      exitContent,
			output:    `content/fr/a\x1b[31mred.md`,
			notOutput: []string{"\x1b"},
		},
		{
			name:   "publish keeping a negative number of releases",
			args:   []string{"publish", "--to", "$WORK/srv", "--keep", "-5"},
			code:   exitUsage,
			output: "handbook publish: --keep must be at least 1, got -5",
		},
		{
			name:   "serve on a negative port",
			args:   []string{"serve", "--port", "-1"},
			code:   exitUsage,
			output: "handbook serve: --port -1 is not a port (0 to 65535)",
		},
		{
			name:   "serve on a port beyond 65535",
			args:   []string{"serve", "--port", "99999"},
			code:   exitUsage,
			output: "handbook serve: --port 99999 is not a port (0 to 65535)",
		},
		{
			name:   "check in a format it does not know",
			args:   []string{"check", "--format", "xml"},
			code:   exitUsage,
			output: `handbook check: unknown format "xml" (known: text, json, github)`,
		},
		{
			name:   "new in a language the site lacks",
			args:   []string{"new", "principle", "frugality", "--lang", "de"},
			code:   exitUsage,
			output: "--lang de: the site's languages are",
		},
		{
			name:   "translations of a language the site lacks",
			args:   []string{"translations", "--lang", "de"},
			code:   exitUsage,
			output: `handbook translations: the site has no language "de"`,
		},
		{
			name: "check prints a file name with a colour escape, escaped",
			files: withFiles(map[string]string{
				"content/vi/a\x1b[31mred.md": "---\ntitle: Đỏ\ndescription: Màu.\n---\n\n[x](missing.md)\n",
			}),
			args:      []string{"check", "--format", "text"},
			code:      exitContent,
			output:    `content/vi/a\x1b[31mred.md:6: `,
			notOutput: []string{"\x1b"},
		},
		{
			name: "build prints a file name with a colour escape, escaped",
			files: withFiles(map[string]string{
				"content/vi/a\x1b[31mred.md": "---\ntitle: Đỏ\n---\n\n[x](missing.md)\n",
			}),
			args:      []string{"build"},
			code:      exitContent,
			output:    `content/vi/a\x1b[31mred.md: slug "a\x1b[31mred" holds a control character`,
			notOutput: []string{"\x1b"},
		},
		{
			name: "check prints a file name with a newline, escaped",
			files: withFiles(map[string]string{
				"content/vi/new\nline.md": "---\ntitle: Dòng\n---\n\nVăn bản.\n",
			}),
			args:      []string{"check", "--strict"},
			code:      exitContent,
			output:    `content/vi/new\nline.md`,
			notOutput: []string{"content/vi/new\nline.md"},
		},
	})
}
