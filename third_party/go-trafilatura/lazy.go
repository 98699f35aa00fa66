package trafilatura

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles pattern on its first call and
// returns the same regexp on every call (Wiretrace patch: compiling every
// pattern of the package at process start cost ~0.5 ms in every run).
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
