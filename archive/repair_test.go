package archive_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// manyArticles fills a new archive at p with n articles, enough for the
// full-text index to span several pages, and closes it.
func manyArticles(t *testing.T, p string, n int) {
	t.Helper()
	s, err := archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	var arts []*wiretrace.Article
	for i := 0; i < n; i++ {
		arts = append(arts, &wiretrace.Article{Source: "Wire", Language: "en", Origin: fmt.Sprintf("%d.txt", i),
			Title: fmt.Sprintf("Report %d on word%d", i, i),
			Text:  fmt.Sprintf("Number %d of the lorem ipsum reports, about thing%d and stuff%d.", i, i*7, i*13)})
	}
	if _, err := s.Add(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// ftsDataPages returns the pages of the full-text index's data table, its
// root first.
func ftsDataPages(t *testing.T, p string) []int64 {
	t.Helper()
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT pageno FROM dbstat WHERE name = 'articles_fts_data' ORDER BY path")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var pages []int64
	for rows.Next() {
		var pg int64
		rows.Scan(&pg)
		pages = append(pages, pg)
	}
	if len(pages) < 2 {
		t.Fatalf("the index has %d pages, want several", len(pages))
	}
	return pages
}

// overwritePage overwrites page pg (of 16 KiB) of the file p with junk.
func overwritePage(t *testing.T, p string, pg int64) {
	t.Helper()
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 16384)
	for i := range junk {
		junk[i] = byte(i*7 + 3)
	}
	if _, err := f.WriteAt(junk, (pg-1)*16384); err != nil {
		t.Fatal(err)
	}
}

// TestRepairDamagedIndex: with one of the full-text index's pages
// overwritten, check reports the damage, a search that reads the page
// says the index is damaged, and check --repair (Repair) rebuilds the
// index although FTS5's 'rebuild' and DROP TABLE both fail on it.
func TestRepairDamagedIndex(t *testing.T) {
	ctx := context.Background()
	for _, which := range []string{"root", "leaf"} {
		t.Run(which, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "a.db")
			manyArticles(t, p, 400)
			pages := ftsDataPages(t, p)
			pg := pages[0]
			if which == "leaf" {
				pg = pages[len(pages)-1]
			}
			overwritePage(t, p, pg)
			s, err := archive.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			problems, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, pr := range problems {
				kinds = append(kinds, pr.Check)
			}
			if k := strings.Join(kinds, ","); k != "integrity,fts" {
				t.Errorf("check: %v, want integrity and fts problems", problems)
			}
			if which == "root" {
				_, err := s.Search(ctx, archive.Query{Text: "lorem"})
				if err == nil {
					t.Fatal("search of a damaged index succeeded")
				}
				if err := archive.IndexDamaged(err); !errors.Is(err, archive.ErrIndexDamaged) || err.Error() != "the full-text index is damaged: run wiretrace check --repair" {
					t.Errorf("search error %q is not told as a damaged index", err)
				}
			}
			if err := s.Repair(ctx); err != nil {
				t.Fatalf("repair: %v", err)
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
				t.Errorf("check after repair: %v %v", problems, err)
			}
			for q, want := range map[string]int{"lorem": 400, "word17": 1, "thing70": 1} {
				r, err := s.Search(ctx, archive.Query{Text: q})
				if err != nil || r.Total != want {
					t.Errorf("search %q after repair: %v, %v; want %d", q, r, err, want)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			for _, suf := range []string{".repair", ".repair-wal", "-wal"} {
				if _, err := os.Stat(p + suf); err == nil {
					t.Errorf("%s left beside the archive", suf)
				}
			}
			s, err = archive.Open(p)
			if err != nil {
				t.Fatalf("reopen after repair: %v", err)
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
				t.Errorf("check after reopening: %v %v", problems, err)
			}
		})
	}
}

// TestIndexDamagedPassesOtherErrors: only SQLite's malformed-file errors
// are told as a damaged index.
func TestIndexDamagedPassesOtherErrors(t *testing.T) {
	other := errors.New("x")
	if archive.IndexDamaged(other) != other || archive.IndexDamaged(nil) != nil {
		t.Error("IndexDamaged changed an error that is not SQLite's corruption")
	}
}

// TestOtherTokenizerRefused: a full-text index recreated with another
// tokenizer (which changes what every search matches) is refused by Open,
// and reported by Check when changed while the archive is open.
func TestOtherTokenizerRefused(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "a.db")
	manyArticles(t, p, 20)
	const recreate = `DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, cjk,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');`
	s, err := archive.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(recreate); err != nil {
		t.Fatal(err)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 1 || problems[0].Check != "schema" || !strings.Contains(problems[0].Detail, `altered table "articles_fts"`) {
		t.Errorf("check: %v %v, want the altered index reported", problems, err)
	}
	s.Close()
	if _, err := archive.Open(p); !errors.Is(err, archive.ErrForeignSchema) {
		t.Errorf("open: %v, want ErrForeignSchema", err)
	}
	if _, err := archive.OpenReadOnly(p); !errors.Is(err, archive.ErrForeignSchema) {
		t.Errorf("open read-only: %v, want ErrForeignSchema", err)
	}
}
