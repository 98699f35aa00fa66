package archive

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
)

func TestColumnsFollowChanges(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	add := func(s *Store, src, title, text string) {
		t.Helper()
		if _, err := s.Add(ctx, []*wiretrace.Article{{Source: src, Title: title, Text: text, Language: "en",
			Published: time.Date(2022, 1, 12, 0, 0, 0, 0, time.UTC), Credits: []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}}}}); err != nil {
			t.Fatal(err)
		}
	}
	total := func(s *Store, q Query) (int, Facets) {
		t.Helper()
		r, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return r.Total, r.Facets
	}
	add(s, "A", "one", "Almaty text one")
	if n, _ := total(s, Query{Text: "almaty"}); n != 1 {
		t.Fatalf("total %d", n)
	}
	add(s, "B", "two", "Almaty text two")
	n, f := total(s, Query{Text: "almaty", Sources: []string{"B"}})
	if n != 1 || len(f.Source) != 2 || f.Agency[0].Count != 1 {
		t.Errorf("after an append: total %d facets %+v", n, f)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A new process loads the stored snapshot instead of the rows.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	snap, _, err := s.loadSnapshot(ctx)
	if err != nil || snap.count != 2 {
		t.Fatalf("snapshot: %v %+v", err, snap)
	}
	// Another writer appends meanwhile: the snapshot is refreshed by delta.
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	add(w, "C", "three", "Almaty text three")
	w.Close()
	if n, f := total(s, Query{Text: "almaty"}); n != 3 || len(f.Source) != 3 {
		t.Errorf("after another process appended: total %d sources %d", n, len(f.Source))
	}
	// A deletion forces a rebuild.
	if _, err := s.db.Exec("DELETE FROM articles WHERE source = 'A'"); err != nil {
		t.Fatal(err)
	}
	if n, f := total(s, Query{Text: "almaty"}); n != 2 || len(f.Source) != 2 {
		t.Errorf("after a delete: total %d sources %+v", n, f.Source)
	}
	// A damaged snapshot is ignored and rebuilt.
	s.db.Exec("UPDATE column_snapshot SET data = x'57544333deadbeef'")
	s.Close()
	s, _ = Open(path)
	defer s.Close()
	if n, _ := total(s, Query{Text: "almaty"}); n != 2 {
		t.Errorf("with a damaged snapshot: total %d", n)
	}
	if _, err := decodeColumns([]byte(snapshotMagic)); err == nil {
		t.Error("truncated snapshot decoded")
	}
}

// TestRankManyMatches checks the ranking of a query that matches many
// articles: every match is ranked, so both title matches come first,
// the oldest one too; a filter ranks what it keeps.
func TestRankManyMatches(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []*wiretrace.Article
	for i := 0; i < 4500; i++ {
		title := fmt.Sprintf("Story %d", i)
		if i == 7 || i == 4200 {
			title = fmt.Sprintf("Common ground %d", i)
		}
		arts = append(arts, &wiretrace.Article{Source: fmt.Sprintf("S%d", i%50), Title: title, Language: "en",
			Text: fmt.Sprintf("Body %d with a common word and filler text number %d.", i, i)})
	}
	if _, err := s.Add(ctx, arts); err != nil {
		t.Fatal(err)
	}
	r, err := s.Search(ctx, Query{Text: "common", Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != len(arts) || len(r.Facets.Source) != 50 {
		t.Errorf("total %d sources %d", r.Total, len(r.Facets.Source))
	}
	if len(r.Hits) != 5 || r.Hits[0].Title != "Common ground 4200" || r.Hits[1].Title != "Common ground 7" || r.Hits[2].Title[:6] == "Common" {
		t.Errorf("ranking: %v, %v, %v", r.Hits[0].Title, r.Hits[1].Title, r.Hits[2].Title)
	}
	r, _ = s.Search(ctx, Query{Text: "common", Sources: []string{"S7"}, Limit: 3})
	if r.Total != 90 || r.Hits[0].Title != "Common ground 7" {
		t.Errorf("filtered: total %d first %q", r.Total, r.Hits[0].Title)
	}
	r, _ = s.Search(ctx, Query{Text: "common", Sort: SortNewest, Limit: 2, Offset: 1})
	if r.Hits[0].ID != int64(len(arts)-1) {
		t.Errorf("newest first, page 2: %d", r.Hits[0].ID)
	}
}

func TestDamagedSnapshotsAreRefused(t *testing.T) {
	c := newColumns()
	for i := int64(1); i <= 300; i++ {
		c.appendRow(i, fmt.Sprint("S", i%7), int32(20200101+i%28), "en", []string{"AFP"})
	}
	s, err := Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.saveColumns(context.Background(), s.db, c); err != nil {
		t.Fatal(err)
	}
	var data []byte
	if err := s.db.QueryRow("SELECT data FROM column_snapshot").Scan(&data); err != nil {
		t.Fatal(err)
	}
	{
		if _, err := decodeColumns(data); err != nil {
			t.Fatalf("a whole snapshot: %v", err)
		}
		for n := 0; n < len(data); n += 97 {
			if _, err := decodeColumns(data[:n]); err == nil {
				t.Errorf("snapshot cut at %d of %d bytes was accepted", n, len(data))
			}
		}
	}
}
