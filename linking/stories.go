package linking

import (
	"context"
	"fmt"
	"sort"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/provenance"
)

// maxStory bounds the articles gathered when stories are recomputed.
const maxStory = 100000

// flushStories updates the stories of every article of s whose links
// changed since its story was last computed (archive.Store.StaleStories),
// calling done, when not nil, with the last article whose story is up to
// date after each chunk.
func flushStories(ctx context.Context, s *archive.Store, done func(upto int64)) error {
	var after int64
	for {
		ids, err := s.StaleStories(ctx, after, staleChunk)
		if err != nil || len(ids) == 0 {
			return err
		}
		if err := updateStories(ctx, s, ids); err != nil {
			return err
		}
		// Rows of missing articles, which no story unmarks.
		if err := s.UnmarkStale(ctx, ids); err != nil {
			return err
		}
		after = ids[len(ids)-1]
		if done != nil {
			done(after)
		}
	}
}

// staleChunk is how many stale articles updateStories is given at once.
// Their whole stories are read, with the links among them: 2,000 articles
// of a 100k-article import are about 13,000 articles of their stories
// (20,000 made the import's peak memory 70 MB larger). An article that a
// chunk's stories include is no longer stale, so a story is recomputed
// once for all its stale articles.
const staleChunk = 2000

// updateStories recomputes and stores the stories of the given articles:
// the connected components of links that hold them. At most maxStory
// articles are gathered: beyond that, a component is cut short.
func updateStories(ctx context.Context, s *archive.Store, ids []int64) error {
	seen := map[int64]bool{}
	var all, frontier []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			all = append(all, id)
			frontier = append(frontier, id)
		}
	}
	for len(frontier) > 0 && len(all) < maxStory {
		next, err := s.LinkedIDs(ctx, frontier)
		if err != nil {
			return fmt.Errorf("update stories: %w", err)
		}
		frontier = frontier[:0]
		for _, id := range next {
			if !seen[id] {
				seen[id] = true
				all = append(all, id)
				frontier = append(frontier, id)
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	briefs, err := s.Briefs(ctx, all)
	if err != nil {
		return fmt.Errorf("update stories: %w", err)
	}
	links, err := s.LinkEndsAmong(ctx, all)
	if err != nil {
		return fmt.Errorf("update stories: %w", err)
	}
	docs := make([]provenance.Doc, 0, len(all))
	for _, id := range all {
		if a, ok := briefs[id]; ok {
			docs = append(docs, docOf(a))
		}
	}
	if err := s.SaveStories(ctx, provenance.Stories(docs, links)); err != nil {
		return fmt.Errorf("update stories: %w", err)
	}
	return nil
}
