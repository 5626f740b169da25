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
	EachWith(runtime.GOMAXPROCS(0), n, newWorker)
}

// EachWith is Each with a given number of goroutines: work that mostly
// waits on system calls, such as reading files, keeps the cores busier
// with more goroutines than cores.
func EachWith(workers, n int, newWorker func() func(i int)) {
	workers = min(workers, n)
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
