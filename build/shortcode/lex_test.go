package shortcode

import (
	"reflect"
	"strings"
	"testing"
)

func noCode(int) bool { return false }

func TestLexTags(t *testing.T) {
	tests := []struct {
		name, src string
		want      []tag
	}{
		{"positional, quoted and raw", "a {{< figure \"a b\" `c \"d\"` e >}} z",
			[]tag{{name: "figure", args: args{positional: []string{"a b", `c "d"`, "e"}}}}},
		{"named", `{{% notice style="tip" title=Hi %}}`,
			[]tag{{name: "notice", markdown: true, args: args{named: map[string]string{"style": "tip", "title": "Hi"}}}}},
		{"named with spaces around =", `{{< team role = "Manager" >}}`,
			[]tag{{name: "team", args: args{named: map[string]string{"role": "Manager"}}}}},
		{"a quote escaped, other backslashes kept", `{{< x "say \"hi\" \.(pdf)" >}}`,
			[]tag{{name: "x", args: args{positional: []string{`say "hi" \.(pdf)`}}}}},
		{"closing", "{{< /note >}}", []tag{{name: "note", closing: true}}},
		{"self-closing", "{{< img src=a.png />}} {{< x/>}}",
			[]tag{{name: "img", selfClosing: true, args: args{named: map[string]string{"src": "a.png"}}}, {name: "x", selfClosing: true}}},
		{"nested path name", "{{< blocks/cover >}}", []tag{{name: "blocks/cover"}}},
		{"escaped", "{{</* note */>}} and {{%/* x y */%}}",
			[]tag{{escaped: true, literal: "{{< note >}}"}, {escaped: true, literal: "{{% x y %}}"}}},
		{"prose is not a tag", "if a {{< b then", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := lexTags([]byte(tt.src), noCode)
			if len(errs) > 0 && tt.want != nil {
				t.Fatalf("errors: %v", errs)
			}
			for i := range got {
				got[i].start, got[i].end = 0, 0
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("lexTags(%q)\n got %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestLexErrorsSayWhatIsWrong(t *testing.T) {
	for src, want := range map[string]string{
		"{{< note title=\"x >}}\n": "no closing quote",
		"{{< note \n\nmore":        `shortcode "note" has no end (>}})`,
	} {
		_, errs := lexTags([]byte(src), noCode)
		if len(errs) != 1 || !strings.Contains(errs[0].msg, want) || errs[0].at != 0 {
			t.Errorf("lexTags(%q) errors %+v, want one at 0 saying %q", src, errs, want)
		}
	}
}

func TestTagsInCodeAreLeftButEscapesRead(t *testing.T) {
	src := "{{< a >}} {{< b >}} {{</* c */>}}"
	inCode := func(i int) bool { return i >= 10 }
	got, _ := lexTags([]byte(src), inCode)
	if len(got) != 2 || got[0].name != "a" || !got[1].escaped {
		t.Errorf("got %+v, want a, then the escape; b is in code", got)
	}
}

func TestBuildTreeNestsAndPairs(t *testing.T) {
	src := "{{< tabs >}}{{< tab >}}A{{< /tab >}}{{< tab >}}B{{< /tab >}}{{< img >}}{{< /tabs >}}"
	tags, _ := lexTags([]byte(src), noCode)
	nodes, errs := buildTree(tags)
	if len(errs) > 0 || len(nodes) != 1 {
		t.Fatalf("nodes %d, errors %v", len(nodes), errs)
	}
	tabs := nodes[0]
	if tabs.close == nil || len(tabs.children) != 3 {
		t.Fatalf("tabs: closed %v, %d children, want closed with 3", tabs.close != nil, len(tabs.children))
	}
	if tabs.children[0].close == nil || tabs.children[2].close != nil {
		t.Errorf("a tab is closed, the img stands alone")
	}
	inner := tabs.children[0].innerSpan()
	if got := src[inner.start:inner.end]; got != "A" {
		t.Errorf("first tab's content %q, want A", got)
	}
}

func TestBuildTreeReportsAStrayClosingTag(t *testing.T) {
	tags, _ := lexTags([]byte("text {{< /note >}}"), noCode)
	_, errs := buildTree(tags)
	if len(errs) != 1 || errs[0].at != 5 || !strings.Contains(errs[0].msg, "no opening tag") {
		t.Errorf("errors %+v, want the closing tag at 5 without an opening tag", errs)
	}
}

func TestCodeSpans(t *testing.T) {
	src := "text {{< a >}}\n\n```\n{{< b >}}\n```\n\n    {{< c >}}\n\nand `{{< d >}}` here\n"
	spans := codeSpans([]byte(src), New(Options{}).codeParser)
	for name, inCode := range map[string]bool{"{{< a": false, "{{< b": true, "{{< c": true, "{{< d": true, "here": false} {
		if got := contains(spans, strings.Index(src, name)); got != inCode {
			t.Errorf("%q in code: %v, want %v", name, got, inCode)
		}
	}
}
