package build

import (
	"slices"
	"strings"
	"testing"

	"handbook/build/content"
	"handbook/build/diag"
)

// LoadEach runs Load's stages in order and hands each one's diagnostics
// over apart, taken out of the site's list: a page whose front matter
// does not read is the read stage's, a letter without a year the link
// stage's. The read stage's pages are not linked yet, and content errors
// do not stop the load.
func TestLoadEachHandsOverEachStage(t *testing.T) {
	files := siteFiles()
	files["content/vi/principles/bad-weight.md"] = "---\ntitle: Trọng số\nweight: nhiều\n---\n"
	files["content/fr/letters/no-year.md"] = "---\ntitle: Sans année\nkind: letter\n---\n"
	var (
		stages []LoadStage
		found  = map[LoadStage][]string{}
		linked = map[LoadStage]bool{}
	)
	s, err := LoadEach(Options{Source: writeSite(t, files)}, func(st LoadStage, s *Site, ds []diag.Diagnostic) {
		stages = append(stages, st)
		for _, d := range ds {
			found[st] = append(found[st], d.String())
		}
		if s.Pages != nil {
			linked[st] = slices.ContainsFunc(s.Pages.Pages, func(p *content.Page) bool { return p.Parent != nil })
		}
	})
	if err != nil {
		t.Fatalf("LoadEach: %v", err)
	}
	want := []LoadStage{StageConfig, StageRead, StageLink, StageSynonyms, StageTemplates}
	if !slices.Equal(stages, want) {
		t.Errorf("stages %v, want %v", stages, want)
	}
	if got := strings.Join(found[StageRead], "\n"); !strings.Contains(got, "bad-weight.md") || strings.Contains(got, "no-year.md") {
		t.Errorf("the read stage found:\n%s\nwant the front matter's error alone", got)
	}
	if got := strings.Join(found[StageLink], "\n"); !strings.Contains(got, "no-year.md") || strings.Contains(got, "bad-weight.md") {
		t.Errorf("the link stage found:\n%s\nwant the letter's error alone", got)
	}
	if linked[StageRead] || !linked[StageLink] {
		t.Errorf("pages linked after the read stage: %v, after the link stage: %v; want false, true", linked[StageRead], linked[StageLink])
	}
	if left := s.Diags.Sorted(); len(left) > 0 {
		t.Errorf("diagnostics left in the site's list: %v", left)
	}
}
