package provenance

import (
	"cmp"
	"slices"
)

// Boilerplate, and an outlet's versions of one story.
//
// A fingerprint held by too many articles (Linker.MaxDF) is a stock
// phrase. A fingerprint held by Linker.OutletDF articles of one outlet
// may be that outlet's boilerplate (a footer, "Related News", a
// subscription pitch), or the text of one story that the outlet published
// several times (updates, a re-headlined version, a web and a print
// version). What tells them apart is what else the holders share with the
// article d being linked: a footer is the same passage in stories that
// share nothing else, the versions of a story also share the rest of
// their text. So the rule counts the outlet's stories that hold the
// fingerprint, not its articles: a holder that shares with d enough text
// outside the fingerprint's passage is one of d's versions, and all of
// them (with d itself) count as one story; every other holder counts as
// a story of its own. The fingerprint is boilerplate when OutletDF
// stories hold it.
//
// The passage of a fingerprint is the set of d's fingerprints that the
// same articles of the outlet hold: the footer of d is held by every
// article of the outlet that carries it, and by no other, whatever else
// they share. Text that is already the outlet's boilerplate does not make
// two articles versions of one story: the fingerprints are judged from
// the most widely held to the least, each level seeing the boilerplate
// found above it, so that a footer does not make the daily "Most read"
// box that follows it look like shared story text, nor the box the
// footer. Versions that are copies of each other have no text outside
// their common passage; a passage that is nearly all of what d has left
// (wholeShare), or half of it when another outlet repeats it
// (wholeShareOther: d copied the story that outlet published several
// times), is their story, not something added to it.
//
// Everything is counted from the postings the Linker already holds, so
// the rule costs a pass over them for each outlet that repeats a
// fingerprint, and it depends only on those postings: with Linker.Before,
// only on the articles up to d (see olderPostings). Anchor keys (the
// translation candidates) keep the plain count per article.
const (
	// versionFPs is how many fingerprints a holder must share with d
	// outside a passage to be one of d's versions: the winnowed
	// fingerprints of minSharedTokens = 25 words, the least text a link
	// rests on, number about 25*2/(winnowW+1), 4.5.
	versionFPs = 4
	// wholeShare: a passage of d's own outlet holding this share of d's
	// fingerprints that are not boilerplate is d's story itself. A short
	// brief under a long footer is not: 20 words above the 45 of a
	// subscription pitch leave the pitch 8 of the brief's 10
	// fingerprints.
	wholeShare = 0.9
	// wholeShareOther is wholeShare for a passage that another outlet
	// repeats: its footer is in d only when d copied one of its pages
	// whole, and is then the lesser part of the copy; a passage that is
	// half of d is a story that d and the outlet's versions of it share.
	wholeShareOther = 0.5
)

// boilerCandidate is a fingerprint that OutletDF articles of one outlet
// hold (d counted when it is the outlet's).
type boilerCandidate struct {
	fp     uint64
	outlet int32
}

// sharerOf says what boilerplate needs of an article: its outlet,
// numbered from 1 (0 for none: the article does not count), and how many
// of d's text-reuse fingerprints that are not too common it holds.
type sharerOf func(id int64) (outlet, shares int32)

// boilerplate returns the fingerprints of d that are boilerplate: those
// held by limit articles or more (too common overall), and those that
// df stories of one outlet hold (see above). fps are d's fingerprints,
// post their postings, self d's id; who tells the outlet of an article
// (up to nOutlets) and what it shares with d, own is d's outlet.
func boilerplate(fps []uint64, post map[uint64][]int64, self int64, limit int,
	who sharerOf, own int32, nOutlets, df int) map[uint64]bool {
	boiler := map[uint64]bool{}
	var cands []boilerCandidate
	per := make([]int, nOutlets+1) // articles per outlet, for one fingerprint at a time
	var counted []int32            // the outlets counted in per
	for fp, ids := range post {
		if len(ids) >= limit {
			boiler[fp] = true
			continue
		}
		for _, o := range counted {
			per[o] = 0
		}
		counted = counted[:0]
		if own != 0 {
			per[own] = 1
			counted = append(counted, own)
		}
		anchor := IsAnchorKey(fp)
		for _, id := range ids {
			if id == self {
				continue
			}
			o, _ := who(id)
			if o == 0 {
				continue
			}
			if per[o] == 0 {
				counted = append(counted, o)
			}
			if per[o]++; per[o] == df {
				if anchor {
					boiler[fp] = true
					break
				}
				// Each outlet that repeats fp is judged.
				cands = append(cands, boilerCandidate{fp, o})
			}
		}
	}
	if len(cands) == 0 {
		return boiler
	}
	slices.SortFunc(cands, func(a, b boilerCandidate) int {
		if a.outlet != b.outlet {
			return cmp.Compare(a.outlet, b.outlet)
		}
		return cmp.Compare(a.fp, b.fp)
	})
	// d's text-reuse fingerprints that are not too common: what d has
	// to share.
	live := 0
	for _, fp := range fps {
		if !IsAnchorKey(fp) && len(post[fp]) < limit {
			live++
		}
	}
	s := outletStories{post: post, self: self, who: who}
	for i := 0; i < len(cands); {
		j := i
		for j < len(cands) && cands[j].outlet == cands[i].outlet {
			j++
		}
		s.outlet = cands[i].outlet
		for _, fp := range s.boilerplate(cands[i:j], live, own == s.outlet, df) {
			boiler[fp] = true
		}
		i = j
	}
	return boiler
}

// outletStories counts, for one outlet, the stories that hold each of
// d's fingerprints.
type outletStories struct {
	post   map[uint64][]int64
	self   int64
	outlet int32
	who    sharerOf
}

// boilerplate returns the candidates (fingerprints df articles of the
// outlet hold) that df of its stories hold. live is the number of d's
// text-reuse fingerprints that are not too common, mine whether d is the
// outlet's.
func (s *outletStories) boilerplate(cands []boilerCandidate, live int, mine bool, df int) []uint64 {
	// The passage of each candidate: the outlet's articles that hold it
	// (d aside), what each shares with d, a hash of their ids; and how
	// many candidates each passage has. (A fingerprint held by the same
	// articles as a candidate is a candidate too.)
	type passage struct {
		fp     uint64
		key    uint64
		s, e   int // its holders: ids[s:e], shares[s:e]
		holder int // e - s
	}
	var ids []int64
	var shares []int32
	ps := make([]passage, len(cands))
	size := map[uint64]int32{}
	for i, c := range cands {
		p := passage{fp: c.fp, key: 14695981039346656037, s: len(ids)}
		for _, id := range s.post[c.fp] {
			if id == s.self {
				continue
			}
			if o, n := s.who(id); o == s.outlet {
				ids, shares = append(ids, id), append(shares, n)
				p.key = mix(p.key ^ uint64(id))
			}
		}
		p.e = len(ids)
		p.holder = p.e - p.s
		ps[i] = p
		size[p.key]++
	}
	share := wholeShare
	if !mine {
		share = wholeShareOther
	}
	gone := map[int64]int32{} // per holder: the boilerplate found among what it shares
	// From the most widely held to the least, a level at a time, so that
	// no decision depends on the order of a map (cands come sorted).
	slices.SortStableFunc(ps, func(a, b passage) int { return cmp.Compare(b.holder, a.holder) })
	var out []uint64
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].holder == ps[i].holder {
			j++
		}
		found := len(out)
		for _, p := range ps[i:j] {
			cls := size[p.key]
			whole := float64(cls) >= share*float64(live)
			story, others := mine, 0
			for k := p.s; k < p.e; k++ {
				if whole || shares[k]-gone[ids[k]]-cls >= versionFPs {
					story = true
				} else {
					others++
				}
			}
			if story {
				others++
			}
			if others >= df {
				out = append(out, p.fp)
			}
		}
		for _, p := range ps[i:j] {
			if !slices.Contains(out[found:], p.fp) {
				continue
			}
			live--
			for k := p.s; k < p.e; k++ {
				gone[ids[k]]++
			}
		}
		i = j
	}
	return out
}

// boilerWords returns how many of the words toks are inside a shingle
// whose hash is boilerplate: about all the words of a footer, whose
// winnowed fingerprints are every few words.
func boilerWords(toks []token, boiler map[uint64]bool) int {
	if len(boiler) == 0 {
		return 0
	}
	n, end := 0, 0 // end: the words before it are counted
	for i, h := range shingles(toks) {
		if !boiler[h] {
			continue
		}
		n += i + shingleK - max(i, end)
		end = i + shingleK
	}
	return n
}

// isReuseBesides is isReuse for two articles of one outlet, the shares
// taken of what each has besides its boilerplate (boilA and boilB words):
// versions of one story under the outlet's footer share half of their
// text, not half of their text and footer.
func (al reuseAlignment) isReuseBesides(boilA, boilB int) bool {
	if al.unquotedA < minSharedTokens {
		return false
	}
	share := func(covered, n int) float64 {
		if n <= 0 {
			return 0
		}
		return float64(covered) / float64(n)
	}
	return max(share(al.coveredA, al.tokA-boilA), share(al.coveredB, al.tokB-boilB)) >= minShareSameOut
}
