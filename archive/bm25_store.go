package archive

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Where postings come from (bm25.go): FTS5's scores solved for the
// frequencies, and the phrase_freqs table.

// scanPostings asks FTS5 for the matches of key with ids in (from,
// c.maxID] and their weighted frequencies; before is how many matches key
// has up to from. Each match's bm25() for the phrase alone is
//
//	idf × f(k1+1) / (f + k1(1 - b + b·D/avgdl))
//
// with FTS5's idf (from its row count and before plus the matches listed),
// D the article's tokens in all columns and avgdl FTS5's average, so f is
// solved for.
func (s *Store) scanPostings(ctx context.Context, c *columns, key string, from int64, before int) ([]uint32, []uint16, error) {
	if c.maxID > math.MaxUint32 {
		return nil, nil, errors.New("article ids beyond 32 bits")
	}
	tx, err := s.db.BeginTx(ctx, nil) // one snapshot for the totals and the scores
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	nRow, tokens, err := ftsTotals(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	weights := "10.0, 1.0, 0.0" // CJK bigrams of a Latin text are not its words
	if containsCJK(key) {
		weights = "10.0, 1.0, 1.0"
	}
	rows, err := tx.QueryContext(ctx, "SELECT rowid, bm25(articles_fts, "+weights+") FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ? AND rowid <= ?",
		key, from, c.maxID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []uint32
	var scores []float64
	for rows.Next() {
		var id int64
		var r float64
		if err := rows.Scan(&id, &r); err != nil {
			return nil, nil, err
		}
		ids = append(ids, uint32(id))
		scores = append(scores, -r)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	ids, scores = byID(ids, scores)
	return ids, solveFreqs(c, ids, scores, nRow, tokens, before+len(ids)), nil
}

// byID returns ids in ascending order and scores in the same order.
func byID(ids []uint32, scores []float64) ([]uint32, []float64) {
	if sort.SliceIsSorted(ids, func(i, j int) bool { return ids[i] < ids[j] }) {
		return ids, scores
	}
	idx := make([]int, len(ids))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return ids[idx[i]] < ids[idx[j]] })
	ni, ns := make([]uint32, len(ids)), make([]float64, len(ids))
	for i, k := range idx {
		ni[i], ns[i] = ids[k], scores[k]
	}
	return ni, ns
}

// solveFreqs returns the weighted frequency f of the phrase in each of ids
// from its bm25() score (scores, negated), knowing FTS5's row count and
// total of tokens and that the phrase is in hits articles.
func solveFreqs(c *columns, ids []uint32, scores []float64, nRow, tokens int64, hits int) []uint16 {
	idf := math.Log((float64(nRow) - float64(hits) + 0.5) / (float64(hits) + 0.5))
	if idf <= 0 {
		idf = 1e-6
	}
	a := idf * (bm25K1 + 1)
	avg := float64(tokens) / float64(max(nRow, 1))
	freq := make([]uint16, len(ids))
	for i, id := range ids {
		sc := scores[i]
		if sc <= 0 {
			continue
		}
		if sc >= a {
			freq[i] = math.MaxUint16
			continue
		}
		d := float64(c.dlen[id]) + float64(c.clen[id])
		k := bm25K1 * (1 - bm25B + bm25B*d/avg)
		freq[i] = uint16(min(math.Round(sc*k/(a-sc)), math.MaxUint16))
	}
	return freq
}

// partialPostings returns key's postings among ids only (ascending), with
// the number of articles holding the phrase in the whole archive, which
// FTS5's bm25() knows and tells: a match's scores S at the weights w and
// 2w give 2/S(2w) - 1/S(w) = 1/(idf(k1+1)), whence idf and the count;
// then f as in scanPostings. This costs a few passes over the phrase's
// doclist instead of scoring each of its matches. It returns nil when no
// match has a score to solve from.
func (s *Store) partialPostings(ctx context.Context, c *columns, key string, among []int64) (*postings, error) {
	if len(among) == 0 || c.maxID > math.MaxUint32 {
		return nil, nil
	}
	tx, err := s.db.BeginTx(ctx, nil) // one snapshot for the totals and the scores
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	nRow, tokens, err := ftsTotals(ctx, tx)
	if err != nil {
		return nil, err
	}
	w1, w2 := "10.0, 1.0, 0.0", "20.0, 2.0, 0.0"
	if containsCJK(key) {
		w1, w2 = "10.0, 1.0, 1.0", "20.0, 2.0, 2.0"
	}
	// The unary + keeps SQLite from handing the IN list to FTS5, which
	// would rerun the whole MATCH once per listed id.
	rows, err := tx.QueryContext(ctx, "SELECT rowid, bm25(articles_fts, "+w1+"), bm25(articles_fts, "+w2+
		") FROM articles_fts WHERE articles_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))", key, idList(among))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []uint32
	var scores []float64
	a := 0.0
	for rows.Next() {
		var id int64
		var r1, r2 float64
		if err := rows.Scan(&id, &r1, &r2); err != nil {
			return nil, err
		}
		if id <= 0 || id > c.maxID {
			continue
		}
		ids, scores = append(ids, uint32(id)), append(scores, -r1)
		if a == 0 && r1 < 0 && r2 < 0 {
			a = 1 / (2/-r2 - 1/-r1)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if a <= 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		return nil, nil
	}
	hits := int(nRow) // idf clamped to 1e-6: in at least half the articles
	if idf := a / (bm25K1 + 1); idf > 2e-6 {
		hits = int(math.Round(float64(nRow+1)/(math.Exp(idf)+1) - 0.5))
	}
	ids, scores = byID(ids, scores)
	return &postings{ids: ids, freq: solveFreqs(c, ids, scores, nRow, tokens, hits), epoch: c.ftsEpoch, upto: c.maxID, hits: hits}, nil
}

// ftsTotals reads FTS5's row count and its total of tokens in all columns
// from its averages record (data row 1: SQLite varints).
func ftsTotals(ctx context.Context, q querier) (rows, tokens int64, err error) {
	var rec []byte
	if err := q.QueryRowContext(ctx, "SELECT block FROM articles_fts_data WHERE id = 1").Scan(&rec); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, 0, nil // an empty index
		}
		return 0, 0, fmt.Errorf("index totals: %w", err)
	}
	v, n := sqliteVarint(rec)
	if n == 0 {
		return 0, 0, errors.New("index totals: bad averages record")
	}
	rows = int64(v)
	for p := rec[n:]; len(p) > 0; {
		v, n := sqliteVarint(p)
		if n == 0 {
			return 0, 0, errors.New("index totals: bad averages record")
		}
		tokens += int64(v)
		p = p[n:]
	}
	return rows, tokens, nil
}

// loadPostings reads key's kept postings from the archive, or returns nil.
func (s *Store) loadPostings(ctx context.Context, c *columns, key string) (*postings, error) {
	var upto int64
	var ids, freqs []byte
	err := s.db.QueryRowContext(ctx, "SELECT upto, ids, freqs FROM phrase_freqs WHERE expr = ? AND epoch = ?", key, c.ftsEpoch).Scan(&upto, &ids, &freqs)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) || strings.Contains(err.Error(), "no such table") {
			return nil, nil // none kept, or a read-only archive of an older schema
		}
		return nil, fmt.Errorf("phrase cache: %w", err)
	}
	if upto < 0 || upto > c.maxID || upto > math.MaxUint32 {
		return nil, nil // from a newer state of the archive than our columns
	}
	b, err := decodeBitset(ids, upto)
	if err != nil || len(freqs)%2 != 0 || b.count() != len(freqs)/2 {
		return nil, nil // a damaged row is ignored and replaced in time
	}
	p := &postings{epoch: c.ftsEpoch, upto: upto, freq: make([]uint16, len(freqs)/2), hits: len(freqs) / 2}
	for _, id := range b.ids() {
		p.ids = append(p.ids, uint32(id))
	}
	for i := range p.freq {
		p.freq[i] = binary.LittleEndian.Uint16(freqs[2*i:])
	}
	return p, nil
}

// savePostings writes key's postings to phrase_freqs, if the archive's
// epoch is still theirs and no longer set of the phrase is saved (two
// background saves may finish in either order), and trims the table to
// its most recent rows.
// With noWait it gives up at once when another connection is writing.
func (s *Store) savePostings(ctx context.Context, key string, p *postings, noWait bool) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if noWait {
		conn.ExecContext(ctx, "PRAGMA busy_timeout = 0")
		defer conn.ExecContext(ctx, "PRAGMA busy_timeout = 15000")
	}
	b := p.bitset(p.upto)
	freqs := make([]byte, 0, 2*len(p.freq))
	for _, f := range p.freq {
		freqs = binary.LittleEndian.AppendUint16(freqs, f)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO phrase_freqs (expr, epoch, upto, n, made, ids, freqs)
		SELECT ?, ?, ?, ?, ?, ?, ? WHERE (SELECT value FROM meta WHERE key = 'fts_epoch') = ?
		AND NOT EXISTS (SELECT 1 FROM phrase_freqs WHERE expr = ? AND epoch = ? AND upto > ?)`,
		key, p.epoch, p.upto, len(p.ids), time.Now().Unix(), b.encode(len(p.ids)), freqs, p.epoch, key, p.epoch, p.upto)
	if err != nil {
		return fmt.Errorf("phrase cache: %w", err)
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM phrase_freqs WHERE epoch != ? OR id IN
		(SELECT id FROM phrase_freqs ORDER BY made DESC, id DESC LIMIT -1 OFFSET ?)`, p.epoch, phraseCacheRows)
	if err != nil {
		return fmt.Errorf("phrase cache: %w", err)
	}
	return tx.Commit()
}
