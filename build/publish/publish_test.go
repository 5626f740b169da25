package publish

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"handbook/build"
	"handbook/build/config"
	"handbook/internal/sitetest"
)

func siteFiles() map[string]string {
	return map[string]string{
		"handbook.toml":        "title = \"Test\"\n[languages.vi]\nweight = 1\n[languages.fr]\nweight = 2\n",
		"content/vi/_index.md": "---\ntitle: Sổ tay\ndescription: Trang chủ.\n---\n\nXem [giới thiệu](about.md).\n",
		"content/vi/about.md":  "---\ntitle: Giới thiệu\ndescription: Về sổ tay.\n---\n\nPhiên bản 1.\n",
		"content/fr/_index.md": "---\ntitle: Le manuel\ndescription: Accueil.\n---\n\nVoir [à propos](about.md).\n",
		"content/fr/about.md":  "---\ntitle: À propos\ndescription: Le manuel.\n---\n",
	}
}

// fixture is a site and a folder to publish it to.
type fixture struct {
	t    *testing.T
	site string
	to   string
	now  time.Time
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, site: sitetest.Write(t, siteFiles()), to: filepath.Join(t.TempDir(), "www"),
		now: time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)}
}

func (f *fixture) options(keep int) Options {
	f.now = f.now.Add(time.Minute)
	now := f.now
	return Options{Site: build.Options{Source: f.site}, To: f.to, Keep: keep, Now: func() time.Time { return now }}
}

func (f *fixture) publish(keep int) *Result {
	f.t.Helper()
	res, err := Publish(f.options(keep))
	if err != nil {
		f.t.Fatalf("Publish: %v", err)
	}
	return res
}

// edit rewrites one file of the site.
func (f *fixture) edit(name, body string) {
	f.t.Helper()
	sitetest.WriteFiles(f.t, f.site, map[string]string{name: body})
}

// current reads the current link.
func (f *fixture) current() string {
	f.t.Helper()
	target, err := os.Readlink(filepath.Join(f.to, "current"))
	if err != nil {
		f.t.Fatal(err)
	}
	return target
}

func (f *fixture) releases() []string {
	f.t.Helper()
	entries, err := os.ReadDir(filepath.Join(f.to, "releases"))
	if err != nil {
		f.t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// served reads a file through the current link, as the web server does.
func (f *fixture) served(name string) string {
	f.t.Helper()
	data, err := os.ReadFile(filepath.Join(f.to, "current", filepath.FromSlash(name)))
	if err != nil {
		f.t.Fatal(err)
	}
	return string(data)
}

func TestPublishAndSwitch(t *testing.T) {
	f := newFixture(t)
	first := f.publish(0)
	if !strings.HasPrefix(first.Release, "20260301T093100.000Z-") || len(first.Release) != len(idLayout)+9 || first.Previous != "" {
		t.Errorf("first release %q, previous %q", first.Release, first.Previous)
	}
	if got := f.current(); got != filepath.Join("releases", first.Release) {
		t.Errorf("current -> %s", got)
	}
	if !strings.Contains(f.served("vi/about/index.html"), "Phiên bản 1.") {
		t.Error("the page is not served")
	}

	f.edit("content/vi/about.md", "---\ntitle: Giới thiệu\ndescription: Về sổ tay.\n---\n\nPhiên bản 2.\n")
	second := f.publish(0)
	if second.Previous != first.Release || second.Release <= first.Release {
		t.Errorf("second release %q after %q, previous %q", second.Release, first.Release, second.Previous)
	}
	if !strings.Contains(f.served("vi/about/index.html"), "Phiên bản 2.") {
		t.Error("the new release is not served")
	}
	if got := f.releases(); !slices.Equal(got, []string{first.Release, second.Release}) {
		t.Errorf("releases %v", got)
	}
	// The first release is still whole, for a rollback.
	old, err := os.ReadFile(filepath.Join(f.to, "releases", first.Release, "vi", "about", "index.html"))
	if err != nil || !strings.Contains(string(old), "Phiên bản 1.") {
		t.Errorf("the previous release changed: %v", err)
	}
}

func TestReleaseIDs(t *testing.T) {
	f := newFixture(t)
	// The same content at the same instant: a new release all the same,
	// named after the previous one, with the same content hash.
	opts := f.options(0)
	a, err := Publish(opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Publish(opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.Release == b.Release || b.Release <= a.Release {
		t.Errorf("ids %q then %q", a.Release, b.Release)
	}
	if a.Release[len(idLayout):] != b.Release[len(idLayout):] {
		t.Errorf("the same site has two hashes: %q %q", a.Release, b.Release)
	}
	if b.Release[:len(idLayout)] != "20260301T093100.001Z" {
		t.Errorf("second id %q", b.Release)
	}
}

func TestKeep(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for range 4 {
		ids = append(ids, f.publish(2).Release)
	}
	if got := f.releases(); !slices.Equal(got, ids[2:]) {
		t.Errorf("releases %v, want the last two of %v", got, ids)
	}

	// After a rollback, the next publish removes the release the
	// rollback left, and keeps the one that was current before it: a
	// rollback of the new release goes back there, not to the abandoned
	// one.
	if _, _, err := Rollback(Options{To: f.to}); err != nil {
		t.Fatal(err)
	}
	res := f.publish(1)
	if got := f.releases(); !slices.Equal(got, []string{ids[2], res.Release}) {
		t.Errorf("after a publish keeping 1: %v, want %s and %s", got, ids[2], res.Release)
	}
	if len(res.Removed) != 1 || res.Removed[0] != ids[3] {
		t.Errorf("removed %v, want %s", res.Removed, ids[3])
	}
	if _, back, err := Rollback(Options{To: f.to}); err != nil || back != ids[2] {
		t.Errorf("rollback to %q, %v; want %s", back, err, ids[2])
	}
}

func TestKeepNeverRemovesCurrentNorPrevious(t *testing.T) {
	f := newFixture(t)
	var ids []string
	for range 4 {
		ids = append(ids, f.publish(5).Release)
	}
	d := &dir{root: f.to}
	if err := d.switchTo(ids[1]); err != nil {
		t.Fatal(err)
	}
	removed, err := d.prune(1, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := f.releases(); !slices.Equal(got, ids[:2]) || !slices.Equal(removed, ids[2:]) {
		t.Errorf("releases %v, removed %v", got, removed)
	}
}

func TestRollback(t *testing.T) {
	f := newFixture(t)
	if _, _, err := Rollback(Options{To: f.to}); !errors.Is(err, ErrNoRelease) {
		t.Errorf("rollback before any publish: %v", err)
	}
	first := f.publish(0).Release
	f.edit("content/vi/about.md", "---\ntitle: Giới thiệu\ndescription: Về sổ tay.\n---\n\nPhiên bản 2.\n")
	second := f.publish(0).Release

	from, back, err := Rollback(Options{To: f.to})
	if err != nil || from != second || back != first {
		t.Fatalf("rollback: %q -> %q, %v", from, back, err)
	}
	if !strings.Contains(f.served("vi/about/index.html"), "Phiên bản 1.") {
		t.Error("the previous release is not served after the rollback")
	}
	if _, _, err := Rollback(Options{To: f.to}); !errors.Is(err, ErrNoRelease) {
		t.Errorf("rollback past the first release: %v", err)
	}
	if got := f.current(); got != filepath.Join("releases", first) {
		t.Errorf("a failed rollback moved current to %s", got)
	}
}

func TestRefuseOnErrors(t *testing.T) {
	f := newFixture(t)
	first := f.publish(0).Release
	f.edit("content/fr/about.md", "---\ntitle: À propos\ndescription: Le manuel.\n---\n\n[cassé](nowhere.md)\n")
	res, err := Publish(f.options(0))
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("err = %v, want ErrRefused", err)
	}
	if res.Release != "" || !res.Site.Diags.HasErrors() {
		t.Errorf("release %q, diagnostics %v", res.Release, res.Site.Diags.Sorted())
	}
	if got := f.current(); got != filepath.Join("releases", first) {
		t.Errorf("current moved to %s", got)
	}
	if got := f.releases(); !slices.Equal(got, []string{first}) {
		t.Errorf("releases %v: the refused one or its staging folder is left", got)
	}
}

func TestCurrentFolderIsNotReplaced(t *testing.T) {
	f := newFixture(t)
	// A site served from a plain folder: publish will not replace it, and
	// says so before building anything.
	if err := os.MkdirAll(filepath.Join(f.to, "current"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Publish(f.options(0)); err == nil || !strings.Contains(err.Error(), "is not a symbolic link") {
		t.Errorf("err = %v", err)
	}
	if got := f.releases(); len(got) != 0 {
		t.Errorf("releases %v after a failed publish", got)
	}
	if fi, err := os.Lstat(filepath.Join(f.to, "current")); err != nil || !fi.IsDir() {
		t.Errorf("the folder was replaced: %v", err)
	}
}

func TestFailedLoadPublishesNothing(t *testing.T) {
	f := newFixture(t)
	first := f.publish(0).Release
	f.edit("handbook.toml", "theme = \"missing\"\n"+siteFiles()["handbook.toml"])
	if _, err := Publish(f.options(0)); err == nil || errors.Is(err, ErrRefused) {
		t.Errorf("err = %v, want a failure to load", err)
	}
	if got := f.releases(); !slices.Equal(got, []string{first}) || f.current() != filepath.Join("releases", first) {
		t.Errorf("releases %v, current %s", got, f.current())
	}
}

func TestStagingLeftByAKilledPublishIsRemoved(t *testing.T) {
	f := newFixture(t)
	stale := filepath.Join(f.to, "releases", ".20260301T000000.000Z.building-123")
	sitetest.WriteFiles(t, stale, map[string]string{"index.html": "half"})
	f.publish(0)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale staging folder: %v", err)
	}
}

// TestLock: a publish waits while another holds the folder, and starts
// once it is released.
func TestLock(t *testing.T) {
	f := newFixture(t)
	d, err := openDir(f.to)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := d.lock(nil)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan struct{})
	done := make(chan error)
	opts := f.options(0)
	opts.Waiting = func() { close(waiting) }
	go func() {
		_, err := Publish(opts)
		done <- err
	}()
	<-waiting
	if got := f.releases(); len(got) != 0 {
		t.Errorf("a release was made while the lock was held: %v", got)
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := f.releases(); len(got) != 1 {
		t.Errorf("releases %v", got)
	}
}

func TestBaseURLWithSubPath(t *testing.T) {
	f := newFixture(t)
	opts := f.options(0)
	opts.Site.Overrides = config.Overrides{BaseURL: "https://intranet.example/handbook/"}
	if _, err := Publish(opts); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"vi/index.html": `<a href="/handbook/vi/about/">giới thiệu</a>`,
		"fr/index.html": `href="/handbook/css/style.css"`,
		"sitemap.xml":   "<loc>https://intranet.example/handbook/vi/about/</loc>",
	} {
		if got := f.served(file); !strings.Contains(got, want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
	if !strings.Contains(f.served("vi/index.html"), `data-search="/handbook/_search/"`) {
		t.Error("the search box does not fetch under the sub-path")
	}
}
