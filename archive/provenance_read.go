package archive

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/wiretrace/wiretrace"
)

// briefCols are articleCols with the text read as an empty string, for the
// articles of a provenance.
const briefCols = "a.id, a.source, a.url, a.title, a.byline, a.dateline, a.credits, a.published, a.language, '', a.origin, a.hash, a.imported"

// Provenance returns where article id came from: its story (the stored
// tree, or a story of its own when it shares nothing), the metadata and
// credits of the story's members, the links among them and the article's
// links to articles outside its story, all read in one read transaction
// so that the parts agree. It returns an error wrapping ErrNotFound when
// there is no such article, and other errors wrapped with the article's
// id.
func (s *Store) Provenance(ctx context.Context, id int64) (*wiretrace.Provenance, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("provenance of article %d: %w", id, err)
	}
	defer tx.Rollback()
	p, err := readProvenance(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("provenance of article %d: %w", id, err)
	}
	return p, nil
}

// readProvenance is Provenance inside the transaction tx.
func readProvenance(ctx context.Context, tx *sql.Tx, id int64) (*wiretrace.Provenance, error) {
	p := &wiretrace.Provenance{Briefs: map[int64]wiretrace.Article{}}
	st, err := storyWithBriefs(ctx, tx, id, p.Briefs)
	if err != nil {
		return nil, err
	}
	if st == nil {
		as, err := briefs(ctx, tx, []int64{id})
		if err != nil {
			return nil, err
		}
		a, ok := as[id]
		if !ok {
			return nil, ErrNotFound
		}
		p.Briefs[id] = *a
		one := singleton(a)
		st = &one
	}
	p.Story, p.Article = *st, p.Briefs[id]
	members := make([]int64, len(st.Articles))
	in := make(map[int64]bool, len(st.Articles))
	for i, m := range st.Articles {
		members[i], in[m.Article] = m.Article, true
	}
	among, err := linksAmongTx(ctx, tx, members)
	if err != nil {
		return nil, err
	}
	own, err := scanLinks(ctx, tx, "SELECT "+linkCols+" FROM links WHERE from_article = ?1 UNION ALL SELECT "+linkCols+
		" FROM links WHERE to_article = ?1 AND from_article != ?1 ORDER BY reused DESC, from_article, to_article, kind", id)
	if err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	var outside []storedLink
	var far []int64
	for _, l := range own {
		other := l.From
		if other == id {
			other = l.To
		}
		if !in[other] {
			outside = append(outside, l)
			far = append(far, other)
		}
	}
	if len(far) > 0 {
		as, err := briefs(ctx, tx, far)
		if err != nil {
			return nil, err
		}
		for k, a := range as {
			p.Briefs[k] = *a
		}
	}
	ls, err := resolveLinks(ctx, tx, append(among, outside...))
	if err != nil {
		return nil, err
	}
	p.Links, p.Outside = ls[:len(among):len(among)], ls[len(among):]
	if len(p.Outside) == 0 {
		p.Outside = nil
	}
	return p, nil
}

// prefixScanner scans a row whose first columns go to pre, the rest to
// the destinations Scan is given.
type prefixScanner struct {
	r   scanner
	pre []any
}

func (s prefixScanner) Scan(dest ...any) error { return s.r.Scan(append(s.pre, dest...)...) }

// storyWithBriefs reads the stored story of article id, members in
// publication order, and puts its members' briefs into out; it returns
// nil (and no error) when the article is in no stored story.
func storyWithBriefs(ctx context.Context, q querier, id int64, out map[int64]wiretrace.Article) (*wiretrace.Story, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.id, s.origin_agency, s.origin_article, s.origin_kind, m.lag, m.parent_article, m.parent_agency, `+briefCols+`
		FROM story_articles me JOIN stories s ON s.id = me.story JOIN story_articles m ON m.story = s.id JOIN articles a ON a.id = m.article
		WHERE me.article = ? ORDER BY a.pubday IS NULL, a.published, a.id`, id)
	if err != nil {
		return nil, fmt.Errorf("story: %w", err)
	}
	defer rows.Close()
	var st *wiretrace.Story
	for rows.Next() {
		var row wiretrace.Story
		var lag, pa int64
		var pg string
		a, err := scanArticle(prefixScanner{rows, []any{&row.ID, &row.OriginAgency, &row.OriginArticle, &row.OriginKind, &lag, &pa, &pg}})
		if err != nil {
			return nil, fmt.Errorf("story: %w", err)
		}
		if st == nil {
			st = &row
		}
		out[a.ID] = *a
		st.Articles = append(st.Articles, wiretrace.StoryMember{Article: a.ID, Source: a.Source, Title: a.Title, Language: a.Language,
			Published: a.Published, Lag: time.Duration(lag), DerivedFrom: derivedFrom(st.OriginKind, pa, pg),
			DatePrecision: wiretrace.DatePrecision(a.Published)})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story: %w", err)
	}
	return st, nil
}

// briefs reads the articles ids without their text; ids that do not
// exist are absent from the map.
func briefs(ctx context.Context, q querier, ids []int64) (map[int64]*wiretrace.Article, error) {
	out := make(map[int64]*wiretrace.Article, len(ids))
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		rows, err := q.QueryContext(ctx, "SELECT "+briefCols+" FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))", jsonInts(part))
		if err == nil {
			err = collectArticles(rows, out)
		}
		if err != nil {
			return nil, fmt.Errorf("briefs: %w", err)
		}
	}
	return out, nil
}

// linksAmongTx reads the links whose two ends are both in members, by
// From, To and Kind, their passages unresolved.
func linksAmongTx(ctx context.Context, q querier, members []int64) ([]storedLink, error) {
	if len(members) < 2 {
		return nil, nil
	}
	all := jsonInts(members)
	var out []storedLink
	for start := 0; start < len(members); start += chunk {
		part := members[start:min(start+chunk, len(members))]
		ls, err := scanLinks(ctx, q, "SELECT "+linkCols+" FROM links WHERE from_article IN (SELECT value FROM json_each(?1)) AND to_article IN (SELECT value FROM json_each(?2)) ORDER BY from_article, to_article, kind",
			jsonInts(part), all)
		if err != nil {
			return nil, fmt.Errorf("links among the story: %w", err)
		}
		out = append(out, ls...)
	}
	return out, nil
}

// scanLinks runs a query of linkCols and returns its rows.
func scanLinks(ctx context.Context, q querier, query string, args ...any) ([]storedLink, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedLink
	for rows.Next() {
		l, err := scanLink(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// resolveLinks resolves the passages of raw links against the texts of
// their articles, read through q.
func resolveLinks(ctx context.Context, q querier, raw []storedLink) ([]wiretrace.Link, error) {
	if len(raw) == 0 {
		return []wiretrace.Link{}, nil
	}
	texts, err := articleTexts(ctx, q, linkArticles(raw2links(raw)))
	if err != nil {
		return nil, err
	}
	out := make([]wiretrace.Link, 0, len(raw))
	for _, l := range raw {
		link := l.Link
		if err := decodeLink(&link, l.ev, l.ch, texts[l.From], texts[l.To]); err != nil {
			return nil, err
		}
		out = append(out, link)
	}
	return out, nil
}
