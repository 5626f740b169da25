//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"handbook/build/output"
	"handbook/internal/sitetest"
)

// bigSite writes a site of n pages per language: enough that a build is
// still rendering when a test interrupts it.
func bigSite(t *testing.T, n int) string {
	t.Helper()
	files := hostileSite()
	body := strings.Repeat("Một đoạn văn về khách hàng và Ngày 1, viết để có chữ. ", 40)
	for i := range n {
		files[fmt.Sprintf("content/vi/p/page-%d.md", i)] = fmt.Sprintf("---\ntitle: Trang %d\n---\n\n## Phần %d\n\n%s\n", i, i, body)
	}
	return sitetest.Write(t, files)
}

// handbookBinary builds the command, to run it as a process a signal can
// reach.
func handbookBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "handbook")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startBuild starts a build of site and returns once it is writing its
// staging folder.
func startBuild(t *testing.T, bin, site string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	var out strings.Builder
	cmd := exec.Command(bin, "build", "--source", site)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if staging(t, site) != nil {
			return cmd, &out
		}
		time.Sleep(2 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	t.Fatalf("the build never made its staging folder:\n%s", out.String())
	return nil, nil
}

// staging lists the staging folders beside the site's output folder.
func staging(t *testing.T, site string) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(site, ".public.building-*"))
	if err != nil {
		t.Fatal(err)
	}
	return matches
}

func TestInterruptedBuildRemovesItsStaging(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := handbookBinary(t)
	site := bigSite(t, 1500)
	if out, err := exec.Command(bin, "build", "--source", site).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := hashTree(t, filepath.Join(site, "public"))
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd, out := startBuild(t, bin, site)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
				t.Errorf("exit: %v, want code %d\n%s", err, exitInterrupted, out)
			}
			if !strings.Contains(out.String(), "interrupted; the output folder is as it was") {
				t.Errorf("output does not say the build was interrupted:\n%s", out)
			}
			if left := staging(t, site); left != nil {
				t.Errorf("staging left behind: %v", left)
			}
			if after := hashTree(t, filepath.Join(site, "public")); !reflect.DeepEqual(after, before) {
				t.Error("an interrupted build changed the previous site")
			}
		})
	}
	t.Run("SIGKILL, then the next build", func(t *testing.T) {
		cmd, _ := startBuild(t, bin, site)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if after := hashTree(t, filepath.Join(site, "public")); !reflect.DeepEqual(after, before) {
			t.Error("a killed build changed the previous site")
		}
		if out, err := exec.Command(bin, "build", "--source", site).CombinedOutput(); err != nil {
			t.Fatalf("build after a kill: %v\n%s", err, out)
		}
		if left := staging(t, site); left != nil {
			t.Errorf("the next build left the killed one's staging: %v", left)
		}
		if _, err := os.Stat(filepath.Join(site, "public", output.StampFile)); err != nil {
			t.Errorf("the next build wrote no site: %v", err)
		}
	})
}
