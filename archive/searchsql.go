package archive

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Search runs q and returns one page of hits with facet counts over the
// whole match set. Text that is not valid query syntax is searched as plain
// words (Result.Notice says so); it never fails on what a user typed.
//
// Each facet counts the matches that pass every filter except its own, so
// that ticking one source still shows the others as choices.
//
// A query of more than MaxQueryWords words, or one still running after its
// budget (Query.Budget, DefaultSearchBudget when zero), fails with an error
// wrapping ErrTooExpensive: what a user types, or a file hands over as a
// saved query, must not hold the archive for minutes.
func (s *Store) Search(ctx context.Context, q Query) (*Result, error) {
	if n := queryWords(q.Text); n > MaxQueryWords {
		return nil, fmt.Errorf("%w: %d words, at most %d", ErrTooExpensive, n, MaxQueryWords)
	}
	budget := q.Budget
	if budget == 0 {
		budget = DefaultSearchBudget
	}
	if budget < 0 {
		res, err := s.search(ctx, q)
		return res, IndexDamaged(err)
	}
	bctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	res, err := s.search(bctx, q)
	if err != nil && ctx.Err() == nil && errors.Is(bctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("%w: stopped after %v (try fewer common words or a filter)", ErrTooExpensive, budget)
	}
	return res, IndexDamaged(err)
}

func (s *Store) search(ctx context.Context, q Query) (*Result, error) {
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.Offset < 0 {
		q.Offset = 0
	}
	res := &Result{Hits: []Hit{}}
	fq := translate(q.Text)
	if strings.TrimSpace(q.Text) != "" && fq.expr == "" {
		res.Notice = fmt.Sprintf("nothing to search in %q: type a word", q.Text)
		res.Facets = emptyFacets()
		return res, nil
	}
	if fq.plain {
		res.Notice = fmt.Sprintf("%q is not valid query syntax: searched as plain words", q.Text)
	}
	c, err := s.columnsFor(ctx)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	var ps []*postings // the phrases' postings, for relevance
	relevance := fq.expr != "" && q.Sort != SortNewest && q.Sort != SortOldest
	if relevance {
		// Before the match set: the sets of large phrases come with them.
		if ps, err = s.keptPostings(ctx, c, fq.keys); err != nil && !isFTSSyntaxError(err) {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
	}
	var ids []int64 // nil with no text: every article
	if fq.expr != "" {
		ids, err = s.matchSet(ctx, fq, c)
		if err != nil && !fq.plain && isFTSSyntaxError(err) {
			// A construct our parser let through but FTS5 refuses: plain words.
			fq = translate(strings.NewReplacer("(", " ", ")", " ", `"`, " ").Replace(q.Text))
			fq.plain = true
			res.Notice = fmt.Sprintf("%q is not valid query syntax: searched as plain words", q.Text)
			ids, err = s.matchSet(ctx, fq, c)
			if err == nil && relevance {
				ps, err = s.keptPostings(ctx, c, fq.keys)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
	}
	f := newFilter(q, c)
	matched := c.tally(ids, fq.expr == "", f, &res.Facets)
	res.Total = len(matched)
	if relevance && q.Offset < len(matched) {
		if ps, err = s.completePostings(ctx, c, fq.keys, ps, matched); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Text, err)
		}
	}
	var page []ranked
	var copies map[int64][]int64
	if q.CollapseStory && q.Offset < len(matched) {
		page, copies, err = s.collapseStories(ctx, c, func(n int) ([]ranked, error) {
			return rank(Query{Sort: q.Sort, Limit: n}, fq, c, ps, matched)
		}, matched, q.Offset, q.Limit)
	} else {
		page, err = rank(q, fq, c, ps, matched)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if res.Hits, err = s.hits(ctx, fq, page); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	for i := range res.Hits {
		h := &res.Hits[i]
		if cp := copies[h.ID]; len(cp) > 0 {
			h.Copies, h.CopyIDs = len(cp), cp
			seen := map[string]bool{}
			for _, id := range cp {
				if src := c.sources[c.source[id]]; !seen[src] {
					seen[src] = true
					h.CopySources = append(h.CopySources, src)
				}
			}
		}
	}
	return res, nil
}

func isFTSSyntaxError(err error) bool {
	m := err.Error()
	return strings.Contains(m, "fts5") || strings.Contains(m, "syntax error") || strings.Contains(m, "unterminated")
}

func emptyFacets() Facets {
	return Facets{Source: []FacetCount{}, Day: []FacetCount{}, Month: []FacetCount{}, Language: []FacetCount{}, Agency: []FacetCount{}}
}

// filter holds a query's filters as column indexes.
type filter struct {
	sources, langs, agencies []bool // indexed by column index; nil: no filter
	from, to                 int32
}

func newFilter(q Query, c *columns) *filter {
	f := &filter{}
	mk := func(vals []string, idx map[string]int, n int) []bool {
		if len(vals) == 0 {
			return nil
		}
		m := make([]bool, n+1)
		for _, v := range vals {
			if i, ok := idx[v]; ok {
				m[i] = true
			}
		}
		return m
	}
	f.sources = mk(q.Sources, c.srcIdx, len(c.sources))
	f.langs = mk(q.Languages, c.langIdx, len(c.langs))
	f.agencies = mk(q.Agencies, c.agIdx, len(c.agencies))
	if !q.From.IsZero() {
		f.from = int32(q.From.Year()*10000 + int(q.From.Month())*100 + q.From.Day())
	}
	if !q.To.IsZero() {
		f.to = int32(q.To.Year()*10000 + int(q.To.Month())*100 + q.To.Day())
	}
	return f
}

func (f *filter) any() bool {
	return f.sources != nil || f.langs != nil || f.agencies != nil || f.from != 0 || f.to != 0
}

// Filter bits: which filters an article fails.
const (
	failSource = 1 << iota
	failLang
	failDate
	failAgency
)

func (f *filter) fails(c *columns, id int64) int {
	x := 0
	if f.sources != nil && !f.sources[c.source[id]] {
		x |= failSource
	}
	if f.langs != nil && !f.langs[c.lang[id]] {
		x |= failLang
	}
	if f.from != 0 || f.to != 0 {
		d := c.day[id]
		if d == 0 || (f.from != 0 && d < f.from) || (f.to != 0 && d > f.to) {
			x |= failDate
		}
	}
	if f.agencies != nil {
		ok := false
		for _, a := range c.agIDs[c.agOff[id]:c.agOff[id+1]] {
			if f.agencies[a] {
				ok = true
				break
			}
		}
		if !ok {
			x |= failAgency
		}
	}
	return x
}

// tally returns the matches passing every filter and fills the facets (each
// computed over the matches passing every other filter). all means every
// article matches (no text).
func (c *columns) tally(ids []int64, all bool, f *filter, out *Facets) []int64 {
	src := make([]int, len(c.sources))
	lang := make([]int, len(c.langs))
	ag := make([]int, len(c.agencies))
	dn := make([]int, len(c.dayList)+1) // by dayIdx; dn[0] undated
	other := map[int32]int{}            // days outside dayList
	filtered := f.any()
	n := len(ids)
	if all {
		n = int(c.maxID)
	}
	var matched []int64
	absent := false // without filters, matched is ids until one is absent
	if all {
		matched = make([]int64, 0, c.count)
	}
	for i := 0; i < n; i++ {
		id := int64(i + 1)
		if !all {
			id = ids[i]
		}
		if id <= 0 || id > c.maxID || c.source[id] == 0 {
			if !filtered && !all && !absent {
				absent = true
				matched = append(make([]int64, 0, len(ids)), ids[:i]...)
			}
			continue
		}
		if !filtered { // the common case, without the filter tests
			src[c.source[id]]++
			lang[c.lang[id]]++
			for _, a := range c.agIDs[c.agOff[id]:c.agOff[id+1]] {
				ag[a]++
			}
			if k := c.dayIdx[id]; k != dayOther {
				dn[k]++
			} else {
				other[c.day[id]]++
			}
			if all || absent {
				matched = append(matched, id)
			}
			continue
		}
		x := f.fails(c, id)
		if x&^failSource == 0 {
			src[c.source[id]]++
		}
		if x&^failLang == 0 {
			lang[c.lang[id]]++
		}
		if x&^failAgency == 0 {
			for _, a := range c.agIDs[c.agOff[id]:c.agOff[id+1]] {
				ag[a]++
			}
		}
		if x&^failDate == 0 {
			if k := c.dayIdx[id]; k != dayOther {
				dn[k]++
			} else {
				other[c.day[id]]++
			}
		}
		if x == 0 {
			matched = append(matched, id)
		}
	}
	if !filtered && !all && !absent {
		matched = ids
	}
	out.Source = countsOf(c.sources, src, 1)
	out.Language = countsOf(c.langs, lang, 0)
	out.Agency = countsOf(c.agencies, ag, 0)
	out.Undated = dn[0]
	for k, v := range dn[1:] {
		if v > 0 {
			other[c.dayList[k]] += v
		}
	}
	out.Day, out.Month = dayFacets(other)
	return matched
}

// dayYears is how many years from 1900 the day index covers.
const dayYears = 200

func countsOf(names []string, counts []int, from int) []FacetCount {
	out := []FacetCount{}
	for i := from; i < len(counts); i++ {
		if counts[i] > 0 {
			out = append(out, FacetCount{Value: names[i], Count: counts[i]})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

func dayFacets(days map[int32]int) (day, month []FacetCount) {
	keys := make([]int32, 0, len(days))
	for d := range days {
		keys = append(keys, d)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	day, month = []FacetCount{}, []FacetCount{}
	for _, d := range keys {
		ds := dayString(int(d))
		day = append(day, FacetCount{Value: ds, Count: days[d]})
		if n := len(month); n > 0 && month[n-1].Value == ds[:7] {
			month[n-1].Count += days[d]
		} else {
			month = append(month, FacetCount{Value: ds[:7], Count: days[d]})
		}
	}
	return day, month
}

// ranked is one article of the page to show, with its score.
type ranked struct {
	id    int64
	score float64
}

// rank returns the page of matched articles in the query's order: by
// date, or by BM25 over the whole match set (bm25.go) with ps, the
// postings of the query's phrases.
func rank(q Query, fq ftsQuery, c *columns, ps []*postings, matched []int64) ([]ranked, error) {
	need := q.Offset + q.Limit
	if q.Offset >= len(matched) {
		return nil, nil
	}
	if fq.expr == "" || q.Sort == SortNewest || q.Sort == SortOldest {
		return byDate(c, matched, q.Sort != SortOldest, q.Offset, need), nil
	}
	if len(ps) != len(fq.keys) {
		return nil, fmt.Errorf("rank: %d postings for %d phrases", len(ps), len(fq.keys))
	}
	return bm25Top(c, ps, matched, q.Offset, need), nil
}

// byDate returns matched[offset:need] ordered by publication day (undated
// last), newest or oldest first, selecting with a heap instead of sorting
// every match.
func byDate(c *columns, matched []int64, newest bool, offset, need int) []ranked {
	less := func(a, b int64) bool { // a before b
		da, db := c.day[a], c.day[b]
		if (da == 0) != (db == 0) {
			return da != 0
		}
		if da != db {
			return (da > db) == newest
		}
		return (a > b) == newest
	}
	h := &idHeap{less: less}
	for _, id := range matched {
		if h.Len() < need {
			heap.Push(h, id)
		} else if less(id, h.ids[0]) {
			h.ids[0] = id
			heap.Fix(h, 0)
		}
	}
	sorted := make([]int64, h.Len())
	for i := len(sorted) - 1; i >= 0; i-- {
		sorted[i] = heap.Pop(h).(int64)
	}
	out := make([]ranked, 0, len(sorted)-min(offset, len(sorted)))
	for _, id := range sorted[min(offset, len(sorted)):] {
		out = append(out, ranked{id: id})
	}
	return out
}

// idHeap keeps the worst of the best ids on top.
type idHeap struct {
	ids  []int64
	less func(a, b int64) bool
}

func (h *idHeap) Len() int           { return len(h.ids) }
func (h *idHeap) Less(i, j int) bool { return h.less(h.ids[j], h.ids[i]) }
func (h *idHeap) Swap(i, j int)      { h.ids[i], h.ids[j] = h.ids[j], h.ids[i] }
func (h *idHeap) Push(x any)         { h.ids = append(h.ids, x.(int64)) }
func (h *idHeap) Pop() any {
	x := h.ids[len(h.ids)-1]
	h.ids = h.ids[:len(h.ids)-1]
	return x
}

// hits reads the rows of a page, in one query, and makes their snippets.
func (s *Store) hits(ctx context.Context, fq ftsQuery, page []ranked) ([]Hit, error) {
	if len(page) == 0 {
		return []Hit{}, nil
	}
	ids := make([]int64, len(page))
	for i, p := range page {
		ids[i] = p.id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, source, origin, url, published, language, text,
			coalesce((SELECT group_concat(agency, char(31)) FROM (SELECT DISTINCT agency FROM article_agencies
				WHERE article = articles.id AND role != 'photo' ORDER BY role != 'supplier', agency)), '')
			FROM articles WHERE id IN (SELECT value FROM json_each(?))`, idList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[int64]*Hit, len(page))
	var buf foldBuf
	for rows.Next() {
		var h Hit
		var published, text, credits string
		if err := rows.Scan(&h.ID, &h.Title, &h.Source, &h.Origin, &h.URL, &published, &h.Language, &text, &credits); err != nil {
			return nil, err
		}
		h.Published, _ = time.Parse(time.RFC3339, published)
		h.Credits = []string{}
		if credits != "" {
			h.Credits = strings.Split(credits, "\x1f")
		}
		if fq.expr == "" {
			h.Snippet = cut(text, 200)
		} else {
			h.Snippet = snippet(text, fq, &buf)
		}
		byID[h.ID] = &h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(page))
	for _, p := range page {
		if h := byID[p.id]; h != nil { // an article deleted meanwhile is left out
			h.Score = p.score
			out = append(out, *h)
		}
	}
	return out, nil
}

func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
