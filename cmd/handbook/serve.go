package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"handbook/build"
	"handbook/build/config"
	"handbook/build/serve"
)

const serveUsage = `usage: handbook serve [flags]

Builds the site into memory and serves every language at once, rebuilding
what each saved file touches and reloading the browser's page in place.
Errors are shown over the page and in the terminal; the server keeps
going until Ctrl-C.

Flags:
`

// serveFlags are the flags of serve.
type serveFlags struct {
	source   string
	port     int
	bind     string
	drafts   bool
	navigate bool
	open     bool
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", ".", "the site's root `folder` (with handbook.toml or hugo.toml)")
	fs.IntVar(&f.port, "port", 1313, "the `port` to serve on; 0 picks a free one")
	fs.StringVar(&f.bind, "bind", "127.0.0.1", "the `address` to listen on (0.0.0.0 opens the preview to the network)")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft: true")
	fs.BoolVar(&f.navigate, "navigate", false, "make the browser go to the page just edited")
	fs.BoolVar(&f.open, "open", false, "open the preview in the default browser")
}

func serveCommand() command {
	return command{
		name:    "serve",
		summary: "preview the site, rebuilt and reloaded on every save",
		usage:   usageOf(func(fs *flag.FlagSet) { new(serveFlags).register(fs) }, serveUsage),
		run:     runServe,
	}
}

func runServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, args, stdout, stderr)
}

// serveUntil serves until ctx is done: Ctrl-C, or a test.
func serveUntil(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f serveFlags
	fs := newFlagSet("serve", serveUsage, stderr)
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "handbook serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if f.port < 0 || f.port > 65535 {
		fmt.Fprintf(stderr, "handbook serve: --port %d is not a port (0 to 65535)\n", f.port)
		return exitUsage
	}
	addr := net.JoinHostPort(f.bind, strconv.Itoa(f.port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "handbook serve: cannot listen on %s: %v\n", addr, listenProblem(err))
		return exitContent
	}
	url := "http://" + ln.Addr().String() + "/"
	if os.Getenv("GOMEMLIMIT") == "" {
		// The preview holds the whole site, its pages' HTML and the
		// search index in memory by design: a one-off build's limit
		// would have the collector run all the time.
		debug.SetMemoryLimit(math.MaxInt64)
	}
	preview, err := serve.Start(serve.Options{
		Build: build.Options{
			Source:    f.source,
			Overrides: config.Overrides{BaseURL: url, Drafts: f.drafts},
		},
		Navigate: f.navigate,
		Log:      stdout,
	})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		return exitContent
	}
	srv := &http.Server{Handler: preview.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "handbook: serving %s at %s (Ctrl-C to stop)\n", f.source, url)
	if f.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "handbook serve: warning: cannot open a browser (%v): open %s yourself\n", err, url)
		}
	}
	code := exitOK
	select {
	case <-ctx.Done():
	case err := <-served:
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		code = exitContent
	}
	// A full build under way is not waited for long: exiting ends it.
	closed := make(chan struct{})
	go func() { preview.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	fmt.Fprintln(stdout, "handbook: stopped")
	return code
}

// listenProblem says what a failure to listen means for the user.
func listenProblem(err error) string {
	if errors.Is(err, syscall.EADDRINUSE) {
		return "the address is already in use (another server?); choose another with --port, or --port 0 for any free one"
	}
	return err.Error()
}

// openBrowser opens url in the user's default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives the opener
	return nil
}
