package search_test

import (
	"testing"
	"testing/fstest"

	"handbook/build/config"
	"handbook/build/content"
	"handbook/build/output"
	"handbook/build/search"
	"handbook/build/search/query"
)

// TestDocURLIsPercentEncoded indexes a page whose URL holds "?", "#" and
// "%": the result's link is that URL percent-encoded under the base path,
// so the browser opens the page rather than a query or a fragment of
// another.
func TestDocURLIsPercentEncoded(t *testing.T) {
	p := &content.Page{Lang: "vi", URL: "/vi/a?b#c-100%/", Title: "Ngựa vằn", TranslationKey: "a"}
	set := &content.Set{Pages: []*content.Page{p}, Langs: []*content.Lang{{Language: config.Language{Code: "vi"}, Pages: []*content.Page{p}}}}
	idx := search.NewIndex(set)
	body := search.Body{Text: "Con ngựa vằn."}
	idx.Add(p, body, search.NewTokenizer())
	mem := output.NewMemory()
	if err := idx.WriteDoc(p, body.Text, "/docs", mem); err != nil {
		t.Fatal(err)
	}
	if err := idx.Write(mem); err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, name := range mem.Paths() {
		data, _ := mem.File(name)
		files[name] = &fstest.MapFile{Data: data}
	}
	answer, err := query.NewSearcher(files).Query("ngựa vằn", []string{"vi"}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(answer.Results) != 1 {
		t.Fatalf("results = %+v, want the page", answer.Results)
	}
	if got, want := answer.Results[0].URL, "/docs/vi/a%3Fb%23c-100%25/"; got != want {
		t.Errorf("result URL = %q, want %q", got, want)
	}
}
