package output_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"

	"handbook/build/output"
)

func TestMountPointIsBuiltIntoInPlace(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "volume")
	if err := os.Mkdir(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", dest, "tmpfs", 0, "size=16m"); err != nil {
		if os.Getenv("CI") != "" && os.Geteuid() == 0 {
			t.Fatalf("cannot mount a tmpfs to test a mount point: %v", err)
		}
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	defer func() {
		if err := syscall.Unmount(dest, 0); err != nil {
			_ = exec.Command("umount", "-l", dest).Run()
		}
	}()
	for _, body := range []string{"first", "second"} {
		d, err := output.NewDir(dest, output.Guard{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"index.html", "vi/" + body + "/index.html"} {
			if err := d.WriteFile(p, []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		// Until Commit, the volume holds the previous site (and the
		// staging folder, hidden).
		if data, err := os.ReadFile(filepath.Join(dest, "index.html")); body == "second" && string(data) != "first" {
			t.Errorf("before Commit, index.html = %q, %v", data, err)
		}
		if err := d.Commit(); err != nil {
			t.Fatalf("Commit into a mount point: %v", err)
		}
		want := map[string]string{".": "<dir>", "index.html": body, "vi": "<dir>", "vi/" + body: "<dir>", "vi/" + body + "/index.html": body, output.StampFile: stampText(t, dest)}
		if got := snapshot(t, dest); !reflect.DeepEqual(got, want) {
			t.Errorf("after Commit %s:\n%v\nwant\n%v", body, got, want)
		}
	}
	// A failed build leaves the volume as it was.
	before := snapshot(t, dest)
	d, err := output.NewDir(dest, output.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	_ = d.WriteFile("index.html", []byte("broken"))
	d.Abort()
	if after := snapshot(t, dest); !reflect.DeepEqual(after, before) {
		t.Errorf("an aborted build changed the volume:\n%v\nwas\n%v", after, before)
	}
}
