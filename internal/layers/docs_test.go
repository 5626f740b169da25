package layers

import (
	"fmt"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// packageDocProblems says what is wrong with the package comments of
// the package pkg of the module in root: it has exactly one, in doc.go, and it opens with
// "Package name" (or "Command name" for a program).
func packageDocProblems(root, pkg string) ([]string, error) {
	dir := filepath.Join(root, filepath.FromSlash(pkg))
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var problems []string
	var found []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", file, err)
		}
		if f.Doc == nil {
			continue
		}
		found = append(found, filepath.Base(file))
		want := "Package " + f.Name.Name + " "
		if f.Name.Name == "main" {
			want = "Command " + path.Base(pkg) + " "
		}
		if !strings.HasPrefix(f.Doc.Text(), want) {
			problems = append(problems, fmt.Sprintf("%s/%s: the package comment does not open with %q", pkg, filepath.Base(file), want))
		}
	}
	if len(found) != 1 || found[0] != "doc.go" {
		problems = append(problems, fmt.Sprintf("%s: the package comment is in %v, not in doc.go alone", pkg, found))
	}
	return problems, nil
}

// TestEveryPackageSaysItsJobInDocGo: every package of the module has one
// package comment, in its doc.go.
func TestEveryPackageSaysItsJobInDocGo(t *testing.T) {
	g, err := readGraph(moduleRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range sortedKeys(packageSet(g)) {
		problems, err := packageDocProblems(moduleRoot, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range problems {
			t.Error(problem)
		}
	}
}
