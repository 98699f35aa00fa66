package archive

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

// FuzzOpenArchive mutates a small archive the way a hostile colleague
// could before sending it (any SQL with writable_schema on, so
// sqlite_master edits too, then a byte flipped anywhere in the file) and
// opens it. Open must refuse it or read it safely: never hang, never
// panic, and when it accepts the file, the schema is exactly Wiretrace's
// and nothing planted runs during a search, an insert and a check (the
// articles are all still there afterwards).
func FuzzOpenArchive(f *testing.F) {
	base := filepath.Join(f.TempDir(), "base.db")
	s, err := Open(base)
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	if _, err := s.Add(ctx, []*wiretrace.Article{
		{Source: "DNA", Title: "Kazakh leader vows to rebuild Almaty", Language: "en", Text: "President Tokayev visited Almaty on Tuesday."},
		{Source: "Dawn", Title: "Almaty rebuilt", Language: "en", Text: "The city of Almaty will be restored, officials said."},
	}); err != nil {
		f.Fatal(err)
	}
	if err := s.Close(); err != nil {
		f.Fatal(err)
	}
	orig, err := os.ReadFile(base)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []struct {
		sql  string
		at   uint32
		flip byte
	}{
		{"", 0, 0},
		{"CREATE TRIGGER evil AFTER INSERT ON articles BEGIN DELETE FROM articles; END", 0, 0},
		{"CREATE TRIGGER evil2 AFTER INSERT ON column_snapshot BEGIN DELETE FROM articles; END", 0, 0},
		{"ALTER TABLE meta RENAME TO m2; CREATE VIEW meta AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT 'generation' AS key, x AS value FROM c", 0, 0},
		{"UPDATE sqlite_master SET sql = replace(sql, 'BEGIN', 'BEGIN DELETE FROM articles;') WHERE type = 'trigger'", 0, 0},
		{"UPDATE sqlite_master SET sql = 'CREATE VIEW meta AS SELECT 1 AS key, 2 AS value' WHERE name = 'meta'", 0, 0},
		{"UPDATE sqlite_master SET name = 'x\" WHERE 1; DELETE FROM articles; --' WHERE name = 'links'", 0, 0},
		{"PRAGMA user_version = 1", 0, 0},
		{"", 100, 0xff},
		{"", 4096 + 8, 0x7f},
		{"", 18, 0x03},
	} {
		f.Add(seed.sql, seed.at, seed.flip)
	}
	f.Fuzz(func(t *testing.T, stmt string, at uint32, flip byte) {
		p := filepath.Join(t.TempDir(), "received.db")
		if err := os.WriteFile(p, orig, 0o644); err != nil {
			t.Fatal(err)
		}
		mutate(t, p, stmt, at, flip)
		before := plainCount(p)
		done := make(chan struct{})
		var opened bool
		go func() {
			defer close(done)
			opened = useArchive(t, p)
		}()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Fatalf("opening and using the mutated archive hangs (stmt %q, byte %d ^ %#x)", stmt, at, flip)
		}
		if !opened || before < 0 {
			return
		}
		if after := plainCount(p); after < before {
			t.Errorf("articles went from %d to %d while wiretrace used the file: planted SQL ran (stmt %q, byte %d ^ %#x)", before, after, stmt, at, flip)
		}
	})
}

// mutate runs stmt on p through a plain connection with writable_schema
// on, then xors the byte at at (modulo the file's size) with flip.
func mutate(t *testing.T, p, stmt string, at uint32, flip byte) {
	if stmt != "" {
		db, err := sql.Open("sqlite", p)
		if err != nil {
			t.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		db.ExecContext(ctx, "PRAGMA writable_schema = ON")
		db.ExecContext(ctx, stmt) // a statement SQLite refuses is a mutation too
		db.ExecContext(ctx, "PRAGMA writable_schema = OFF")
		cancel()
		db.Close()
	}
	if flip == 0 {
		return
	}
	b, err := os.ReadFile(p)
	if err != nil || len(b) == 0 {
		return
	}
	b[int(at)%len(b)] ^= flip
	os.WriteFile(p, b, 0o644)
}

// plainCount counts p's articles through a plain read-only connection,
// -1 when it cannot.
func plainCount(p string) int {
	db, err := sql.Open("sqlite", "file:"+p+"?mode=ro")
	if err != nil {
		return -1
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var n int
	if db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n) != nil {
		return -1
	}
	return n
}

// useArchive opens p as wiretrace does and, when it is accepted, checks
// that its schema is exactly wiretrace's, then searches, adds an article
// and checks it. It reports whether p was accepted.
func useArchive(t *testing.T, p string) bool {
	s, err := Open(p)
	if err != nil {
		if errors.Is(err, ErrForeignSchema) && len(err.Error()) > 2000 {
			t.Errorf("refusal is %d bytes: not one line", len(err.Error()))
		}
		return false
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	got, err := readSchema(ctx, s.db)
	if err == nil {
		want, _ := expectedSchema(SchemaVersion())
		for name, o := range got {
			if w, ok := want[name]; (!ok || w.sql != o.sql) && builtinObjects[name] == "" {
				t.Errorf("accepted an archive with a foreign %s %q", o.typ, name)
			}
		}
	}
	s.Search(ctx, Query{Text: "Almaty"})
	s.Add(ctx, []*wiretrace.Article{{Source: "Me", Title: "Fuzz", Language: "en", Text: "An article added to a received archive about Almaty."}})
	s.Check(ctx)
	return true
}
