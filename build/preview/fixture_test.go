package preview

import (
	"strings"
	"testing"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/output"
	"handbook/internal/sitetest"
)

// writeSite writes files (path → content) into a new temporary folder and
// returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	return sitetest.Write(t, files)
}

// siteFiles is the pipeline's small bilingual handbook.
func siteFiles() map[string]string { return sitetest.SmallHandbook() }

// renderMemory runs the whole pipeline into memory, as a build does.
func renderMemory(t *testing.T, root string, over config.Overrides) (*build.Site, *output.Memory, error) {
	t.Helper()
	s, err := build.Load(build.Options{Source: root, Overrides: over})
	if err != nil {
		return s, nil, err
	}
	mem := output.NewMemory()
	return s, mem, s.Render(mem)
}

func mustContain(t *testing.T, name, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %s\n--- %s:\n%s", name, w, name, got)
		}
	}
}

func mustNotContain(t *testing.T, name, got string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(got, b) {
			t.Errorf("%s contains %s\n--- %s:\n%s", name, b, name, got)
		}
	}
}
