package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// The renderer writes into a bufferWriter as it is, without the
// bufio.Writer of its own it wraps a bare buffer in: the same HTML, one
// allocation fewer per page.
func TestRendererWritesStraightIntoTheBuffer(t *testing.T) {
	md := goldmark.New()
	src := []byte("# Title\n\nSome *text* and a [link](https://example.com).\n")
	doc := md.Parser().Parse(text.NewReader(src))
	var bare, direct bytes.Buffer
	bare.Grow(4096)
	direct.Grow(4096)
	render := func(w interface{ Write([]byte) (int, error) }) {
		if err := md.Renderer().Render(w, src, doc); err != nil {
			t.Fatal(err)
		}
	}
	viaBufio := testing.AllocsPerRun(20, func() { bare.Reset(); render(&bare) })
	straight := testing.AllocsPerRun(20, func() { direct.Reset(); render(bufferWriter{&direct}) })
	if direct.String() != bare.String() {
		t.Errorf("the HTML differs:\n%s\nwant\n%s", direct.String(), bare.String())
	}
	if straight >= viaBufio {
		t.Errorf("rendering into a bufferWriter allocates %v times, into a bare buffer %v: it should allocate less", straight, viaBufio)
	}
}
