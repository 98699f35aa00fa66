package archive

import (
	"context"
	"fmt"
	"sort"
)

// Results grouped by story (Query.CollapseStory): a wire story carried by
// forty outlets would otherwise fill the first two pages. The ranked or
// dated matches are walked in order and each story is shown once, by its
// first match in that order; the story's other matching members are
// counted on it. Totals and facets stay per article.

// collapseStories returns the page [offset, offset+limit) of the stories
// among the matches as top orders them (top(n) returns the first n), each
// as its first match, and for each the other members of its story that
// match too, in ascending order. An article outside any stored story is a
// story of its own.
func (s *Store) collapseStories(ctx context.Context, c *columns, top func(n int) ([]ranked, error), matched []int64, offset, limit int) ([]ranked, map[int64][]int64, error) {
	need := offset + limit
	var leaders []ranked
	story := map[int64]int64{}
	for n := 4 * need; ; n *= 4 {
		list, err := top(n)
		if err != nil {
			return nil, nil, err
		}
		var ask []int64
		for _, r := range list {
			if _, ok := story[r.id]; !ok {
				ask = append(ask, r.id)
			}
		}
		if err := s.storiesOf(ctx, ask, story); err != nil {
			return nil, nil, err
		}
		seen := map[int64]bool{}
		leaders = leaders[:0]
		for _, r := range list {
			if st := story[r.id]; !seen[st] {
				seen[st] = true
				leaders = append(leaders, r)
			}
		}
		if len(leaders) >= need || len(list) < n {
			break
		}
	}
	page := leaders[min(offset, len(leaders)):min(need, len(leaders))]
	var stories []int64
	for _, r := range page {
		if st := story[r.id]; st > 0 {
			stories = append(stories, st)
		}
	}
	members, err := s.membersOf(ctx, stories)
	if err != nil {
		return nil, nil, err
	}
	in := bitsetOf(matched, c.maxID)
	copies := map[int64][]int64{}
	for _, r := range page {
		for _, m := range members[story[r.id]] {
			if m != r.id && in.has(m) {
				copies[r.id] = append(copies[r.id], m)
			}
		}
	}
	return page, copies, nil
}

func (b bitset) has(id int64) bool {
	return id >= 0 && int(id>>6) < len(b) && b[id>>6]&(1<<(uint64(id)&63)) != 0
}

// storiesOf records in story the story of each of ids: its stored story's
// id, or -id for an article of no stored story.
func (s *Store) storiesOf(ctx context.Context, ids []int64, story map[int64]int64) error {
	for _, id := range ids {
		story[id] = -id
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT article, story FROM story_articles WHERE article IN (SELECT value FROM json_each(?))", idList(ids))
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a, st int64
		if err := rows.Scan(&a, &st); err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		story[a] = st
	}
	return rows.Err()
}

// membersOf returns the articles of each of the stories, in ascending order.
func (s *Store) membersOf(ctx context.Context, stories []int64) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	if len(stories) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT story, article FROM story_articles WHERE story IN (SELECT value FROM json_each(?))", idList(stories))
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st, a int64
		if err := rows.Scan(&st, &a); err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		out[st] = append(out[st], a)
	}
	for _, m := range out {
		sort.Slice(m, func(i, j int) bool { return m[i] < m[j] })
	}
	return out, rows.Err()
}
