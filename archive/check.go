package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/wiretrace/wiretrace"
)

// Problem is one thing Check found wrong with an archive.
type Problem struct {
	Check  string `json:"check"`
	Detail string `json:"detail"`
}

func (p Problem) String() string { return p.Check + ": " + p.Detail }

// Check verifies the archive: schema version, SQLite's integrity check, the
// full-text index against the articles, the credits table against the
// articles' credits, and that derived tables only name existing articles.
// It returns the problems found; the error is for a check that could not
// run.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	out := s.walProblems()
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	if v != SchemaVersion() {
		out = append(out, Problem{"schema", fmt.Sprintf("version %d, want %d", v, SchemaVersion())})
	}
	if err := verifySchema(ctx, s.db, v); err != nil {
		// Open refuses such a file; this finds a change made since.
		return append(out, Problem{"schema", err.Error()}), nil
	}
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	for rows.Next() {
		var msg string
		rows.Scan(&msg)
		if msg != "ok" {
			out = append(out, Problem{"integrity", msg})
		}
	}
	rows.Close()
	// FTS5 checks its index on a write statement, which a read-only
	// archive refuses: there only SQLite's integrity check reads it.
	if s.readOnly {
	} else if _, err := s.db.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		out = append(out, Problem{"fts", "full-text index does not match the articles: " + err.Error()})
	}
	var bad int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE
		(SELECT count(*) FROM article_agencies g WHERE g.article = a.id) !=
		(SELECT count(DISTINCT json_extract(value, '$.agency') || '/' || json_extract(value, '$.role')) FROM json_each(a.credits))`).Scan(&bad)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	if bad > 0 {
		out = append(out, Problem{"credits", fmt.Sprintf("%d articles whose credit rows differ from their credits", bad)})
	}
	// Every table with an article column must only name stored articles.
	for _, ref := range articleRefs {
		var n int
		q := "SELECT count(*) FROM " + ref[0] + " WHERE " + ref[1] + " NOT IN (SELECT id FROM articles)"
		if err := s.db.QueryRowContext(ctx, q).Scan(&n); err == nil && n > 0 {
			out = append(out, Problem{"references", fmt.Sprintf("%d rows of %s name missing articles", n, ref[0])})
		}
	}
	return out, nil
}

// articleRefs are the (table, column) pairs of the schema that hold
// article ids (its foreign keys to articles; TestArticleRefsMatchSchema
// keeps the list complete). Check and Repair name tables from this list
// only, never from what the file says: a name read from the file is data,
// and a table named to break out of quoting would run as SQL.
var articleRefs = [][2]string{
	{"article_agencies", "article"},
	{"article_fingerprints", "article"},
	{"links", "from_article"},
	{"links", "to_article"},
	{"stories_stale", "article"},
	{"story_articles", "article"},
}

// Repair rebuilds what is derived from the stored articles: the full-text
// index, the credits table and the search columns, and removes rows of
// derived tables that name missing articles. Provenance links are rebuilt
// by relinking.
//
// A full-text index whose pages are damaged is rebuilt by rebuilding the
// file (repair.go): Repair then needs the archive to itself, and must not
// run while this Store is in use elsewhere.
func (s *Store) Repair(ctx context.Context) error {
	if err := s.repairIndex(ctx); err != nil {
		return fmt.Errorf("repair: full-text index: %w", err)
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("repair: %w", err)
	}
	defer done()
	if _, err := tx.ExecContext(ctx, "DELETE FROM article_agencies"); err != nil {
		return fmt.Errorf("repair: credits: %w", err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, credits FROM articles WHERE credits != '[]'")
	if err != nil {
		return fmt.Errorf("repair: credits: %w", err)
	}
	type cr struct {
		id int64
		c  []wiretrace.Credit
	}
	var all []cr
	for rows.Next() {
		var id int64
		var js string
		if err := rows.Scan(&id, &js); err != nil {
			rows.Close()
			return fmt.Errorf("repair: credits: %w", err)
		}
		var c []wiretrace.Credit
		if json.Unmarshal([]byte(js), &c) == nil {
			all = append(all, cr{id, c})
		}
	}
	rows.Close()
	for _, x := range all {
		for _, c := range x.c {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO article_agencies (article, agency, role) VALUES (?,?,?)", x.id, c.Agency, c.Role); err != nil {
				return fmt.Errorf("repair: credits: %w", err)
			}
		}
	}
	for _, ref := range articleRefs {
		q := "DELETE FROM " + ref[0] + " WHERE " + ref[1] + " NOT IN (SELECT id FROM articles)"
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("repair: %s: %w", ref[0], err)
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM column_snapshot; DELETE FROM match_cache; UPDATE meta SET value = value + 1 WHERE key IN ('generation', 'rewrites', 'fts_epoch')"); err != nil {
		return fmt.Errorf("repair: columns: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("repair: %w", err)
	}
	return nil
}

// walProblems reports a write-ahead log beside the archive that open found
// was written for another file (wal.go), and such logs earlier opens moved
// aside. They hold another archive's unsaved changes, none of this one's.
func (s *Store) walProblems() []Problem {
	var out []Problem
	if s.wal.ignored {
		out = append(out, Problem{"wal", fmt.Sprintf("%s-wal is not this archive's write-ahead log (%s); it was not read: delete it, or open the archive with write access to set it aside", s.path, s.wal.reason)})
	}
	if s.wal.stale != "" {
		out = append(out, Problem{"wal", fmt.Sprintf("the write-ahead log beside the archive was another file's (%s): moved aside to %s, not applied; delete it once you know you need nothing from the file it belonged to", s.wal.reason, s.wal.stale)})
	}
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, base+"-wal") && strings.HasSuffix(n, ".stale") && filepath.Base(s.wal.stale) != n {
			out = append(out, Problem{"wal", fmt.Sprintf("%s is another file's write-ahead log, set aside when the archive was opened: delete it once you know you need nothing from the file it belonged to", filepath.Join(dir, n))})
		}
	}
	return out
}
