package whatlanggo

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

type trigram struct {
	trigram string
	count   int
}

// convert punctuations and digits to space.
func toTrigramChar(ch rune) rune {
	if isStopChar(ch) {
		return ' '
	}
	return ch
}

// getTrigramsWithPositions returns the rank of each trigram of text: 0 for
// the most frequent, ties broken by trigram in descending order.
func getTrigramsWithPositions(text string) map[string]int {
	counterMap := count(text)
	trigrams := make([]trigram, 0, len(counterMap))
	for tg, n := range counterMap {
		trigrams = append(trigrams, trigram{string(tg[:]), n})
	}

	// Trigrams are distinct, so this order is total and the same as the
	// upstream stable sort by ascending (count, trigram) read backwards.
	slices.SortFunc(trigrams, func(a, b trigram) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return strings.Compare(b.trigram, a.trigram)
	})

	trigramsWithPositions := make(map[string]int, len(trigrams))
	for i, t := range trigrams {
		trigramsWithPositions[t.trigram] = i
	}
	return trigramsWithPositions
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
