package diag

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// A diagnostic prints on one line, with every character of its file's
// name and message that a terminal would act on escaped as Go writes it;
// Vietnamese and French text is left as it is.
func TestStringEscapesControls(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "content/vi/a\x1b[31mred.md", Line: 2, Message: "link to \"b\x1b]0;title\x07.md\" leads nowhere"},
			`content/vi/a\x1b[31mred.md:2: link to "b\x1b]0;title\a.md" leads nowhere`},
		{Diagnostic{File: "content/vi/new\nline.md", Severity: Warning, Message: "no description"},
			`content/vi/new\nline.md: warning: no description`},
		{Diagnostic{File: "content/vi/l\u202eftxt.md", Line: 3, Message: "tab\there, CR\rhere, DEL\x7f, C1\u0085, bad byte \xff"},
			`content/vi/l\u202eftxt.md:3: tab\there, CR\rhere, DEL\x7f, C1\u0085, bad byte \xff`},
		{Diagnostic{File: "content/vi/đường-lối.md", Line: 4, Message: "« Khách hàng » n’existe pas"},
			"content/vi/đường-lối.md:4: « Khách hàng » n’existe pas"},
		{Diagnostic{Message: "no languages\n"}, `handbook: no languages\n`},
	}
	for _, c := range cases {
		got := c.d.String()
		if got != c.want {
			t.Errorf("%q.String() = %q, want %q", c.d.File, got, c.want)
		}
		if strings.ContainsFunc(got, isHostile) {
			t.Errorf("%q: control characters got through: %q", c.d.File, got)
		}
	}
}

// An error that carries a Problem, however wrapped, stands for the
// Problem's diagnostic; AddProblem lists it and returns ErrContent in
// its stead. Any other error is at the file given, and is returned as it
// is.
func TestProblem(t *testing.T) {
	d := Diagnostic{File: "themes/x/layouts/page.html", Line: 3, Message: "unexpected EOF", Code: CodeTemplate}
	inner := errors.New("template: layouts/page.html:3: unexpected EOF")
	err := fmt.Errorf("loading: %w", &Problem{Diagnostic: d, Err: inner})
	if got := FromError(err, "content/vi/a.md"); got != d {
		t.Errorf("FromError = %#v, want %#v", got, d)
	}
	if !errors.Is(err, inner) {
		t.Error("the Problem does not wrap its error")
	}
	if got := err.Error(); got != "loading: themes/x/layouts/page.html:3: unexpected EOF" {
		t.Errorf("Error() = %q", got)
	}
	var list List
	if got := list.AddProblem(err); got != ErrContent || len(list.Sorted()) != 1 || list.Sorted()[0] != d {
		t.Errorf("AddProblem = %v, list %v", got, list.Sorted())
	}

	other := errors.New("disk full")
	want := Diagnostic{File: "content/vi/a.md", Severity: Error, Message: "disk full"}
	if got := FromError(other, "content/vi/a.md"); got != want {
		t.Errorf("FromError(other) = %#v, want %#v", got, want)
	}
	if got := list.AddProblem(other); got != other || len(list.Sorted()) != 1 {
		t.Errorf("AddProblem(other) = %v, list %v", got, list.Sorted())
	}
}
