package archive

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// WarmSearch makes sure the archive keeps the match sets and the BM25
// postings (bm25.go) of its most common words, so that the first search
// for one is as fast as the next.
// It estimates each word's share of articles from the newest articles and
// lists the words in at least a tenth of them, most common first, until
// budget is spent; sets already kept are brought up to date. Import calls
// it at the end. It returns how many sets are now kept.
func (s *Store) WarmSearch(ctx context.Context, budget time.Duration) (int, error) {
	start := time.Now()
	if s.readOnly {
		return 0, nil
	}
	c, err := s.columnsFor(ctx)
	if err != nil {
		return 0, fmt.Errorf("warm search: %w", err)
	}
	if c.count < 20*matchCacheMin {
		return 0, nil // small archives list any word in a few milliseconds
	}
	const sample = 2000
	rows, err := s.db.QueryContext(ctx, "SELECT title, text FROM articles ORDER BY id DESC LIMIT ?", sample)
	if err != nil {
		return 0, fmt.Errorf("warm search: %w", err)
	}
	df := map[string]int{}
	docs := 0
	seen := map[string]bool{}
	for rows.Next() {
		var title, text string
		if err := rows.Scan(&title, &text); err != nil {
			rows.Close()
			return 0, fmt.Errorf("warm search: %w", err)
		}
		docs++
		clear(seen)
		for _, w := range strings.FieldsFunc(title+" "+text, func(r rune) bool { return !isWordRune(r) }) {
			if len(w) > 40 || containsCJK(w) {
				continue
			}
			w = Fold(w)
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("warm search: %w", err)
	}
	var words []string
	for w, n := range df {
		if n*10 >= docs {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if df[words[i]] != df[words[j]] {
			return df[words[i]] > df[words[j]]
		}
		return words[i] < words[j]
	})
	words = words[:min(len(words), matchCacheRows/2)]
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = term(&ftsQuery{}, w, false)
	}
	// Kept sets first (cheap to extend), then new words while time lasts.
	var kept []string
	krows, err := s.db.QueryContext(ctx, "SELECT expr FROM match_cache WHERE epoch = ? ORDER BY made DESC", c.ftsEpoch)
	if err != nil {
		return 0, fmt.Errorf("warm search: %w", err)
	}
	for krows.Next() {
		var k string
		krows.Scan(&k)
		kept = append(kept, k)
	}
	krows.Close()
	ev := s.newEvaluator(ctx, c)
	if err := ev.load(kept); err != nil {
		return 0, fmt.Errorf("warm search: %w", err)
	}
	s.bg.Wait() // extended sets are saved in the background
	n := len(ev.known)
	for _, k := range keys {
		_, known := ev.known[k]
		if known && s.mc.phrases.get(k, c.ftsEpoch) != nil {
			continue
		}
		if time.Since(start) > budget || ctx.Err() != nil {
			break
		}
		// The postings BM25 ranks with, and the match set with them.
		ps, err := s.phrasePostings(ctx, c, []string{k}, true)
		if err != nil {
			return n, fmt.Errorf("warm search: %w", err)
		}
		if !known && cacheWorthy(c, len(ps[0].ids)) {
			n++
		}
	}
	return n, nil
}
