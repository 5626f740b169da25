package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"
)

// query is one search and the language whose index it searches.
type query struct {
	Text, Lang string
}

var queries = []query{
	{"khách hàng", "vi"},
	{"khach hang", "vi"},
	{"lanh dao", "vi"},
	{"bạn", "vi"},
	{"bán", "vi"},
	{"quyết định", "vi"},
	{"décision", "fr"},
	{"decisions", "fr"},
	{"l’expérience client", "fr"},
	{"innovation rapide", "fr"},
	{"lanh xyzzyq", "vi"},
	// Partial matches (a word no page has, one too many), synonyms (the
	// repository's lists, which search.sh copies into the corpus) and a
	// quoted phrase.
	{"khach hang quyet dinh xyzzyq", "vi"},
	{"obsession des consommateurs", "fr"},
	{"nguoi tieu dung", "vi"},
	{"\"khách hàng\"", "vi"},
}

type config struct {
	site     string
	md       string
	chromium string
	client   string
	base     string
	runs     int
	gzip     bool
	timeout  time.Duration
	settle   time.Duration
	verbose  bool
}

func main() {
	var cfg config
	flag.StringVar(&cfg.site, "site", "", "the built site `folder` (handbook build's output, with Pagefind's pagefind/ in it)")
	flag.StringVar(&cfg.md, "md", "", "also write the results as Markdown to `file`")
	flag.StringVar(&cfg.chromium, "chromium", "/usr/bin/chromium", "the Chromium `binary`")
	flag.StringVar(&cfg.client, "client", "/js/search.js", "the `URL path` of the handbook's search client module")
	flag.StringVar(&cfg.base, "base", "/_search/", "the `URL` of the index folder, given to createSearch")
	flag.IntVar(&cfg.runs, "runs", 3, "timed cold runs per query and engine (each in a new browser), plus one traced run; the median is shown")
	flag.BoolVar(&cfg.gzip, "gzip", false, "serve text and WebAssembly gzip-compressed, as a static host with compression does")
	flag.DurationVar(&cfg.timeout, "timeout", time.Minute, "limit of one measurement")
	flag.DurationVar(&cfg.settle, "settle", time.Second, "how long the page is left alone after it loaded, before the cold query: a browser just started is still busy, and a reader takes longer to reach the search box")
	flag.BoolVar(&cfg.verbose, "v", false, "print the URLs fetched by each cold query")
	flag.Parse()
	if cfg.site == "" || flag.NArg() > 0 || cfg.runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: searchbench -site OUT [-md FILE] [-runs N] [-gzip]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := bench(ctx, &cfg); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

// engine is one search implementation: the page scripts that run its cold
// and warm query, and the files that belong to it.
type engine struct {
	name    string
	missing string // why it cannot be measured, or ""
	coldJS  func(query) string
	warmJS  func(query) string
	owns    func(path string) bool
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func ours(cfg *config) *engine {
	e := &engine{
		name: "ours",
		owns: func(p string) bool {
			return strings.HasPrefix(p, strings.TrimSuffix(cfg.client, ".js")) || strings.HasPrefix(p, "/_search/")
		},
		coldJS: func(q query) string {
			return fmt.Sprintf(`(async () => {
  const q = %s, langs = [%s];
  const t0 = performance.now();
  const mod = await import(%s);
  if (typeof mod.createSearch !== "function") throw new Error(%s + " does not export createSearch");
  const s = await mod.createSearch(%s);
  const t1 = performance.now();
  const r = await s.query(q, {langs, limit: 10});
  const t2 = performance.now();
  globalThis.__searchbench = s;
  return {loadMs: t1 - t0, queryMs: t2 - t1, total: r.total ?? r.results.length, shown: r.results.length, unmatched: r.unmatched ?? null};
})()`, js(q.Text), js(q.Lang), js(cfg.client), js(cfg.client), js(cfg.base))
		},
		warmJS: func(q query) string {
			return fmt.Sprintf(`(async () => {
  const q = %s, langs = [%s], s = globalThis.__searchbench;
  const t1 = performance.now();
  const r = await s.query(q, {langs, limit: 10});
  const t2 = performance.now();
  return {loadMs: 0, queryMs: t2 - t1, total: r.total ?? r.results.length, shown: r.results.length, unmatched: r.unmatched ?? null};
})()`, js(q.Text), js(q.Lang))
		},
	}
	if _, err := os.Stat(filepath.Join(cfg.site, filepath.FromSlash(strings.TrimPrefix(cfg.client, "/")))); err != nil {
		e.missing = "client not built"
	} else if _, err := os.Stat(filepath.Join(cfg.site, "_search")); err != nil {
		e.missing = "no _search index"
	}
	return e
}

func pagefind(cfg *config) *engine {
	e := &engine{
		name: "pagefind",
		owns: func(p string) bool { return strings.HasPrefix(p, "/pagefind/") },
		coldJS: func(q query) string {
			return fmt.Sprintf(`(async () => {
  const q = %s;
  const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  await pf.init();
  const t1 = performance.now();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  const t2 = performance.now();
  globalThis.__searchbench = pf;
  return {loadMs: t1 - t0, queryMs: t2 - t1, total: r.results.length, shown: data.length};
})()`, js(q.Text))
		},
		warmJS: func(q query) string {
			return fmt.Sprintf(`(async () => {
  const q = %s, pf = globalThis.__searchbench;
  const t1 = performance.now();
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  const t2 = performance.now();
  return {loadMs: 0, queryMs: t2 - t1, total: r.results.length, shown: data.length};
})()`, js(q.Text))
		},
	}
	if _, err := os.Stat(filepath.Join(cfg.site, "pagefind", "pagefind.js")); err != nil {
		e.missing = "not indexed (no pagefind/pagefind.js)"
	}
	return e
}

// cell is the result of one engine on one query: runs timed without
// DevTools network events, and one run with them, whose requests as the
// browser reported them check the server's count.
type cell struct {
	err    string
	runs   []*run
	traced *run
}

func bench(ctx context.Context, cfg *config) error {
	if info, err := os.Stat(cfg.chromium); err != nil || info.IsDir() || info.Mode()&0o111 == 0 {
		return fmt.Errorf("no Chromium at %s (apt-get install chromium, or give -chromium)", cfg.chromium)
	}
	for _, lang := range []string{"vi", "fr"} {
		if _, err := os.Stat(filepath.Join(cfg.site, lang, "index.html")); err != nil {
			return fmt.Errorf("%s is not a built site with a %s home page: %w", cfg.site, lang, err)
		}
	}
	version, err := browserVersion(ctx, cfg.chromium)
	if err != nil {
		return fmt.Errorf("starting the browser (%s): %w", cfg.chromium, err)
	}
	srv, err := startServer(cfg.site, cfg.gzip)
	if err != nil {
		return err
	}
	defer srv.close()

	engines := []*engine{ours(cfg), pagefind(cfg)}
	if engines[0].missing != "" && engines[1].missing != "" {
		fmt.Fprintf(os.Stderr, "searchbench: nothing to measure: ours: %s; pagefind: %s\n", engines[0].missing, engines[1].missing)
	}
	fmt.Printf("%s, site %s served at %s%s, %d cold run(s) per cell\n", version, cfg.site, srv.url, map[bool]string{true: " with gzip"}[cfg.gzip], cfg.runs)
	for _, e := range engines {
		if e.missing != "" {
			fmt.Printf("%s: %s\n", e.name, e.missing)
		}
	}

	cells := make([][]cell, len(queries))
	for i, q := range queries {
		cells[i] = make([]cell, len(engines))
		for j, e := range engines {
			c := &cells[i][j]
			if e.missing != "" {
				c.err = e.missing
				continue
			}
			for i := range cfg.runs + 1 {
				if err := ctx.Err(); err != nil {
					return err
				}
				traced := i == cfg.runs
				r, err := measure(ctx, cfg, srv, e, q, traced)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					c.err = "error: " + err.Error()
					c.runs = nil
					fmt.Fprintf(os.Stderr, "searchbench: %s %q: %v\n", e.name, q.Text, err)
					break
				}
				if traced {
					c.traced = r
				} else {
					c.runs = append(c.runs, r)
				}
			}
			if cfg.verbose && c.traced != nil {
				fmt.Fprintf(os.Stderr, "%s %q cold:\n  %s\n", e.name, q.Text, strings.Join(c.traced.ColdTraffic.URLs, "\n  "))
			}
			if c.traced != nil {
				warnTraffic(e.name, q, c.traced)
			}
		}
	}

	rep := report{cfg: cfg, version: version, engines: engines, cells: cells}
	rep.pagefindVersion = pagefindVersion(cfg.site)
	rep.docs = indexDocs(cfg.site)
	fmt.Println()
	rep.text(os.Stdout)
	if cfg.md != "" {
		f, err := os.Create(cfg.md)
		if err != nil {
			return err
		}
		rep.markdown(f)
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Printf("\nwrote %s\n", cfg.md)
	}
	return nil
}

// warnTraffic says when a phase did not end cleanly.
func warnTraffic(name string, q query, r *run) {
	for _, t := range []struct {
		phase string
		t     traffic
	}{{"cold", r.ColdTraffic}, {"warm", r.WarmTraffic}} {
		if t.t.Unfinished > 0 || t.t.Failed > 0 {
			fmt.Fprintf(os.Stderr, "searchbench: %s %q %s: %d request(s) unfinished, %d failed\n", name, q.Text, t.phase, t.t.Unfinished, t.t.Failed)
		}
	}
}

// pagefindVersion reads the version Pagefind wrote in its entry file.
func pagefindVersion(site string) string {
	b, err := os.ReadFile(filepath.Join(site, "pagefind", "pagefind-entry.json"))
	if err != nil {
		return ""
	}
	var entry struct {
		Version string `json:"version"`
	}
	json.Unmarshal(b, &entry)
	return entry.Version
}

// indexDocs counts the documents of our index per language.
func indexDocs(site string) map[string]int {
	docs := map[string]int{}
	matches, _ := filepath.Glob(filepath.Join(site, "_search", "*", "meta.json"))
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			continue
		}
		var meta struct {
			Lang string `json:"lang"`
			Docs int    `json:"docs"`
		}
		if json.Unmarshal(b, &meta) == nil {
			docs[meta.Lang] = meta.Docs
		}
	}
	return docs
}
