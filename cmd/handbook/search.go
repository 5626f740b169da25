package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"handbook/build/diag"
	"handbook/build/search"
	"handbook/build/search/query"
)

const searchUsage = `usage: handbook search [flags] QUERY

Searches the index of a built site (public/ unless --dest says otherwise)
with the same matching and ranking as the site's search box: without tone
marks or accents, Telex or VNI, a typo in longer words, the last word as a
prefix. Prints the results, best first: the pages that match every word,
then, when they are fewer than five, the pages that match most of the
words, each saying which words it is without.

Flags:
`

// searchFlags are the flags of handbook search.
type searchFlags struct {
	dest  string
	lang  string
	limit int
	json  bool
}

func (f *searchFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dest, "dest", "public", "the built site's `folder`")
	fs.StringVar(&f.lang, "lang", "all", "search `vi`, fr, or all languages")
	fs.IntVar(&f.limit, "limit", 10, "print at most `n` results")
	fs.BoolVar(&f.json, "json", false, "print a JSON array of {title, url, lang, kind, snippet, score, matched, missing}")
}

func searchCommand() command {
	return command{
		name:    "search",
		summary: "search a built site from the command line",
		usage:   usageOf(func(fs *flag.FlagSet) { new(searchFlags).register(fs) }, searchUsage),
		run:     runSearch,
	}
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	var f searchFlags
	flags := newFlagSet("search", searchUsage, stderr)
	f.register(flags)
	if err := flags.Parse(args); err != nil {
		return exitUsage
	}
	text := strings.TrimSpace(strings.Join(flags.Args(), " "))
	if err := f.check(text); err != nil {
		fmt.Fprintf(stderr, "handbook search: %v\n", err)
		return exitUsage
	}
	if _, err := os.Stat(f.dest + "/" + search.Dir); err != nil {
		fmt.Fprintf(stderr, "handbook search: %s has no search index: build the site first (handbook build)\n", f.dest)
		return exitContent
	}
	searcher := query.NewSearcher(os.DirFS(f.dest))
	langs, err := searchLanguages(searcher, f.lang)
	if err != nil {
		fmt.Fprintf(stderr, "handbook search: %v\n", err)
		return exitUsage
	}
	ans, err := searcher.Query(text, langs, f.limit)
	if err != nil {
		fmt.Fprintf(stderr, "handbook search: %v\n", err)
		return exitContent
	}
	if f.json {
		return printJSON(ans, stdout, stderr)
	}
	printAnswer(ans, stdout)
	return exitOK
}

// check says what is wrong with the command line, before anything is
// read: a limit of no results, or no query.
func (f *searchFlags) check(query string) error {
	if f.limit < 1 {
		return fmt.Errorf("--limit must be a positive number, got %d", f.limit)
	}
	if query == "" {
		return errors.New("no query: say what to search for (handbook search [flags] QUERY)")
	}
	return nil
}

func searchLanguages(s *query.Searcher, lang string) ([]string, error) {
	all, err := s.Languages()
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errors.New("the site has no search index")
		}
		return nil, err
	}
	if lang == "all" {
		return all, nil
	}
	for _, l := range all {
		if l == lang {
			return []string{l}, nil
		}
	}
	return nil, fmt.Errorf("no index for language %q (the site has %s)", lang, strings.Join(all, ", "))
}

func printJSON(ans *query.Answer, stdout, stderr io.Writer) int {
	results := ans.Results
	if results == nil {
		results = []query.Result{}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(results); err != nil {
		fmt.Fprintf(stderr, "handbook search: %v\n", err)
		return exitContent
	}
	printUnmatched(ans, stderr)
	return exitOK
}

func printAnswer(ans *query.Answer, w io.Writer) {
	printUnmatched(ans, w)
	if len(ans.Results) == 0 {
		fmt.Fprintln(w, "No results.")
		return
	}
	// The pages' text is the writers', printed to a terminal.
	esc := diag.EscapeControls
	for i, r := range ans.Results {
		kind := ""
		if r.Kind != "" {
			kind = " (" + esc(r.Kind) + ")"
		}
		without := ""
		if len(r.Missing) > 0 {
			without = " — without " + esc(strings.Join(r.Missing, ", "))
		}
		fmt.Fprintf(w, "%d. %s%s [%s]%s\n   %s\n   %s\n", i+1, esc(r.Title), kind, esc(r.Lang), without, esc(r.URL), esc(r.Snippet))
	}
	if ans.Total > len(ans.Results) {
		fmt.Fprintf(w, "… %d results in all\n", ans.Total)
	}
}

// printUnmatched tells the reader which words matched nothing, never
// dropping them in silence, with the closest words of the index.
func printUnmatched(ans *query.Answer, w io.Writer) {
	for _, u := range ans.Unmatched {
		if len(u.Suggestions) > 0 {
			fmt.Fprintf(w, "No page has %q. Closest: %s\n", u.Word, diag.EscapeControls(strings.Join(u.Suggestions, ", ")))
		} else {
			fmt.Fprintf(w, "No page has %q.\n", u.Word)
		}
	}
	if len(ans.Without) > 0 {
		fmt.Fprintf(w, "%s; showing results without %s.\n", fullCount(ans.Full), diag.EscapeControls(strings.Join(ans.Without, ", ")))
	}
}

// fullCount says how many pages match every word of a query.
func fullCount(n int) string {
	switch n {
	case 0:
		return "No page has every word"
	case 1:
		return "One page has every word"
	}
	return fmt.Sprintf("%d pages have every word", n)
}
