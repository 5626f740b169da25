package check_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"handbook/build/check"
	"handbook/build/diag"
)

// ignoredSample has problems of the content and three things a Hugo
// site has that the tool left aside, among them a kind check has no
// title for.
var ignoredSample = []diag.Diagnostic{
	{File: "content/en/a.md", Line: 3, Severity: diag.Warning, Code: diag.CodeBrokenLink, Message: "broken link /x/: no page at /en/x/"},
	{File: "hugo.toml", Severity: diag.Warning, Code: diag.CodeIgnoredConfig, Message: "Hugo configuration: ignoring params"},
	{File: "content/en/a.md", Line: 9, Severity: diag.Warning, Code: "unknown-shortcode", Message: "unknown shortcode tabs: 4 uses"},
	{File: "content/en/b.md", Line: 2, Severity: diag.Warning, Code: "unknown-shortcode", Message: "unknown shortcode note: 1 use"},
	{File: "layouts", Severity: diag.Warning, Code: diag.CodeUnusedLayouts, Message: "Hugo templates are not used"},
	{File: "content/en/b.md", Line: 1, Severity: diag.Error, Code: diag.CodeEmptyTitle, Message: "the page has no title"},
}

func TestIgnoredSummaryText(t *testing.T) {
	want := "site/content/en/a.md:3: warning: broken link /x/: no page at /en/x/\n" +
		"site/content/en/b.md:1: the page has no title\n" +
		"handbook: note: the handbook ignored what follows of this site: configuration keys not read (1), unknown shortcodes (2), Hugo layouts not used (1)\n" +
		"  configuration keys not read:\n" +
		"    site/hugo.toml: warning: Hugo configuration: ignoring params\n" +
		"  unknown shortcodes:\n" +
		"    site/content/en/a.md:9: warning: unknown shortcode tabs: 4 uses\n" +
		"    site/content/en/b.md:2: warning: unknown shortcode note: 1 use\n" +
		"  Hugo layouts not used:\n" +
		"    site/layouts: warning: Hugo templates are not used\n"
	if got := write(t, ignoredSample, check.Text, "site"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Nothing left aside, no summary.
	if got := write(t, ignoredSample[:1], check.Text, ""); strings.Contains(got, "note") {
		t.Errorf("a summary of nothing: %s", got)
	}
}

func TestIgnoredSummaryJSON(t *testing.T) {
	var got []struct {
		File, Severity, Message, Code string
		Ignored                       []struct {
			Code, Title string
			Count       int
			Items       []struct {
				File     string
				Line     int
				Severity string
			}
		}
	}
	if err := json.Unmarshal([]byte(write(t, ignoredSample, check.JSON, "")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("want two problems and the summary, got %+v", got)
	}
	s := got[2]
	if s.Code != diag.CodeIgnoredSummary || s.Severity != "note" || !strings.Contains(s.Message, "unknown shortcodes (2)") {
		t.Errorf("summary = %+v", s)
	}
	if len(s.Ignored) != 3 || s.Ignored[1].Code != "unknown-shortcode" || s.Ignored[1].Count != 2 ||
		s.Ignored[1].Items[0].File != "content/en/a.md" || s.Ignored[1].Items[0].Line != 9 || s.Ignored[1].Items[0].Severity != "warning" {
		t.Errorf("ignored = %+v", s.Ignored)
	}
}

func TestIgnoredSummaryGitHub(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(write(t, ignoredSample, check.GitHub, ""), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want two annotations and one notice, got %q", lines)
	}
	want := "::notice title=handbook check%3A ignored::the handbook ignored what follows of this site: " +
		"configuration keys not read (1), unknown shortcodes (2), Hugo layouts not used (1)%0Aconfiguration keys not read:%0A  hugo.toml: warning: Hugo configuration: ignoring params%0A"
	if !strings.HasPrefix(lines[2], want) || !strings.Contains(lines[2], "%0A  content/en/b.md:2: warning: unknown shortcode note: 1 use") {
		t.Errorf("notice = %s", lines[2])
	}
}

// --strict makes the content's warnings errors, not what the tool left
// aside, which no edit of the content removes.
func TestStrictLeavesIgnored(t *testing.T) {
	for _, d := range check.Strict(ignoredSample) {
		if want := diag.IsIgnored(d.Code); (d.Severity == diag.Warning) != want {
			t.Errorf("strict: %v", d)
		}
	}
}

// A Hugo site whose links Hugo would build with checks without an error:
// its broken links are warnings, its headings' Hugo ids are anchors, and
// what the tool left aside is in the diagnostics the summary is made of.
func TestCheckHugoSite(t *testing.T) {
	files := map[string]string{
		"hugo.toml": "title = \"Docs\"\ndefaultContentLanguage = \"en\"\nenableEmoji = true\n" +
			"[languages.en]\nweight = 1\ncontentDir = \"content/en\"\n[languages.fr]\nweight = 2\ncontentDir = \"content/fr\"\n",
		"layouts/_default/single.html": "{{ .Content }}",
		"content/en/_index.md":         "---\ntitle: Docs\ndescription: Docs.\n---\n\n[Install](/install/#smileys--emotion)\n",
		"content/en/install.md": "---\ntitle: Install\ndescription: How.\n---\n\n## Smileys & Emotion\n\n" +
			"[gone](/nowhere/) ![missing](img/missing.png) [anchor](#nope)\n",
		"content/fr/_index.md": "---\ntitle: Docs\ndescription: Docs.\n---\n\n[Installer](/install/#smileys--emotion)\n",
	}
	got, err := runCheck(t, files)
	if err != nil {
		t.Errorf("err = %v, want none: %v", err, got)
	}
	for _, want := range []string{
		"content/en/install.md:8: warning broken-link",
		"content/en/install.md:8: warning missing-anchor",
		"hugo.toml:0: warning ignored-config",
		"layouts:0: warning unused-layouts",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no %q in %v", want, got)
		}
	}
	if n := strings.Count(strings.Join(got, "\n"), "broken-link"); n != 2 {
		t.Errorf("want the page path and the image reported, got %v", got)
	}
}
