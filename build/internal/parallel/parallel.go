// Package parallel runs the pipeline's per-page work on all cores.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls work for every index in [0, n) on GOMAXPROCS goroutines.
// newWorker is called once per goroutine, so each worker can keep its own
// scratch buffers; it returns the function that handles one index.
func Each(n int, newWorker func() func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(i)
			}
		}()
	}
	wg.Wait()
}
