package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// simpleYAMLRead are front matters parseSimpleYAML reads itself: the
// benchmark corpus's, and what writers of real sites write most.
var simpleYAMLRead = []string{
	"title: \"Citation 2404 : L'expérience client\"\ntranslationKey: quotes-q-09551\nweight: 2404\ndate: 2011-05-20\ntags: [\"client\", \"vitesse\", \"apprentissage automatique\"]\nprinciples: [think-big, dive-deep, deliver-results]\n",
	"title: Luôn là Ngày 1\nkind: quote\nletter: 2016\nprinciples: [day-one]\n",
	"title: 'Hello: world # not a comment'\ndraft: true\nhidden: false\n",
	"categories: []\nkeywords: []\nstatus: Completed\n",
	"_comment: Do not remove front matter.\ntoc_hide: true\nlink-title: x:y\n",
	"title: C# and C:\\path\nempty:\nzero: 0\nneg: -42\n\nafter_blank: a [b] {c}, d\n",
	"title: “Khách hàng” — \u00a0nbsp\nemoji: 😀\n",
	"date: 2024-02-29\nTitle: upper\ntitle: lower\n",
	norm.NFD.String("title: Tiếng Việt\ntags: [khách hàng, \"đổi mới\"]\n"),
	hugeSimpleYAML(2_000),
}

// hugeSimpleYAML is front matter of n keys, one a line.
func hugeSimpleYAML(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "key%05d: value %d\nlist%05d: [a, \"b\"]\n", i, i, i)
	}
	return b.String()
}

// simpleYAMLLeft are front matters it leaves to the library: whatever
// the library might read otherwise than as plain text, or refuse.
var simpleYAMLLeft = []string{
	"",
	"\n\n",
	"# a comment\ntitle: x\n",
	"title: x # a comment\n",
	"params:\n  a: 1\n",
	"description: >\n  folded\n",
	"aliases:\n- /a/\n- /b/\n",
	"title: x\ntitle: y\n",
	"title: \"a \\\"quoted\\\" word\"\n",
	"title: 'it''s'\n",
	"title: \"open\n",
	"title: \"a\" b\n",
	"title:x\n",
	"title : x\n",
	"title: a: b\n",
	"title: ends:\n",
	"title: x\r\n",
	"title: x\ty\n",
	"title: a\u0085b\n",
	"title: a\u2028b\n",
	"title: \ufeffx\n",
	"title: \x7f\n",
	"title: yes\n", "title: No\n", "title: NULL\n", "title: True\n", "title: ~\n", "y: 1\n", "on: x\n",
	"weight: 007\n", "weight: 1_000\n", "weight: 1.5\n", "weight: 0x10\n", "weight: 99999999999999999999\n", "weight: -0\n",
	"date: 2011-13-45\n", "date: 2011-5-2\n", "date: 2011-05-20T10:00:00Z\n",
	"tags: [a, [b]]\n", "tags: [a, , b]\n", "tags: [a, b,]\n", "tags: [1, 2]\n", "tags: [a\n", "tags: [a] x\n",
	"tags: [\"a\\n\"]\n", "tags: [a: b]\n", "tags: [yes]\n", "A: [A?]", "tags: {a: b}\n",
	"title: &a x\n", "title: *a\n", "title: !!str x\n", "title: |\n  x\n", "title: @x\n", "title: `x`\n", "title: %x\n",
	"<<: {a: b}\n", "2016: x\n", "- a\n", "title: - x\n", "title: .inf\n", "title: +1\n",
	strings.Repeat("k", 600) + ": x\n",
	hugeSimpleYAML(1_000) + "key00000: again\n",
	hugeSimpleYAML(1_000) + "\r\n",
}

// TestSimpleYAMLAsTheLibrary: what parseSimpleYAML reads, it reads as
// the YAML library does, keys, values and lines; what it leaves, the
// library reads.
func TestSimpleYAMLAsTheLibrary(t *testing.T) {
	for _, src := range simpleYAMLRead {
		if _, ok := parseSimpleYAML([]byte(src), 2); !ok {
			t.Errorf("parseSimpleYAML left %q to the library", src)
		}
		checkSimpleYAML(t, []byte(src))
	}
	for _, src := range simpleYAMLLeft {
		if fm, ok := parseSimpleYAML([]byte(src), 2); ok {
			t.Errorf("parseSimpleYAML read %q itself, as %v", src, fm.fields)
		}
	}
}

// FuzzSimpleYAML: whatever parseSimpleYAML reads, the YAML library reads
// the same, without an error.
func FuzzSimpleYAML(f *testing.F) {
	for _, src := range append(append([]string{}, simpleYAMLRead...), simpleYAMLLeft...) {
		f.Add([]byte(src))
	}
	f.Fuzz(checkSimpleYAML)
}

func checkSimpleYAML(t *testing.T, src []byte) {
	fast, ok := parseSimpleYAML(src, 2)
	if !ok {
		return
	}
	slow, err := parseYAMLWithLibrary(src, 2)
	if err != nil {
		t.Fatalf("parseSimpleYAML read %q, which the library refuses: %v", src, err)
	}
	if !reflect.DeepEqual(fast.order, slow.order) {
		t.Errorf("%q: keys %q, the library's %q", src, fast.order, slow.order)
	}
	for k, want := range slow.fields {
		if got := fast.fields[k]; !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %s = %#v (%T) at line %d, the library's %#v (%T) at line %d", src, k, got.value, got.value, got.line, want.value, want.value, want.line)
		}
	}
}

// TestFlowListsAreMadeToSize: a list on one line holds no room beyond
// its items, which a site would hold for every page to the end of its
// build.
func TestFlowListsAreMadeToSize(t *testing.T) {
	for _, v := range []string{"[a]", "[a, b, c]", "[a, \"b\", c, d, e]", "[]"} {
		got, ok := flowYAMLList(v)
		if !ok {
			t.Fatalf("%s not read", v)
		}
		if list := got.([]any); cap(list) != len(list) {
			t.Errorf("%s: %d items in room for %d", v, len(list), cap(list))
		}
	}
}
