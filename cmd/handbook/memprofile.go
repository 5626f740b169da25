package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// heapPeakEvery is how often the build's live heap is looked at for a
// new peak: often enough to catch the peak of a build that lasts
// seconds, rarely enough to cost nothing measurable.
const heapPeakEvery = 100 * time.Millisecond

// heapPeakProfiler keeps a heap profile of the largest live heap a
// build reached, for --memprofile: the heap profile at the end of a
// build shows what it still holds, not what it held at its peak, which
// is what a large site's peak memory is made of.
type heapPeakProfiler struct {
	file string
	done chan struct{}
	wg   sync.WaitGroup
	// peak is the largest live heap seen, in bytes; profile is the
	// heap profile taken when it was seen.
	peak    uint64
	profile bytes.Buffer
}

// startHeapProfile watches the live heap until stop is called, which
// writes the profile of its peak to file.
func startHeapProfile(file string) (stop func() error, err error) {
	h, err := watchHeap(file)
	if err != nil {
		return nil, err
	}
	return h.stop, nil
}

// watchHeap starts watching the live heap for its peak.
func watchHeap(file string) (*heapPeakProfiler, error) {
	// The file is made now, so that a path that cannot be written is
	// refused before the build runs.
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	h := &heapPeakProfiler{file: file, done: make(chan struct{})}
	h.wg.Add(1)
	go h.watch()
	return h, nil
}

func (h *heapPeakProfiler) watch() {
	defer h.wg.Done()
	tick := time.NewTicker(heapPeakEvery)
	defer tick.Stop()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for {
		select {
		case <-h.done:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		live := sample[0].Value.Uint64()
		// A new profile only for a peak 5% above the last one: taking
		// one stops nothing, but costs a walk of the profile's records.
		if live > h.peak+h.peak/20 {
			h.peak = live
			h.profile.Reset()
			if err := pprof.Lookup("heap").WriteTo(&h.profile, 0); err != nil {
				h.profile.Reset()
			}
		}
	}
}

// stop ends the watch and writes the peak's profile, or, when the build
// ended before the first look, the profile as it is then.
func (h *heapPeakProfiler) stop() error {
	close(h.done)
	h.wg.Wait()
	if h.profile.Len() == 0 {
		if err := pprof.Lookup("heap").WriteTo(&h.profile, 0); err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
	}
	if err := os.WriteFile(h.file, h.profile.Bytes(), 0o644); err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	return nil
}
