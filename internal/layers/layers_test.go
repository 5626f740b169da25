package layers

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// layer is one row of the tree: its packages import only packages of
// their own layer or of the layers below it.
type layer struct {
	name     string
	packages []string
}

// theTree lists the module's layers from the top down. Data flows up the
// stages from config to search, and every stage writes its files into
// output, which is why output sits with the support below them rather
// than above search. A new package goes in the layer of its one job.
func theTree() []layer {
	return []layer{
		{"tools, helpers", []string{"internal/bench/floor", "internal/bench/githistory", "internal/bench/reload", "internal/bench/searchbench", "internal/layers", "internal/sitetest"}},
		{"command line", []string{"cmd/handbook"}},
		{"drivers", []string{"build/check", "build/preview", "build/publish", "build/scaffold", "build/serve"}},
		{"search queries", []string{"build/search/query"}},
		{"pipeline", []string{"build"}},
		{"5 index", []string{"build/search"}},
		{"search words", []string{"build/search/tokenize"}},
		{"4 render", []string{"build/render"}},
		{"3 parse & link", []string{"build/markdown", "build/shortcode"}},
		{"git history", []string{"build/history"}},
		{"2 content", []string{"build/content"}},
		{"1 config", []string{"build/config"}},
		{"support", []string{"build/diag", "build/fold", "build/internal/files", "build/internal/gitobjects", "build/internal/parallel", "build/internal/yamlerr", "build/output", "themes"}},
	}
}

// ranks gives each package of the tree the index of its layer, 0 at the top.
func ranks(tree []layer) map[string]int {
	rank := map[string]int{}
	for i, l := range tree {
		for _, p := range l.packages {
			rank[p] = i
		}
	}
	return rank
}

// layeringProblems says which packages of g are in no layer, which
// packages of the tree are not in g, and which imports point up a layer.
func layeringProblems(g graph, tree []layer) []string {
	rank := ranks(tree)
	var problems []string
	for _, p := range sortedKeys(packageSet(g)) {
		r, ok := rank[p]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s is in no layer: add it to theTree in internal/layers", p))
			continue
		}
		for _, imp := range g[p] {
			if ri, ok := rank[imp]; ok && ri < r {
				problems = append(problems, fmt.Sprintf("%s (%s) imports %s (%s), a layer above it", p, tree[r].name, imp, tree[ri].name))
			}
		}
	}
	for _, p := range sortedKeys(rankSet(rank)) {
		if _, ok := g[p]; !ok {
			problems = append(problems, fmt.Sprintf("theTree names %s, which is not a package of the module", p))
		}
	}
	return problems
}

func packageSet(g graph) map[string]bool {
	set := map[string]bool{}
	for p := range g {
		set[p] = true
	}
	return set
}

func rankSet(rank map[string]int) map[string]bool {
	set := map[string]bool{}
	for p := range rank {
		set[p] = true
	}
	return set
}

// TestNoPackageImportsALayerAboveIt: no stage imports a later one, the
// build package or a driver, and no driver imports the command line.
func TestNoPackageImportsALayerAboveIt(t *testing.T) {
	g, err := readGraph(moduleRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range layeringProblems(g, theTree()) {
		t.Error(p)
	}
}

// TestAnImportUpTheLayersIsReported adds, to the module's own imports,
// one import up the layers of each kind, and a package in no layer.
func TestAnImportUpTheLayersIsReported(t *testing.T) {
	g, err := readGraph(moduleRoot)
	if err != nil {
		t.Fatal(err)
	}
	added := map[string]string{
		"build/render":  "build/search",
		"build/content": "build",
		"build/config":  "build/check",
		"build/check":   "cmd/handbook",
		"build/output":  "internal/sitetest",
	}
	for from, to := range added {
		g[from] = append(slices.Clone(g[from]), to)
	}
	g["build/unlisted"] = nil
	problems := layeringProblems(g, theTree())
	got := strings.Join(problems, "\n")
	for from, to := range added {
		if !slices.ContainsFunc(problems, func(p string) bool {
			return strings.HasPrefix(p, from+" (") && strings.Contains(p, ") imports "+to+" (")
		}) {
			t.Errorf("the import of %s by %s is not reported; got:\n%s", to, from, got)
		}
	}
	if !slices.Contains(problems, "build/unlisted is in no layer: add it to theTree in internal/layers") {
		t.Errorf("a package in no layer is not reported; got:\n%s", got)
	}
}
