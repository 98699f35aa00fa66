package archive

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"
)

// Exact relevance.
//
// A relevance search orders its whole match set, after filters, by BM25
// with FTS5's formula and constants (k1 1.2, b 0.75, a title occurrence
// weighing ten times a body occurrence): the first page is the true top k,
// whatever the size of the match set. No window, no candidate cut.
//
// BM25 is a sum over the query's phrases of idf(phrase) × g(f, D), where f
// is the phrase's weighted frequency in the article (10 × title + body
// occurrences), D the article's length in tokens and idf depends only on
// how many articles hold the phrase. So each phrase is scored apart and the
// scores add up:
//
//   - The article lengths (title + text tokens, FTS5's own counts from its
//     docsize table) are kept in the search columns beside source, day and
//     language (columns.go), 8 bytes an article, in the column snapshot.
//   - Each phrase's postings, its matching ids and their weighted
//     frequencies f, are taken from FTS5 once: a query for the phrase
//     alone returns every match's bm25(), and since FTS5 computed it from
//     the idf, D and average length we also know, f is solved for exactly
//     (the weights are integers, so f is rounded). This costs FTS5's own
//     scoring of the phrase, once: the postings of a phrase that matches
//     many articles are kept, in memory (phraseCacheBytes) and in the
//     archive's phrase_freqs table (migration 0009), 6 bytes a match,
//     extended to newer articles like the match sets (matchcache.go) and
//     retired with them when fts_epoch moves. Import keeps those of the
//     most common words (WarmSearch).
//   - A search then walks its match set once, in id order, beside each
//     phrase's postings, adds the phrases' scores and keeps the best k in
//     a small sorted list: a few nanoseconds a match and a phrase, so a
//     word in every article of a million is ranked in milliseconds.
//
// The sum is computed with FTS5's expression, phrase by phrase in the
// order FTS5 numbers them, so scores are bit for bit those of bm25() on an
// index of title and text; ties go to the higher id, as ORDER BY bm25,
// rowid DESC does. The CJK bigram column is an indexing device, not text:
// its tokens count neither in D nor in f of a phrase of Latin words (a
// CJK phrase matches only there, and counts there).
//
// Date sorts (SortNewest, SortOldest) are exact too, by a heap over the
// match set (byDate). Nothing is cut silently: recency is asked for with
// SortNewest.

const (
	bm25K1      = 1.2
	bm25B       = 0.75
	titleWeight = 10.0
)

// postings are the matches of one phrase and their weighted frequencies.
type postings struct {
	ids   []uint32 // ascending
	freq  []uint16 // 10 × title + body occurrences, at most 65535
	epoch int64
	upto  int64 // ids above upto are not covered
	used  int64 // recency, for eviction from memory
	// hits is how many articles hold the phrase: len(ids), or more for
	// the postings of a few matches only (partialPostings).
	hits int
}

func (p *postings) bytes() int { return len(p.ids)*6 + 64 }

// phraseCache holds the postings of frequent phrases, the most recently
// used first to stay when they outgrow phraseCacheBytes.
type phraseCache struct {
	mu      sync.Mutex
	entries map[string]*postings
	size    int
	tick    int64
	// saveMu queues this process's background saves, which give up at
	// once when another connection writes: side by side they would
	// refuse each other.
	saveMu sync.Mutex
}

const (
	phraseCacheBytes = 64 << 20 // in memory
	phraseCacheRows  = 300      // in the archive
)

func (m *phraseCache) get(key string, epoch int64) *postings {
	m.mu.Lock()
	defer m.mu.Unlock()
	p := m.entries[key]
	if p == nil || p.epoch != epoch {
		return nil
	}
	m.tick++
	p.used = m.tick
	return p
}

func (m *phraseCache) put(key string, p *postings) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.entries == nil {
		m.entries = map[string]*postings{}
	}
	if old := m.entries[key]; old != nil {
		m.size -= old.bytes()
	}
	m.tick++
	p.used = m.tick
	m.entries[key] = p
	m.size += p.bytes()
	for m.size > phraseCacheBytes && len(m.entries) > 1 {
		var oldest string
		var at int64 = -1
		for k, v := range m.entries {
			if at < 0 || v.used < at {
				oldest, at = k, v.used
			}
		}
		m.size -= m.entries[oldest].bytes()
		delete(m.entries, oldest)
	}
}

// keptPostings returns the kept postings of each key (an FTS5 phrase as
// quote writes it), from memory or from the archive, extended to the
// newest article of c, or nil for a key that has none. Their match sets
// are handed to the match cache, so that the query's match set is
// combined from them.
func (s *Store) keptPostings(ctx context.Context, c *columns, keys []string) ([]*postings, error) {
	out := make([]*postings, len(keys))
	if s.noCache {
		return out, nil
	}
	for i, k := range keys {
		p := s.mc.phrases.get(k, c.ftsEpoch)
		if p == nil {
			var err error
			if p, err = s.loadPostings(ctx, c, k); err != nil {
				return nil, fmt.Errorf("postings of %s: %w", k, err)
			}
			if p == nil {
				continue
			}
			s.mc.phrases.put(k, p)
		}
		if p.upto < c.maxID {
			var err error
			if p, err = s.postingsOf(ctx, c, k, false); err != nil {
				return nil, fmt.Errorf("postings of %s: %w", k, err)
			}
		}
		if cacheWorthy(c, p.hits) && s.mc.get(k, c.ftsEpoch) == nil {
			s.mc.put(k, &matchEntry{epoch: c.ftsEpoch, upto: p.upto, bits: p.bitset(p.upto)})
		}
		out[i] = p
	}
	return out, nil
}

// fewMatches is the most matches a query may have for its phrases without
// kept postings to be scored among them only (partialPostings).
const fewMatches = 2000

// completePostings fills the keys that ps lacks: for a query of few
// matches, their postings among the matches only, unless the phrase is
// one to keep and the matches hold a quarter of it; otherwise all of
// them (phrasePostings).
func (s *Store) completePostings(ctx context.Context, c *columns, keys []string, ps []*postings, matched []int64) ([]*postings, error) {
	if len(ps) != len(keys) { // keptPostings failed on a query FTS5 then took as plain words
		ps = make([]*postings, len(keys))
	}
	for i, k := range keys {
		if ps[i] != nil {
			continue
		}
		if len(matched) <= fewMatches {
			p, err := s.partialPostings(ctx, c, k, matched)
			if err != nil {
				return nil, fmt.Errorf("postings of %s: %w", k, err)
			}
			// A phrase that the matches cover a good share of is taken
			// whole, to be kept when it is large.
			if p != nil && (!postingsWorthy(p.hits) || 4*len(matched) < p.hits) {
				ps[i] = p
				continue
			}
		}
		all, err := s.phrasePostings(ctx, c, []string{k}, false)
		if err != nil {
			return nil, err
		}
		ps[i] = all[0]
	}
	return ps, nil
}

// phrasePostings returns the postings of each key, from memory, from the
// archive or from FTS5, up to the newest article of c, and keeps those
// of phrases in many articles. saveNow stores new postings before
// returning instead of in the background (WarmSearch).
func (s *Store) phrasePostings(ctx context.Context, c *columns, keys []string, saveNow bool) ([]*postings, error) {
	out := make([]*postings, len(keys))
	for i, k := range keys {
		for j := range i {
			if keys[j] == k {
				out[i] = out[j]
			}
		}
		if out[i] != nil {
			continue
		}
		p, err := s.postingsOf(ctx, c, k, saveNow)
		if err != nil {
			return nil, fmt.Errorf("postings of %s: %w", k, err)
		}
		out[i] = p
	}
	return out, nil
}

func (s *Store) postingsOf(ctx context.Context, c *columns, key string, saveNow bool) (*postings, error) {
	var p *postings
	if !s.noCache {
		if p = s.mc.phrases.get(key, c.ftsEpoch); p == nil {
			var err error
			if p, err = s.loadPostings(ctx, c, key); err != nil {
				return nil, err
			}
		}
	}
	fresh := p == nil
	if fresh {
		p = &postings{epoch: c.ftsEpoch}
	}
	if p.upto >= c.maxID {
		return p, nil
	}
	from := p.upto
	ids, freq, err := s.scanPostings(ctx, c, key, from, len(p.ids))
	if err != nil {
		return nil, err
	}
	n := &postings{epoch: c.ftsEpoch, upto: c.maxID,
		ids: append(p.ids[:len(p.ids):len(p.ids)], ids...), freq: append(p.freq[:len(p.freq):len(p.freq)], freq...)}
	n.hits = len(n.ids)
	if s.noCache || !postingsWorthy(len(n.ids)) {
		return n, nil
	}
	s.mc.phrases.put(key, n)
	if cacheWorthy(c, len(n.ids)) {
		s.mc.put(key, &matchEntry{epoch: c.ftsEpoch, upto: c.maxID, bits: n.bitset(c.maxID)})
	}
	// Store a new set, or a longer one when it covers many new articles;
	// otherwise each process extends it by the little that is new.
	if s.readOnly || !fresh && c.maxID-from < min(2000, from/20) {
		return n, nil
	}
	if saveNow {
		if err := s.savePostings(ctx, key, n, false); err != nil {
			return nil, err
		}
		if !cacheWorthy(c, len(n.ids)) {
			return n, nil
		}
		return n, s.saveMatchSet(ctx, key, n.epoch, n.upto, n.bitset(n.upto), false)
	}
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		s.mc.phrases.saveMu.Lock()
		defer s.mc.phrases.saveMu.Unlock()
		// The set too, for date sorts, which read no postings.
		if s.savePostings(context.Background(), key, n, true) == nil && cacheWorthy(c, len(n.ids)) {
			s.saveMatchSet(context.Background(), key, n.epoch, n.upto, n.bitset(n.upto), true)
		}
	}()
	return n, nil
}

// postingsWorthy reports whether the postings of a phrase in n articles
// are kept: from a fifth of matchCacheMin (1,000), far fewer than match
// sets, since FTS5 lists a match set five times faster than it scores it
// (at 100k articles, scoring afresh the 3,757 matches of tariff made it
// 30 ms a query on a loaded machine).
func postingsWorthy(n int) bool { return n >= max(matchCacheMin/5, 1) }

func (p *postings) bitset(maxID int64) bitset {
	b := newBitset(maxID)
	for _, id := range p.ids {
		b.add(int64(id))
	}
	return b
}

// bm25Top returns matched[offset:need] (ascending ids) in BM25 order, best
// first, the higher id first on equal scores. ps are the postings of the
// query's phrases, in FTS5's order.
func bm25Top(c *columns, ps []*postings, matched []int64, offset, need int) []ranked {
	n := float64(c.count)
	avg := float64(c.dlenSum) / max(n, 1)
	idf := make([]float64, len(ps))
	for i, p := range ps {
		hits := float64(p.hits)
		idf[i] = math.Log((n - hits + 0.5) / (hits + 0.5))
		if idf[i] <= 0 {
			idf[i] = 1e-6
		}
	}
	cur := make([]int, len(ps))
	top := make([]ranked, 0, need+1)
	better := func(a, b ranked) bool { return a.score > b.score || a.score == b.score && a.id > b.id }
	for _, id := range matched {
		if id <= 0 || id > c.maxID {
			continue
		}
		d := float64(c.dlen[id])
		score := 0.0
		for i, p := range ps {
			j := cur[i]
			for j < len(p.ids) && int64(p.ids[j]) < id {
				j++
			}
			cur[i] = j
			if j < len(p.ids) && int64(p.ids[j]) == id {
				f := float64(p.freq[j])
				score += idf[i] * ((f * (bm25K1 + 1.0)) / (f + bm25K1*(1-bm25B+bm25B*d/avg)))
			}
		}
		r := ranked{id: id, score: score}
		if len(top) == need && !better(r, top[need-1]) {
			continue
		}
		at := sort.Search(len(top), func(i int) bool { return better(r, top[i]) })
		top = append(top, ranked{})
		copy(top[at+1:], top[at:])
		top[at] = r
		if len(top) > need {
			top = top[:need]
		}
	}
	return top[min(offset, len(top)):]
}
