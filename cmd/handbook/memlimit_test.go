package main

import (
	"errors"
	"math"
	"os"
	"runtime/debug"
	"testing"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// TestMemoryGuardFollowsTheMachine sets the guard rail from machines of
// several sizes: three quarters of their memory, none where the memory is
// unknown, and GOMEMLIMIT's when it is set.
func TestMemoryGuardFollowsTheMachine(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("AUTOMEMLIMIT", "")
	os.Unsetenv("AUTOMEMLIMIT")
	for _, c := range []struct {
		name      string
		available memlimit.Provider
		want      int64
	}{
		{"a CI runner of 7 GiB", memlimit.Limit(7 << 30), 7 << 30 * 3 / 4},
		{"a container of 1 GiB", memlimit.Limit(1 << 30), 768 << 20},
		{"no limit known", func() (uint64, error) { return 0, memlimit.ErrNoLimit }, math.MaxInt64},
	} {
		debug.SetMemoryLimit(math.MaxInt64)
		if got := setMemoryGuard(c.available); got != c.want || debug.SetMemoryLimit(-1) != c.want {
			t.Errorf("%s: limit %d (in force %d), want %d", c.name, got, debug.SetMemoryLimit(-1), c.want)
		}
	}
	t.Setenv("GOMEMLIMIT", "3GiB")
	debug.SetMemoryLimit(3 << 30)
	if got := setMemoryGuard(memlimit.Limit(1 << 30)); got != 3<<30 {
		t.Errorf("with GOMEMLIMIT set: limit %d, want GOMEMLIMIT's", got)
	}
	if got := setMemoryGuard(func() (uint64, error) { return 0, errors.New("no /proc") }); got != 3<<30 {
		t.Errorf("with GOMEMLIMIT set and no machine memory: limit %d", got)
	}
}
