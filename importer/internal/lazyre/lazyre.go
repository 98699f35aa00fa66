// Package lazyre holds regular expressions that are compiled on first use,
// so that programs linking the importer but never parsing (a search) do not
// pay for compiling them at start-up.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is an expression compiled the first time Get is called.
type Regexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// New returns an expression compiled on first use; Get panics then if src
// is not valid, as regexp.MustCompile would at start-up.
func New(src string) *Regexp { return &Regexp{src: src} }

// Get returns the compiled expression.
func (l *Regexp) Get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}
