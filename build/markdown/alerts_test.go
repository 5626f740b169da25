package markdown_test

import (
	"strings"
	"testing"
)

// GitHub's alerts render as the callouts of the shortcodes; a quote whose
// first line names no kind of alert stays a quote.
func TestGitHubAlerts(t *testing.T) {
	f := shortcodeFixture(t)
	html, _, d := f.convert(t, "vi", "> [!NOTE]\n> Useful *information*.\n\n"+
		"> [!WARNING] Read this\n> Careful.\n>\n> Second paragraph [x](/nope/).\n\n"+
		"> [!caution]\n> lower case works.\n\n"+
		"> [!UNKNOWN]\n> stays a quote.\n\n> Plain quote.\n")
	wants(t, html,
		`<div class="callout callout-note" role="note"><p class="callout-title">Note</p>`, "<p>Useful <em>information</em>.</p>", "</div>",
		`callout-warning" role="note"><p class="callout-title">Read this</p>`, "<p>Careful.</p>", "<p>Second paragraph", "</div>",
		`callout-caution`, "<p>lower case works.</p>",
		"<blockquote>\n<p>[!UNKNOWN]", "</blockquote>", "<blockquote>\n<p>Plain quote.</p>")
	got := diagStrings(d)
	if len(got) != 1 || !strings.HasPrefix(got[0], "content/vi/notes/test.md:10: broken link /nope/") {
		t.Errorf("diagnostics %v, want the broken link inside the alert at line 10", got)
	}
}
