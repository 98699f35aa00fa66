package main

import (
	"database/sql"
	"os"
	"strings"
	"testing"
)

// TestCheckRepairsDamagedIndex: check sends an archive whose full-text
// index has a damaged page to check --repair, which rebuilds it, after
// which check says ok and search finds what it found before.
func TestCheckRepairsDamagedIndex(t *testing.T) {
	db := seedsArchive(t)
	before, _, err := run(t, "search", "--db", db, "--json", "president")
	if err != nil {
		t.Fatal(err)
	}
	// Overwrite the index's data table's root page.
	sdb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var root int64
	err = sdb.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'articles_fts_data'").Scan(&root)
	sdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte(strings.Repeat("\xa5junk", 16384/5)), (root-1)*16384)
	f.Close()

	out, _, err := run(t, "check", "--db", db)
	if err == nil || !strings.Contains(out, "problem: integrity") || !strings.Contains(err.Error(), "check --repair") {
		t.Fatalf("check of a damaged index: %v\n%s", err, out)
	}
	if out, _, err = run(t, "check", "--db", db, "--repair"); err != nil || !strings.Contains(out, "ok:") {
		t.Fatalf("check --repair: %v\n%s", err, out)
	}
	if out, _, err = run(t, "check", "--db", db); err != nil || !strings.HasPrefix(out, "ok:") {
		t.Fatalf("check after repair: %v\n%s", err, out)
	}
	after, _, err := run(t, "search", "--db", db, "--json", "president")
	if err != nil || after != before {
		t.Errorf("search after repair: %v\n%s\nwant\n%s", err, after, before)
	}
}

// TestCheckRepairRelinks: check --repair rebuilds the provenance links
// and stories as derived data, through the linking service: an archive
// whose links and stories were lost gets back those of its import.
func TestCheckRepairRelinks(t *testing.T) {
	db := seedsArchive(t)
	want, n := linkRows(t, db)
	wantSum := provenanceOf(t, db)
	if n == 0 {
		t.Fatal("the seeds' import stored no links")
	}
	plant(t, db, "DELETE FROM links", "DELETE FROM story_articles", "DELETE FROM stories")
	if _, m := linkRows(t, db); m != 0 {
		t.Fatalf("%d links left after deleting them", m)
	}
	if out, stderr, err := run(t, "check", "--db", db, "--repair"); err != nil || !strings.Contains(out, "derived data rebuilt") {
		t.Fatalf("check --repair: %v\n%s%s", err, out, stderr)
	}
	if got, m := linkRows(t, db); got != want {
		t.Errorf("after check --repair: %d links, the import's %d (or not the same)", m, n)
	}
	if got := provenanceOf(t, db); got != wantSum {
		t.Errorf("after check --repair: %s; after the import: %s", got, wantSum)
	}
}
