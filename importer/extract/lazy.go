package extract

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles its expression on first use, so that programs that
// link this package but never read a page (a search) do not pay for it at
// start-up.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

func newLazy(src string) *lazyRegexp { return &lazyRegexp{src: src} }

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}
