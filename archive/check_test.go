package archive_test

import (
	"context"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/archive"
)

func TestCheckAndRepair(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	fill(t, s)
	if p, err := s.Check(ctx); err != nil || len(p) != 0 {
		t.Fatalf("fresh archive: %v %v", p, err)
	}
	// Damage derived data the way a bug or a hand edit could.
	db := s.DB()
	if _, err := db.Exec("INSERT INTO articles_fts (articles_fts, rowid, title, text, cjk) SELECT 'delete', id, title, text, cjk FROM articles WHERE id = 2"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DELETE FROM article_agencies WHERE article = 3"); err != nil {
		t.Fatal(err)
	}
	p, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range p {
		got = append(got, x.Check)
	}
	if strings.Join(got, ",") != "fts,credits" {
		t.Errorf("problems %v, want fts and credits", p)
	}
	if err := s.Repair(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("after repair: %v %v", p, err)
	}
	r, err := s.Search(ctx, archive.Query{Text: "peacekeeping", Agencies: []string{"AFP"}})
	if err != nil || r.Total != 1 {
		t.Errorf("search after repair: %v %d", err, r.Total)
	}
	r, _ = s.Search(ctx, archive.Query{Agencies: []string{"Xinhua"}})
	if r.Total != 1 {
		t.Errorf("credits after repair: %d", r.Total)
	}
}
