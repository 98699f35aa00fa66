package provenance

import (
	"cmp"
	"slices"
	"sync"
)

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
	return alignReuseTo(ta, newReuseSide(tb, boiler), boiler)
}

// reuseSide is the text B of reuse alignments prepared once for all the
// texts A it is aligned with: its shingle hashes and, when there is
// boilerplate, which of them are its winnowed fingerprints.
type reuseSide struct {
	toks []token
	h    []uint64
	sel  []bool
}

func newReuseSide(tb []token, boiler map[uint64]bool) *reuseSide {
	b := &reuseSide{toks: tb, h: shingles(tb)}
	b.sel = make([]bool, len(b.h))
	if len(boiler) > 0 && len(b.h) > 0 {
		for _, p := range winnow(b.h, winnowW) {
			b.sel[p] = true
		}
	}
	return b
}

// positions finds the first maxPositions positions of each shingle hash
// of a text: an open-addressing table of the hashes, each with a list of
// its positions (in no particular order).
type positions struct {
	mask  int
	keys  []uint64
	heads []int32 // per slot: 1 + the last position added, 0 for an empty slot
	count []uint8
	next  []int32 // per position: 1 + the previous position of its hash, 0 at the end
}

// reset makes p the positions of h, reusing its memory.
func (p *positions) reset(h []uint64) {
	size := 16
	for size < 2*len(h) {
		size *= 2
	}
	p.mask = size - 1
	p.keys = grow(p.keys, size)
	p.heads = grow(p.heads, size)
	p.count = grow(p.count, size)
	p.next = grow(p.next, len(h))
	clear(p.heads) // keys, count and next are set before they are read
	for i, x := range h {
		k := p.slot(x)
		if p.heads[k] == 0 {
			p.keys[k] = x
			p.count[k] = 0
		} else if p.count[k] >= maxPositions {
			continue
		}
		p.next[i] = p.heads[k]
		p.heads[k] = int32(i + 1)
		p.count[k]++
	}
}

// grow returns s with length n, reusing its array when large enough. The
// elements are not cleared.
func grow[E any](s []E, n int) []E {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]E, n)
}

// reuseScratch holds the working memory of an alignment, kept in
// reuseScratches for the next one: a text is aligned with up to
// MaxCandidates others per article linked.
type reuseScratch struct {
	pos          positions
	start, last  []int32
	found        []run
	usedA, usedB []bool
}

var reuseScratches = sync.Pool{New: func() any { return new(reuseScratch) }}

// slot returns the slot of x: the one that holds it, or the empty one
// where it goes.
func (p *positions) slot(x uint64) int {
	k := int(mix(x)) & p.mask
	for p.heads[k] != 0 && p.keys[k] != x {
		k = (k + 1) & p.mask
	}
	return k
}

// alignReuseTo aligns ta with a prepared text B.
func alignReuseTo(ta []token, b *reuseSide, boiler map[uint64]bool) reuseAlignment {
	tb, hb, selB := b.toks, b.h, b.sel
	al := reuseAlignment{tokA: len(ta), tokB: len(tb)}
	ha := shingles(ta)
	if len(ha) == 0 || len(hb) == 0 {
		return al
	}
	sc := reuseScratches.Get().(*reuseScratch)
	defer reuseScratches.Put(sc)
	pos := &sc.pos
	pos.reset(ha)
	// Extend matches along diagonals (i - j constant): diagonal d is
	// entry d+len(hb), its run open when last >= 0.
	found := sc.found[:0]
	off := len(hb)
	start := grow(sc.start, len(ha)+len(hb)+1)
	last := grow(sc.last, len(ha)+len(hb)+1)
	for k := range last {
		last[k] = -1
	}
	flush := func(d, startJ, lastJ int) {
		n := lastJ - startJ + 1
		found = append(found, run{a0: startJ + d, a1: startJ + d + n + shingleK - 1, b0: startJ, b1: startJ + n + shingleK - 1})
	}
	for j, h := range hb {
		k := pos.slot(h)
		if pos.heads[k] == 0 {
			continue
		}
		for q := pos.heads[k]; q != 0; q = pos.next[q-1] {
			i := int(q - 1)
			d := i - j
			if l := last[d+off]; l >= 0 && int(l) == j-1 {
				last[d+off] = int32(j)
				continue
			} else if l >= 0 {
				flush(d, int(start[d+off]), int(l))
			}
			start[d+off], last[d+off] = int32(j), int32(j)
		}
	}
	for k, l := range last {
		if l >= 0 {
			flush(k-off, int(start[k]), int(l))
		}
	}
	// Longest passages first, each word used once on each side.
	// (Two runs of one diagonal do not overlap, so no two runs tie.)
	slices.SortFunc(found, func(x, y run) int {
		if lx, ly := x.a1-x.a0, y.a1-y.a0; lx != ly {
			return cmp.Compare(ly, lx)
		}
		if x.a0 != y.a0 {
			return cmp.Compare(x.a0, y.a0)
		}
		return cmp.Compare(x.b0, y.b0)
	})
	sc.found, sc.start, sc.last = found, start, last
	usedA := grow(sc.usedA, len(ta))
	usedB := grow(sc.usedB, len(tb))
	clear(usedA)
	clear(usedB)
	sc.usedA, sc.usedB = usedA, usedB
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
	slices.SortFunc(al.runs, byA0) // the runs do not overlap in A
	return al
}

// byA0 orders runs by their start in A.
func byA0(x, y run) int { return cmp.Compare(x.a0, y.a0) }

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
