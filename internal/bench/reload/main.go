package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// options are the command line.
type options struct {
	tool    string
	bin     string
	addr    string
	file    string
	edits   int
	warmup  int
	pause   time.Duration
	timeout time.Duration
	site    string
}

func main() {
	var o options
	flag.StringVar(&o.tool, "tool", "handbook", "the server: handbook or hugo")
	flag.StringVar(&o.bin, "bin", "", "the server's `binary` (default: the tool's name, on PATH)")
	flag.StringVar(&o.addr, "addr", "", "connect to a server already running at `host:port` instead of starting one")
	flag.StringVar(&o.file, "file", "", "the page to edit, relative to SITE (default: the first page under content/, in name order)")
	flag.IntVar(&o.edits, "n", 20, "edits measured")
	flag.IntVar(&o.warmup, "warmup", 1, "edits made first and not measured")
	flag.DurationVar(&o.pause, "pause", 500*time.Millisecond, "pause between edits")
	flag.DurationVar(&o.timeout, "timeout", 5*time.Minute, "how long the server may take to build, and an edit to reload")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: reload [flags] SITE")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || (o.tool != "handbook" && o.tool != "hugo") {
		flag.Usage()
		os.Exit(2)
	}
	o.site = flag.Arg(0)
	if o.bin == "" {
		o.bin = o.tool
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "reload:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	page, err := pageToEdit(o)
	if err != nil {
		return err
	}
	original, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	defer os.WriteFile(page, original, 0o644)

	addr := o.addr
	if addr == "" {
		srv, err := startServer(o)
		if err != nil {
			return err
		}
		defer srv.stop()
		addr = srv.addr
	}
	reloads, err := listen(o.tool, addr)
	if err != nil {
		return err
	}
	var times []time.Duration
	for i := 0; i < o.warmup+o.edits; i++ {
		drain(reloads)
		edited := fmt.Appendf(append([]byte(nil), original...), "\nEdit %d, at %s.\n", i+1, time.Now().Format(time.RFC3339Nano))
		start := time.Now()
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			return err
		}
		select {
		case err := <-reloads:
			if err != nil {
				return err
			}
		case <-time.After(o.timeout):
			return fmt.Errorf("edit %d: no reload message after %s", i+1, o.timeout)
		}
		if i >= o.warmup {
			times = append(times, time.Since(start))
		}
		time.Sleep(o.pause)
	}
	report(o, page, times)
	return nil
}

// drain drops the messages that came during the pause: a server may send
// more than one per edit.
func drain(reloads <-chan error) {
	for {
		select {
		case <-reloads:
		default:
			return
		}
	}
}

// pageToEdit is -file, or the first page (not a section) under the
// site's content folder, in name order.
func pageToEdit(o options) (string, error) {
	if o.file != "" {
		return filepath.Join(o.site, o.file), nil
	}
	var first string
	err := filepath.WalkDir(filepath.Join(o.site, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || first != "" {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			first = p
		}
		return nil
	})
	if err == nil && first == "" {
		err = fmt.Errorf("no page under %s/content", o.site)
	}
	return first, err
}

// report prints the times, then one line the comparison script reads.
func report(o options, page string, times []time.Duration) {
	sorted := append([]time.Duration(nil), times...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
	}
	parts := make([]string, len(times))
	for i, t := range times {
		parts[i] = ms(t)
	}
	fmt.Printf("%s: %d edits of %s, save → reload message (ms): %s\n", o.tool, len(times), page, strings.Join(parts, " "))
	fmt.Printf("%s: median %s ms, min %s ms, max %s ms\n", o.tool, ms(median), ms(sorted[0]), ms(sorted[len(sorted)-1]))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
