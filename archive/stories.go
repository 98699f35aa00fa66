package archive

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/wiretrace/wiretrace"
)

// SaveStories stores stories, replacing the stories their articles
// belonged to, in one transaction. A story of one article is stored as no
// story: its article is removed from any stored story. Stories stored
// exactly so already are left alone. The articles of stories are no
// longer stale (see StaleStories).
func (s *Store) SaveStories(ctx context.Context, stories []wiretrace.Story) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	defer done()
	var ids []int64
	for _, st := range stories {
		for _, m := range st.Articles {
			ids = append(ids, m.Article)
		}
	}
	stored, err := storedStories(ctx, tx, ids)
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	old, err := tx.PrepareContext(ctx, "DELETE FROM stories WHERE id = (SELECT story FROM story_articles WHERE article = ?)")
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	defer old.Close()
	insS, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO stories (id, origin_agency, origin_article, size, origin_kind) VALUES (?,?,?,?,?)")
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	defer insS.Close()
	insM, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO story_articles (article, story, lag, parent_article, parent_agency) VALUES (?,?,?,?,?)")
	if err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	defer insM.Close()
	changed := make([]wiretrace.Story, 0, len(stories))
	for _, st := range stories {
		if !stored.same(st) {
			changed = append(changed, st)
		}
	}
	for _, st := range changed {
		for _, m := range st.Articles {
			if _, err := old.ExecContext(ctx, m.Article); err != nil {
				return fmt.Errorf("save story %d: %w", st.ID, err)
			}
		}
	}
	for _, st := range changed {
		if len(st.Articles) < 2 {
			continue
		}
		if _, err := insS.ExecContext(ctx, st.ID, st.OriginAgency, st.OriginArticle, len(st.Articles), st.OriginKind); err != nil {
			return fmt.Errorf("save story %d: %w", st.ID, err)
		}
		for _, m := range st.Articles {
			pa, pg := parentCols(m.DerivedFrom)
			if _, err := insM.ExecContext(ctx, m.Article, st.ID, int64(m.Lag), pa, pg); err != nil {
				return fmt.Errorf("save story %d: %w", st.ID, err)
			}
		}
	}
	for start := 0; start < len(ids); start += fpRowsChunk {
		part := ids[start:min(start+fpRowsChunk, len(ids))]
		if _, err := tx.ExecContext(ctx, "DELETE FROM stories_stale WHERE article IN (SELECT value FROM json_each(?1))", jsonInts(part)); err != nil {
			return fmt.Errorf("save stories: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	return nil
}

// storedMember is an article's row in story_articles.
type storedMember struct {
	story, lag    int64
	parentArticle int64
	parentAgency  string
}

// storedStoryRow is a row of stories.
type storedStoryRow struct {
	agency       string
	origin, size int64
	kind         string
}

// storyRows holds the stored stories of some articles.
type storyRows struct {
	members map[int64]storedMember
	stories map[int64]storedStoryRow
}

// storedStories reads the stored stories of the articles ids.
func storedStories(ctx context.Context, q querier, ids []int64) (storyRows, error) {
	r := storyRows{members: make(map[int64]storedMember, len(ids)), stories: map[int64]storedStoryRow{}}
	for start := 0; start < len(ids); start += fpRowsChunk {
		part := ids[start:min(start+fpRowsChunk, len(ids))]
		rows, err := q.QueryContext(ctx, `SELECT m.article, m.story, m.lag, m.parent_article, m.parent_agency, s.origin_agency, s.origin_article, s.size, s.origin_kind
			FROM json_each(?1) j JOIN story_articles m ON m.article = j.value JOIN stories s ON s.id = m.story`, jsonInts(part))
		if err != nil {
			return r, err
		}
		for rows.Next() {
			var id int64
			var m storedMember
			var st storedStoryRow
			if err := rows.Scan(&id, &m.story, &m.lag, &m.parentArticle, &m.parentAgency, &st.agency, &st.origin, &st.size, &st.kind); err != nil {
				rows.Close()
				return r, err
			}
			r.members[id] = m
			r.stories[m.story] = st
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return r, err
		}
	}
	return r, nil
}

// same reports whether st is stored exactly so: the same story row, and
// each of its articles in it with the same lag and parent (so no other article is in
// it, since the size is the same); a story of one article is stored as
// no story.
func (r storyRows) same(st wiretrace.Story) bool {
	if len(st.Articles) < 2 {
		for _, m := range st.Articles {
			if _, ok := r.members[m.Article]; ok {
				return false
			}
		}
		return true
	}
	row, ok := r.stories[st.ID]
	if !ok || row != (storedStoryRow{st.OriginAgency, st.OriginArticle, int64(len(st.Articles)), st.OriginKind}) {
		return false
	}
	for _, m := range st.Articles {
		pa, pg := parentCols(m.DerivedFrom)
		if r.members[m.Article] != (storedMember{st.ID, int64(m.Lag), pa, pg}) {
			return false
		}
	}
	return true
}

// StaleStories returns, in ascending order, up to limit articles with ids
// above after whose links changed since their story was saved:
// ReplaceLinks marks both ends of the links it removes and adds,
// SaveStories unmarks the articles of the stories it saves.
func (s *Store) StaleStories(ctx context.Context, after int64, limit int) ([]int64, error) {
	return queryIDs(ctx, s.db, "stale stories", "SELECT article FROM stories_stale WHERE article > ? ORDER BY article LIMIT ?", after, limit)
}

// CountStories returns the number of stories of two articles or more.
func (s *Store) CountStories(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM stories").Scan(&n); err != nil {
		return 0, fmt.Errorf("count stories: %w", err)
	}
	return n, nil
}

// singleton is the story of an article without links: its own root, or,
// when it credits a supplier agency that is not its outlet, a copy of
// that agency's dispatch (as provenance.Stories says of it).
func singleton(a *wiretrace.Article) wiretrace.Story {
	m := wiretrace.StoryMember{Article: a.ID, Source: a.Source, Title: a.Title, Language: a.Language, Published: a.Published,
		DatePrecision: wiretrace.DatePrecision(a.Published)}
	st := wiretrace.Story{ID: a.ID, OriginArticle: a.ID, OriginKind: wiretrace.OriginArticle}
	if ag := a.Agencies(wiretrace.RoleSupplier); len(ag) > 0 {
		st.OriginAgency = ag[0]
		if !outletIs(a.Source, ag[0]) {
			st.OriginKind = wiretrace.OriginAgency
			m.DerivedFrom = &wiretrace.DerivedFrom{Agency: ag[0]}
		}
	}
	st.Articles = []wiretrace.StoryMember{m}
	return st
}

// Stories returns the stored stories (two articles or more), largest
// first, then the articles that are stories of their own when singletons
// is set.
func (s *Store) Stories(ctx context.Context, singletons bool) ([]wiretrace.Story, error) {
	out, err := s.stories(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	if !singletons {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+articleCols+" FROM articles WHERE id NOT IN (SELECT article FROM story_articles) ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
		out = append(out, singleton(a))
	}
	return out, rows.Err()
}

func (s *Store) stories(ctx context.Context, where string, args ...any) ([]wiretrace.Story, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.origin_agency, s.origin_article, s.size, s.origin_kind, m.article, m.lag,
		m.parent_article, m.parent_agency, a.source, a.title, a.language, a.published
		FROM stories s JOIN story_articles m ON m.story = s.id JOIN articles a ON a.id = m.article `+where+`
		ORDER BY s.size DESC, s.id, a.pubday IS NULL, a.published, a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wiretrace.Story
	for rows.Next() {
		var st wiretrace.Story
		var size int
		var m wiretrace.StoryMember
		var lag int64
		var published, pg string
		var pa int64
		if err := rows.Scan(&st.ID, &st.OriginAgency, &st.OriginArticle, &size, &st.OriginKind, &m.Article, &lag, &pa, &pg,
			&m.Source, &m.Title, &m.Language, &published); err != nil {
			return nil, err
		}
		m.Lag = time.Duration(lag)
		m.Published, _ = time.Parse(time.RFC3339, published)
		m.DatePrecision = wiretrace.DatePrecision(m.Published)
		m.DerivedFrom = derivedFrom(st.OriginKind, pa, pg)
		if n := len(out); n == 0 || out[n-1].ID != st.ID {
			out = append(out, st)
		}
		out[len(out)-1].Articles = append(out[len(out)-1].Articles, m)
	}
	return out, rows.Err()
}

// parentCols is a member's parent as story_articles stores it.
func parentCols(d *wiretrace.DerivedFrom) (int64, string) {
	if d == nil {
		return 0, ""
	}
	return d.Article, d.Agency
}

// derivedFrom reads a member's parent from story_articles: a member with
// neither parent column is the root of a story whose root is an article,
// else a copy of an unknown common source. Stories stored before trees
// (kind "") have no parents.
func derivedFrom(kind string, article int64, agency string) *wiretrace.DerivedFrom {
	switch {
	case article != 0 || agency != "":
		return &wiretrace.DerivedFrom{Article: article, Agency: agency}
	case kind == wiretrace.OriginUnknown:
		return &wiretrace.DerivedFrom{Unknown: true}
	}
	return nil
}

// outletIs reports whether an outlet's name is the agency's own (its
// name, letters and digits only, holds the agency's: "Reuters" and
// "reuters.com" are Reuters's, "France 24" is not AFP's). The archive
// does not know the agency table (provenance/agency), so this is
// approximate; provenance.Stories decides for stored stories.
func outletIs(source, agency string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	a := norm(agency)
	return a != "" && strings.Contains(norm(source), a)
}
