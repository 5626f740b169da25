package render_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/content"
	"handbook/internal/sitetest"
)

// TestPrintToPDF prints the handbook's print pages to PDF with headless
// Chromium, as a reader's "Save as PDF" does, and reads the PDF back: the
// whole Vietnamese handbook has its table of contents, then every page,
// each starting a sheet, in reading order; the French principles' page
// holds that section alone. The site is built under a sub-path.
func TestPrintToPDF(t *testing.T) {
	chromium := sitetest.NeedTool(t, "Chromium", "/usr/bin/chromium", "chromium")
	pdftotext := sitetest.NeedTool(t, "pdftotext", "pdftotext")
	pdfinfo := sitetest.NeedTool(t, "pdfinfo", "pdfinfo")
	if testing.Short() {
		t.Skip("starts a browser")
	}
	dest := filepath.Join(t.TempDir(), "public")
	over := config.Overrides{Dest: dest, BaseURL: "http://127.0.0.1/docs/", NoSearch: true}
	if s, err := build.Build(build.Options{Source: "../..", Overrides: over}); err != nil {
		t.Fatalf("building the handbook: %v\n%v", err, s.Diags.Sorted())
	}
	// The pages as read, with their Markdown, for the text to look for.
	site, err := build.Load(build.Options{Source: "../..", Overrides: over})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/docs", http.FileServer(http.Dir(dest))))
	defer srv.Close()

	vi := site.Pages.Lang("vi")
	pages := readingOrder(vi.Home)
	pdf := printPDF(t, chromium, srv.URL+"/docs/vi/print/")
	text, sheets := pdfText(t, pdftotext, pdfinfo, pdf)
	if sheets < len(pages)+1 {
		t.Errorf("vi/print: %d sheets for a cover and %d pages", sheets, len(pages))
	}
	toc := strings.Index(text, "Mục lục")
	first := strings.Index(text, snippet(t, site.Pages.Body(vi.Home)))
	if toc < 0 || first < toc {
		t.Fatalf("no table of contents (at %d) before the home's text (at %d):\n%s", toc, first, text)
	}
	inOrder(t, "the table of contents", text[toc:first], titles(pages))
	kinds := map[content.Kind]bool{}
	var shown []*content.Page
	for _, p := range pages {
		if s := snippet(t, site.Pages.Body(p)); s != "" && !p.IsSection {
			kinds[p.Kind] = true
			shown = append(shown, p)
		}
	}
	if len(kinds) < 5 {
		t.Errorf("text found for pages of kinds %v only", kinds)
	}
	bodies := make([]string, len(shown))
	for i, p := range shown {
		bodies[i] = snippet(t, site.Pages.Body(p))
	}
	inOrder(t, "the pages' text", text[first:], bodies)
	startSheets(t, text, first, pages)

	fr := site.Pages.Lang("fr")
	section := fr.ByRelPath("principles/_index.md")
	pages = readingOrder(section)
	pdf = printPDF(t, chromium, srv.URL+"/docs/fr/principles/print/")
	text, sheets = pdfText(t, pdftotext, pdfinfo, pdf)
	if sheets < len(pages)+1 || sheets > 3*len(pages) {
		t.Errorf("fr/principles/print: %d sheets for a cover and %d pages", sheets, len(pages))
	}
	first = strings.Index(text, snippet(t, site.Pages.Body(pages[0])))
	if first < 0 || !strings.Contains(text[:first], "Table des matières") {
		t.Fatalf("fr/principles/print: no table of contents before the section's text:\n%s", text)
	}
	inOrder(t, "fr/principles/print", text[first:], []string{snippet(t, site.Pages.Body(pages[1])), snippet(t, site.Pages.Body(pages[len(pages)-1]))})
	startSheets(t, text, first, pages)
	for _, other := range []string{"letters/2016.md", "stories/call-back.md", "about.md"} {
		if s := snippet(t, site.Pages.Body(fr.ByRelPath(other))); s == "" || strings.Contains(text, s) {
			t.Errorf("fr/principles/print holds the text of %s: %q", other, s)
		}
	}
}

// readingOrder is a page and every page below it, as the print pages
// hold them.
func readingOrder(p *content.Page) []*content.Page {
	out := []*content.Page{p}
	for _, c := range p.Children {
		out = append(out, readingOrder(c)...)
	}
	return out
}

func titles(pages []*content.Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = clean(p.Title)
	}
	return out
}

// printPDF prints the page at url to a PDF file.
func printPDF(t *testing.T, chromium, url string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "print.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--no-first-run",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+out, url)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --print-to-pdf %s: %v\n%s", url, err, msg)
	}
	return out
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

// pdfText returns a PDF's text, whitespace made single spaces and sheets
// parted by form feeds, and its number of sheets.
func pdfText(t *testing.T, pdftotext, pdfinfo, pdf string) (string, int) {
	t.Helper()
	info, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := pagesLine.FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo says no number of pages:\n%s", info)
	}
	n, _ := strconv.Atoi(string(m[1]))
	data, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	sheets := strings.Split(string(data), "\f")
	for i, s := range sheets {
		sheets[i] = clean(s)
	}
	return strings.Join(sheets, "\f"), n
}

// clean makes text comparable with a PDF's: NFC, and every run of spaces
// and line breaks one space.
func clean(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

// snippet is the first words of a paragraph of a page's Markdown, up to
// the first markup or quotation mark, which the conversion would change:
// text its article shows as it is written.
func snippet(t *testing.T, body []byte) string {
	t.Helper()
	for _, line := range strings.Split(string(body), "\n") {
		if line == "" || strings.ContainsAny(line[:1], "#->|0123456789 ") {
			continue
		}
		if i := strings.IndexAny(line, "[]*_`\"'<>|“”«»"); i >= 0 {
			line = line[:i]
		}
		if i := strings.Index(line, ".."); i >= 0 {
			line = line[:i]
		}
		if words := strings.Fields(line); len(words) >= 6 {
			return clean(strings.Join(words[:6], " "))
		}
	}
	return ""
}

// inOrder checks that text holds every one of wants, in that order.
func inOrder(t *testing.T, what, text string, wants []string) {
	t.Helper()
	at := 0
	for _, w := range wants {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%s: %q not found after %q", what, w, text[max(0, at-80):at])
			return
		}
		at += i + len(w)
	}
}

// startSheets checks that each page starts a sheet of the PDF: from the
// sheet where the text at first is, the sheets that start with the
// pages' titles (after the name of their kind) come in reading order.
func startSheets(t *testing.T, text string, first int, pages []*content.Page) {
	t.Helper()
	sheets := strings.Split(text, "\f")
	j := strings.Count(text[:first], "\f")
	for _, p := range pages {
		title := clean(p.Title)
		for j < len(sheets) && !strings.Contains(head(sheets[j], len(title)+40), title) {
			j++
		}
		if j == len(sheets) {
			t.Errorf("no sheet starts with %q in reading order", title)
			return
		}
		j++
	}
}

// head is the first n bytes of s, or all of it.
func head(s string, n int) string { return s[:min(n, len(s))] }
