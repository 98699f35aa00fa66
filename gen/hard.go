package gen

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/wiretrace/wiretrace"
)

// Hard attribution cases, as Truth.Hard names them. With Config.Hard = x,
// each agency story with at least one copy is, with probability x, made
// one of the five, each equally likely (a fifth each); a story that cannot
// be the one drawn (an unseen dispatch needs two copies, a copy of a copy
// a copy in the dispatch's language and a free outlet) is made undated
// instead. In every hard story the import order (the article IDs) is
// shuffled within the story's first 12 hours, so that "imported first"
// says nothing about who copied whom; elsewhere IDs follow publication.
const (
	// HardUndated: every copy and translation has no date; the dispatch
	// has one.
	HardUndated = "undated"
	// HardDateOnly: the dispatch and all its copies carry date-only stamps
	// (no time of day) of one day.
	HardDateOnly = "dateonly"
	// HardWrongDate: one article of the story (the dispatch 40% of the
	// time, else a copy) is stamped 2 to 30 days off, on the wrong side of
	// the others: a dispatch later than its copies, a copy before its
	// dispatch. Its Truth.DateWrong is set.
	HardWrongDate = "wrongdate"
	// HardUnseen: the dispatch is not in the corpus, only its copies
	// (two or more): all credit the agency, except, in 40% of such
	// stories, one that credits nobody. Their DerivedFrom is the agency,
	// their Story negative, their From empty.
	HardUnseen = "unseen"
	// HardCopyOfCopy: one copy (retitled, with a paragraph of its outlet's
	// own) is copied by another outlet, which takes its headline and
	// added paragraph (and sometimes drops one of the dispatch's): the
	// second copy's DerivedFrom is the first copy, its edits EditViaCopy.
	HardCopyOfCopy = "copyofcopy"
)

// HardCases lists the hard cases in the order of their codes.
var HardCases = []string{HardUndated, HardDateOnly, HardWrongDate, HardUnseen, HardCopyOfCopy}

const (
	hardNone = iota
	hardUndated
	hardDateOnly
	hardWrongDate
	hardUnseen
	hardCopyOfCopy
)

// Parent is an article's true parent: an article of the corpus, or an
// agency whose dispatch is not in it.
type Parent struct {
	Agency  string `json:"agency,omitempty"`
	Article int64  `json:"article,omitempty"`
}

// order is the slot's place in import order.
func (s slot) order() int64 {
	if s.key != 0 {
		return s.key
	}
	return s.t
}

// hardStory makes the story of the dispatch at slots[d] (its copies are
// all the slots after it) a hard case, with probability Config.Hard. It
// draws from its own stream, so the rest of the plan is what it would be
// without hard cases. hidden counts the dispatches left out of the corpus.
func (g *Generator) hardStory(slots []slot, d int32, e int32, hidden int) ([]slot, int) {
	r := g.rng(streamHard, uint64(e))
	if r.Float64() >= g.cfg.Hard || int(d)+1 >= len(slots) {
		return slots, hidden
	}
	copies := slots[d+1:]
	kind := 1 + r.IntN(len(HardCases))
	parent := -1 // a copy in the dispatch's language, for a copy of a copy
	free := -1   // an outlet of that language with no copy in the story
	if kind == hardCopyOfCopy {
		for k, c := range copies {
			if c.kind == kCopy && c.lang == slots[d].lang {
				parent = int(d) + 1 + k
				break
			}
		}
		li := int(slots[d].lang)
		for try := 0; try < 8 && free < 0 && len(g.byLang[li]) > 0; try++ {
			o := g.byLang[li][r.IntN(len(g.byLang[li]))]
			if !slices.ContainsFunc(copies, func(c slot) bool { return int(c.outlet) == o }) {
				free = o
			}
		}
	}
	switch {
	case kind == hardUnseen && len(copies) < 2, kind == hardCopyOfCopy && (parent < 0 || free < 0):
		kind = hardUndated
	}
	dt := slots[d].t
	switch kind {
	case hardUndated:
		for k := range copies {
			copies[k].undated = true
		}
	case hardDateOnly:
		dayEnd := (dt/86400 + 1) * 86400
		slots[d].undated = false
		for k := range copies {
			c := &copies[k]
			c.undated = false
			if c.t >= dayEnd {
				c.t = dt + 1 + r.Int64N(max(1, dayEnd-dt-1))
			}
		}
		for k := int(d); k < len(slots); k++ {
			slots[k].dayOnly = true
		}
	case hardWrongDate:
		days := int16(2 + r.IntN(29))
		if r.IntN(100) < 40 {
			slots[d].undated, slots[d].shift = false, days
		} else {
			c := &copies[r.IntN(len(copies))]
			c.undated, c.shift = false, -days
		}
	case hardUnseen:
		slots[d].hidden = true
		hidden++
		for k := range copies {
			copies[k].credit = 1
		}
		if r.IntN(100) < 40 {
			copies[r.IntN(len(copies))].credit = 2
		}
	case hardCopyOfCopy:
		p := &slots[parent]
		p.mark, p.undated = true, false
		t := p.t + 60 + int64(r.ExpFloat64()*6*3600)
		slots = append(slots, slot{t: t, event: e, src: d, src2: -1, outlet: int16(free), agency: -1, kind: kCopy, lang: p.lang, via: int32(parent) + 1})
	}
	for k := int(d); k < len(slots); k++ {
		slots[k].hard = uint8(kind)
		slots[k].key = dt + 1 + r.Int64N(12*3600)
	}
	return slots, hidden
}

// unhide keeps the first n articles of slots that are in the corpus,
// moves the dispatches left out of it to g.hidden and points the copies
// at their new places (src into g.hidden for a left-out dispatch).
func (g *Generator) unhide(slots []slot, n int) []slot {
	at := make([]int32, len(slots))
	out := make([]slot, 0, n)
	for i := range slots {
		if len(out) == n {
			break
		}
		if slots[i].hidden {
			at[i] = int32(len(g.hidden))
			g.hidden = append(g.hidden, slots[i])
			continue
		}
		at[i] = int32(len(out))
		out = append(out, slots[i])
	}
	for k := range out {
		s := &out[k]
		if s.src >= 0 {
			s.hsrc = slots[s.src].hidden
			s.src = at[s.src]
		}
		if s.src2 >= 0 {
			s.src2 = at[s.src2]
		}
		if s.via > 0 {
			s.via = at[s.via-1] + 1
		}
	}
	return out
}

// source returns the dispatch a copy was made from, and its slot.
func (g *Generator) source(s slot) (*dispatchText, slot) {
	if s.hsrc {
		h := g.hidden[s.src]
		return g.dispatchOf(h, 1<<40+uint64(s.src)), h
	}
	return g.dispatch(int(s.src)), g.slots[s.src]
}

// hardTruth records the hard case of slot s in its truth.
func (g *Generator) hardTruth(s slot, tr *Truth) {
	if s.hard != hardNone {
		tr.Hard = HardCases[s.hard-1]
	}
	if !s.undated {
		if s.dayOnly {
			tr.DatePrecision = "day"
		}
		tr.DateWrong = s.shift != 0
	}
}

// viaText makes the text of a copy of the copy at s.via: its headline and
// body (its outlet's boilerplate aside), with one of the dispatch's
// paragraphs dropped half the time.
func (g *Generator) viaText(r *rand.Rand, s slot, a *wiretrace.Article, tr *Truth) []string {
	p := int(s.via - 1)
	pa, ptr, nFooter := g.build(p)
	paras := strings.Split(pa.Text, "\n\n")
	paras = slices.Clone(paras[:len(paras)-nFooter])
	edits := []string{EditViaCopy}
	if r.IntN(2) == 0 && len(paras) > 4 {
		// A paragraph of the dispatch's, never the first copy's own.
		d, _ := g.source(g.slots[p])
		rd := &renderer{src: d.lang, dst: d.lang, ev: d.ev}
		var own []int
		for j := 1; j < len(paras)-1; j++ {
			for _, dp := range d.paras {
				if rd.paragraph(dp) == paras[j] {
					own = append(own, j)
					break
				}
			}
		}
		if len(own) > 1 {
			j := own[r.IntN(len(own))]
			paras = slices.Delete(paras, j, j+1)
			edits = append(edits, EditDropped)
		}
	}
	a.Title, a.Byline = pa.Title, pa.Byline
	tr.From, tr.Story = slices.Clone(ptr.From), ptr.Story
	tr.Supplier, tr.Credited = ptr.Supplier, ptr.Credited
	tr.Credits = slices.Clone(ptr.Credits)
	tr.DerivedFrom = &Parent{Article: int64(p + 1)}
	tr.Edits = edits
	return paras
}
