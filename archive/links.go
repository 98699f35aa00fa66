package archive

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/internal/par"
)

// The provenance tables: the fingerprint index, links and stories. The
// archive only stores them; package provenance computes them.

// GraphEdge is one edge of the syndication graph: From supplied (agency)
// or was copied by (outlet) To, Count times.
type GraphEdge struct {
	From       string `json:"from"`
	To         string `json:"to"`
	Kind       string `json:"kind"` // "credit" (agency to outlet), LinkReuse or LinkTranslation (outlet to outlet)
	FromAgency bool   `json:"from_agency,omitempty"`
	Count      int    `json:"count"`
}

// ArticleCredit is one credit of one article.
type ArticleCredit struct {
	Article int64  `json:"article"`
	Agency  string `json:"agency"`
	Role    string `json:"role"`
}

// chunk is how many ids go in one IN (...) list.
const chunk = 500

func packFingerprints(fps []uint64) []byte {
	s := append([]uint64(nil), fps...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	buf := make([]byte, 0, len(s)*4)
	var prev uint64
	for _, v := range s {
		buf = binary.AppendUvarint(buf, v-prev)
		prev = v
	}
	return buf
}

func unpackFingerprints(b []byte) []uint64 {
	var out []uint64
	var prev uint64
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			break
		}
		prev += d
		out = append(out, prev)
		b = b[n:]
	}
	return out
}

// SetFingerprints replaces the fingerprints of articles in the index, in
// one transaction: fps maps an article id to its fingerprints (values
// below 2^63).
func (s *Store) SetFingerprints(ctx context.Context, fps map[int64][]uint64) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("set fingerprints: %w", err)
	}
	defer done()
	if err := setFingerprintsTx(ctx, tx, fps); err != nil {
		return fmt.Errorf("set fingerprints: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set fingerprints: %w", err)
	}
	return nil
}

func setFingerprintsTx(ctx context.Context, tx *sql.Tx, fps map[int64][]uint64) error {
	old, err := tx.PrepareContext(ctx, "SELECT fps FROM article_fingerprints WHERE article = ?")
	if err != nil {
		return err
	}
	defer old.Close()
	var dels [2]*sql.Stmt
	for i, table := range [2]string{"fingerprints", "fingerprints_recent"} {
		dels[i], err = tx.PrepareContext(ctx, "DELETE FROM "+table+" WHERE fp = ? AND article = ?")
		if err != nil {
			return err
		}
		defer dels[i].Close()
	}
	save, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO article_fingerprints (article, fps) VALUES (?, ?)")
	if err != nil {
		return err
	}
	defer save.Close()
	var rows [2]int64 // of fingerprints and fingerprints_recent
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT value FROM meta WHERE key = 'fingerprints_rows'),
		(SELECT value FROM meta WHERE key = 'fingerprints_recent_rows')`).Scan(&rows[0], &rows[1]); err != nil {
		return fmt.Errorf("read fingerprint counts: %w", err)
	}
	ids := make([]int64, 0, len(fps))
	n := 0
	for id, f := range fps {
		ids = append(ids, id)
		n += len(f)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	// The old fingerprints go first, then the new ones of every article
	// go in at once, in the index's order: the rows of a batch then land
	// on each page of the small table once, instead of on a random page
	// each.
	pairs := make([]fpRow, 0, n)
	for _, id := range ids {
		var blob []byte
		switch err := old.QueryRowContext(ctx, id).Scan(&blob); {
		case err == nil:
			for _, fp := range unpackFingerprints(blob) {
				for i, del := range dels {
					res, err := del.ExecContext(ctx, int64(fp), id)
					if err != nil {
						return err
					}
					n, _ := res.RowsAffected()
					rows[i] -= n
				}
			}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		for _, fp := range fps[id] {
			pairs = append(pairs, fpRow{fp, id})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].fp != pairs[j].fp {
			return pairs[i].fp < pairs[j].fp
		}
		return pairs[i].article < pairs[j].article
	})
	for start := 0; start < len(pairs); start += fpRowsChunk {
		part := pairs[start:min(start+fpRowsChunk, len(pairs))]
		fps, arts := fpRowsArgs(part)
		res, err := tx.ExecContext(ctx, insertFingerprints, fps, arts)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		rows[1] += n
	}
	for _, id := range ids {
		if _, err := save.ExecContext(ctx, id, packFingerprints(fps[id])); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
	}
	if rows[1] >= max(fpRecentMin, rows[0]/fpRecentShare) {
		// The small table's rows are read in key order, so the merge
		// writes each page of the big index once.
		res, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO fingerprints (fp, article) SELECT fp, article FROM fingerprints_recent")
		if err != nil {
			return fmt.Errorf("merge fingerprints: %w", err)
		}
		n, _ := res.RowsAffected()
		if _, err := tx.ExecContext(ctx, "DELETE FROM fingerprints_recent"); err != nil {
			return fmt.Errorf("merge fingerprints: %w", err)
		}
		rows[0], rows[1] = rows[0]+n, 0
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET value = CASE key WHEN 'fingerprints_rows' THEN ?1 ELSE ?2 END
		WHERE key IN ('fingerprints_rows', 'fingerprints_recent_rows')`, max(rows[0], 0), max(rows[1], 0)); err != nil {
		return fmt.Errorf("save fingerprint counts: %w", err)
	}
	return nil
}

// fpRecentMin and fpRecentShare decide when the small fingerprint table
// is merged into the big one: when it holds fpRecentMin rows and at
// least 1/fpRecentShare of the big one's. About 20 bytes a row, so half a
// million rows is 10 MB, near the page cache's size; the share keeps the
// total work of merges proportional to the index's size.
var fpRecentMin int64 = 1 << 19

const fpRecentShare = 8

// fpRow is one row of the fingerprint index.
type fpRow struct {
	fp      uint64
	article int64
}

// insertFingerprints inserts rows of the small fingerprint table, in one
// statement whose text does not depend on the rows: the fingerprints as a
// JSON array (?1), and the article of each, in the same order, as a blob
// of fixed-width decimal numbers (?2, see fpRowsArgs). A blob's substr is
// read at its byte offset, and its digits cast as an integer; the JSON
// array of [fingerprint, article] pairs this replaces parsed each pair
// again for each of its two members (a third of the time of storing the
// fingerprints).
var insertFingerprints = fmt.Sprintf("INSERT OR IGNORE INTO fingerprints_recent (fp, article) SELECT value, CAST(substr(?2, key * %d + 1, %[1]d) AS INTEGER) FROM json_each(?1)", articleDigits)

// articleDigits is the width of an article id in the blob of
// insertFingerprints: a sign ('-', or '0' for ids of at least 0) and the
// 19 digits of any int64.
const articleDigits = 20

// fpRowsChunk is the number of index rows inserted by one statement.
const fpRowsChunk = 20000

// fpRowsArgs returns the arguments of insertFingerprints for rows: the
// fingerprints as a JSON array, and the articles as a blob of
// articleDigits-wide decimal numbers, zero-padded.
func fpRowsArgs(rows []fpRow) (string, []byte) {
	fps := make([]byte, 0, len(rows)*21+2)
	arts := make([]byte, 0, len(rows)*articleDigits)
	fps = append(fps, '[')
	var digits [articleDigits]byte
	for i, r := range rows {
		if i > 0 {
			fps = append(fps, ',')
		}
		fps = strconv.AppendUint(fps, r.fp, 10)
		n := uint64(r.article)
		digits[0] = '0'
		if r.article < 0 {
			n, digits[0] = uint64(-r.article), '-' // -MinInt64 wraps to 2^63, its magnitude
		}
		for k := articleDigits - 1; k > 0; k-- {
			digits[k] = byte('0' + n%10)
			n /= 10
		}
		arts = append(arts, digits[:]...)
	}
	return string(append(fps, ']')), arts
}

// Unlinked returns, in ascending order, the articles stored after the
// last one whose links were stored (by ReplaceLinks) and after those an
// import left unlinked on purpose (SkipLinking): the articles of an
// import or a relink that was stopped before it linked them.
func (s *Store) Unlinked(ctx context.Context) ([]int64, error) {
	return queryIDs(ctx, s.db, "unlinked articles", `SELECT id FROM articles WHERE id > max(
		coalesce((SELECT value FROM meta WHERE key = 'linked_upto'), 0),
		coalesce((SELECT value FROM meta WHERE key = 'link_skip_upto'), 0)) ORDER BY id`)
}

// queryIDs runs a query of one integer column and returns its values,
// errors wrapped with what.
func queryIDs(ctx context.Context, q querier, what, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// SkipLinking records that the articles up to id upto are left unlinked
// on purpose (an import without linking), so that Unlinked does not
// return them.
func (s *Store) SkipLinking(ctx context.Context, upto int64) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('link_skip_upto', ?)
		ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`, upto); err != nil {
		return fmt.Errorf("skip linking: %w", err)
	}
	return nil
}

// Postings returns, for each fingerprint, the ids of the articles that
// hold it in ascending order, at most limit of them: a fingerprint with
// limit ids is held by at least that many. Fingerprints held by no article
// are absent from the map. The lookups of up to postingsChunk fingerprints
// run as one statement, so one read transaction; the statement's text does
// not depend on the fingerprints, so SQLite parses it once per connection
// instead of once per lookup.
func (s *Store) Postings(ctx context.Context, fps []uint64, limit int) (map[uint64][]int64, error) {
	if limit <= 0 {
		limit = 1
	}
	out := make(map[uint64][]int64, len(fps))
	st, err := s.readStmt(ctx, postingsQuery)
	if err != nil {
		return nil, fmt.Errorf("postings: %w", err)
	}
	for start := 0; start < len(fps); start += postingsChunk {
		part := fps[start:min(start+postingsChunk, len(fps))]
		rows, err := st.QueryContext(ctx, jsonUints(part), limit)
		if err != nil {
			return nil, fmt.Errorf("postings: %w", err)
		}
		for rows.Next() {
			var fp int64
			var big, recent sql.NullString
			if err := rows.Scan(&fp, &big, &recent); err != nil {
				rows.Close()
				return nil, fmt.Errorf("postings: %w", err)
			}
			got, err := parseIDs(big.String)
			if err == nil && recent.String != "" {
				var more []int64
				more, err = parseIDs(recent.String)
				got = MergeIDs(got, more, limit)
			}
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("postings: fingerprint %d: %w", fp, err)
			}
			if len(got) > 0 {
				out[uint64(fp)] = got
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("postings: %w", err)
		}
	}
	return out, nil
}

// postingsQuery looks up a JSON array of fingerprints (?1), at most ?2
// articles each, as one row per fingerprint: the fingerprint and its
// articles in the big table and in the small one, each as a
// comma-separated list (NULL when none).
const postingsQuery = `SELECT j.value,
	(SELECT group_concat(article) FROM
		(SELECT article FROM fingerprints WHERE fp = j.value ORDER BY article LIMIT ?2)),
	(SELECT group_concat(article) FROM
		(SELECT article FROM fingerprints_recent WHERE fp = j.value ORDER BY article LIMIT ?2))
	FROM json_each(?1) j`

// MergeIDs merges two ascending lists of ids into one, ascending, without
// repeats, at most limit long. It may return a, or a prefix of b, itself
// when the other list is empty.
func MergeIDs(a, b []int64, limit int) []int64 {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b[:min(len(b), limit)]
	}
	out := make([]int64, 0, min(len(a)+len(b), limit))
	for len(out) < limit && (len(a) > 0 || len(b) > 0) {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case len(a) == 0 || b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return out
}

// jsonUints returns vs as a JSON array, for json_each.
func jsonUints(vs []uint64) string {
	b := make([]byte, 0, len(vs)*16+2)
	b = append(b, '[')
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, v, 10)
	}
	return string(append(b, ']'))
}

// jsonInts returns ids as a JSON array, for json_each: one statement text
// whatever the number of ids, so SQLite parses it once per connection.
func jsonInts(ids []int64) string {
	b := make([]byte, 0, len(ids)*8+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// parseIDs parses a comma-separated list of ids and sorts it.
func parseIDs(s string) ([]int64, error) {
	out := make([]int64, 0, strings.Count(s, ",")+1)
	for len(s) > 0 {
		f := s
		if i := strings.IndexByte(s, ','); i >= 0 {
			f, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	if !sort.SliceIsSorted(out, func(i, j int) bool { return out[i] < out[j] }) {
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	}
	return out, nil
}

// postingsChunk is the number of fingerprints looked up by one statement.
const postingsChunk = 2000

// ArticleMeta is the outlet and language of an article.
type ArticleMeta struct {
	Source   string
	Language string
}

// Meta returns the outlet and language of the given articles; ids that do
// not exist are absent from the map.
func (s *Store) Meta(ctx context.Context, ids []int64) (map[int64]ArticleMeta, error) {
	out := make(map[int64]ArticleMeta, len(ids))
	st, err := s.readStmt(ctx, "SELECT id, source, language FROM articles WHERE id IN (SELECT value FROM json_each(?))")
	if err != nil {
		return nil, fmt.Errorf("article meta: %w", err)
	}
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		rows, err := st.QueryContext(ctx, jsonInts(part))
		if err != nil {
			return nil, fmt.Errorf("article meta: %w", err)
		}
		for rows.Next() {
			var id int64
			var m ArticleMeta
			if err := rows.Scan(&id, &m.Source, &m.Language); err != nil {
				rows.Close()
				return nil, fmt.Errorf("article meta: %w", err)
			}
			out[id] = m
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("article meta: %w", err)
		}
	}
	return out, nil
}

// Articles returns the articles with the given ids, read by one
// statement per chunk of ids (whose text does not depend on the ids, so
// SQLite parses it once per connection); ids that do not exist are absent
// from the map.
func (s *Store) Articles(ctx context.Context, ids []int64) (map[int64]*wiretrace.Article, error) {
	out := make(map[int64]*wiretrace.Article, len(ids))
	st, err := s.readStmt(ctx, "SELECT "+articleCols+" FROM articles WHERE id IN (SELECT value FROM json_each(?))")
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		rows, err := st.QueryContext(ctx, jsonInts(part))
		if err == nil {
			err = collectArticles(rows, out)
		}
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
	}
	return out, nil
}

// collectArticles scans rows of articleCols (or briefCols) into out by id,
// and closes rows.
func collectArticles(rows *sql.Rows, out map[int64]*wiretrace.Article) error {
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return err
		}
		out[a.ID] = a
	}
	return rows.Err()
}

// Briefs returns the articles with the given ids without their text
// (Text is empty); ids that do not exist are absent from the map.
func (s *Store) Briefs(ctx context.Context, ids []int64) (map[int64]*wiretrace.Article, error) {
	return briefs(ctx, s.db, ids)
}

func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// ReplaceLinks deletes every link that touches one of articles and stores
// links instead, in one transaction.
func (s *Store) ReplaceLinks(ctx context.Context, articles []int64, links []wiretrace.Link) error {
	return s.ReplaceLinksKnown(ctx, articles, links, nil)
}

// ReplaceLinksKnown is ReplaceLinks for a caller that holds the texts
// (Article.Text) of some of the links' articles, by id: those are not read
// again from the archive (reading them was 2% of the CPU of a 100k import,
// whose linking had just read them).
func (s *Store) ReplaceLinksKnown(ctx context.Context, articles []int64, links []wiretrace.Link, known map[int64]string) error {
	_, err := s.WriteLinks(ctx, LinkWrite{Articles: articles, Links: links, Known: known})
	return err
}

// LinkWrite is one batch of links for WriteLinks.
type LinkWrite struct {
	Articles []int64          // the articles whose links are replaced
	Links    []wiretrace.Link // their new links
	Known    map[int64]string // texts of some of the links' articles, by id
	// Older replaces only the links between each of Articles and older
	// articles (smaller ids), which is what a Linker with Before
	// computes: the links that later articles made to them stay. (All
	// the links of an article are replaced otherwise.)
	Older bool
	// RelinkUpto, when not 0, records in the same transaction that a
	// relink has linked the articles up to it (see BeginRelink).
	RelinkUpto int64
}

// WriteLinks stores a batch of links in one transaction and returns the
// articles whose stories it marked out of date (stories_stale): the ends
// of the links removed and added.
func (s *Store) WriteLinks(ctx context.Context, w LinkWrite) ([]int64, error) {
	articles, links, known := w.Articles, w.Links, w.Known
	// Passages are encoded before the write transaction, on every core:
	// the articles of links do not change while they are linked.
	ends := linkArticles(links)
	var unknown []int64
	for _, id := range ends {
		if _, ok := known[id]; !ok {
			unknown = append(unknown, id)
		}
	}
	texts, err := articleTexts(ctx, s.db, unknown)
	if err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	for _, id := range ends {
		if t, ok := known[id]; ok {
			texts[id] = t
		}
	}
	type encoded struct{ ev, ch string }
	enc := make([]encoded, len(links))
	if err := par.EachErr(len(links), func(i int) error {
		l := links[i]
		ev, ch, err := encodeLink(l, texts[l.From], texts[l.To])
		enc[i] = encoded{ev, ch}
		return err
	}); err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	defer done()
	// The stories of both ends of the old and the new links are out of
	// date from now on.
	which := "from_article = ?1 OR to_article = ?1"
	if w.Older {
		which = "(to_article = ?1 AND from_article < ?1) OR (from_article = ?1 AND to_article < ?1)"
	}
	old, err := tx.PrepareContext(ctx, "SELECT from_article, to_article FROM links WHERE "+which)
	if err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	defer old.Close()
	del, err := tx.PrepareContext(ctx, "DELETE FROM links WHERE "+which)
	if err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	defer del.Close()
	linked, err := withLinks(ctx, tx, articles)
	if err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	stale := slices.Clone(ends)
	for _, id := range linked {
		rows, err := old.QueryContext(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("replace links of article %d: %w", id, err)
		}
		for rows.Next() {
			var f, t int64
			if err := rows.Scan(&f, &t); err != nil {
				rows.Close()
				return nil, fmt.Errorf("replace links of article %d: %w", id, err)
			}
			stale = append(stale, f, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("replace links of article %d: %w", id, err)
		}
		if _, err := del.ExecContext(ctx, id); err != nil {
			return nil, fmt.Errorf("replace links of article %d: %w", id, err)
		}
	}
	slices.Sort(stale)
	stale = slices.Compact(stale)
	ins, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO links
		(from_article, to_article, kind, direction_confidence, direction_reason, reused, reused_copy, evidence, changes, directed, direction_evidence)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	defer ins.Close()
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO stories_stale (article)
		SELECT value FROM json_each(?1)`, jsonInts(stale)); err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	if len(articles) > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('linked_upto', ?)
			ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`, slices.Max(articles)); err != nil {
			return nil, fmt.Errorf("replace links: %w", err)
		}
	}
	if w.RelinkUpto != 0 {
		if err := setRelinkUpto(ctx, tx, metaRelinkLinked, w.RelinkUpto); err != nil {
			return nil, fmt.Errorf("replace links: %w", err)
		}
	}
	for i, l := range links {
		if _, err := ins.ExecContext(ctx, l.From, l.To, l.Kind, l.DirectionConfidence, l.DirectionReason,
			l.Reused, l.ReusedOfCopy, enc[i].ev, enc[i].ch, l.Directed, joinEvidence(l.DirectionEvidence)); err != nil {
			return nil, fmt.Errorf("replace links: link %d -> %d: %w", l.From, l.To, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("replace links: %w", err)
	}
	return stale, nil
}

// withLinks returns those of articles that have links, in one statement:
// the articles of an import have none yet.
func withLinks(ctx context.Context, q querier, articles []int64) ([]int64, error) {
	var out []int64
	for start := 0; start < len(articles); start += fpRowsChunk {
		part := articles[start:min(start+fpRowsChunk, len(articles))]
		rows, err := q.QueryContext(ctx, `SELECT value FROM json_each(?1) WHERE
			EXISTS (SELECT 1 FROM links WHERE from_article = value) OR EXISTS (SELECT 1 FROM links WHERE to_article = value)`, jsonInts(part))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

const linkCols = "from_article, to_article, kind, direction_confidence, direction_reason, reused, reused_copy, evidence, changes, directed, direction_evidence"

// storedLink is a link row before its passages are resolved.
type storedLink struct {
	wiretrace.Link
	ev, ch string
}

func scanLink(r scanner) (storedLink, error) {
	var l storedLink
	var kinds string
	err := r.Scan(&l.From, &l.To, &l.Kind, &l.DirectionConfidence, &l.DirectionReason, &l.Reused, &l.ReusedOfCopy, &l.ev, &l.ch, &l.Directed, &kinds)
	l.DirectionEvidence = splitEvidence(kinds)
	return l, err
}

// queryLinks reads link rows and resolves their passages against the
// texts of their articles.
func (s *Store) queryLinks(ctx context.Context, q string, args ...any) ([]wiretrace.Link, error) {
	raw, err := scanLinks(ctx, s.db, q, args...)
	if err != nil {
		return nil, err
	}
	out, err := resolveLinks(ctx, s.db, raw)
	if len(out) == 0 {
		return nil, err
	}
	return out, err
}

func raw2links(raw []storedLink) []wiretrace.Link {
	out := make([]wiretrace.Link, len(raw))
	for i, l := range raw {
		out[i] = l.Link
	}
	return out
}

// Links returns the links from and to an article, the strongest first.
func (s *Store) Links(ctx context.Context, article int64) ([]wiretrace.Link, error) {
	out, err := s.queryLinks(ctx, "SELECT "+linkCols+" FROM links WHERE from_article = ?1 UNION ALL SELECT "+linkCols+
		" FROM links WHERE to_article = ?1 AND from_article != ?1 ORDER BY reused DESC, from_article, to_article", article)
	if err != nil {
		return nil, fmt.Errorf("links of article %d: %w", article, err)
	}
	return out, nil
}

// LinkedIDs returns the ids of the articles linked to any of articles.
func (s *Store) LinkedIDs(ctx context.Context, articles []int64) ([]int64, error) {
	seen := map[int64]bool{}
	var out []int64
	for start := 0; start < len(articles); start += chunk {
		part := articles[start:min(start+chunk, len(articles))]
		ph := placeholders(len(part))
		args := append(int64Args(part), int64Args(part)...)
		got, err := queryIDs(ctx, s.db, "linked articles", "SELECT to_article FROM links WHERE from_article IN ("+ph+
			") UNION SELECT from_article FROM links WHERE to_article IN ("+ph+")", args...)
		if err != nil {
			return nil, err
		}
		for _, id := range got {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

// LinkEndsAmong returns the ends and kind of the links whose two ends are
// both in articles, which is what grouping articles into stories needs; it
// reads no article text. (As whole Links, a chunk of stories' link ends
// was the largest value alive at a 100k import's peak: 32 MB.)
func (s *Store) LinkEndsAmong(ctx context.Context, articles []int64) ([]wiretrace.LinkEnd, error) {
	in := make(map[int64]bool, len(articles))
	for _, id := range articles {
		in[id] = true
	}
	var out []wiretrace.LinkEnd
	for start := 0; start < len(articles); start += chunk {
		part := articles[start:min(start+chunk, len(articles))]
		rows, err := s.db.QueryContext(ctx, "SELECT from_article, to_article, kind, directed, direction_evidence FROM links WHERE from_article IN ("+placeholders(len(part))+")", int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("link ends among articles: %w", err)
		}
		for rows.Next() {
			var l wiretrace.LinkEnd
			var kinds string
			if err := rows.Scan(&l.From, &l.To, &l.Kind, &l.Directed, &kinds); err != nil {
				rows.Close()
				return nil, fmt.Errorf("link ends among articles: %w", err)
			}
			if l.Directed {
				l.Strength = max(1, wiretrace.EvidenceStrength(splitEvidence(kinds)))
			}
			if in[l.To] {
				// One copy of each kind's name, not one per link.
				switch l.Kind {
				case wiretrace.LinkReuse:
					l.Kind = wiretrace.LinkReuse
				case wiretrace.LinkTranslation:
					l.Kind = wiretrace.LinkTranslation
				}
				out = append(out, l)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("link ends among articles: %w", err)
		}
	}
	return out, nil
}

// AllLinks returns every link, by origin and copy.
func (s *Store) AllLinks(ctx context.Context) ([]wiretrace.Link, error) {
	out, err := s.queryLinks(ctx, "SELECT "+linkCols+" FROM links ORDER BY from_article, to_article, kind")
	if err != nil {
		return nil, fmt.Errorf("all links: %w", err)
	}
	return out, nil
}

// AllCredits returns the credits of every article, by article.
func (s *Store) AllCredits(ctx context.Context) ([]ArticleCredit, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT article, agency, role FROM article_agencies ORDER BY article, role, agency")
	if err != nil {
		return nil, fmt.Errorf("credits: %w", err)
	}
	defer rows.Close()
	var out []ArticleCredit
	for rows.Next() {
		var c ArticleCredit
		if err := rows.Scan(&c.Article, &c.Agency, &c.Role); err != nil {
			return nil, fmt.Errorf("credits: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Graph returns the syndication graph: agencies to the outlets that credit
// them as supplier, and outlets to the outlets that copied or translated
// their articles, with counts, largest first.
func (s *Store) Graph(ctx context.Context) ([]GraphEdge, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT g.agency, a.source, 'credit', 1, count(*) FROM article_agencies g JOIN articles a ON a.id = g.article
		WHERE g.role = 'supplier' GROUP BY g.agency, a.source
		UNION ALL
		SELECT f.source, t.source, l.kind, 0, count(*) FROM links l
		JOIN articles f ON f.id = l.from_article JOIN articles t ON t.id = l.to_article
		GROUP BY f.source, t.source, l.kind
		ORDER BY 5 DESC, 1, 2, 3`)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	defer rows.Close()
	var out []GraphEdge
	for rows.Next() {
		var e GraphEdge
		var ag int
		if err := rows.Scan(&e.From, &e.To, &e.Kind, &ag, &e.Count); err != nil {
			return nil, fmt.Errorf("graph: %w", err)
		}
		e.FromAgency = ag == 1
		out = append(out, e)
	}
	return out, rows.Err()
}

// ClearProvenance deletes the fingerprint index, links and stories, before
// a full relink.
func (s *Store) ClearProvenance(ctx context.Context) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("clear provenance: %w", err)
	}
	defer done()
	for _, t := range []string{"story_articles", "stories", "links", "fingerprints", "fingerprints_recent", "article_fingerprints", "stories_stale"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return fmt.Errorf("clear provenance: %s: %w", t, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE meta SET value = 0 WHERE key IN ('fingerprints_rows', 'fingerprints_recent_rows')"); err != nil {
		return fmt.Errorf("clear provenance: %w", err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE meta SET value = 0 WHERE key = 'linked_upto'"); err != nil {
		return fmt.Errorf("clear provenance: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("clear provenance: %w", err)
	}
	return nil
}
