// Package publish owns putting a built site where a web server serves it,
// so that readers never see half of a site, nor a mix of two:
//
//	DIR/releases/<id>/   one folder per publish, never changed once written
//	DIR/current          a symbolic link to one of them: the server's root
//	DIR/publish.lock     held while a publish or a rollback runs
//
// Publish checks and renders the site into a new release folder, then
// switches current to it by renaming a new symbolic link over the old
// one: rename is atomic, so each request the server resolves finds either
// the whole previous release or the whole new one. Old releases are
// removed beyond the number to keep; Rollback switches current back to
// the release before it. The release a rollback leaves stays in place,
// for the requests still reading it, until the next publish removes it:
// after a publish, the release before the current one is always the one
// that was current before.
//
// A release is removed by renaming it to a hidden name first, then
// deleting it, so that a removal cut short never leaves a release with
// files missing where a rollback could land; the next publish deletes
// what is left. Only complete releases are listed (dir.isRelease), and
// only they are switched to.
package publish
