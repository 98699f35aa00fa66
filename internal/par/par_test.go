package par

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		counts := make([]atomic.Int32, n)
		Each(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Fatalf("n=%d: f(%d) called %d times", n, i, c)
			}
		}
	}
}

func TestEachErrReturnsTheError(t *testing.T) {
	bad := errors.New("bad 13")
	err := EachErr(100, func(i int) error {
		if i == 13 {
			return bad
		}
		return nil
	})
	if !errors.Is(err, bad) {
		t.Errorf("got %v, want %v", err, bad)
	}
	if err := EachErr(100, func(int) error { return nil }); err != nil {
		t.Errorf("no failure: got %v", err)
	}
}
