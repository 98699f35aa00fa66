package archive

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace"
)

// TestFullDisk fills an archive whose size is capped (as a full disk would)
// and checks that the failing batch is refused with a clear error while
// every batch stored before it stays intact and searchable.
func TestFullDisk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "full.db")
	s, err := Open(path) // create the schema first, uncapped
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = open(path, "max_page_count(400)")
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	var failure error
	for b := 0; b < 200 && failure == nil; b++ {
		var arts []*wiretrace.Article
		for i := 0; i < 20; i++ {
			n := b*20 + i
			arts = append(arts, &wiretrace.Article{Source: "S", Title: fmt.Sprintf("Article %d", n),
				Text: strings.Repeat(fmt.Sprintf("Words of article %d about the minister. ", n), 30)})
		}
		if _, err := s.AddBatch(ctx, arts, []ImportedFile{{Path: fmt.Sprintf("/f%d", b), Size: 1, MTime: 1}}); err != nil {
			failure = err
			break
		}
		stored += len(arts)
	}
	if failure == nil || !strings.Contains(failure.Error(), "full") {
		t.Fatalf("no disk-full error after %d articles: %v", stored, failure)
	}
	if strings.Contains(failure.Error(), "\n") {
		t.Errorf("error spans lines: %q", failure)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if p, err := s.Check(ctx); err != nil || len(p) != 0 {
		t.Errorf("check after disk full: %v %v", p, err)
	}
	r, err := s.Search(ctx, Query{Text: "minister"})
	if err != nil || r.Total != stored {
		t.Errorf("after disk full: %v, %d searchable, want the %d stored", err, r.Total, stored)
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(ctx, []*wiretrace.Article{{Source: "S", Title: "Tokaïev", Text: "Le président Tokaïev à Almaty."}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() {
		t.Error("not read-only")
	}
	res, err := r.Search(ctx, Query{Text: "tokaiev"})
	if err != nil || res.Total != 1 {
		t.Errorf("search read-only: %v %v", err, res)
	}
	if _, err := r.Add(ctx, []*wiretrace.Article{{Source: "S", Title: "x", Text: "y"}}); err == nil {
		t.Error("write to a read-only archive succeeded")
	}
	if _, err := OpenReadOnly(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("opened a missing archive read-only")
	}
	old := filepath.Join(t.TempDir(), "old.db")
	s, _ = Open(old)
	s.db.Exec("PRAGMA user_version = 1")
	s.Close()
	if _, err := OpenReadOnly(old); !errors.Is(err, ErrReadOnly) {
		t.Errorf("old schema read-only: %v", err)
	}
}
