package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/internal/sitetest"
)

// hostileCase is one input nobody here wrote, run through the command
// line: the site it starts from, the command, and what must hold after
// it: the exit code, a message in the output, and the disk, where nothing
// of the writer's may be lost or changed and nothing may be written
// outside the output folder or left half-written.
type hostileCase struct {
	name string
	// files is the site, written into a folder "site" of a fresh
	// temporary folder (the work folder). nil means hostileSite().
	files map[string]string
	// setup makes what files cannot: symbolic links, FIFOs, a site
	// folder's outside neighbours. It runs after files are written.
	setup func(t *testing.T, work string)
	// args is the command line. "$SITE" and "$WORK" are replaced by the
	// site's and the work folder's paths. The command runs with the site
	// as its working folder.
	args []string
	code int
	// output must appear in stdout or stderr ("" checks nothing).
	output string
	// notOutput must not appear in stdout or stderr.
	notOutput []string
	// written are the paths, relative to the work folder, the command may
	// create or change (an output folder, a release folder), each with
	// everything below it. Every other file of the work folder must be
	// exactly as it was before.
	written []string
	// after checks the disk further.
	after func(t *testing.T, work string)
}

// hostileSite is a small bilingual site, the starting point of most cases.
func hostileSite() map[string]string {
	return map[string]string{
		"handbook.toml":                    sitetest.Config,
		"content/vi/_index.md":             "---\ntitle: Sổ tay\n---\n\nXin chào.\n",
		"content/vi/about.md":              "---\ntitle: Giới thiệu\n---\n\nVề sổ tay.\n",
		"content/vi/principles/day-one.md": "---\ntitle: Luôn là Ngày 1\nkind: principle\n---\n\n## Giải thích\n\nNội dung.\n",
		"content/fr/_index.md":             "---\ntitle: Le manuel\n---\n\nBonjour.\n",
		"content/fr/about.md":              "---\ntitle: À propos\n---\n\nÀ propos du manuel.\n",
	}
}

// withFiles returns hostileSite() with files added or replaced; a value
// of "\x00delete" removes a path.
func withFiles(files map[string]string) map[string]string {
	site := hostileSite()
	for name, body := range files {
		if body == "\x00delete" {
			delete(site, name)
			continue
		}
		site[name] = body
	}
	return site
}

// runHostile runs each case in a fresh work folder and checks what it
// promises.
func runHostile(t *testing.T, cases []hostileCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			work := t.TempDir()
			site := filepath.Join(work, "site")
			files := tc.files
			if files == nil {
				files = hostileSite()
			}
			if err := os.MkdirAll(site, 0o755); err != nil {
				t.Fatal(err)
			}
			sitetest.WriteFiles(t, site, files)
			if tc.setup != nil {
				tc.setup(t, work)
			}
			before := hashTree(t, work)
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				a = strings.ReplaceAll(a, "$SITE", site)
				args[i] = strings.ReplaceAll(a, "$WORK", work)
			}
			t.Chdir(site)
			code, stdout, stderr := runCmd(args...)
			out := stdout + stderr
			if code != tc.code {
				t.Errorf("exit code %d, want %d\n%s", code, tc.code, out)
			}
			if tc.output != "" && !strings.Contains(out, tc.output) {
				t.Errorf("output lacks %q:\n%s", tc.output, out)
			}
			for _, s := range tc.notOutput {
				if strings.Contains(out, s) {
					t.Errorf("output holds %q:\n%s", s, out)
				}
			}
			checkUntouched(t, work, before, hashTree(t, work), tc.written)
			checkNoStaging(t, work)
			if tc.after != nil {
				tc.after(t, work)
			}
		})
	}
}

// hashTree maps every entry below root (relative, slash-separated) to a
// hash of what it is: a file's bytes, a link's target, or its type.
func hashTree(t *testing.T, root string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			tree[rel] = "link:" + target
		case d.IsDir():
			tree[rel] = "dir"
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			tree[rel] = hex.EncodeToString(sum[:])
		default:
			tree[rel] = "special:" + d.Type().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// checkUntouched fails for every entry of before that is gone or changed
// in after, and every entry new in after, unless it is below one of the
// written paths.
func checkUntouched(t *testing.T, work string, before, after map[string]string, written []string) {
	t.Helper()
	allowed := func(p string) bool {
		for _, w := range written {
			if p == w || strings.HasPrefix(p, w+"/") {
				return true
			}
		}
		return false
	}
	for p, h := range before {
		if allowed(p) {
			continue
		}
		switch got, ok := after[p]; {
		case !ok:
			t.Errorf("%s was deleted", p)
		case got != h:
			t.Errorf("%s was changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok && !allowed(p) {
			t.Errorf("%s was written outside the output folder", p)
		}
	}
}

// checkNoStaging fails when a build's staging folder is left anywhere in
// the work folder.
func checkNoStaging(t *testing.T, work string) {
	t.Helper()
	_ = filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && strings.Contains(d.Name(), ".building-") {
			t.Errorf("staging folder left behind: %s", p)
		}
		return nil
	})
}

// TestHostileBasics is the baseline the other hostile tables build on: a
// plain build writes only its output folder, and a broken page writes
// nothing.
func TestHostileBasics(t *testing.T) {
	runHostile(t, []hostileCase{
		{
			name:    "plain build",
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
		},
		{
			name:   "broken front matter",
			files:  withFiles(map[string]string{"content/vi/about.md": "---\ntitle: [\n---\n"}),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: "content/vi/about.md:2",
		},
	})
}
