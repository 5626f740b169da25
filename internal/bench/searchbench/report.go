package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

type report struct {
	cfg             *config
	version         string
	pagefindVersion string
	docs            map[string]int
	engines         []*engine
	cells           [][]cell
}

// figures are the medians of one cell over its runs.
type figures struct {
	coldBytes, warmBytes       float64 // on the wire, as the server wrote them
	coldReqs, warmReqs         float64 // as the server answered them
	coldBody, early            float64
	cdpBytes, cdpReqs          float64 // as the browser reported them, in the traced run
	coldMs, loadMs, queryMs    float64
	tracedMs                   float64 // cold ms of the traced run
	warmMs                     float64
	total, shown               float64
	unmatched                  string
	unfinished, failed, missed bool
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func (c *cell) figures() figures {
	col := func(f func(r *run) float64) float64 {
		xs := make([]float64, len(c.runs))
		for i, r := range c.runs {
			xs[i] = f(r)
		}
		return median(xs)
	}
	fg := figures{
		coldBytes: col(func(r *run) float64 { return float64(r.ColdTraffic.Server.Wire) }),
		warmBytes: col(func(r *run) float64 { return float64(r.WarmTraffic.Server.Wire) }),
		coldReqs:  col(func(r *run) float64 { return float64(r.ColdTraffic.Server.Requests) }),
		warmReqs:  col(func(r *run) float64 { return float64(r.WarmTraffic.Server.Requests) }),
		coldBody:  col(func(r *run) float64 { return float64(r.ColdTraffic.Server.Body) }),
		early:     col(func(r *run) float64 { return float64(r.ColdTraffic.Server.Early) }),
		coldMs:    col(func(r *run) float64 { return r.Cold.LoadMs + r.Cold.QueryMs }),
		loadMs:    col(func(r *run) float64 { return r.Cold.LoadMs }),
		queryMs:   col(func(r *run) float64 { return r.Cold.QueryMs }),
		warmMs:    col(func(r *run) float64 { return r.Warm.QueryMs }),
		total:     col(func(r *run) float64 { return float64(r.Cold.Total) }),
		shown:     col(func(r *run) float64 { return float64(r.Cold.Shown) }),
	}
	if r := c.traced; r != nil {
		fg.cdpBytes, fg.cdpReqs = float64(r.ColdTraffic.Bytes), float64(r.ColdTraffic.Requests)
		fg.tracedMs = r.Cold.LoadMs + r.Cold.QueryMs
		for _, t := range []traffic{r.ColdTraffic, r.WarmTraffic} {
			fg.unfinished = fg.unfinished || t.Unfinished > 0
			fg.failed = fg.failed || t.Failed > 0
			fg.missed = fg.missed || t.Server.Requests > t.Requests+t.Unfinished+t.Failed
		}
	}
	if len(c.runs) > 0 {
		if u := strings.TrimSpace(string(c.runs[0].Cold.Unmatched)); u != "" && u != "null" && u != "[]" {
			fg.unmatched = u
		}
	}
	return fg
}

func kib(b float64) string { return fmt.Sprintf("%.1f", b/1024) }
func ms(v float64) string  { return fmt.Sprintf("%.1f", v) }
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// mainRows are the rows of the side-by-side table, with a last row of
// medians over the queries.
func (rep *report) mainRows() (header []string, rows [][]string) {
	header = []string{"query", "lang"}
	for _, e := range rep.engines {
		header = append(header, e.name+" KiB", e.name+" cold ms", e.name+" query ms", e.name+" warm ms", e.name+" results")
	}
	perCol := make([][]float64, len(header))
	for i, q := range queries {
		row := []string{q.Text, q.Lang}
		for j := range rep.engines {
			c := &rep.cells[i][j]
			if len(c.runs) == 0 {
				row = append(row, c.err, "", "", "", "")
				continue
			}
			f := c.figures()
			vals := []float64{f.coldBytes, f.coldMs, f.queryMs, f.warmMs, f.total}
			for k, v := range vals {
				perCol[len(row)+k] = append(perCol[len(row)+k], v)
			}
			row = append(row, kib(f.coldBytes), ms(f.coldMs), ms(f.queryMs), ms(f.warmMs), num(f.total))
		}
		rows = append(rows, row)
	}
	med := []string{"median", ""}
	for k := 2; k < len(header); k++ {
		if len(perCol[k]) == 0 || (k-2)%5 == 4 {
			med = append(med, "")
			continue
		}
		v := median(perCol[k])
		if (k-2)%5 == 0 {
			med = append(med, kib(v))
		} else {
			med = append(med, ms(v))
		}
	}
	rows = append(rows, med)
	return header, rows
}

// detailRows break each cold query down: requests and bytes as the browser
// and the server saw them, and the warm query's traffic.
func (rep *report) detailRows() (header []string, rows [][]string) {
	header = []string{"query", "engine", "cold requests", "cold bytes", "of which bodies", "browser-reported requests", "browser-reported bytes", "load+init ms", "query ms", "cold ms traced", "warm requests", "warm bytes", "shown", "notes"}
	for j, e := range rep.engines {
		for i, q := range queries {
			c := &rep.cells[i][j]
			if len(c.runs) == 0 {
				continue
			}
			f := c.figures()
			var notes []string
			if f.early > 0 {
				notes = append(notes, fmt.Sprintf("%g bytes of it fetched by the page load", f.early))
			}
			if f.unmatched != "" {
				notes = append(notes, "unmatched "+f.unmatched)
			}
			if f.unfinished {
				notes = append(notes, "requests unfinished")
			}
			if f.failed {
				notes = append(notes, "requests failed")
			}
			if f.missed {
				notes = append(notes, "DevTools missed some of the worker's requests")
			}
			rows = append(rows, []string{q.Text, e.name, num(f.coldReqs), num(f.coldBytes), num(f.coldBody), num(f.cdpReqs), num(f.cdpBytes),
				ms(f.loadMs), ms(f.queryMs), ms(f.tracedMs), num(f.warmReqs), num(f.warmBytes), num(f.shown), strings.Join(notes, "; ")})
		}
	}
	return header, rows
}

func (rep *report) text(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	h, rows := rep.mainRows()
	for _, r := range append([][]string{h}, rows...) {
		fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	h, rows = rep.detailRows()
	for _, r := range append([][]string{h}, rows...) {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// mdTable writes a Markdown table, its figures aligned right.
func mdTable(w io.Writer, header []string, rows [][]string) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(header, " | "))
	seps := make([]string, len(header))
	for i, h := range header {
		seps[i] = "---:"
		if h == "query" || h == "lang" || h == "engine" || h == "notes" {
			seps[i] = "---"
		}
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(seps, " | "))
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = mdEscape(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
}

func (rep *report) markdown(w io.Writer) {
	cfg := rep.cfg
	fmt.Fprintf(w, "## Search in the browser: handbook vs Pagefind\n\n")
	fmt.Fprintf(w, "Measured %s with %s (headless, a new profile for each cold run), ", time.Now().UTC().Format("2006-01-02 15:04 UTC"), rep.version)
	serving := "net/http on 127.0.0.1, no compression"
	if cfg.gzip {
		serving = "net/http on 127.0.0.1, text and WebAssembly gzip-compressed"
	}
	fmt.Fprintf(w, "site served by %s; median of %d cold run(s) per cell.", serving, cfg.runs)
	if len(rep.docs) > 0 {
		var parts []string
		for _, l := range []string{"vi", "fr"} {
			if n, ok := rep.docs[l]; ok {
				parts = append(parts, fmt.Sprintf("%s %d", l, n))
			}
		}
		fmt.Fprintf(w, " Documents in our index: %s.", strings.Join(parts, ", "))
	}
	if rep.pagefindVersion != "" {
		fmt.Fprintf(w, " Pagefind %s.", rep.pagefindVersion)
	}
	fmt.Fprint(w, "\n\n")
	h, rows := rep.mainRows()
	mdTable(w, h, rows)
	fmt.Fprint(w, `
- KiB: bytes sent to the browser (status lines, headers and bodies, counted on the server's connections) for every request after the page load, from the page and its web workers, the search client's JavaScript and WebAssembly included, plus any request for a search file made during the page load.
- cold ms: from the import of the client to the results, in a new browser (empty cache) on the language's home page, left alone for `+rep.cfg.settle.String()+` after it loaded (a browser just started is busy for a while, and a reader takes longer to reach the search box), with the DevTools session reporting no network events (reporting them costs the browser a few milliseconds a request, on the page's main thread too, which a reader's browser does not spend); query ms is the part spent in the query call (ours: s.query(q, {langs, limit: 10}); Pagefind: pf.search(q) and data() of the first 10 results), the rest being the import and set-up (createSearch; pf.init()).
- warm ms: the same query again in the same page.
- A search file that the page itself fetches while it loads (ours: the header's search box loads /js/search.js as a module) counts in KiB, but its download is not part of cold ms; the details say how many bytes of a cold query were fetched that way.
- results: matching documents (ours: total; Pagefind: results.length).

### Details

The browser-reported columns come from one more cold run per cell, with the DevTools network events on: the sum of Network.loadingFinished encodedDataLength over the page's and its workers' sessions; cold ms traced is that run's cold ms. They fall short of the server's count when a web worker starts (Chrome reports the main script of a dedicated worker, Pagefind's pagefind-worker.js, as its headers only, and a worker's first requests can come before the harness has attached to it), so the tables above use the server's count.

`)
	h, rows = rep.detailRows()
	mdTable(w, h, rows)
}
