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

type trigram struct {
	key   [3]rune
	count int
}

// rankTrigrams returns the trigrams of counts most frequent first, ties in
// descending trigram order: the rank of each is its index. (Wiretrace
// patch: the order of upstream's stable sort by ascending (count,
// trigram), read backwards; trigrams are distinct, so the order is total,
// and comparing runes orders as comparing their UTF-8 strings does.)
func rankTrigrams(counts map[[3]rune]int) []trigram {
	trigrams := make([]trigram, 0, len(counts))
	for tg, n := range counts {
		trigrams = append(trigrams, trigram{tg, n})
	}
	slices.SortFunc(trigrams, func(a, b trigram) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return slices.Compare(b.key[:], a.key[:])
	})
	return trigrams
}

// getTrigramsWithPositions returns the rank of each trigram of text (see
// rankTrigrams).
func getTrigramsWithPositions(text string) map[string]int {
	ranked := rankTrigrams(count(text))
	positions := make(map[string]int, len(ranked))
	for i, t := range ranked {
		positions[string(t.key[:])] = i
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
var indexes sync.Map // unsafe.Pointer -> map[[3]rune][]posting

// indexOf returns, for each trigram of the profiles of list, where it
// occurs. Profile entries that are not three runes long match no text
// trigram and are left out.
func indexOf(list langProfileList) map[[3]rune][]posting {
	key := reflect.ValueOf(list).UnsafePointer()
	if idx, ok := indexes.Load(key); ok {
		return idx.(map[[3]rune][]posting)
	}
	idx := map[[3]rune][]posting{}
	for lang, trigrams := range list {
		for i, tg := range trigrams {
			rs := []rune(tg)
			if len(rs) != 3 {
				continue
			}
			k := [3]rune{rs[0], rs[1], rs[2]}
			idx[k] = append(idx[k], posting{lang, i})
		}
	}
	actual, _ := indexes.LoadOrStore(key, idx)
	return actual.(map[[3]rune][]posting)
}

// count returns how often each trigram of lowercased text occurs.
func count(text string) map[[3]rune]int {
	var r1, r2, r3 rune
	trigrams := map[[3]rune]int{}
	txt := make([]rune, 0, len(text)+1)

	for _, r := range text {
		txt = append(txt, unicode.ToLower(toTrigramChar(r)))
	}
	txt = append(txt, ' ')

	r1 = ' '
	r2 = txt[0]
	for i := 1; i < len(txt); i++ {
		r3 = txt[i]
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			trigrams[[3]rune{r1, r2, r3}]++
		}
		r1 = r2
		r2 = r3
	}

	return trigrams
}
