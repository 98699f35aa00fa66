// Package provenance finds where the text of an article came from: which
// other articles share its passages (text reuse), which are translations
// of it, which way the copying went, what each copy changed, and how
// articles group into stories.
//
// It is pure code. The archive stores what it computes and answers its
// index lookups through the Index interface, so linking a new article
// costs one lookup per fingerprint and a few alignments, whatever the size
// of the archive.
package provenance

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"

	"sync"
	"sync/atomic"
	"time"

	"github.com/wiretrace/wiretrace"
)

// Doc is an article as provenance sees it.
type Doc struct {
	ID        int64
	Source    string // outlet
	Title     string
	Text      string
	Language  string // ISO 639-1, "" when unknown (then guessed from the text)
	Published time.Time
	Credits   []wiretrace.Credit
}

// Meta is what the linker needs to know of a candidate before reading it.
type Meta struct {
	Source   string
	Language string
}

// Index is the archive's side of linking: the fingerprint index and the
// articles. The archive implements it; tests use a map.
type Index interface {
	// Postings returns, for each of fps, the ids of the articles whose
	// Fingerprints hold it, at most limit ids per fingerprint (a
	// fingerprint with limit ids is held by at least that many). Missing
	// fingerprints may be absent from the map.
	Postings(ctx context.Context, fps []uint64, limit int) (map[uint64][]int64, error)
	// Meta returns the outlet and language of the given articles; unknown
	// ids may be absent from the map.
	Meta(ctx context.Context, ids []int64) (map[int64]Meta, error)
	// Doc returns an article. It returns an error wrapping ErrNotFound
	// when the article does not exist (any more).
	Doc(ctx context.Context, id int64) (Doc, error)
}

// DocsIndex is an Index that reads many articles in one lookup: the
// Linker then reads the candidates of an article together.
type DocsIndex interface {
	Index
	// Docs returns the articles with the given ids; those that do not
	// exist (any more) are absent from the map.
	Docs(ctx context.Context, ids []int64) (map[int64]Doc, error)
}

// ErrNotFound is what an Index returns (wrapped) for a missing article.
var ErrNotFound = errors.New("provenance: article not found")

// Linker links articles to their relatives in an Index.
type Linker struct {
	Index Index
	// MaxDF: a fingerprint held by more articles than this is too common
	// to be provenance (boilerplate, stock phrases). Default 100.
	MaxDF int
	// OutletDF: a fingerprint held by this many stories of one outlet is
	// that outlet's boilerplate (footers, "Related News", subscription
	// pleas); the outlet's versions of the article being linked count as
	// one story (see boiler.go). Default 3.
	OutletDF int
	// MaxCandidates bounds the articles aligned per kind of link.
	// Default 25.
	MaxCandidates int
	// Before restricts links to articles with smaller ids: set it when
	// linking a whole archive in id order, so that each pair is aligned
	// once.
	Before bool
	// Cache, when set, keeps the prepared texts of the articles read, so
	// that linking a batch of related articles prepares each candidate
	// once. Nil prepares every text afresh.
	Cache *Cache
}

func (l *Linker) maxDF() int {
	if l.MaxDF > 0 {
		return l.MaxDF
	}
	return 100
}

func (l *Linker) outletDF() int {
	if l.OutletDF > 0 {
		return l.OutletDF
	}
	return 3
}

func (l *Linker) maxCandidates() int {
	if l.MaxCandidates > 0 {
		return l.MaxCandidates
	}
	return 25
}

// LinkArticle returns the reuse and translation links between d and the
// articles of idx, with default settings. d's own fingerprints may already
// be in the index.
func LinkArticle(ctx context.Context, idx Index, d Doc) ([]wiretrace.Link, error) {
	return (&Linker{Index: idx}).Link(ctx, d)
}

type candidate struct {
	id    int64
	count int
}

// Link returns the reuse and translation links between d and the articles
// of the index, each oriented from the original to the copy.
func (l *Linker) Link(ctx context.Context, d Doc) ([]wiretrace.Link, error) {
	toks := l.Cache.tokens(d)
	lang := d.Language
	if lang == "" {
		lang = guessLanguage(d.Text)
	}
	fps := l.Cache.Fingerprints(d)
	if len(fps) == 0 {
		return nil, nil
	}
	limit := l.maxDF() + 1
	post, err := l.Index.Postings(ctx, fps, limit)
	if err != nil {
		return nil, fmt.Errorf("link article %d: postings: %w", d.ID, err)
	}
	if l.Before {
		post = olderPostings(post, d.ID)
	}
	// Only articles that share two fingerprints or more can become
	// candidates, or hold an outlet's boilerplate (a footer is many
	// fingerprints): only they need metadata. Fingerprints too common to
	// count are left out.
	// (The text-reuse fingerprints among them tell an outlet's versions
	// of d from its other stories: boiler.go.)
	type count struct{ all, reuse int32 }
	shared := make(map[int64]count, len(post))
	for fp, ids := range post {
		if len(ids) >= limit {
			continue
		}
		reuse := int32(0)
		if !IsAnchorKey(fp) {
			reuse = 1
		}
		for _, id := range ids {
			if id != d.ID {
				c := shared[id]
				shared[id] = count{c.all + 1, c.reuse + reuse}
			}
		}
	}
	ids := make([]int64, 0, len(shared))
	for id, n := range shared {
		if n.all >= 2 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	meta, err := l.Index.Meta(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("link article %d: meta: %w", d.ID, err)
	}

	// What the loops below read of each article that shares two
	// fingerprints or more: its outlet, numbered so that counting articles
	// per outlet needs no map of strings, and its language.
	type sharer struct {
		outlet int32 // 0 for none
		reuse  int32 // d's text-reuse fingerprints it holds
		lang   string
	}
	outlets := map[string]int32{}
	outletOf := func(s string) int32 {
		if s == "" {
			return 0
		}
		o, ok := outlets[s]
		if !ok {
			o = int32(len(outlets) + 1)
			outlets[s] = o
		}
		return o
	}
	own := outletOf(d.Source)
	sharers := make(map[int64]sharer, len(ids))
	for _, id := range ids {
		m := meta[id]
		sharers[id] = sharer{outlet: outletOf(m.Source), reuse: shared[id].reuse, lang: m.Language}
	}

	// Boilerplate: too common overall, or repeated in the unrelated
	// stories of one outlet (boiler.go).
	who := func(id int64) (int32, int32) {
		sh := sharers[id]
		return sh.outlet, sh.reuse
	}
	boiler := boilerplate(fps, post, d.ID, limit, who, own, len(outlets), l.outletDF())

	// Candidates: reuse in the same language, translations in another
	// (an unknown language may be either).
	reuseCount := map[int64]int{}
	anchorCount := map[int64]int{}
	for fp, ids := range post {
		if boiler[fp] {
			continue
		}
		for _, id := range ids {
			if id == d.ID || l.Before && id > d.ID {
				continue
			}
			sh, ok := sharers[id]
			if !ok {
				continue // fewer than two shared fingerprints
			}
			ml := sh.lang
			same := lang == "" || ml == "" || ml == lang
			other := lang == "" || ml == "" || ml != lang
			if IsAnchorKey(fp) {
				if other {
					anchorCount[id]++
				}
			} else if same {
				reuseCount[id]++
			}
		}
	}
	// Read the candidates (the index may not be safe for concurrent use),
	// then align them on every CPU.
	reuseDocs, err := l.docs(ctx, top(reuseCount, 2, l.maxCandidates()), nil)
	if err != nil {
		return nil, fmt.Errorf("link article %d: %w", d.ID, err)
	}
	// Align first, then build the links: the direction of each depends on
	// the other relatives (doubtful dates, text only two of them share).
	reuseAls := make([]*reuseAlignment, len(reuseDocs))
	var mineReuse *reuseSide // d prepared once for all candidates
	if len(reuseDocs) > 0 {
		mineReuse = newReuseSide(toks, boiler)
	}
	mineBoiler := sync.OnceValue(func() int { return boilerWords(toks, boiler) })
	parallel(len(reuseDocs), func(i int) {
		od := reuseDocs[i]
		ot := l.Cache.tokens(od)
		al := alignReuseTo(ot, mineReuse, boiler)
		same := od.Source != "" && od.Source == d.Source
		// Two articles of one outlet share half of what they have besides
		// its boilerplate (counted only when that may decide).
		if al.isReuse(same) || same && len(boiler) > 0 && al.isReuseBesides(boilerWords(ot, boiler), mineBoiler()) {
			reuseAls[i] = &al
		}
	})
	var reused []Doc // the reuse relatives of d
	var reusedAls []reuseAlignment
	done := map[int64]bool{}
	for i, al := range reuseAls {
		if al != nil {
			reused, reusedAls = append(reused, reuseDocs[i]), append(reusedAls, *al)
			done[reuseDocs[i].ID], done[d.ID] = true, true
		}
	}

	var transDocs []Doc
	cands, err := l.docs(ctx, top(anchorCount, 2, l.maxCandidates()), done)
	if err != nil {
		return nil, fmt.Errorf("link article %d: %w", d.ID, err)
	}
	for _, od := range cands {
		olang := od.Language
		if olang == "" {
			olang = guessLanguage(od.Text)
		}
		if olang == "" || lang == "" || olang == lang {
			continue
		}
		transDocs = append(transDocs, od)
	}
	transAls := make([]*translationAlignment, len(transDocs))
	if len(transDocs) > 0 {
		mine := l.Cache.side(d) // d prepared once for all candidates
		mineIdx := indexSide(mine)
		parallel(len(transDocs), func(i int) {
			ta := alignSidesTo(l.Cache.side(transDocs[i]), mine, mineIdx)
			if ta.isTranslation() {
				transAls[i] = &ta
			}
		})
	}
	story := append([]Doc{d}, reused...)
	for i, ta := range transAls {
		if ta != nil {
			story = append(story, transDocs[i])
		}
	}
	doubts := storyDoubts(story)
	excl := newExclusives(d, toks, reused, l.Cache, boiler)

	var links []wiretrace.Link
	reuseLinks := make([]wiretrace.Link, len(reused))
	parallel(len(reused), func(i int) {
		od := reused[i]
		pc := pairContext{doubtA: doubts[od.ID], doubtB: doubts[d.ID]}
		// Between an agency's own article and a copy, text the others lack
		// is the dispatch's that they trimmed, not an edit.
		if outletAgency(od.Source) == "" && outletAgency(d.Source) == "" {
			pc.exclusive, pc.why = excl.between(i)
		}
		reuseLinks[i] = reuseLink(od, d, l.Cache.tokens(od), toks, reusedAls[i], pc)
	})
	links = append(links, reuseLinks...)
	if len(transDocs) == 0 {
		return links, ctx.Err()
	}
	// The tokens of the aligned texts (title and text) serve for the
	// changes of a link: made from the cached ones when a link is found.
	mineToks := sync.OnceValue(func() []token { return fullTokens(d, toks) })
	transLinks := make([]*wiretrace.Link, len(transDocs))
	parallel(len(transDocs), func(i int) {
		od := transDocs[i]
		if ta := transAls[i]; ta != nil {
			pc := pairContext{doubtA: doubts[od.ID], doubtB: doubts[d.ID]}
			lk := translationLink(od, d, fullTokens(od, l.Cache.tokens(od)), mineToks(), *ta, pc)
			transLinks[i] = &lk
		}
	})
	for _, lk := range transLinks {
		if lk != nil {
			links = append(links, *lk)
		}
	}
	return links, ctx.Err()
}

// docs reads the candidates cs but those in skip, in order, leaving out
// those that are gone: in one lookup when the index is a DocsIndex.
func (l *Linker) docs(ctx context.Context, cs []candidate, skip map[int64]bool) ([]Doc, error) {
	var out []Doc
	dx, ok := l.Index.(DocsIndex)
	if !ok {
		for _, c := range cs {
			if skip[c.id] {
				continue
			}
			od, ok, err := l.doc(ctx, c.id)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, od)
			}
		}
		return out, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(cs))
	for _, c := range cs {
		if !skip[c.id] {
			ids = append(ids, c.id)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	got, err := dx.Docs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if od, ok := got[id]; ok {
			out = append(out, od)
		}
	}
	return out, nil
}

// doc reads a candidate; ok is false when it is gone.
func (l *Linker) doc(ctx context.Context, id int64) (Doc, bool, error) {
	if err := ctx.Err(); err != nil {
		return Doc{}, false, err
	}
	od, err := l.Index.Doc(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Doc{}, false, nil
	}
	if err != nil {
		return Doc{}, false, err
	}
	return od, true, nil
}

// parallel calls fn(0..n-1) on up to GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// top returns the candidates with at least min shared keys, most first,
// at most n.
// olderPostings returns the postings of post (ascending lists) cut to the
// ids up to id. With Before, an article's links must depend only on the
// articles up to it, not on those stored after it: a fingerprint counted
// as boilerplate because later articles hold it (too common overall, or
// repeated by an outlet) made a relink, which stores every fingerprint
// first, and an import, which has stored only those of the articles up
// to the current batch, disagree (12 of 14,415 links of a generated
// corpus), and an import's links depend on where its batches began. The
// smallest limit ids of a fingerprint hold every id up to id while fewer
// than limit do, so the cut list is the same whatever came later.
func olderPostings(post map[uint64][]int64, id int64) map[uint64][]int64 {
	out := make(map[uint64][]int64, len(post))
	for fp, ids := range post {
		n, _ := slices.BinarySearch(ids, id+1)
		if n > 0 {
			out[fp] = ids[:n:n]
		}
	}
	return out
}

func top(counts map[int64]int, min, n int) []candidate {
	var out []candidate
	for id, c := range counts {
		if c >= min {
			out = append(out, candidate{id, c})
		}
	}
	slices.SortFunc(out, func(x, y candidate) int {
		if x.count != y.count {
			return cmp.Compare(y.count, x.count)
		}
		return cmp.Compare(x.id, y.id)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

const maxEvidence = 12

// reuseLink builds the link between a (an older article) and b from
// their alignment, oriented by Direction.
func reuseLink(a, b Doc, ta, tb []token, al reuseAlignment, pc pairContext) wiretrace.Link {
	v := directionOf(a, b, wiretrace.LinkReuse, al.shareA(), al.shareB(), pc)
	aIsOrig := v.AIsOrig
	from, to, tf, tt := a, b, ta, tb
	shareFrom, shareTo := al.shareA(), al.shareB()
	runs := al.runs
	if !aIsOrig {
		from, to, tf, tt = b, a, tb, ta
		shareFrom, shareTo = shareTo, shareFrom
		runs = make([]run, len(al.runs))
		for i, r := range al.runs {
			runs[i] = run{a0: r.b0, a1: r.b1, b0: r.a0, b1: r.a1}
		}
		slices.SortFunc(runs, byA0) // the runs do not overlap in either text
	}
	link := wiretrace.Link{From: from.ID, To: to.ID, Kind: wiretrace.LinkReuse,
		Directed: v.Directed, DirectionEvidence: v.Kinds,
		DirectionConfidence: round2(v.Conf), DirectionReason: v.Reason,
		Reused: round2(shareFrom), ReusedOfCopy: round2(shareTo), Evidence: []wiretrace.Passage{}}
	passages := reuseAlignment{runs: runs}.passages()
	for _, p := range passages {
		if len(link.Evidence) == maxEvidence {
			break
		}
		link.Evidence = append(link.Evidence, wiretrace.Passage{
			FromText: clip(from.Text[tf[p.a0].s:tf[p.a1-1].e], 400),
			ToText:   clip(to.Text[tt[p.b0].s:tt[p.b1-1].e], 400),
		})
	}
	link.Changes = reuseChanges(from, to, tf, tt, runs)
	return link
}

// translationLink builds the link between a (older) and its translation
// counterpart b, given the tokens of fullText(a) and fullText(b).
func translationLink(a, b Doc, toksA, toksB []token, ta translationAlignment, pc pairContext) wiretrace.Link {
	shareA := float64(ta.coveredA) / math.Max(1, float64(ta.lenA))
	shareB := float64(ta.coveredB) / math.Max(1, float64(ta.lenB))
	v := directionOf(a, b, wiretrace.LinkTranslation, shareA, shareB, pc)
	aIsOrig := v.AIsOrig
	from, to := a, b
	textF, textT := ta.textA, ta.textB
	sf, st := ta.sentsA, ta.sentsB
	tf, tt := toksA, toksB
	pairs := ta.pairs
	if !aIsOrig {
		from, to = b, a
		textF, textT = textT, textF
		sf, st = st, sf
		tf, tt = tt, tf
		shareA, shareB = shareB, shareA
		pairs = make([]sentencePair, len(ta.pairs))
		for i, p := range ta.pairs {
			pairs[i] = sentencePair{a: p.b, b: p.a, score: p.score, sure: p.sure}
		}
	}
	link := wiretrace.Link{From: from.ID, To: to.ID, Kind: wiretrace.LinkTranslation,
		Directed: v.Directed, DirectionEvidence: v.Kinds,
		DirectionConfidence: round2(v.Conf), DirectionReason: v.Reason,
		Reused: round2(shareA), ReusedOfCopy: round2(shareB), Evidence: []wiretrace.Passage{}}
	for _, p := range pairs {
		if len(link.Evidence) == maxEvidence {
			break
		}
		if !p.sure {
			continue
		}
		link.Evidence = append(link.Evidence, wiretrace.Passage{
			FromText: clip(textF[sf[p.a].s:sf[p.a].e], 400),
			ToText:   clip(textT[st[p.b].s:st[p.b].e], 400),
		})
	}
	link.Changes = translationChanges(from, to, newTransText(textF, sf, tf), newTransText(textT, st, tt), pairs)
	return link
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func outletName(d Doc) string {
	if d.Source != "" {
		return d.Source
	}
	return fmt.Sprintf("article %d", d.ID)
}

// credits reports whether d credits agency name in any role but photo.
func credits(d Doc, name string) bool {
	for _, c := range d.Credits {
		if c.Agency == name && c.Role != wiretrace.RolePhoto {
			return true
		}
	}
	return false
}

// suppliers returns the supplier agencies d credits.
func suppliers(d Doc) []string {
	var out []string
	for _, c := range d.Credits {
		if c.Role == wiretrace.RoleSupplier {
			out = append(out, c.Agency)
		}
	}
	return out
}
