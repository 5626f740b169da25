package serve

import (
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"handbook/build/output"
	"handbook/build/preview"
)

// indexer writes the search index behind the rebuilds. Writing the whole
// index takes far longer than rendering an edited page, and the index
// stage cannot yet update part of an index, so a rebuild never waits
// for it: once rebuilds pause for a moment, the indexer copies what it
// reads of the pages, writes a new index beside the served one and swaps
// it in whole. A rebuild that begins meanwhile makes it give up and
// start over at the next pause, so the index follows the last edit and
// never slows the next one down.
type indexer struct {
	rb *rebuilder
	// delay is how long rebuilds must pause before indexing starts.
	delay time.Duration
	logf  func(format string, args ...any)
	// written is called with the rebuild generation of each index
	// swapped in (tests wait on it).
	written func(generation uint64)

	wake   chan struct{}
	done   chan struct{}
	wg     sync.WaitGroup
	served atomic.Pointer[output.Memory]
}

func newIndexer(rb *rebuilder, delay time.Duration, logf func(string, ...any), written func(uint64)) *indexer {
	ix := &indexer{rb: rb, delay: delay, logf: logf, written: written,
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	ix.wg.Add(1)
	go ix.run()
	return ix
}

// index returns the search index being served; nil before the first.
func (ix *indexer) index() *output.Memory { return ix.served.Load() }

// poke tells the indexer the site changed.
func (ix *indexer) poke() {
	select {
	case ix.wake <- struct{}{}:
	default: // already told
	}
}

func (ix *indexer) close() {
	close(ix.done)
	ix.wg.Wait()
}

func (ix *indexer) run() {
	defer ix.wg.Done()
	for {
		select {
		case <-ix.wake:
		case <-ix.done:
			return
		}
		if !ix.pause() {
			return
		}
		if !ix.refresh() {
			ix.poke() // out of date before it was done: again, later
		}
	}
}

// pause waits until no rebuild has been reported for delay; false when
// the indexer is closing.
func (ix *indexer) pause() bool {
	timer := time.NewTimer(ix.delay)
	defer timer.Stop()
	for {
		select {
		case <-ix.wake:
			timer.Reset(ix.delay)
		case <-timer.C:
			return true
		case <-ix.done:
			return false
		}
	}
}

// refresh writes the index of the pages as they are and swaps it in; false
// when a rebuild began before it was done.
func (ix *indexer) refresh() bool {
	rb := ix.rb
	rb.mu.Lock()
	generation := rb.generation.Load()
	var in *preview.SearchInput
	if rb.live != nil && rb.live.Site != nil {
		in = rb.live.SearchInput()
	}
	rb.mu.Unlock()
	if in == nil {
		ix.served.Store(nil)
		return true
	}
	files := output.NewMemory()
	err := in.Write(files, func() bool {
		select {
		case <-ix.done:
			return true
		default:
			return rb.generation.Load() != generation
		}
	})
	if errors.Is(err, preview.ErrStopped) {
		return false
	}
	if err != nil {
		ix.logf("handbook serve: writing the search index: %v", err)
		return true
	}
	ix.served.Store(files)
	ix.written(generation)
	return true
}
