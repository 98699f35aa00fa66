package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
)

// MaxReceivedField is the longest title, text or other field ReadReceived
// takes from a received archive, in bytes; a row with a longer one is
// skipped (and counted), so that a hostile file cannot make a merge hold
// a gigabyte-long value.
const MaxReceivedField = 16 << 20

// ReceivedStats says what ReadReceived read.
type ReceivedStats struct {
	Rows    int // article rows in the file
	Read    int // rows handed to fn
	Skipped int // rows skipped: a field too long or not text
}

// ErrNotArticles is returned by ReadReceived for a file whose articles
// table is not one Wiretrace wrote (missing, a view, or other columns).
var ErrNotArticles = errors.New("archive: no wiretrace articles table")

// ReadReceived reads the articles of the archive file p, someone else's
// and untrusted, and hands them to fn in id order, each with its own
// fields only (no ID, hash or import time): what a merge imports like any
// other article. It never opens p as an archive and never runs anything
// p defines: p is read on a read-only connection in defensive mode with
// trusted_schema off, only after its articles table is found to be one
// Wiretrace wrote (views, triggers and other tables are ignored, never
// touched), by plain reads of that table's rows. progress, when set, is
// called after each batch with the rows read so far and the total.
func ReadReceived(ctx context.Context, p string, fn func(*wiretrace.Article) error, progress func(done, total int)) (ReceivedStats, error) {
	var st ReceivedStats
	fi, err := os.Stat(p)
	if err != nil {
		return st, fmt.Errorf("read archive %s: %w", p, err)
	}
	if !fi.Mode().IsRegular() {
		return st, fmt.Errorf("read archive %s: not a regular file", p)
	}
	if err := sniffSQLite(p); err != nil {
		return st, fmt.Errorf("read archive %s: %w", p, err)
	}
	if fi.Size() == 0 {
		return st, fmt.Errorf("read archive %s: %w", p, ErrNotArchive)
	}
	db, err := openReceived(ctx, p)
	if err != nil {
		return st, fmt.Errorf("read archive %s: %w", p, err)
	}
	defer db.Close()
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM main.articles").Scan(&st.Rows); err != nil {
		return st, fmt.Errorf("read archive %s: %w", p, err)
	}
	// Each field is taken only when it is text (or a number) of bounded
	// length; length() of a blob is its size in bytes.
	field := func(c string) string {
		return fmt.Sprintf("CASE WHEN typeof(%[1]s) IN ('text', 'integer', 'real') AND length(CAST(%[1]s AS BLOB)) <= %[2]d THEN %[1]s END", c, MaxReceivedField)
	}
	cols := []string{"source", "published", "language", "origin", "url", "byline", "dateline", "credits", "title", "text"}
	sel := make([]string, len(cols))
	for i, c := range cols {
		sel[i] = field(c)
	}
	q := "SELECT id, " + strings.Join(sel, ", ") + " FROM main.articles WHERE id > ? ORDER BY id LIMIT 200"
	var last int64 = -1 << 63
	for {
		n, err := readReceivedBatch(ctx, db, q, &last, &st, fn)
		if err != nil {
			return st, fmt.Errorf("read archive %s: %w", p, err)
		}
		if progress != nil {
			progress(st.Read+st.Skipped, st.Rows)
		}
		if n == 0 {
			return st, nil
		}
	}
}

// openReceived opens p for ReadReceived and checks its articles table.
// It reads p as it is on disk when SQLite cannot open it read-only with
// its write-ahead log (a file from read-only media, or a log that needs
// recovery, which a read-only connection cannot do).
func openReceived(ctx context.Context, p string) (*sql.DB, error) {
	want, err := expectedSchema(SchemaVersion())
	if err != nil {
		return nil, err
	}
	var lastErr error
	for _, mode := range []string{"mode=ro", "mode=ro&immutable=1"} {
		db, err := sql.Open("sqlite", "file:"+filepathToURI(p)+"?"+mode+"&_defensive=1&_pragma=trusted_schema(0)&_pragma=query_only(1)&_pragma=busy_timeout(5000)")
		if err != nil {
			lastErr = err
			continue
		}
		db.SetMaxOpenConns(1)
		var typ, sqlText string
		err = db.QueryRowContext(ctx, "SELECT type, coalesce(sql, '') FROM main.sqlite_schema WHERE name = 'articles'").Scan(&typ, &sqlText)
		if err == nil && (typ != "table" || sqlText != want["articles"].sql) {
			db.Close()
			return nil, fmt.Errorf("%w (its articles %s is not the one wiretrace writes)", ErrNotArticles, typ)
		}
		if errors.Is(err, sql.ErrNoRows) {
			db.Close()
			return nil, ErrNotArticles
		}
		if err != nil {
			db.Close()
			lastErr = err
			continue
		}
		return db, nil
	}
	if strings.Contains(lastErr.Error(), "not a database") {
		return nil, ErrNotArchive
	}
	return nil, lastErr
}

func readReceivedBatch(ctx context.Context, db *sql.DB, q string, last *int64, st *ReceivedStats, fn func(*wiretrace.Article) error) (int, error) {
	rows, err := db.QueryContext(ctx, q, *last)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var arts []*wiretrace.Article
	n := 0
	for rows.Next() {
		var id int64
		var f [10]sql.NullString
		dest := []any{&id}
		for i := range f {
			dest = append(dest, &f[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return n, err
		}
		n++
		*last = id
		ok := true
		for _, x := range f {
			ok = ok && x.Valid
		}
		if !ok {
			st.Skipped++
			continue
		}
		text := func(i int) string { return strings.ToValidUTF8(f[i].String, "\uFFFD") }
		a := &wiretrace.Article{Source: text(0), Language: text(2), Origin: text(3), URL: text(4),
			Byline: text(5), Dateline: text(6), Title: text(8), Text: text(9)}
		if t, err := time.Parse(time.RFC3339Nano, f[1].String); err == nil {
			a.Published = t
		}
		a.Credits = receivedCredits(f[7].String)
		arts = append(arts, a)
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	rows.Close()
	// fn runs after the rows are closed: it may take long (a merge
	// stores and links), and the read must not hold the file meanwhile.
	for _, a := range arts {
		if err := fn(a); err != nil {
			return n, err
		}
		st.Read++
	}
	return n, nil
}

// receivedCredits returns the credits of a received row when they are
// well formed (known roles, short names), and nil otherwise, which makes
// the merge find them in the text like for any imported article.
func receivedCredits(js string) []wiretrace.Credit {
	c, err := decodeCredits(js)
	if err != nil || len(c) > 32 {
		return nil
	}
	for _, x := range c {
		if x.Role != wiretrace.RoleSupplier && x.Role != wiretrace.RoleCited && x.Role != wiretrace.RolePhoto ||
			x.Agency == "" || len(x.Agency) > 64 || len(x.Evidence) > 1024 || !utf8.ValidString(x.Agency+x.Evidence) {
			return nil
		}
	}
	if c == nil {
		c = []wiretrace.Credit{}
	}
	return c
}
