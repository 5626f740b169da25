package build

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"handbook/build/output"
)

// TestRenderTwice: a loaded site renders again to the same files, byte
// for byte, search index included; rendering changes nothing it needs.
func TestRenderTwice(t *testing.T) {
	for name, root := range map[string]string{
		"fixture":  writeSite(t, siteFiles()),
		"handbook": filepath.Join(".."),
	} {
		t.Run(name, func(t *testing.T) {
			s, err := Load(Options{Source: root})
			if err != nil {
				t.Fatalf("Load: %v\n%v", err, diagsOf(s))
			}
			first, second := output.NewMemory(), output.NewMemory()
			if err := s.Render(first); err != nil {
				t.Fatalf("first Render: %v\n%v", err, diagsOf(s))
			}
			if err := s.Render(second); err != nil {
				t.Fatalf("second Render: %v\n%v", err, diagsOf(s))
			}
			a, b := first.Paths(), second.Paths()
			if !slices.Equal(a, b) {
				t.Fatalf("the renders wrote %d and %d files", len(a), len(b))
			}
			differ := 0
			for _, p := range a {
				x, _ := first.File(p)
				y, _ := second.File(p)
				if !bytes.Equal(x, y) {
					if differ++; differ <= 5 {
						t.Errorf("%s differs the second time", p)
					}
				}
			}
			if differ > 0 {
				t.Errorf("%d of %d files differ", differ, len(a))
			}
		})
	}
}
