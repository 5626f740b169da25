package diag

import (
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
