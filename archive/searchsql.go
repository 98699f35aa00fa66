package archive

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// matchRow is what a search needs of every matching article to filter and
// count it.
type matchRow struct {
	id       int64
	source   string
	pubday   int // 0 when undated
	language string
	agencies []string
}

// Search runs q and returns one page of ranked hits with facet counts over
// the whole match set. Text that is not valid query syntax is searched as
// plain words (Result.Notice says so); it never fails on what a user typed.
//
// Each facet counts the matches that pass every filter except its own, so
// that ticking one source still shows the others as choices.
func (s *Store) Search(ctx context.Context, q Query) (*Result, error) {
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
	rows, err := s.matchRows(ctx, fq.expr)
	if err != nil && fq.expr != "" && !fq.plain && isFTSSyntaxError(err) {
		// A construct our parser let through but FTS5 refuses: plain words.
		fq = translate(strings.NewReplacer("(", " ", ")", " ", `"`, " ").Replace(q.Text))
		fq.plain = true
		res.Notice = fmt.Sprintf("%q is not valid query syntax: searched as plain words", q.Text)
		rows, err = s.matchRows(ctx, fq.expr)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	f := newFilter(q)
	var matched []*matchRow
	for _, r := range rows {
		if f.pass(r, "") {
			matched = append(matched, r)
		}
	}
	res.Total = len(matched)
	res.Facets = facets(rows, f)
	page, err := s.rank(ctx, q, fq, f, matched)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	hits, err := s.hits(ctx, fq, page)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	res.Hits = hits
	return res, nil
}

func isFTSSyntaxError(err error) bool {
	m := err.Error()
	return strings.Contains(m, "fts5") || strings.Contains(m, "syntax error") || strings.Contains(m, "unterminated")
}

func emptyFacets() Facets {
	return Facets{Source: []FacetCount{}, Day: []FacetCount{}, Month: []FacetCount{}, Language: []FacetCount{}, Agency: []FacetCount{}}
}

// matchRows returns every article matching expr ("" matches all).
func (s *Store) matchRows(ctx context.Context, expr string) ([]*matchRow, error) {
	var rows *sql.Rows
	var err error
	if expr == "" {
		rows, err = s.db.QueryContext(ctx, "SELECT id, source, coalesce(pubday, 0), language FROM articles")
	} else {
		rows, err = s.db.QueryContext(ctx, `SELECT a.id, a.source, coalesce(a.pubday, 0), a.language
			FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?`, expr)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*matchRow
	byID := map[int64]*matchRow{}
	for rows.Next() {
		r := &matchRow{}
		if err := rows.Scan(&r.id, &r.source, &r.pubday, &r.language); err != nil {
			return nil, err
		}
		out = append(out, r)
		byID[r.id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	var ag *sql.Rows
	if expr == "" {
		ag, err = s.db.QueryContext(ctx, "SELECT article, agency FROM article_agencies WHERE role != 'photo'")
	} else {
		ag, err = s.db.QueryContext(ctx, `SELECT article, agency FROM article_agencies WHERE role != 'photo'
			AND article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, expr)
	}
	if err != nil {
		return nil, err
	}
	defer ag.Close()
	for ag.Next() {
		var id int64
		var a string
		if err := ag.Scan(&id, &a); err != nil {
			return nil, err
		}
		if r := byID[id]; r != nil && !contains(r.agencies, a) {
			r.agencies = append(r.agencies, a)
		}
	}
	return out, ag.Err()
}

// filter holds a query's filters in a form fast to test.
type filter struct {
	sources, langs, agencies map[string]bool
	from, to                 int
}

func newFilter(q Query) *filter {
	f := &filter{sources: set(q.Sources), langs: set(q.Languages), agencies: set(q.Agencies)}
	if !q.From.IsZero() {
		f.from = q.From.Year()*10000 + int(q.From.Month())*100 + q.From.Day()
	}
	if !q.To.IsZero() {
		f.to = q.To.Year()*10000 + int(q.To.Month())*100 + q.To.Day()
	}
	return f
}

func set(list []string) map[string]bool {
	if len(list) == 0 {
		return nil
	}
	m := map[string]bool{}
	for _, v := range list {
		m[v] = true
	}
	return m
}

// pass reports whether r passes every filter but the one named skip
// ("source", "date", "language" or "agency").
func (f *filter) pass(r *matchRow, skip string) bool {
	if skip != "source" && f.sources != nil && !f.sources[r.source] {
		return false
	}
	if skip != "language" && f.langs != nil && !f.langs[r.language] {
		return false
	}
	if skip != "date" && (f.from != 0 || f.to != 0) {
		if r.pubday == 0 || (f.from != 0 && r.pubday < f.from) || (f.to != 0 && r.pubday > f.to) {
			return false
		}
	}
	if skip != "agency" && f.agencies != nil {
		ok := false
		for _, a := range r.agencies {
			if f.agencies[a] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func (f *filter) any() bool {
	return f.sources != nil || f.langs != nil || f.agencies != nil || f.from != 0 || f.to != 0
}

func facets(rows []*matchRow, f *filter) Facets {
	src, day, month, lang, ag := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	undated := 0
	for _, r := range rows {
		if f.pass(r, "source") {
			src[r.source]++
		}
		if f.pass(r, "language") {
			lang[r.language]++
		}
		if f.pass(r, "agency") {
			for _, a := range r.agencies {
				ag[a]++
			}
		}
		if f.pass(r, "date") {
			if r.pubday == 0 {
				undated++
			} else {
				d := dayString(r.pubday)
				day[d]++
				month[d[:7]]++
			}
		}
	}
	return Facets{
		Source: byCount(src), Language: byCount(lang), Agency: byCount(ag),
		Day: byValue(day), Month: byValue(month), Undated: undated,
	}
}

func byCount(m map[string]int) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for v, c := range m {
		out = append(out, FacetCount{Value: v, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

func byValue(m map[string]int) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for v, c := range m {
		out = append(out, FacetCount{Value: v, Count: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// ranked is one article of the page to show, with its score.
type ranked struct {
	id    int64
	score float64
}

// rank returns the page of matched articles in the query's order.
func (s *Store) rank(ctx context.Context, q Query, fq ftsQuery, f *filter, matched []*matchRow) ([]ranked, error) {
	if q.Offset >= len(matched) {
		return nil, nil
	}
	if fq.expr == "" || q.Sort == SortNewest || q.Sort == SortOldest {
		rows := append([]*matchRow(nil), matched...)
		newest := q.Sort != SortOldest
		sort.SliceStable(rows, func(i, j int) bool {
			a, b := rows[i], rows[j]
			if (a.pubday == 0) != (b.pubday == 0) {
				return a.pubday != 0 // undated last
			}
			if a.pubday != b.pubday {
				return (a.pubday > b.pubday) == newest
			}
			return (a.id > b.id) == newest
		})
		end := min(q.Offset+q.Limit, len(rows))
		out := make([]ranked, 0, end-q.Offset)
		for _, r := range rows[q.Offset:end] {
			out = append(out, ranked{id: r.id})
		}
		return out, nil
	}
	// BM25 with the title weighted ten times the body.
	const rankSQL = "bm25(articles_fts, 10.0, 1.0, 1.0)"
	var rows *sql.Rows
	var err error
	if !f.any() {
		rows, err = s.db.QueryContext(ctx, "SELECT rowid, "+rankSQL+" AS r FROM articles_fts WHERE articles_fts MATCH ? ORDER BY r LIMIT ? OFFSET ?",
			fq.expr, q.Limit, q.Offset)
	} else {
		ids := make([]string, len(matched))
		for i, r := range matched {
			ids[i] = fmt.Sprint(r.id)
		}
		rows, err = s.db.QueryContext(ctx, "SELECT rowid, "+rankSQL+" AS r FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?)) ORDER BY r LIMIT ? OFFSET ?",
			fq.expr, "["+strings.Join(ids, ",")+"]", q.Limit, q.Offset)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ranked
	for rows.Next() {
		var r ranked
		if err := rows.Scan(&r.id, &r.score); err != nil {
			return nil, err
		}
		r.score = -r.score
		out = append(out, r)
	}
	return out, rows.Err()
}

// hits reads the rows of a page and makes their snippets.
func (s *Store) hits(ctx context.Context, fq ftsQuery, page []ranked) ([]Hit, error) {
	out := make([]Hit, 0, len(page))
	for _, p := range page {
		var h Hit
		var published, text string
		err := s.db.QueryRowContext(ctx, "SELECT id, title, source, origin, url, published, language, substr(text, 1, 600) FROM articles WHERE id = ?", p.id).
			Scan(&h.ID, &h.Title, &h.Source, &h.Origin, &h.URL, &published, &h.Language, &text)
		if err != nil {
			return nil, err
		}
		h.Published, _ = time.Parse(time.RFC3339, published)
		h.Score = p.score
		h.Credits = []string{}
		ag, err := s.db.QueryContext(ctx, "SELECT DISTINCT agency FROM article_agencies WHERE article = ? AND role != 'photo' ORDER BY role != 'supplier', agency", p.id)
		if err != nil {
			return nil, err
		}
		for ag.Next() {
			var a string
			if err := ag.Scan(&a); err != nil {
				ag.Close()
				return nil, err
			}
			h.Credits = append(h.Credits, a)
		}
		ag.Close()
		switch {
		case fq.expr == "":
			h.Snippet = cut(text, 200)
		case fq.cjk:
			full, err := s.Article(ctx, p.id)
			if err != nil {
				return nil, err
			}
			h.Snippet = Highlight(snippetAround(full.Text, fq.terms), fq.terms, fq.prefix)
		default:
			err := s.db.QueryRowContext(ctx, "SELECT snippet(articles_fts, 1, ?, ?, '…', 24) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
				MarkStart, MarkEnd, fq.expr, p.id).Scan(&h.Snippet)
			if err != nil {
				return nil, err
			}
			if !strings.Contains(h.Snippet, MarkStart) { // matched in the title only
				h.Snippet = cut(text, 200)
			}
			h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		}
		out = append(out, h)
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

// snippetAround returns about 80 characters of text around the first term
// found in it.
func snippetAround(text string, terms []string) string {
	lower := strings.ToLower(text)
	at := -1
	for _, t := range terms {
		if i := strings.Index(lower, strings.ToLower(t)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return cut(text, 120)
	}
	r := []rune(text)
	pos := utf8.RuneCountInString(text[:at])
	start, end := max(0, pos-40), min(len(r), pos+80)
	s := string(r[start:end])
	if start > 0 {
		s = "…" + s
	}
	if end < len(r) {
		s += "…"
	}
	return strings.Join(strings.Fields(s), " ")
}
