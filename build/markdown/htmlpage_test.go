package markdown_test

import (
	"strings"
	"testing"

	"handbook/build/config"
)

func TestHTMLContentFile(t *testing.T) {
	const page = "---\ntitle: Raw\n---\n<h2 id=\"top\">Hello &amp; welcome</h2>\n<script>var hidden = 1;</script>\n<p>Some <b>bold</b> text.</p>\n\n* not a list\n"
	for _, unsafe := range []bool{false, true} {
		files := map[string]string{
			"hugo.toml":        "title = \"Docs\"\n",
			"content/raw.html": page,
		}
		if unsafe {
			files["hugo.toml"] += "[markup.goldmark.renderer]\nunsafe = true\n"
		}
		f := newFixture(t, files, config.Overrides{})
		p := f.set.Lang("en").ByRelPath("raw.html")
		if p == nil || !p.IsHTML || p.Title != "Raw" || p.URL != "/en/raw/" {
			t.Fatalf("page = %+v", p)
		}
		r := f.results[p]
		got := string(r.HTML)
		switch {
		case unsafe && !strings.Contains(got, `<h2 id="top">Hello &amp; welcome</h2>`):
			t.Errorf("with unsafe HTML, content = %q, want the body as written", got)
		case unsafe && !r.Anchors.Has("top"):
			t.Errorf("anchors = %v, want the body's ids", r.Anchors)
		case !unsafe && (strings.Contains(got, "<script>") || !strings.Contains(got, "&lt;script&gt;")):
			t.Errorf("without unsafe HTML, content = %q, want it escaped", got)
		}
		if strings.Contains(got, "<li>") {
			t.Errorf("the body was read as Markdown: %q", got)
		}
		if want := "Hello & welcome Some bold text. * not a list"; r.Text != want {
			t.Errorf("text = %q, want %q", r.Text, want)
		}
	}
}
