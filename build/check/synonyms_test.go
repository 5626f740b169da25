package check_test

import (
	"slices"
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/output"
	"handbook/internal/sitetest"
)

// TestSynonyms wants a warning for each synonym group none of whose words
// a page has, whether the site is checked with its search index
// (publishing) or without, and none for a group one of whose words or
// phrases a page has; a synonym file that does not read is an error.
func TestSynonyms(t *testing.T) {
	files := siteFiles()
	files["data/synonyms/vi.toml"] = "groups = [\n  [\"ngày một\", \"ngày đầu\"],\n  [\"đoạn văn\", \"tiết\"],\n]\n"
	files["data/synonyms/fr.toml"] = "groups = [\n  [\"paragraphes\", \"alinéa\"],\n  [\"xyzzy\", \"plugh\"],\n]\n"
	want := []string{
		`data/synonyms/fr.toml:3: warning: synonyms "xyzzy", "plugh": no fr page has any of them, so they find nothing`,
		`data/synonyms/vi.toml:2: warning: synonyms "ngày một", "ngày đầu": no vi page has any of them, so they find nothing`,
	}
	for _, indexed := range []bool{false, true} {
		opts := check.Options{Build: build.Options{Source: sitetest.Write(t, files)}}
		if indexed {
			opts.Output = output.NewMemory()
		}
		site, err := check.Run(opts)
		if err != nil {
			t.Fatalf("check.Run: %v", err)
		}
		var got []string
		for _, d := range site.Diags.Sorted() {
			got = append(got, d.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("with the index %v, got:\n%s\nwant:\n%s", indexed, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	files["data/synonyms/fr.toml"] = "groups = [[\"seul\"]]\nsynonyms = 1\n"
	got, err := runCheck(t, files)
	if !build.IsContentError(err) || !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "data/synonyms/fr.toml:2: error") }) {
		t.Errorf("a synonym file with an unknown key: err %v, diagnostics %v", err, got)
	}
}

// TestSynonymGroupOfOne wants a group of one word reported: it could
// find nothing but itself.
func TestSynonymGroupOfOne(t *testing.T) {
	files := siteFiles()
	files["data/synonyms/vi.toml"] = "groups = [\n  [\"đoạn văn\", \"tiết\"],\n  [\"một\"],\n]\n"
	got, err := runCheck(t, files)
	if !build.IsContentError(err) || !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "data/synonyms/vi.toml:3: error") }) {
		t.Errorf("a group of one: err %v, diagnostics %v", err, got)
	}
}
