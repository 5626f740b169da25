package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// TestHeapFloorFor sizes the floor from the soft memory limit: the
// largest floor with none or a large one, an eighth of a small one.
func TestHeapFloorFor(t *testing.T) {
	for _, c := range []struct {
		limit int64
		want  uint64
	}{{math.MaxInt64, 256 << 20}, {7 << 30 * 3 / 4, 256 << 20}, {1 << 30 * 3 / 4, 96 << 20}, {256 << 20, 32 << 20}} {
		if got := heapFloorFor(c.limit); got != c.want {
			t.Errorf("heapFloorFor(%d) = %d, want %d", c.limit, got, c.want)
		}
	}
}

// TestFloorPercent checks the pace that makes the next goal the floor:
// from the start, for a live heap under half the floor, and the default
// pace once the live heap passes it.
func TestFloorPercent(t *testing.T) {
	for _, c := range []struct {
		live, floor uint64
		want        int
	}{
		{0, 64 << 20, 1600},
		{0, 1 << 20, 100},
		{10 << 20, 64 << 20, 540},
		{16 << 20, 64 << 20, 300},
		{32 << 20, 64 << 20, 100},
		{500 << 20, 64 << 20, 100},
	} {
		if got := floorPercent(c.live, c.floor); got != c.want {
			t.Errorf("floorPercent(%d, %d) = %d, want %d", c.live, c.floor, got, c.want)
		}
	}
}

// gcPercent is the collector's pace in force.
func gcPercent() int {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return int(s[0].Value.Uint64())
}

// TestHeapFloorPacesEachCollection starts a floor of 1 GiB, collects,
// and waits for the pace to be set from the live heap the collection
// left; stopped, the floor restores the default pace. With GOGC set, it
// does nothing.
func TestHeapFloorPacesEachCollection(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	const floor = 1 << 30
	f := startHeapFloor(floor)
	if f == nil {
		t.Fatal("no heap floor started")
	}
	defer f.stop()
	if got, want := gcPercent(), floorPercent(0, floor); got != want {
		t.Errorf("before the first collection the pace is %d, want %d", got, want)
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for _, round := range []string{"first", "second"} {
		runtime.GC()
		deadline := time.Now().Add(5 * time.Second)
		for {
			metrics.Read(live)
			want := floorPercent(live[0].Value.Uint64(), floor)
			got := gcPercent()
			if got == want {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("after the %s collection the pace is %d, want %d", round, got, want)
			}
			time.Sleep(time.Millisecond)
		}
	}
	f.stop()
	if got := gcPercent(); got != 100 {
		t.Errorf("stopped, the pace is %d, want 100", got)
	}
	t.Setenv("GOGC", "100")
	if startHeapFloor(floor) != nil {
		t.Error("a heap floor started with GOGC set")
	}
}
