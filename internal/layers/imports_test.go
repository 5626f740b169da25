package layers

import (
	"bufio"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// graph maps each package of the module, by its path inside the module
// (cmd/handbook), to the module's packages it imports in its non-test
// files, on every platform.
type graph map[string][]string

// moduleRoot is the module's folder, seen from this package's.
const moduleRoot = "../.."

// readGraph parses the imports of every package under root, leaving out
// test files and the folders the go command leaves out (testdata, and
// names starting with . or _).
func readGraph(root string) (graph, error) {
	module, err := modulePath(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, err
	}
	g := graph{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if p != root && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		return addPackage(g, root, p, module)
	})
	if err != nil {
		return nil, fmt.Errorf("reading the packages under %s: %w", root, err)
	}
	return g, nil
}

// addPackage adds the package in dir to g, if dir holds one.
func addPackage(g graph, root, dir, module string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		return err
	}
	pkg := filepath.ToSlash(rel)
	imports := map[string]bool{}
	found := false
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		found = true
		if err := addImports(imports, file, module); err != nil {
			return err
		}
	}
	if found {
		g[pkg] = sortedKeys(imports)
	}
	return nil
}

// addImports adds to imports the module's packages that file imports.
func addImports(imports map[string]bool, file, module string) error {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		return fmt.Errorf("parsing the imports of %s: %w", file, err)
	}
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return fmt.Errorf("%s: import %s: %w", file, spec.Path.Value, err)
		}
		if rest, ok := strings.CutPrefix(p, module+"/"); ok {
			imports[path.Clean(rest)] = true
		}
	}
	return nil
}

// modulePath reads the module's path from its go.mod.
func modulePath(gomod string) (string, error) {
	f, err := os.Open(gomod)
	if err != nil {
		return "", fmt.Errorf("reading the module's path: %w", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(s.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	if err := s.Err(); err != nil {
		return "", fmt.Errorf("reading %s: %w", gomod, err)
	}
	return "", fmt.Errorf("%s names no module", gomod)
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
