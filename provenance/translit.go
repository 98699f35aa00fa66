package provenance

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// soundReplacer merges German and French spellings of the same sounds.
var soundReplacer = strings.NewReplacer("tsch", "ch", "sch", "sh", "ph", "f", "ou", "u")

// skeleton reduces a name to a form that survives transliteration: folded,
// Cyrillic transliterated, then its first letter and the following
// consonants, with similar sounds merged (c/q/k, z/s, w/v) and repeats
// collapsed.
func skeleton(w string) string {
	var lat strings.Builder
	for _, r := range foldWord(w) {
		if t, ok := cyrillic[r]; ok {
			lat.WriteString(t)
			continue
		}
		lat.WriteRune(r)
	}
	// German and French spellings of the same sounds.
	l := soundReplacer.Replace(lat.String())
	l = strings.TrimSuffix(l, "w")
	if !strings.HasSuffix(l, "o") && strings.HasSuffix(lat.String(), "w") {
		l += "w" // only "-ow" (Moscow) loses its w; Tokajew keeps it
	}
	var b strings.Builder
	var last rune
	for i, r := range l {
		switch r {
		case 'c', 'q':
			r = 'k'
		case 'z':
			r = 's'
		case 'w':
			r = 'v'
		case 'x':
			r = 'k'
		}
		if i > 0 && strings.ContainsRune("aeiouyjh", r) {
			continue
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// latin folds and transliterates a normalised word to Latin letters.
func latin(w string) string {
	if w == "" || w[0] < utf8.RuneSelf {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		if t, ok := cyrillic[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nameSkeleton is the skeleton of a name, made when first needed.
type nameSkeleton struct {
	made bool
	skel string
}

// of returns the skeleton of name.
func (n *nameSkeleton) of(name string) string {
	if !n.made {
		n.skel, n.made = skeletons.of(name), true
	}
	return n.skel
}

// skeletonCache keeps the skeletons of the names met, for all texts: the
// names of a story recur in every copy and translation of it, and making
// a skeleton took a fifth of the time of preparing a text's anchors. It is
// safe for concurrent use.
type skeletonCache struct {
	mu sync.Mutex
	m  map[string]string
}

// maxSkeletons bounds the names a skeletonCache keeps (a few MB); when
// full it starts over.
const maxSkeletons = 1 << 16

var skeletons = &skeletonCache{m: map[string]string{}}

// of returns skeleton(name).
func (c *skeletonCache) of(name string) string {
	c.mu.Lock()
	sk, ok := c.m[name]
	c.mu.Unlock()
	if ok {
		return sk
	}
	sk = skeleton(name)
	c.mu.Lock()
	if len(c.m) >= maxSkeletons {
		clear(c.m)
	}
	// A copy: name may point into a whole text.
	c.m[strings.Clone(name)] = sk
	c.mu.Unlock()
	return sk
}
