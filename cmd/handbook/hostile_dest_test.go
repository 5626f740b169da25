package main

import (
	"os"
	"path/filepath"
	"testing"

	"handbook/build/output"
	"handbook/internal/sitetest"
)

// siteWithIndex is the reproduction: a site folder, a git
// repository, that holds an index.html of its own.
func siteWithIndex(extra map[string]string) map[string]string {
	return withFiles(mergeFiles(map[string]string{
		".git/HEAD":  "ref: refs/heads/main\n",
		"index.html": "<html>x</html>",
	}, extra))
}

func mergeFiles(a, b map[string]string) map[string]string {
	for k, v := range b {
		a[k] = v
	}
	return a
}

// configWith puts top-level keys before the fixture's configuration.
func configWith(keys string) string { return keys + "\n" + sitetest.Config }

func symlink(target, name string) func(t *testing.T, work string) {
	return func(t *testing.T, work string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(work, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
}

// TestHostileDestinations is the destination guard: a build never deletes
// or replaces the site it builds, nor a folder it did not write.
func TestHostileDestinations(t *testing.T) {
	build := func(extra ...string) []string { return append([]string{"build", "--source", "$SITE"}, extra...) }
	runHostile(t, []hostileCase{
		{name: "dest is the site", files: siteWithIndex(nil), args: build("--dest", "."),
			code: exitUsage, output: "it is the site's own folder (from --dest)"},
		{name: "dest is the site, absolute", files: siteWithIndex(nil), args: build("--dest", "$SITE"),
			code: exitUsage, output: "it is the site's own folder"},
		{name: "dest is the site's parent", files: siteWithIndex(nil), args: build("--dest", ".."),
			setup: func(t *testing.T, work string) {
				sitetest.WriteFiles(t, work, map[string]string{"index.html": "<html>parent</html>"})
			},
			code: exitUsage, output: "it holds the site's folder"},
		{name: "output = . in handbook.toml", files: siteWithIndex(map[string]string{"handbook.toml": configWith(`output = "."`)}),
			args: build(), code: exitUsage, output: "it is the site's own folder (from output in handbook.toml)"},
		{name: "output = .. in handbook.toml", files: siteWithIndex(map[string]string{"handbook.toml": configWith(`output = ".."`)}),
			args: build(), code: exitUsage, output: "it holds the site's folder"},
		{name: "dest is a content folder", args: build("--dest", "content/vi"),
			code: exitUsage, output: "which the build reads"},
		{name: "dest holds the content folders", args: build("--dest", "content"),
			code: exitUsage, output: "which the build reads"},
		{name: "dest inside a content folder", args: build("--dest", "content/vi/public"),
			code: exitUsage, output: "it is inside"},
		{name: "dest is the theme folder", files: withFiles(map[string]string{"themes/mine/layouts/page.html": "x"}),
			args: build("--dest", "themes/mine"), code: exitUsage, output: "it is inside"},
		{name: "dest is the config file", args: build("--dest", "handbook.toml"),
			code: exitUsage, output: "handbook.toml, which the build reads"},
		{name: "dest is .git", files: siteWithIndex(nil), args: build("--dest", ".git"),
			code: exitUsage, output: ".git, which the build reads"},
		{name: "dest inside .git", files: siteWithIndex(nil), args: build("--dest", ".git/public"),
			code: exitUsage, output: "it is inside"},
		{name: "dest is a link to the site", files: siteWithIndex(nil), setup: symlink("site", "link"),
			args: build("--dest", "$WORK/link"), code: exitUsage, output: "it is the site's own folder"},
		{name: "dest is another git repository", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{"repo/.git/HEAD": "x", "repo/" + output.StampFile: "x"})
		}, args: build("--dest", "$WORK/repo", "--force"), code: exitUsage, output: "it holds a .git folder"},
		{name: "force never replaces the site", files: siteWithIndex(nil), args: build("--dest", ".", "--force"),
			code: exitUsage, output: "it is the site's own folder"},
		{name: "folder of documents", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{"docs/thesis.docx": "precious", "docs/index.html": "<html>"})
		}, args: build("--dest", "$WORK/docs"), code: exitUsage, output: "no build wrote it"},
		{name: "a file, not a folder", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{"out": "a file"})
		}, args: build("--dest", "$WORK/out"), code: exitUsage, output: "it exists and is not a folder"},
		{name: "folder of documents with --force", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{"docs/thesis.docx": "precious"})
		}, args: build("--dest", "$WORK/docs", "--force"), code: exitOK, output: "--force: replacing",
			written: []string{"docs"}, after: func(t *testing.T, work string) {
				if _, err := os.Stat(filepath.Join(work, "docs", output.StampFile)); err != nil {
					t.Errorf("the built site carries no stamp: %v", err)
				}
			}},
		{name: "empty folder", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{"empty/": ""})
		}, args: build("--dest", "$WORK/empty"), code: exitOK, written: []string{"empty"}},
		{name: "a stamped site is replaced", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{"out/" + output.StampFile: "x", "out/old/index.html": "old"})
		}, args: build("--dest", "$WORK/out"), code: exitOK, written: []string{"out"}, after: func(t *testing.T, work string) {
			if _, err := os.Stat(filepath.Join(work, "out", "old")); err == nil {
				t.Error("the previous site's pages are still there")
			}
		}},
		{name: "dest is a link to a folder", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{"real/": ""})
			symlink("real", "out")(t, work)
		}, args: build("--dest", "$WORK/out"), code: exitOK, written: []string{"real"}, after: func(t *testing.T, work string) {
			if target, err := os.Readlink(filepath.Join(work, "out")); err != nil || target != "real" {
				t.Errorf("out is no longer a link to real: %q, %v", target, err)
			}
			if _, err := os.Stat(filepath.Join(work, "real", "vi", "index.html")); err != nil {
				t.Errorf("the site was not built into the link's target: %v", err)
			}
		}},
		{name: "leftover staging folders are removed", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{
				"site/.public.building-1234/vi/index.html":     "half a site",
				"site/.public.building-5678.old/vi/index.html": "the site before",
			})
		}, args: build(), code: exitOK, written: []string{"site/public", "site/.public.building-1234", "site/.public.building-5678.old"}},
		{name: "a failed build leaves the previous site", setup: func(t *testing.T, work string) {
			sitetest.WriteFiles(t, work, map[string]string{
				"site/public/" + output.StampFile: "x", "site/public/index.html": "previous",
				"site/content/vi/broken.md": "---\ntitle: [\n---\n",
			})
		}, args: build(), code: exitContent, output: "content/vi/broken.md:2"},
	})
}
