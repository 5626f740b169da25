package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// A build allocates a few kilobytes for every page it converts, renders
// and indexes, and lets them go at once, while what it holds is small: a
// site of 2×1,000 pages holds about 25 MB, one of 2×10,000 about 60 MB.
// At the collector's default pace (GOGC=100) the heap may only double
// what it holds before the next collection, so such sites were collected
// 13 to 17 and about 40 times, the collector taking a sixth and a
// fourteenth of the build's processor time. A heap floor lets the heap
// grow to a fixed size before collecting: a small site is collected a
// few times, while a larger one, whose live heap passes half the floor,
// is collected at the default pace, its peak memory unchanged. The floor
// is small beside the guard rail and the memory targets (600 MiB at
// 2×10,000 pages), an eighth of the soft limit on a small machine or
// container, and GOGC, when set, is used instead.

// heapFloorMax is the heap floor; a soft memory limit in force lowers it
// to heapFloorShare of the limit.
const (
	heapFloorMax   = 256 << 20
	heapFloorShare = 8
)

// heapFloorFor is the heap floor for a soft memory limit (math.MaxInt64
// for none).
func heapFloorFor(limit int64) uint64 {
	return uint64(min(heapFloorMax, limit/heapFloorShare))
}

// defaultHeapMinimum is the runtime's smallest heap goal at GOGC=100,
// which it scales with GOGC: the goal before the first collection.
const defaultHeapMinimum = 4 << 20

// floorPercent is the GOGC that makes the next collection's goal floor
// for a live heap of live bytes (0 before the first collection, whose
// goal is the runtime's smallest heap, scaled), never below the default
// of 100.
func floorPercent(live, floor uint64) int {
	if live == 0 {
		return max(100, int(floor*100/defaultHeapMinimum))
	}
	if floor <= 2*live {
		return 100
	}
	return int(floor*100/live) - 100
}

// heapFloor sets the collector's pace after each collection from the
// live heap it found, so that the heap's goal is at least floor.
type heapFloor struct {
	floor   uint64
	stopped atomic.Bool
	live    []metrics.Sample
}

// startHeapFloor keeps the heap's goal at least floor bytes until the
// returned heapFloor is stopped; unless GOGC is set, or floor is 0, when
// it does nothing and returns nil.
func startHeapFloor(floor uint64) *heapFloor {
	if _, set := os.LookupEnv("GOGC"); set || floor == 0 {
		return nil
	}
	f := &heapFloor{floor: floor, live: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	debug.SetGCPercent(floorPercent(0, floor))
	f.arm()
	return f
}

// arm asks to be told of the next collection: a cleanup of an object
// nothing holds runs once the collector has found it unreachable.
func (f *heapFloor) arm() {
	sentinel := new([2]*int)
	runtime.AddCleanup(sentinel, func(f *heapFloor) { f.collected() }, f)
}

// collected sets the pace from the live heap the last collection left,
// and asks to be told of the next one.
func (f *heapFloor) collected() {
	if f.stopped.Load() {
		return
	}
	metrics.Read(f.live)
	debug.SetGCPercent(floorPercent(f.live[0].Value.Uint64(), f.floor))
	f.arm()
}

// stop ends the floor and restores the default pace.
func (f *heapFloor) stop() {
	if f == nil {
		return
	}
	f.stopped.Store(true)
	debug.SetGCPercent(100)
}
