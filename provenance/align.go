package provenance

import "sort"

// run is a passage shared by two texts: tokens [a0,a1) of A match tokens
// [b0,b1) of B.
type run struct{ a0, a1, b0, b1 int }

// reuseAlignment is the result of aligning two texts of one language.
type reuseAlignment struct {
	runs       []run // passages, in the order of A
	coveredA   int   // tokens of A inside passages
	coveredB   int
	tokA, tokB int
	unquotedA  int // tokens of A inside passages and outside quotations
}

// Thresholds of a reuse link.
const (
	minRunTokens    = 8   // a shared passage is at least this many words
	minSharedTokens = 25  // words shared by the two texts, boilerplate excluded
	minShare        = 0.2 // of one of the texts, unless minSharedLong words are shared
	minSharedLong   = 80  //
	minShareSameOut = 0.5 // two articles of one outlet must share half of one of them
	maxPositions    = 16  // positions kept per shingle hash (repeated phrases)
	mergeGap        = 4   // passages closer than this in both texts are merged as evidence
)

// alignReuse finds the passages shared by ta and tb. Passages that contain
// a boilerplate fingerprint are ignored.
func alignReuse(ta, tb []token, boiler map[uint64]bool) reuseAlignment {
	al := reuseAlignment{tokA: len(ta), tokB: len(tb)}
	ha, hb := shingles(ta), shingles(tb)
	if len(ha) == 0 || len(hb) == 0 {
		return al
	}
	selB := make([]bool, len(hb))
	if len(boiler) > 0 {
		for _, p := range winnow(hb, winnowW) {
			selB[p] = true
		}
	}
	pos := make(map[uint64][]int, len(ha))
	for i, h := range ha {
		if len(pos[h]) < maxPositions {
			pos[h] = append(pos[h], i)
		}
	}
	// Extend matches along diagonals (i - j constant).
	type diag struct{ startJ, lastJ int }
	var found []run
	cur := map[int]*diag{}
	flush := func(d int, r *diag) {
		n := r.lastJ - r.startJ + 1
		found = append(found, run{a0: r.startJ + d, a1: r.startJ + d + n + shingleK - 1, b0: r.startJ, b1: r.startJ + n + shingleK - 1})
	}
	for j, h := range hb {
		for _, i := range pos[h] {
			d := i - j
			if r, ok := cur[d]; ok && r.lastJ == j-1 {
				r.lastJ = j
				continue
			} else if ok {
				flush(d, r)
			}
			cur[d] = &diag{startJ: j, lastJ: j}
		}
	}
	for d, r := range cur {
		flush(d, r)
	}
	// Longest passages first, each word used once on each side.
	sort.Slice(found, func(x, y int) bool {
		lx, ly := found[x].a1-found[x].a0, found[y].a1-found[y].a0
		if lx != ly {
			return lx > ly
		}
		if found[x].a0 != found[y].a0 {
			return found[x].a0 < found[y].a0
		}
		return found[x].b0 < found[y].b0
	})
	usedA := make([]bool, len(ta))
	usedB := make([]bool, len(tb))
	for _, r := range found {
		// Trim the parts already used, then keep what remains if long.
		for r.a0 < r.a1 && (usedA[r.a0] || usedB[r.b0]) {
			r.a0++
			r.b0++
		}
		for r.a1 > r.a0 && (usedA[r.a1-1] || usedB[r.b1-1]) {
			r.a1--
			r.b1--
		}
		if r.a1-r.a0 < minRunTokens || overlaps(usedA, r.a0, r.a1) || overlaps(usedB, r.b0, r.b1) {
			continue
		}
		if boilerRun(hb, selB, r, boiler) {
			continue
		}
		for i := r.a0; i < r.a1; i++ {
			usedA[i] = true
		}
		for i := r.b0; i < r.b1; i++ {
			usedB[i] = true
		}
		al.runs = append(al.runs, r)
		al.coveredA += r.a1 - r.a0
		al.coveredB += r.b1 - r.b0
		for i := r.a0; i < r.a1; i++ {
			if !ta[i].quoted {
				al.unquotedA++
			}
		}
	}
	sort.Slice(al.runs, func(x, y int) bool { return al.runs[x].a0 < al.runs[y].a0 })
	return al
}

func overlaps(used []bool, s, e int) bool {
	for i := s; i < e; i++ {
		if used[i] {
			return true
		}
	}
	return false
}

// boilerRun reports whether a passage is boilerplate: most of the
// fingerprints of B inside it (selB marks them) are boilerplate. A
// passage that merely contains a stock phrase is kept.
func boilerRun(hb []uint64, selB []bool, r run, boiler map[uint64]bool) bool {
	if len(boiler) == 0 {
		return false
	}
	nb, ng := 0, 0
	for i := r.b0; i+shingleK <= r.b1 && i < len(hb); i++ {
		if !selB[i] {
			continue
		}
		if boiler[hb[i]] {
			nb++
		} else {
			ng++
		}
	}
	return nb > 0 && nb >= ng
}

// shareA is the share of A's words found in B.
func (al reuseAlignment) shareA() float64 {
	if al.tokA == 0 {
		return 0
	}
	return float64(al.coveredA) / float64(al.tokA)
}

// shareB is the share of B's words found in A.
func (al reuseAlignment) shareB() float64 {
	if al.tokB == 0 {
		return 0
	}
	return float64(al.coveredB) / float64(al.tokB)
}

// isReuse reports whether the texts share enough non-boilerplate text to
// be linked; sameOutlet asks for more.
func (al reuseAlignment) isReuse(sameOutlet bool) bool {
	// Shared quotations alone are not reuse: reports of one event quote
	// the same statement.
	if al.unquotedA < minSharedTokens {
		return false
	}
	best := al.shareA()
	if s := al.shareB(); s > best {
		best = s
	}
	if sameOutlet {
		return best >= minShareSameOut
	}
	return best >= minShare || al.unquotedA >= minSharedLong
}

// passages merges the runs that follow each other closely in both texts
// into passages of evidence, in the order of A.
func (al reuseAlignment) passages() []run {
	var out []run
	for _, r := range al.runs {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if r.a0 >= p.a1 && r.a0-p.a1 <= mergeGap && r.b0 >= p.b1 && r.b0-p.b1 <= mergeGap {
				p.a1, p.b1 = r.a1, r.b1
				continue
			}
		}
		out = append(out, r)
	}
	return out
}
