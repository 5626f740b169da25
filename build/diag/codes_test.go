package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Every diagnostic code is spelled once, in codes.go: no diagnostic of
// the module, in its code or its tests, is made with a code written out,
// and no code of the module outside this package writes a code's value.
func TestCodesAreSpelledOnce(t *testing.T) {
	fset := token.NewFileSet()
	codes := codeValues(t, fset)
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		inDiag := filepath.Dir(path) == filepath.Join(root, "build", "diag")
		test := strings.HasSuffix(path, "_test.go")
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if lit := literalCode(n); lit != nil {
					t.Errorf("%s: a diagnostic's code is written out (%s): use a constant of codes.go", fset.Position(lit.Pos()), lit.Value)
				}
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && codes[s] && !inDiag && !test {
					t.Errorf("%s: %q is a diagnostic code: use its constant of codes.go", fset.Position(n.Pos()), s)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// codeValues are the values of the constants of codes.go, but for the
// words the module uses otherwise too ("build", "template").
func codeValues(t *testing.T, fset *token.FileSet) map[string]bool {
	f, err := parser.ParseFile(fset, "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			values[s] = s != CodeBuild && s != CodeTemplate
		}
		return true
	})
	if len(values) < 15 {
		t.Fatalf("codes.go has %d codes", len(values))
	}
	return values
}

// literalCode is the string written as the Code of a Diagnostic literal,
// or nil.
func literalCode(c *ast.CompositeLit) *ast.BasicLit {
	name := ""
	switch typ := c.Type.(type) {
	case *ast.Ident:
		name = typ.Name
	case *ast.SelectorExpr:
		name = typ.Sel.Name
	}
	if name != "Diagnostic" {
		return nil
	}
	for _, e := range c.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if key, isIdent := kv.Key.(*ast.Ident); !ok || !isIdent || key.Name != "Code" {
			continue
		}
		if lit, ok := kv.Value.(*ast.BasicLit); ok {
			return lit
		}
	}
	return nil
}
