package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"handbook/build"
	"handbook/build/check"
	"handbook/build/output"
)

// Options say what to publish, and where.
type Options struct {
	Site build.Options
	// To is the folder that holds the releases and the current link.
	To string
	// Keep is how many releases to keep, the newest; the current one and
	// the one before it are always kept. Zero means DefaultKeep.
	Keep int
	// Now gives the time a release is named after; nil means time.Now.
	Now func() time.Time
	// Waiting, if set, is called when another publish or rollback holds
	// the folder, before waiting for it to finish.
	Waiting func()
}

// DefaultKeep is the number of releases kept when Options.Keep is zero.
const DefaultKeep = 5

// Result is what a publish did.
type Result struct {
	// Site is the checked site; its Diags hold every problem found, the
	// warnings of a successful publish included.
	Site *build.Site
	// Release is the new release's id; Previous the one current pointed
	// to before ("" for the first publish).
	Release, Previous string
	// Removed lists the releases deleted as older than the ones kept.
	Removed []string
	// Incomplete lists the folders of releases/ that are not complete
	// releases (see dir.isRelease): never switched to, nor deleted, since
	// publish did not make them so; the user removes them.
	Incomplete []string
}

// ErrRefused is returned, wrapped, when the check found errors: nothing
// was published.
var ErrRefused = errors.New("the site has errors: nothing was published")

// Publish checks the site, renders it into a new release and makes it
// current. When the check finds an error, or anything fails before the
// switch, the release is thrown away and current is left as it was.
func Publish(opts Options) (*Result, error) {
	d, err := openDir(opts.To)
	if err != nil {
		return nil, err
	}
	unlock, err := d.lock(opts.Waiting)
	if err != nil {
		return nil, err
	}
	defer unlock()
	d.removeStaging()
	res := &Result{}
	if res.Previous, err = d.current(); err != nil && !errors.Is(err, ErrNoRelease) {
		// current is something publish would not replace: say so before
		// building anything.
		return res, err
	}
	id, err := d.newID(now(opts))
	if err != nil {
		return res, err
	}
	res.Site, id, err = d.write(opts.Site, id)
	if err != nil {
		return res, err
	}
	if err := d.switchTo(id); err != nil {
		_ = os.RemoveAll(d.release(id))
		return res, err
	}
	res.Release = id
	res.Removed, err = d.prune(keep(opts), res.Previous)
	// The folders are only named; a folder that cannot be read was
	// reported by prune.
	_, res.Incomplete, _ = d.scan()
	return res, err
}

// write checks the site while rendering it into a staging folder, and
// moves the staging folder to the release's place when the check passes.
// The release's id gets the hash of its files.
func (d *dir) write(site build.Options, id string) (*build.Site, string, error) {
	out, err := output.NewDir(d.release(id), output.Guard{})
	if err != nil {
		return nil, "", err
	}
	hashed := newHashWriter(out)
	s, err := check.Run(check.Options{Build: site, Output: hashed})
	if err != nil {
		out.Abort()
		if build.IsContentError(err) {
			err = ErrRefused
		}
		return s, "", err
	}
	if err := out.Commit(); err != nil {
		return s, "", err
	}
	named := id + "-" + hashed.sum()
	if err := os.Rename(d.release(id), d.release(named)); err != nil {
		return s, id, nil // the id without its hash is still unique
	}
	return s, named, nil
}

// Rollback switches current back to the release before it, and returns
// both ids. Of the options, it uses To and Waiting. A folder that was
// never published to is left as it is: not even the lock is made.
func Rollback(opts Options) (from, back string, err error) {
	d, err := openPublished(opts.To)
	if err != nil {
		return "", "", err
	}
	unlock, err := d.lock(opts.Waiting)
	if err != nil {
		return "", "", err
	}
	defer unlock()
	from, err = d.current()
	if err != nil {
		return "", "", err
	}
	back, err = d.before(from)
	if err != nil {
		return from, "", err
	}
	return from, back, d.switchTo(back)
}

func now(opts Options) time.Time {
	if opts.Now != nil {
		return opts.Now()
	}
	return time.Now()
}

func keep(opts Options) int {
	if opts.Keep <= 0 {
		return DefaultKeep
	}
	return opts.Keep
}

// openDir makes the publish folder and its releases folder if needed.
func openDir(to string) (*dir, error) {
	if to == "" {
		return nil, errors.New("no folder to publish to")
	}
	abs, err := filepath.Abs(to)
	if err != nil {
		return nil, err
	}
	d := &dir{root: abs}
	if err := os.MkdirAll(d.releases(), 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the releases folder: %w", err)
	}
	return d, nil
}

// openPublished opens a folder publish has made its releases in and
// pointed current to, and changes nothing when it has not.
func openPublished(to string) (*dir, error) {
	if to == "" {
		return nil, errors.New("no folder to publish to")
	}
	abs, err := filepath.Abs(to)
	if err != nil {
		return nil, err
	}
	d := &dir{root: abs}
	if _, err := os.Stat(d.releases()); err != nil {
		return nil, fmt.Errorf("%w to roll back to: %s holds none (publish first)", ErrNoRelease, abs)
	}
	if _, err := os.Lstat(d.link()); err != nil {
		return nil, fmt.Errorf("%w to roll back to: %s does not exist (publish first)", ErrNoRelease, d.link())
	}
	return d, nil
}
