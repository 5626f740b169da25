package themes_test

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"handbook/build/content"
)

// worksheet is what the test knows of an exercise page: where it is, and
// what its downloaded Markdown must say.
type worksheet struct {
	lang, url, canonical, title, slug string
	questions                         []string
}

// exercise reads the exercise page of lang from the built site: its
// questions are the items of the list after the heading the theme's
// strings name.
func (f *fixture) exercise(t *testing.T, lang string) worksheet {
	t.Helper()
	var p *content.Page
	for _, q := range f.site.Pages.Pages {
		if q.Lang == lang && q.URL == f.pages[lang]["exercise"] {
			p = q
		}
	}
	data, err := os.ReadFile(filepath.Join(f.dir, filepath.FromSlash(p.URL), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	heading := ">" + f.strings[lang]["worksheet_heading"] + "</h2>"
	_, after, ok := strings.Cut(string(data), heading)
	list, _, ok2 := strings.Cut(after, "</ol>")
	if !ok || !ok2 {
		t.Fatalf("%s has no %s heading followed by a list", p.URL, heading)
	}
	w := worksheet{lang: lang, url: f.base + p.URL, canonical: f.site.Config.AbsURL(p.URL), title: p.Title, slug: p.Slug}
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, m := range regexp.MustCompile(`(?s)<li>(.*?)</li>`).FindAllStringSubmatch(list, -1) {
		w.questions = append(w.questions, strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(m[1], ""))), " "))
	}
	if len(w.questions) < 3 {
		t.Fatalf("%s has %d questions: too few to test", p.URL, len(w.questions))
	}
	return w
}

// markdown is the file a worksheet with these answers downloads.
func (w worksheet) markdown(answers map[int]string) string {
	parts := []string{"# " + w.title, w.canonical}
	for i, q := range w.questions {
		parts = append(parts, fmt.Sprintf("## %d. %s", i+1, q))
		if a := strings.TrimSpace(answers[i+1]); a != "" {
			parts = append(parts, a)
		}
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// testWorksheet fills a French exercise's worksheet with the mouse and
// keyboard: every question has a labelled field; answers are saved as
// they are typed without a single request, restored on reload, printed
// (with ruled lines for the empty ones) and downloaded as Markdown, and
// cleared only once the reader confirms.
func (f *fixture) testWorksheet(t *testing.T) {
	b := f.tab(t)
	w := f.exercise(t, "fr")
	strs := f.strings["fr"]
	b.openFresh(w.url)

	labels := eval[[]string](b, `[...document.querySelectorAll('textarea.answer-input')].map(i => i.labels.length === 1 ? i.labels[0].textContent : '(' + i.labels.length + ' labels)')`)
	if len(labels) != len(w.questions) {
		t.Fatalf("%d answer fields for %d questions", len(labels), len(w.questions))
	}
	for i, l := range labels {
		if want := strings.ReplaceAll(strs["worksheet_answer"], "{n}", strconv.Itoa(i+1)); l != want {
			t.Errorf("field %d is labelled %q, want %q", i+1, l, want)
		}
	}

	// Typing saves, and sends nothing anywhere.
	answers := map[int]string{1: "Des réunions où l’on décide « plus tard ».\nEt des rapports que personne ne lit.", 3: "Le choix du fournisseur : trois mois."}
	time.Sleep(300 * time.Millisecond) // the page's own requests are over
	stop := b.recordRequests()
	for n, a := range answers {
		b.do(chromedp.Click(fmt.Sprintf("#worksheet-answer-%d", n)), chromedp.KeyEvent(a))
	}
	time.Sleep(300 * time.Millisecond)
	if reqs := stop(); len(reqs) != 0 {
		t.Errorf("typing answers made requests: %q", reqs)
	}
	stored := eval[map[string]string](b, `Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('handbook-worksheet:')))`)
	want := map[string]string{}
	for n, a := range answers {
		want[fmt.Sprintf("handbook-worksheet:%s%s:%d", basePath, strings.TrimPrefix(w.url, f.base), n)] = a
	}
	if got, _ := json.Marshal(stored); string(got) != mustJSON(want) {
		t.Errorf("localStorage holds %s, want %s", got, mustJSON(want))
	}

	// Reload: the answers are back, in their fields.
	b.reload()
	checkAnswers(b, len(w.questions), answers)

	// Print: the answers as text, ruled lines for the others, no chrome.
	b.emulate("print")
	printed := eval[[]string](b, `[...document.querySelectorAll('.answer-print')].map(p => getComputedStyle(p).display + '|' + (p.textContent ? 'text:' + p.textContent : 'empty,' + (p.getBoundingClientRect().height > 50 ? 'tall' : 'short') + ',' + (getComputedStyle(p).backgroundImage.includes('gradient') ? 'ruled' : 'plain')))`)
	for i, p := range printed {
		wantP := "block|empty,tall,ruled"
		if a, ok := answers[i+1]; ok {
			wantP = "block|text:" + a
		}
		if p != wantP {
			t.Errorf("printed answer %d: %q, want %q", i+1, p, wantP)
		}
	}
	if shown := eval[[]string](b, `['.site-header', '.site-search', '.site-nav', '.breadcrumbs', '.prev-next', '.toc', '.worksheet-tools', '.answer-input', '.theme-toggle'].filter(s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0))`); len(shown) != 0 {
		t.Errorf("printed, these still show: %q", shown)
	}
	b.emulate("")
	b.do(chromedp.Evaluate[chromedp.Void](`window.printed = 0; window.print = () => window.printed++`),
		chromedp.Click(`[data-action=print]`))
	if n := eval[int](b, `window.printed`); n != 1 {
		t.Errorf("the print button printed %d times", n)
	}

	// Download: the Markdown of the title, questions and answers.
	name, data := b.download(chromedp.Click(`[data-action=download]`))
	if name != w.slug+".md" || string(data) != w.markdown(answers) {
		t.Errorf("downloaded %s:\n%s\nwant %s.md:\n%s", name, data, w.slug, w.markdown(answers))
	}

	// Clear: nothing happens unless the reader confirms.
	dismissed := b.answerDialog(false)
	b.do(chromedp.Click(`[data-action=clear]`))
	if d := <-dismissed; d.err != nil || d.message != strs["worksheet_clear_confirm"] {
		t.Errorf("clear asked %q (%v), want %q", d.message, d.err, strs["worksheet_clear_confirm"])
	}
	checkAnswers(b, len(w.questions), answers)
	accepted := b.answerDialog(true)
	b.do(chromedp.Click(`[data-action=clear]`))
	if d := <-accepted; d.err != nil {
		t.Fatal(d.err)
	}
	checkAnswers(b, len(w.questions), nil)
	if n := eval[int](b, `Object.keys(localStorage).filter(k => k.startsWith('handbook-worksheet:')).length`); n != 0 {
		t.Errorf("after clearing, localStorage holds %d answers", n)
	}
	if got := eval[string](b, `document.querySelector('.worksheet-status').textContent`); got != strs["worksheet_cleared"] {
		t.Errorf("after clearing the status says %q, want %q", got, strs["worksheet_cleared"])
	}
}

// testWorksheetKeyboard fills a Vietnamese worksheet with the keyboard
// alone: Tab to the first field, type, Tab to the next, type, Tab to the
// buttons; Enter downloads, Space clears.
func (f *fixture) testWorksheetKeyboard(t *testing.T) {
	b := f.tab(t)
	w := f.exercise(t, "vi")
	b.openFresh(w.url)
	answers := map[int]string{1: "Ở đâu? Ẩn trong quy trình cũ.", 2: "Chỉ số ặ ế Ỗ."}
	b.tabTo("#worksheet-answer-1", 80)
	b.press(answers[1])
	b.press(kb.Tab)
	if id := eval[string](b, `document.activeElement.id`); id != "worksheet-answer-2" {
		t.Fatalf("Tab from the first field went to %q", id)
	}
	b.press(answers[2])
	b.tabTo("[data-action=download]", len(w.questions)+3)
	name, data := b.download(chromedp.KeyEvent(kb.Enter))
	if name != w.slug+".md" || string(data) != w.markdown(answers) {
		t.Errorf("downloaded with Enter %s:\n%s\nwant %s.md:\n%s", name, data, w.slug, w.markdown(answers))
	}
	b.tabTo("[data-action=clear]", 1)
	accepted := b.answerDialog(true)
	b.press(" ")
	if d := <-accepted; d.err != nil {
		t.Fatal(d.err)
	}
	checkAnswers(b, len(w.questions), nil)
	b.reload()
	checkAnswers(b, len(w.questions), nil)
}

// testWithoutScripts opens an exercise with scripts turned off: its
// questions read as a plain list, and neither the answer fields nor the
// theme switch, which need scripts, are shown.
func (f *fixture) testWithoutScripts(t *testing.T) {
	b := f.tab(t)
	w := f.exercise(t, "vi")
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false})
	})
	b.do(chromedp.Navigate(w.url))
	got := eval[string](b, `[...document.querySelectorAll('.exercise-body ol > li')].filter(li => li.getClientRects().length).length + '|' + document.querySelectorAll('textarea, .worksheet-tools').length + '|' + document.querySelector('[data-theme-toggle]').getClientRects().length`)
	if want := fmt.Sprintf("%d|0|0", len(w.questions)); got != want {
		t.Errorf("without scripts: questions shown|answer fields and buttons|theme switch shown = %s, want %s", got, want)
	}
}

// checkAnswers checks the worksheet's fields hold answers (question
// number → text), and nothing else.
func checkAnswers(b *browserT, questions int, answers map[int]string) {
	b.t.Helper()
	got := eval[[]string](b, `[...document.querySelectorAll('textarea.answer-input')].map(i => i.value)`)
	if len(got) != questions {
		b.t.Fatalf("%d answer fields, want %d", len(got), questions)
	}
	for i, g := range got {
		if g != answers[i+1] {
			b.t.Errorf("field %d holds %q, want %q", i+1, g, answers[i+1])
		}
	}
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}
