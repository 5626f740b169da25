package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestStampRoundTrip: stamping a YAML and a TOML translation adds one line
// and changes no other byte; editing the original makes check report the
// translation out of date at that line, and stamping again clears it.
func TestStampRoundTrip(t *testing.T) {
	root := writeSite(t, checkedSite())
	yamlFile, tomlFile := filepath.Join(root, "content/fr/_index.md"), filepath.Join(root, "content/fr/about.md")
	yamlBefore, tomlBefore := readFile(t, yamlFile), readFile(t, tomlFile)

	code, stdout, _ := runCmd("translations", "--source", root)
	if code != exitOK || !strings.Contains(stdout, "fr: 2 unstamped\n") {
		t.Fatalf("before stamping: exit %d\n%s", code, stdout)
	}
	code, stdout, stderr := runCmd("translations", "--source", root, "--stamp", "content/fr/_index.md", "content/vi/about.md")
	if code != exitOK {
		t.Fatalf("stamp: exit %d: %s", code, stderr)
	}
	stamped := regexp.MustCompile(`(?m)^stamped content/fr/(_index|about)\.md: sourceHash ([0-9a-f]{12}) \(content/vi/(_index|about)\.md\)$`)
	if m := stamped.FindAllStringSubmatch(stdout, -1); len(m) != 2 {
		t.Fatalf("stamp printed:\n%s", stdout)
	}
	hash := func(file string) string {
		return regexp.MustCompile(`sourceHash[:= ]+"([0-9a-f]+)"`).FindStringSubmatch(readFile(t, file))[1]
	}
	yamlHash, tomlHash := hash(yamlFile), hash(tomlFile)
	if want := strings.Replace(yamlBefore, "description: Accueil.\n", "description: Accueil.\nsourceHash: \""+yamlHash+"\"\n", 1); readFile(t, yamlFile) != want {
		t.Errorf("YAML:\n%s\nwant\n%s", readFile(t, yamlFile), want)
	}
	if want := strings.Replace(tomlBefore, "[params]", "sourceHash = \""+tomlHash+"\"\n[params]", 1); readFile(t, tomlFile) != want {
		t.Errorf("TOML:\n%s\nwant\n%s", readFile(t, tomlFile), want)
	}
	if code, stdout, _ := runCmd("translations", "--source", root, "--lang", "fr"); code != exitOK || !strings.Contains(stdout, "fr: 2 up to date\n") {
		t.Errorf("after stamping: exit %d\n%s", code, stdout)
	}

	// The original changes: the translation is out of date.
	sitePage := filepath.Join(root, "content/vi/about.md")
	if err := os.WriteFile(sitePage, []byte(readFile(t, sitePage)+"\nHai.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCmd("check", "--source", root, "--strict")
	if code != exitContent || !strings.HasPrefix(stdout, "content/fr/about.md:4: out of date: content/vi/about.md has changed since this translation was stamped (sourceHash "+tomlHash) {
		t.Errorf("check after the edit: exit %d\n%s", code, stdout)
	}
	if _, stdout, _ := runCmd("translations", "--source", root); !regexp.MustCompile(`(?m)^fr +out of date +content/fr/about\.md +content/vi/about\.md$`).MatchString(stdout) {
		t.Errorf("translations after the edit:\n%s", stdout)
	}

	// Stamped again by its translationKey: up to date, with one line changed.
	if code, stdout, _ := runCmd("translations", "--source", root, "--stamp", "about"); code != exitOK || !strings.HasPrefix(stdout, "stamped content/fr/about.md") {
		t.Errorf("restamp: exit %d %s", code, stdout)
	}
	if want := strings.Replace(tomlBefore, "[params]", "sourceHash = \""+hash(tomlFile)+"\"\n[params]", 1); readFile(t, tomlFile) != want || hash(tomlFile) == tomlHash {
		t.Errorf("restamped TOML:\n%s", readFile(t, tomlFile))
	}
	if code, stdout, _ := runCmd("check", "--source", root, "--strict"); code != exitOK {
		t.Errorf("check after restamping: exit %d\n%s", code, stdout)
	}
	if _, stdout, _ := runCmd("translations", "--source", root, "--stamp", "content/fr"); strings.Count(stdout, "already stamped") != 2 {
		t.Errorf("stamping a folder again:\n%s", stdout)
	}
}

func TestTranslationsErrors(t *testing.T) {
	files := checkedSite()
	files["content/fr/only.md"] = "---\ntitle: Seule\n---\n"
	root := writeSite(t, files)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"--lang", "de"}, exitUsage, `the site has no language "de"`},
		{[]string{"--lang", "vi"}, exitUsage, "vi is the default language"},
		{[]string{"content/fr/about.md"}, exitUsage, "unexpected argument"},
		{[]string{"--stamp", "content/fr/nope.md"}, exitContent, "content/fr/nope.md: no such page, folder of pages or translationKey"},
		{[]string{"--stamp", "content/fr/only.md"}, exitContent, "content/fr/only.md: no page of vi with translationKey only to stamp it against"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(append([]string{"translations", "--source", root}, tt.args...)...)
		if code != tt.code || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tt.args, code, stderr, tt.code, tt.stderr)
		}
	}
	if readFile(t, filepath.Join(root, "content/fr/only.md")) != files["content/fr/only.md"] {
		t.Error("a failed stamp changed the file")
	}
}

// TestRepositoryTranslationsUpToDate: every French page of the handbook
// is stamped against the current Vietnamese original.
func TestRepositoryTranslationsUpToDate(t *testing.T) {
	code, stdout, stderr := runCmd("translations", "--source", filepath.Join("..", ".."))
	if code != exitOK || !regexp.MustCompile(`(?m)^fr: \d+ up to date$`).MatchString(stdout) {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
}

// TestStructureDrift: a stamped translation with a question fewer than
// its original is up to date by its stamp, and translations and check
// both name its first difference, at its line; check --strict fails.
func TestStructureDrift(t *testing.T) {
	files := checkedSite()
	files["content/vi/about.md"] = "---\ntitle: Giới thiệu\ndescription: Về sổ tay.\n---\n\n## Câu hỏi\n\n1. Một?\n2. Hai?\n"
	files["content/fr/about.md"] = "---\ntitle: À propos\ndescription: Le manuel.\n---\n\n## Questions\n\n1. Un ?\n"
	root := writeSite(t, files)
	if code, _, stderr := runCmd("translations", "--source", root, "--stamp", "content/fr"); code != exitOK {
		t.Fatalf("stamp: exit %d: %s", code, stderr)
	}
	const want = "content/fr/about.md:7: warning: structure differs from the original (content/vi/about.md:9): 1 list item under \"Questions\", where the original has 2"
	code, stdout, _ := runCmd("translations", "--source", root)
	if code != exitOK || !strings.Contains(stdout, "fr: 2 up to date\n") || !strings.Contains(stdout, want) {
		t.Errorf("translations: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runCmd("check", "--source", root, "--strict")
	if code != exitContent || !strings.HasPrefix(stdout, strings.Replace(want, "warning: ", "", 1)) {
		t.Errorf("check --strict: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runCmd("check", "--source", root, "--format", "json")
	if code != exitOK || !strings.Contains(stdout, `"code": "structure-drift"`) {
		t.Errorf("check --format json: exit %d\n%s", code, stdout)
	}
}
