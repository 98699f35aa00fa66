package provenance

import "strings"

// Names match with one consonant more or less (Erdoğan, whose ğ is
// silent, and Эрдоган; Токаевым and Tokayev), or with up to maxSuffix
// consonants of endings glued to one of them (Kazakh Тоқаевтың, Korean
// and Turkish suffixes), when the shorter has minFuzzyName-1 consonants
// or more, and weigh fuzzyWeight of an exact match.
const (
	minFuzzyName = 4
	maxSuffix    = 3
	fuzzyWeight  = 0.7
	fuzzyMark    = '\x01'
	suffixMark   = '\x02'
)

// oneConsonantApart reports whether the name skeletons a and b differ by
// one consonant more or less, as fuzzyNames finds them.
func oneConsonantApart(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) >= minFuzzyName-1 && len(b) > len(a) && len(b)-len(a) <= maxSuffix && strings.HasPrefix(b, a) {
		return true
	}
	if len(b) != len(a)+1 || len(b) < minFuzzyName {
		return false
	}
	for d := range len(b) {
		if b[:d] == a[:d] && b[d+1:] == a[d:] {
			return true
		}
	}
	return false
}

// anchorRecall returns the mean, over the sentences of one text in the
// pairs (as given by which) that share a name or number with their
// counterpart, of the share of their names and numbers found in it. A translation carries
// every name and number of a sentence into its counterpart; a report of
// the same event written apart shares most names and numbers, and
// sentences in the same order, but not sentence by sentence.
func anchorRecall(pairs []sentencePair, own, other [][]anchor, which func(sentencePair) (int, int)) float64 {
	sum, n := 0.0, 0
	for _, p := range pairs {
		i, j := which(p)
		// Pairs aligned on quotations or common words alone, or filled
		// in, say nothing of which names were carried over.
		have, found := 0, 0
		for _, x := range own[i] {
			if x.cognate || x.key == quoteAnchor {
				continue
			}
			have++
			for _, y := range other[j] {
				if x.key == y.key || x.name && y.name && oneConsonantApart(x.key, y.key) {
					found++
					break
				}
			}
		}
		if found > 0 {
			sum += float64(found) / float64(have)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// fuzzyNames calls f with the sentences of whereB that hold a name within
// one consonant of the name x (but not x itself).
func fuzzyNames(whereB sideIndex, x anchor, buf []byte, f func(j int32)) []byte {
	if !x.name || len(x.key) < minFuzzyName-1 {
		return buf
	}
	buf = append(append(buf[:0], fuzzyMark), x.key...)
	for _, j := range whereB[string(buf)] {
		f(j)
	}
	buf = append(append(buf[:0], suffixMark), x.key...)
	for _, j := range whereB[string(buf)] {
		f(j)
	}
	if len(x.key) < minFuzzyName {
		return buf
	}
	for p := max(minFuzzyName-1, len(x.key)-maxSuffix); p < len(x.key)-1; p++ {
		for _, j := range whereB[x.key[:p]] {
			f(j)
		}
	}
	for d := range len(x.key) {
		buf = append(append(buf[:0], x.key[:d]...), x.key[d+1:]...)
		for _, j := range whereB[string(buf)] {
			f(j)
		}
	}
	return buf
}
