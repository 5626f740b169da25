package content

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: x\nkind: bogus\n---\n",
		"---\ntitle: x\nfoo: [\n---\n",
		"---\ntitle: x\nfoo: bar: baz\n---\n",
		"---\ntitle: x\n\tfoo: 1\n---\n",
		"---\ntitle: x\nfoo: \"abc\n---\n",
		"---\ntitle: x\nweight: abc\ndate: notadate\n---\n",
		"---\n- a\n- b\n---\n",
		"---\nhello\n---\n",
		"+++\ntitle = 'x'\nweight = \n+++\n",
		"+++\ntitle = \"\\uD800\"\n+++\n",
		"---\ntitle: \"\\xff\\ud800\"\n---\n",
		"---\n1: a\n---\n",
		"---\ntitle: a\ntitle: b\n---\n",
	} {
		p, errs := ParsePage("vi", "f.md", "a.md", []byte(src))
		fmt.Printf("%q\n  page=%v\n", src, p != nil)
		if p != nil {
			fmt.Printf("  title=%q params=%v\n", p.Title, p.Params)
		}
		for _, e := range errs {
			fmt.Printf("  err %d: %s\n", e.Line, e.Msg)
		}
	}
}
