// Package par runs the iterations of a loop on every core.
package par

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for every i in [0, n), on up to GOMAXPROCS goroutines,
// and returns once every call has returned.
func Each(n int, f func(i int)) {
	EachErr(n, func(i int) error { f(i); return nil })
}

// EachErr calls f(i) for every i in [0, n), on up to GOMAXPROCS
// goroutines, and returns the errors of the calls that failed, joined. A
// goroutine stops at its first error; the others go on.
func EachErr(n int, f func(i int) error) error {
	var next atomic.Int64
	errs := make([]error, min(runtime.GOMAXPROCS(0), n))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				if err := f(i); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
