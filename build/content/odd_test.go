package content

import (
	"bytes"
	"strings"
	"testing"
)

func TestLoneCRFrontMatterIsRead(t *testing.T) {
	for name, src := range map[string]string{
		"YAML": "---\rtitle: Trang\rdraft: true\rweight: 3\r---\rFirst line.\rSecond line.\r",
		"TOML": "+++\rtitle = \"Trang\"\rdraft = true\rweight = 3\r+++\rFirst line.\rSecond line.\r",
	} {
		p, body, errs := ParsePage("vi", "content/vi/a.md", "a.md", []byte(src))
		if len(errs) > 0 || p == nil {
			t.Fatalf("%s: %v", name, errs)
		}
		if p.Title != "Trang" || !p.Draft || p.Weight != 3 {
			t.Errorf("%s: title %q, draft %v, weight %d: the front matter was not read", name, p.Title, p.Draft, p.Weight)
		}
		if string(body) != "First line.\nSecond line.\n" || p.BodyLine != 6 {
			t.Errorf("%s: body %q from line %d", name, body, p.BodyLine)
		}
	}
	_, _, errs := ParsePage("vi", "content/vi/a.md", "a.md", []byte("---\rtitle: A\rweight: many\r---\r"))
	if len(errs) != 1 || errs[0].Line != 3 {
		t.Errorf("an error in lone-CR front matter: %v, want one at line 3", errs)
	}
}

// frontMatterBlocks counts the blocks of front matter at the top of a
// page file: the one the loader reads, and any that follows it.
func frontMatterBlocks(t *testing.T, data []byte) int {
	t.Helper()
	data = loneCRToLF(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	n := 0
	for {
		format, _, body, _, err := splitFrontMatter(bytes.TrimLeft(data, " \t\r\n"))
		if err != nil || format == "" {
			return n
		}
		n, data = n+1, body
	}
}

func TestStampOddFrontMatter(t *testing.T) {
	const h = "0123456789ab"
	stamped := map[string]struct{ src, want string }{
		"lone CR": {
			"---\rtitle: A\r---\rBody\r",
			"---\rtitle: A\rsourceHash: \"0123456789ab\"\r---\rBody\r"},
		"lone CR, TOML": {
			"+++\rtitle = \"A\"\r[params]\rx = 1\r+++\r",
			"+++\rtitle = \"A\"\rsourceHash = \"0123456789ab\"\r[params]\rx = 1\r+++\r"},
		"lone CR, byte order mark, empty front matter": {
			"\ufeff---\r---\rBody\r",
			"\ufeff---\rsourceHash: \"0123456789ab\"\r---\rBody\r"},
		"CRLF, no newline at the end of the front matter's last line": {
			"---\r\ntitle: A\r\n---",
			"---\r\ntitle: A\r\nsourceHash: \"0123456789ab\"\r\n---"},
		"YAML closed with ...": {
			"---\ntitle: A\n...\nBody\n",
			"---\ntitle: A\nsourceHash: \"0123456789ab\"\n...\nBody\n"},
		"a thematic break, not front matter": {
			"Intro\n\n---\n\nMore\n",
			"---\nsourceHash: \"0123456789ab\"\n---\nIntro\n\n---\n\nMore\n"},
	}
	for name, tt := range stamped {
		got, err := Stamp([]byte(tt.src), h)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s: got\n%q\nwant\n%q", name, got, tt.want)
		}
		if n := frontMatterBlocks(t, got); n != 1 {
			t.Errorf("%s: %d blocks of front matter after the stamp:\n%q", name, n, got)
		}
		if p, _, errs := ParsePage("fr", "content/fr/a.md", "a.md", got); len(errs) > 0 || p.SourceHash != h {
			t.Errorf("%s: read back: %v", name, errs)
		}
	}
	refused := map[string]struct {
		src  string
		line int
		msg  string
	}{
		"mixed line endings":        {"---\rtitle: A\r---\nBody\n", 1, "mixes line endings"},
		"never closed":              {"---\ntitle: A\n\nBody\n", 1, "never closed"},
		"never closed, lone CR":     {"---\rtitle: A\rBody\r", 1, "never closed"},
		"blank lines above":         {"\n\n---\ntitle: A\n---\nBody\n", 3, "must start on the first line"},
		"blank lines above, TOML":   {"\r\n+++\r\ntitle = \"A\"\r\n+++\r\n", 2, "must start on the first line"},
		"only a delimiter":          {"---", 1, "never closed"},
		"byte order mark and blank": {"\ufeff\n---\ntitle: A\n---\n", 2, "must start on the first line"},
	}
	for name, tt := range refused {
		_, err := Stamp([]byte(tt.src), h)
		fe, ok := err.(*FrontMatterError)
		if !ok || fe.Line != tt.line || !strings.Contains(fe.Msg, tt.msg) {
			t.Errorf("%s: %v, want a refusal at line %d saying %q", name, err, tt.line, tt.msg)
		}
	}
}
