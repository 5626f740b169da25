package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/build/output"
)

// badBaseURLs are addresses a site cannot have, with what the message
// says about each.
var badBaseURLs = []struct{ url, why string }{
	{"ftp://x/", `has the scheme "ftp"`},
	{"javascript:alert(1)", `has the scheme "javascript"`},
	{"//host/", "has a host but no scheme"},
	{"intranet.example", "is neither an http(s) address nor a path"},
	{"https:///handbook/", "has no host"},
	{"https://intranet.example/?a=1", "has a query"},
	{"https://intranet.example/#top", "has a fragment"},
}

// withConfig is hostileSite() whose handbook.toml has extra put after its
// first line, the title, so that a key in extra is on line 2.
func withConfig(extra string) map[string]string {
	site := hostileSite()
	title, rest, _ := strings.Cut(site["handbook.toml"], "\n")
	rest = strings.Replace(rest, "baseURL = \"https://handbook.example/\"\n", "", 1)
	site["handbook.toml"] = title + "\n" + extra + rest
	return site
}

func badBaseURLCases() []hostileCase {
	var cases []hostileCase
	for _, b := range badBaseURLs {
		cases = append(cases, hostileCase{
			name:   "baseURL key " + b.url,
			files:  withConfig("baseURL = \"" + b.url + "\"\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `handbook.toml:2: baseURL "` + b.url + `" ` + b.why,
		}, hostileCase{
			name:   "--base-url flag " + b.url,
			args:   []string{"build", "--source", "$SITE", "--base-url", b.url},
			code:   exitUsage,
			output: `--base-url "` + b.url + `" ` + b.why,
		}, hostileCase{
			name:   "publish --base-url flag " + b.url,
			args:   []string{"publish", "--to", "$WORK/www", "--base-url", b.url},
			code:   exitUsage,
			output: `--base-url "` + b.url + `" ` + b.why,
		})
	}
	return append(cases, hostileCase{
		name:    "baseURL with a space and an ampersand",
		files:   withConfig("baseURL = \"https://handbook.example/a b&c/\"\n"),
		args:    []string{"build", "--source", "$SITE"},
		code:    exitOK,
		written: []string{"site/public"},
		after:   checkEscapedBaseURL,
	})
}

// checkEscapedBaseURL checks that a site built with the baseURL
// https://handbook.example/a b&c/ names it escaped in robots.txt and in
// the sitemap, which stays well-formed XML.
func checkEscapedBaseURL(t *testing.T, work string) {
	public := filepath.Join(work, "site", "public")
	robots, err := os.ReadFile(filepath.Join(public, "robots.txt"))
	if err != nil || !strings.HasSuffix(string(robots), "\nSitemap: https://handbook.example/a%20b&c/sitemap.xml\n") {
		t.Errorf("robots.txt = %q, %v; want the sitemap's address percent-encoded", robots, err)
	}
	sitemap, err := os.ReadFile(filepath.Join(public, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(sitemap), "b&c") || !strings.Contains(string(sitemap), "<loc>https://handbook.example/a b&amp;c/vi/") {
		t.Errorf("sitemap.xml does not escape the ampersand of baseURL:\n%s", sitemap)
	}
	if err := xml.Unmarshal(sitemap, new(struct{})); err != nil {
		t.Errorf("sitemap.xml is not XML: %v", err)
	}
}

// withTable is hostileSite() with a table added at the end of its
// handbook.toml, and the line the table starts on.
func withTable(table string) (map[string]string, int) {
	site := hostileSite()
	line := strings.Count(site["handbook.toml"], "\n") + 1
	site["handbook.toml"] += table
	return site, line
}

func badLanguageCases() []hostileCase {
	var cases []hostileCase
	for _, code := range []string{"../x", "a b", "vi/fr", ""} {
		files, line := withTable("[languages.\"" + code + "\"]\ncontentDir = \"content/vi\"\n")
		cases = append(cases, hostileCase{
			name:   "language code " + code,
			files:  files,
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: fmt.Sprintf(`handbook.toml:%d: languages: %q is not a language code`, line, code),
		})
	}
	noConfig := withFiles(map[string]string{"handbook.toml": "\x00delete", "content/shared/logo.txt": "logo"})
	return append(cases, hostileCase{
		name:    "content folder that is not a language code",
		files:   noConfig,
		args:    []string{"build", "--source", "$SITE"},
		code:    exitOK,
		output:  `content/shared: warning: folder "shared" is not a language code`,
		written: []string{"site/public"},
		after: func(t *testing.T, work string) {
			if _, err := os.Stat(filepath.Join(work, "site/public/shared")); err == nil {
				t.Error("the folder that is not a language was built as one")
			}
		},
	})
}

func keyCases() []hostileCase {
	markup, line := withTable("[markup]\nUnsafeHTML = true\n")
	return []hostileCase{
		{
			name:   "key in the wrong case",
			files:  withConfig("baseurl = \"https://handbook.example/\"\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `handbook.toml:2: unknown key "baseurl" (did you mean "baseURL"?)`,
		},
		{
			name:   "misspelled key",
			files:  withConfig("titel = \"x\"\n"),
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: `handbook.toml:2: unknown key "titel" (did you mean "title"?)`,
		},
		{
			name:   "key of a table in the wrong case",
			files:  markup,
			args:   []string{"build", "--source", "$SITE"},
			code:   exitContent,
			output: fmt.Sprintf(`handbook.toml:%d: unknown key "markup.UnsafeHTML" (did you mean "markup.unsafeHTML"?)`, line+1),
		},
		{
			name:    "Hugo's keys in any case",
			files:   withFiles(map[string]string{"handbook.toml": "\x00delete", "hugo.toml": "BaseURL = \"https://handbook.example/\"\nDefaultContentLanguage = \"vi\"\n"}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "built",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				robots, err := os.ReadFile(filepath.Join(work, "site/public/robots.txt"))
				if err != nil || !strings.Contains(string(robots), "https://handbook.example/sitemap.xml") {
					t.Errorf("robots.txt = %q, %v; want BaseURL read from hugo.toml", robots, err)
				}
			},
		},
	}
}

func unreadConfigCases() []hostileCase {
	return []hostileCase{
		{
			name:      "only a file config/_default/ cannot hold",
			files:     withFiles(map[string]string{"handbook.toml": "\x00delete", "config/_default/notes.txt": "baseURL: https://handbook.example/\n"}),
			args:      []string{"build", "--source", "$SITE"},
			code:      exitOK,
			output:    "config/_default/notes.txt: warning: this configuration file is not read, and the site has none that is: it is built with the defaults",
			notOutput: []string{"config.json"},
			written:   []string{"site/public"},
		},
		{
			name:    "handbook.toml beside a config.json and config/_default/",
			files:   withFiles(map[string]string{"config.json": "{}", "config/_default/params.toml": "x = 1\n"}),
			args:    []string{"build", "--source", "$SITE"},
			code:    exitOK,
			output:  "config/_default/params.toml: warning: this configuration file is not read: the handbook reads handbook.toml only",
			written: []string{"site/public"},
			after: func(t *testing.T, work string) {
				_, out, errOut := runCmd("check", "--source", filepath.Join(work, "site"), "--strict")
				if !strings.Contains(out+errOut, "config.json") {
					t.Errorf("check --strict does not name config.json:\n%s%s", out, errOut)
				}
			},
		},
	}
}

// publishReleases publishes the site of work n times into work/www, and
// returns the releases' ids, oldest first.
func publishReleases(t *testing.T, work string, n int) []string {
	t.Helper()
	www := filepath.Join(work, "www")
	for range n {
		if code, out, errOut := runCmd("publish", "--source", filepath.Join(work, "site"), "--to", www); code != exitOK {
			t.Fatalf("publish: exit %d\n%s%s", code, out, errOut)
		}
	}
	entries, err := os.ReadDir(filepath.Join(www, "releases"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range entries {
		ids = append(ids, e.Name())
	}
	return ids
}

// cutShortRemovals publishes four releases and leaves them as removals
// cut short would: the oldest renamed for removal and half deleted (what
// this tool leaves), the third half deleted in place (what an older tool
// left). It returns the ids.
func cutShortRemovals(t *testing.T, work string) []string {
	ids := publishReleases(t, work, 4)
	releases := filepath.Join(work, "www", "releases")
	hidden := filepath.Join(releases, ".removing-"+ids[0])
	if err := os.Rename(filepath.Join(releases, ids[0]), hidden); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{hidden, filepath.Join(releases, ids[2])} {
		for _, name := range []string{output.StampFile, "index.html", "vi/about/index.html"} {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ids
}

func releaseCases() []hostileCase {
	var ids []string
	setup := func(t *testing.T, work string) { ids = cutShortRemovals(t, work) }
	current := func(t *testing.T, work string) string {
		target, err := os.Readlink(filepath.Join(work, "www", "current"))
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Base(target)
	}
	return []hostileCase{
		{
			name:   "rollback of an empty folder",
			setup:  func(t *testing.T, work string) { _ = os.Mkdir(filepath.Join(work, "www"), 0o755) },
			args:   []string{"publish", "--to", "$WORK/www", "--rollback"},
			code:   exitContent,
			output: "holds none (publish first)",
		},
		{
			name:   "rollback of a folder that does not exist",
			args:   []string{"publish", "--to", "$WORK/www", "--rollback"},
			code:   exitContent,
			output: "no release to roll back to",
		},
		{
			name:    "rollback after removals cut short",
			setup:   setup,
			args:    []string{"publish", "--to", "$WORK/www", "--rollback"},
			code:    exitOK,
			output:  "rolled back from release ",
			written: []string{"www/current"},
			after: func(t *testing.T, work string) {
				if got := current(t, work); got != ids[1] {
					t.Errorf("current -> %s, want %s, the complete release before", got, ids[1])
				}
			},
		},
		{
			name:    "publish after removals cut short",
			setup:   setup,
			args:    []string{"publish", "--to", "$WORK/www"},
			code:    exitOK,
			output:  "is not a complete release (its removal was cut short?)",
			written: []string{"www/current", "www/releases"},
			after: func(t *testing.T, work string) {
				releases := filepath.Join(work, "www", "releases")
				if _, err := os.Stat(filepath.Join(releases, ".removing-"+ids[0])); !os.IsNotExist(err) {
					t.Errorf("the folder left by a removal is still there: %v", err)
				}
				if _, err := os.Stat(filepath.Join(releases, ids[2], "fr", "index.html")); err != nil {
					t.Errorf("the incomplete release was touched: %v", err)
				}
				if got := current(t, work); got <= ids[3] {
					t.Errorf("current -> %s, not the new release", got)
				}
			},
		},
	}
}

// TestHostileConfig runs configurations nobody checked through the
// command line: each is refused with its key and line, or warned about,
// and nothing of the site is changed.
func TestHostileConfig(t *testing.T) {
	var cases []hostileCase
	cases = append(cases, badBaseURLCases()...)
	cases = append(cases, badLanguageCases()...)
	cases = append(cases, keyCases()...)
	cases = append(cases, unreadConfigCases()...)
	cases = append(cases, releaseCases()...)
	runHostile(t, cases)
}
