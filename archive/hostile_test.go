package archive_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// hostileArchive writes an archive of the test corpus, closes it, then
// runs edits on it through a plain connection, the way someone preparing
// a file to send would (the sqlite3 CLI does the same). It returns the
// file's path.
func hostileArchive(t *testing.T, edits ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "received.db")
	s, err := archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, e := range edits {
		if _, err := db.Exec(e); err != nil {
			t.Fatalf("%s: %v", e, err)
		}
	}
	return p
}

// rawCount counts the articles of p through a plain connection.
func rawCount(t *testing.T, p string) int {
	t.Helper()
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestHostileSchemaRefused: an archive whose schema is not one Wiretrace
// wrote is refused by Open and OpenReadOnly, with a line naming what is
// unexpected, before anything it defines could run; nothing is lost.
func TestHostileSchemaRefused(t *testing.T) {
	n := len(corpus())
	tests := []struct {
		name  string
		edits []string
		want  string // in the error
	}{
		{"table name breaking naive quoting", []string{
			`CREATE TABLE "x\" (article INTEGER REFERENCES articles(id))`,
			`CREATE TABLE "x"" WHERE 1; DELETE FROM articles; --" (article INTEGER REFERENCES articles(id))`,
		}, `unexpected table "x\\"`},
		{"trigger on insert", []string{
			"CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM articles WHERE id <> NEW.id; END",
		}, `unexpected trigger "evil"`},
		{"trigger on a table searches write", []string{
			"CREATE TRIGGER evil2 AFTER INSERT ON column_snapshot BEGIN DELETE FROM articles; END",
			"DELETE FROM column_snapshot",
		}, `unexpected trigger "evil2"`},
		{"endless view in place of a table", []string{
			"ALTER TABLE meta RENAME TO meta_real",
			"CREATE VIEW meta AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT 'generation' AS key, x AS value FROM c WHERE x < 0 UNION ALL SELECT key, value FROM meta_real",
		}, `unexpected view "meta"`},
		{"one of our triggers redefined", []string{
			"DROP TRIGGER articles_gen_ad",
			"CREATE TRIGGER articles_gen_ad AFTER DELETE ON articles BEGIN DELETE FROM links; END",
		}, `altered trigger "articles_gen_ad"`},
		{"full-text index with another tokenizer", []string{
			"DROP TABLE articles_fts",
			"CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, cjk, content = 'articles', content_rowid = 'id', tokenize = 'porter')",
		}, `altered table "articles_fts"`},
		{"full-text rank naming another function", []string{
			"INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'highlight(0, 1, 2)')",
		}, `unexpected full-text setting "rank"`},
		{"index dropped", []string{"DROP INDEX articles_pubday"}, `missing index "articles_pubday"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := hostileArchive(t, tc.edits...)
			for _, open := range []func(string) (*archive.Store, error){archive.Open, archive.OpenReadOnly} {
				start := time.Now()
				s, err := open(p)
				if err == nil {
					s.Close()
					t.Fatal("opened a hostile archive")
				}
				if !errors.Is(err, archive.ErrForeignSchema) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("error %q, want ErrForeignSchema naming %s", err, tc.want)
				}
				if strings.ContainsAny(err.Error(), "\n\x1b") {
					t.Errorf("error is not one clean line: %q", err)
				}
				if d := time.Since(start); d > 5*time.Second {
					t.Errorf("refusing took %v", d)
				}
			}
			if got := rawCount(t, p); got != n {
				t.Errorf("%d articles left, want %d", got, n)
			}
		})
	}
}

// TestStatisticsTablesAccepted: SQLite's own ANALYZE tables, which the
// sqlite3 CLI or a PRAGMA optimize may add, do not make an archive
// foreign.
func TestStatisticsTablesAccepted(t *testing.T) {
	p := hostileArchive(t, "ANALYZE")
	s, err := archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Search(context.Background(), archive.Query{Text: "Tokayev"})
	if err != nil || r.Total == 0 {
		t.Fatalf("search: %v, %v", r, err)
	}
}

// TestCheckFindsSchemaChangedWhileOpen: Check verifies the schema again,
// for a change made by another program after Open.
func TestCheckFindsSchemaChangedWhileOpen(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "a.db")
	s, err := archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fill(t, s)
	other, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec(`CREATE TABLE "x"" WHERE 1; DELETE FROM articles; --" (article INTEGER REFERENCES articles(id))`); err != nil {
		t.Fatal(err)
	}
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) == 0 || probs[len(probs)-1].Check != "schema" {
		t.Fatalf("problems %v, want a schema problem", probs)
	}
	if err := s.Repair(ctx); err != nil {
		t.Fatal(err)
	}
	if got := rawCount(t, p); got != len(corpus()) {
		t.Errorf("%d articles after check and repair, want %d", got, len(corpus()))
	}
}

// TestDefensiveConnections: connections run with trusted_schema off (SQL
// in the schema may call only functions SQLite deems harmless) and in
// defensive mode (the schema cannot be rewritten through SQL).
func TestDefensiveConnections(t *testing.T) {
	s := MustOpen(t)
	fill(t, s)
	var on int
	if err := s.DB().QueryRow("PRAGMA trusted_schema").Scan(&on); err != nil || on != 0 {
		t.Fatalf("trusted_schema = %d (%v), want 0", on, err)
	}
	// Defensive mode: the schema cannot be made writable.
	s.DB().Exec("PRAGMA writable_schema = ON")
	if _, err := s.DB().Exec("UPDATE sqlite_schema SET sql = 'x' WHERE name = 'links'"); err == nil {
		t.Fatal("wrote sqlite_schema: defensive mode is off")
	}
}

// TestQueryBudget: a query of a thousand words is refused at once, and
// one running past its budget is interrupted, both with ErrTooExpensive;
// the archive then searches as before.
func TestQueryBudget(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	var arts []*wiretrace.Article
	for i := 0; i < 2000; i++ {
		arts = append(arts, &wiretrace.Article{Source: "S", Title: "the the the", Origin: fmt.Sprint(i),
			Text: strings.Repeat("the said the minister said the ", 20) + fmt.Sprint(i)})
	}
	if _, err := s.Add(ctx, arts); err != nil {
		t.Fatal(err)
	}
	long := `"` + strings.TrimSpace(strings.Repeat("the ", 1000)) + `"`
	start := time.Now()
	_, err := s.Search(ctx, archive.Query{Text: long})
	if !errors.Is(err, archive.ErrTooExpensive) || !strings.Contains(err.Error(), "1000 words") {
		t.Errorf("1000-word phrase: %v, want ErrTooExpensive naming 1000 words", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing a 1000-word phrase took %v", d)
	}
	or := strings.TrimSpace(strings.Repeat("said OR ", 5000)) + " said"
	if _, err := s.Search(ctx, archive.Query{Text: or}); !errors.Is(err, archive.ErrTooExpensive) {
		t.Errorf("5000-term OR: %v, want ErrTooExpensive", err)
	}
	phrase := `"` + strings.TrimSpace(strings.Repeat("the said ", 50)) + `"`
	_, err = s.Search(ctx, archive.Query{Text: phrase, Budget: time.Microsecond})
	if !errors.Is(err, archive.ErrTooExpensive) || !strings.Contains(err.Error(), "stopped after") {
		t.Errorf("search past its budget: %v, want ErrTooExpensive", err)
	}
	r, err := s.Search(ctx, archive.Query{Text: "minister said"})
	if err != nil || r.Total != 2000 {
		t.Errorf("search after: %v, %v", r, err)
	}
	// Operators are not words: 100 terms joined by OR are within the limit.
	terms := make([]string, archive.MaxQueryWords-1)
	for i := range terms {
		terms[i] = fmt.Sprintf("w%d", i)
	}
	if _, err := s.Search(ctx, archive.Query{Text: strings.Join(terms, " OR ") + " NOT army"}); errors.Is(err, archive.ErrTooExpensive) {
		t.Errorf("99 words and their operators refused: %v", err)
	}
	if _, err := s.Search(ctx, archive.Query{Text: strings.Repeat("哈", archive.MaxQueryWords+1)}); !errors.Is(err, archive.ErrTooExpensive) {
		t.Errorf("CJK characters are not counted as words: %v", err)
	}
}
