package gen

import (
	"slices"

	"github.com/wiretrace/wiretrace"
)

// Pair is an unordered pair of article IDs, A < B.
type Pair struct{ A, B int64 }

// MakePair orders two IDs into a Pair.
func MakePair(x, y int64) Pair {
	if x > y {
		x, y = y, x
	}
	return Pair{x, y}
}

// stories returns the dispatches whose text an article carries: its own
// for a dispatch, those it was made from for a copy, translation or merge,
// none for an article written independently.
func (t *Truth) stories() []int64 {
	switch t.Kind {
	case KindDispatch:
		return []int64{t.ID}
	case KindCopy, KindTranslation, KindMerge:
		if len(t.From) == 0 && t.Story < 0 {
			return []int64{t.Story} // a dispatch not in the corpus
		}
		return t.From
	}
	return nil
}

// ShareText reports whether two articles carry text of a common dispatch,
// directly or through it (two copies of one dispatch share text). Articles
// on the same event written independently do not.
func ShareText(a, b *Truth) bool {
	for _, s := range a.stories() {
		if slices.Contains(b.stories(), s) {
			return true
		}
	}
	return false
}

// ExpectedLinks returns the links the truth implies: each copy, merge or
// translation with every dispatch it was made from, with the link kind
// (wiretrace.LinkReuse or wiretrace.LinkTranslation). truth must be indexed by
// ID-1, as All yields it.
func ExpectedLinks(truth []Truth) map[Pair]string {
	out := map[Pair]string{}
	for i := range truth {
		t := &truth[i]
		for _, f := range t.From {
			kind := wiretrace.LinkReuse
			if truth[f-1].Language != t.Language {
				kind = wiretrace.LinkTranslation
			}
			out[MakePair(f, t.ID)] = kind
		}
	}
	return out
}

// Scores compare the links a provenance engine found with the truth.
type Scores struct {
	Found int // links found
	// Correct is how many found links join articles that share text.
	Correct int
	// Precision is Correct / Found.
	Precision float64
	// Expected is the number of links ExpectedLinks gives; Recalled is how
	// many of them were found.
	Expected, Recalled int
	// Recall is Recalled / Expected.
	Recall float64
	// StoryRecall is the share of copies, merges and translations linked
	// to at least one article that shares their text (the dispatch or
	// another copy), for engines that link copies to each other.
	StoryRecall float64
	// FalseSameEvent counts found links between articles on the same
	// event that share no text: the hardest false positives.
	FalseSameEvent int
}

// Score compares found links (unordered pairs of IDs) with the truth,
// indexed by ID-1. Pairs with an ID outside the truth count as wrong.
func Score(truth []Truth, found []Pair) Scores {
	var s Scores
	exp := ExpectedLinks(truth)
	s.Expected = len(exp)
	seen := map[Pair]bool{}
	linked := map[int64]bool{}
	valid := func(id int64) bool { return id >= 1 && id <= int64(len(truth)) }
	for _, p := range found {
		p = MakePair(p.A, p.B)
		if seen[p] || p.A == p.B {
			continue
		}
		seen[p] = true
		s.Found++
		if !valid(p.A) || !valid(p.B) {
			continue
		}
		a, b := &truth[p.A-1], &truth[p.B-1]
		if ShareText(a, b) {
			s.Correct++
			linked[p.A], linked[p.B] = true, true
		} else if a.Event == b.Event {
			s.FalseSameEvent++
		}
		if _, ok := exp[p]; ok {
			s.Recalled++
		}
	}
	derived := 0
	storyLinked := 0
	for i := range truth {
		if len(truth[i].From) > 0 {
			derived++
			if linked[truth[i].ID] {
				storyLinked++
			}
		}
	}
	if s.Found > 0 {
		s.Precision = float64(s.Correct) / float64(s.Found)
	}
	if s.Expected > 0 {
		s.Recall = float64(s.Recalled) / float64(s.Expected)
	}
	if derived > 0 {
		s.StoryRecall = float64(storyLinked) / float64(derived)
	}
	return s
}
