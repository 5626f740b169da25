package layers

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the README's picture of the packages from their imports")

// The README's picture sits between these lines.
const (
	pictureStart = "<!-- packages: drawn from the imports by `go test ./internal/layers -update`; do not edit by hand -->\n```text\n"
	pictureEnd   = "```\n<!-- end of packages -->"
)

// drawing is the picture of the tree: one row per package, its layer
// on the left, and an arrow to what it imports, leaving out what it
// reaches through those (every arrow points down the picture).
func drawing(g graph, tree []layer) string {
	nameWidth, pkgWidth := 0, 0
	for _, l := range tree {
		nameWidth = max(nameWidth, utf8.RuneCountInString(l.name))
		for _, p := range l.packages {
			pkgWidth = max(pkgWidth, len(p))
		}
	}
	var b strings.Builder
	for i, l := range tree {
		if i > 0 {
			fmt.Fprintf(&b, "%s┼%s\n", strings.Repeat("─", nameWidth+1), strings.Repeat("─", pkgWidth+2))
		}
		for j, p := range l.packages {
			name := ""
			if j == 0 {
				name = l.name
			}
			row := fmt.Sprintf("%-*s │ %-*s", nameWidth, name, pkgWidth, p)
			if direct := directImports(g, p); len(direct) > 0 {
				row += " → " + strings.Join(direct, ", ")
			}
			b.WriteString(strings.TrimRight(row, " ") + "\n")
		}
	}
	return b.String()
}

// directImports is what p imports, less what it reaches through another
// of its imports.
func directImports(g graph, p string) []string {
	var direct []string
	for _, imp := range g[p] {
		if !reachedThroughAnother(g, p, imp) {
			direct = append(direct, imp)
		}
	}
	return direct
}

func reachedThroughAnother(g graph, p, target string) bool {
	for _, other := range g[p] {
		if other != target && reaches(g, other, target, map[string]bool{}) {
			return true
		}
	}
	return false
}

func reaches(g graph, from, target string, seen map[string]bool) bool {
	if from == target {
		return true
	}
	if seen[from] {
		return false
	}
	seen[from] = true
	for _, imp := range g[from] {
		if reaches(g, imp, target, seen) {
			return true
		}
	}
	return false
}

// readmePicture splits the README around its picture.
func readmePicture(readme []byte) (before, picture, after []byte, err error) {
	before, rest, ok := bytes.Cut(readme, []byte(pictureStart))
	if !ok {
		return nil, nil, nil, fmt.Errorf("README.md has no line %q", strings.SplitN(pictureStart, "\n", 2)[0])
	}
	picture, after, ok = bytes.Cut(rest, []byte(pictureEnd))
	if !ok {
		return nil, nil, nil, fmt.Errorf("README.md's picture of the packages has no end line %q", pictureEnd)
	}
	return before, picture, after, nil
}

// TestReadmePictureIsTheImports fails when the README's picture of the
// packages is not the one their imports draw, and prints the new one;
// with -update it rewrites the README's copy.
func TestReadmePictureIsTheImports(t *testing.T) {
	g, err := readGraph(moduleRoot)
	if err != nil {
		t.Fatal(err)
	}
	want := drawing(g, theTree())
	readmePath := filepath.Join(moduleRoot, "README.md")
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	before, got, after, err := readmePicture(readme)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) == want {
		return
	}
	if !*update {
		t.Fatalf("README.md's picture of the packages is not the one their imports draw; run go test ./internal/layers -update, or put in:\n%s", want)
	}
	rewritten := slices.Concat(before, []byte(pictureStart), []byte(want), []byte(pictureEnd), after)
	if err := os.WriteFile(readmePath, rewritten, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDrawingLeavesOutImportsReachedThroughOthers: an arrow goes only to
// what is not reached through another arrow of the same package.
func TestDrawingLeavesOutImportsReachedThroughOthers(t *testing.T) {
	g := graph{"top": {"low", "mid"}, "mid": {"low"}, "low": nil}
	tree := []layer{{"a", []string{"top"}}, {"b", []string{"mid", "low"}}}
	want := "a │ top → mid\n" +
		"──┼─────\n" +
		"b │ mid → low\n" +
		"  │ low\n"
	if got := drawing(g, tree); got != want {
		t.Errorf("drawing:\n%s\nwant:\n%s", got, want)
	}
}
