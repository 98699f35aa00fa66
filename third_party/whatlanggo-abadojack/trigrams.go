package whatlanggo

import (
	"cmp"
	"reflect"
	"slices"
	"sync"
	"unicode"
)

// convert punctuations and digits to space.
func toTrigramChar(ch rune) rune {
	if isStopChar(ch) {
		return ' '
	}
	return ch
}

// trigram is a trigram of a text and how often the text has it. Its key
// packs the three runes, 21 bits each (Unicode needs 21), first rune
// highest: keys compare as the rune triples do, lexicographically.
type trigram struct {
	key   uint64
	count int
}

// trigramKey packs three runes into a trigram key.
func trigramKey(r1, r2, r3 rune) uint64 {
	return uint64(r1)<<42 | uint64(r2)<<21 | uint64(r3)
}

// trigramRunes unpacks a trigram key.
func trigramRunes(k uint64) [3]rune {
	const m = 1<<21 - 1
	return [3]rune{rune(k >> 42), rune(k >> 21 & m), rune(k & m)}
}

// rankTrigrams sorts the trigrams of a text most frequent first, ties in
// descending trigram order, and returns them: the rank of each is its
// index. (Wiretrace patch: the order of upstream's stable sort by
// ascending (count, trigram), read backwards; trigrams are distinct, so
// the order is total, and comparing runes orders as comparing their UTF-8
// strings does.)
func rankTrigrams(trigrams []trigram) []trigram {
	slices.SortFunc(trigrams, func(a, b trigram) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(b.key, a.key)
	})
	return trigrams
}

// getTrigramsWithPositions returns the rank of each trigram of text (see
// rankTrigrams).
func getTrigramsWithPositions(text string) map[string]int {
	ranked := rankTrigrams(count(text))
	positions := make(map[string]int, len(ranked))
	for i, t := range ranked {
		rs := trigramRunes(t.key)
		positions[string(rs[:])] = i
	}
	return positions
}

// posting is one trigram of a language profile: the language and the
// trigram's index in the profile.
type posting struct {
	lang Lang
	pos  int
}

// indexes holds the inverted index of each profile list, by the list's
// map pointer: the lists are built once (sync.OnceValue) and never change.
var indexes sync.Map // unsafe.Pointer -> map[uint64][]posting

// indexOf returns, for each trigram key of the profiles of list, where it
// occurs. Profile entries that are not three runes long match no text
// trigram and are left out.
func indexOf(list langProfileList) map[uint64][]posting {
	key := reflect.ValueOf(list).UnsafePointer()
	if idx, ok := indexes.Load(key); ok {
		return idx.(map[uint64][]posting)
	}
	idx := map[uint64][]posting{}
	for lang, trigrams := range list {
		for i, tg := range trigrams {
			rs := []rune(tg)
			if len(rs) != 3 {
				continue
			}
			k := trigramKey(rs[0], rs[1], rs[2])
			idx[k] = append(idx[k], posting{lang, i})
		}
	}
	actual, _ := indexes.LoadOrStore(key, idx)
	return actual.(map[uint64][]posting)
}

// keysPool holds buffers for count's trigram keys.
var keysPool = sync.Pool{New: func() any { return new([]uint64) }}

// count returns the distinct trigrams of lowercased text with how often
// each occurs, in ascending key order. (Wiretrace patch: the keys are
// sorted and runs counted instead of counting in a map.)
func count(text string) []trigram {
	// (Wiretrace: the keys go in a buffer used again; they were 3.6% of
	// the bytes an import of generated pages allocated.)
	buf := keysPool.Get().(*[]uint64)
	keys := (*buf)[:0]
	defer func() {
		if cap(keys) <= 1<<16 { // a long text's buffer is not kept
			*buf = keys[:0]
			keysPool.Put(buf)
		}
	}()
	r1, r2 := ' ', rune(-1)
	add := func(r3 rune) {
		if r2 >= 0 && !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			keys = append(keys, trigramKey(r1, r2, r3))
		}
		if r2 >= 0 {
			r1 = r2
		}
		r2 = r3
	}
	for _, r := range text {
		add(unicode.ToLower(toTrigramChar(r)))
	}
	add(' ')
	slices.Sort(keys)
	distinct := 0
	for i, k := range keys {
		if i == 0 || k != keys[i-1] {
			distinct++
		}
	}
	out := make([]trigram, 0, distinct)
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			out[len(out)-1].count++
		} else {
			out = append(out, trigram{k, 1})
		}
	}
	return out
}
