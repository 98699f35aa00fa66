package linking

import (
	"context"
	"maps"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/provenance"
)

// TestTextsOfCandidatesRead checks that the texts a batch hands to
// ReplaceLinksKnown include every candidate it read, even once the
// session's docCache has dropped them, besides the batch's own articles
// and what the cache still holds; texts the session never read are left
// for the archive to read.
func TestTextsOfCandidatesRead(t *testing.T) {
	ctx := context.Background()
	s, err := archive.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var arts []*wiretrace.Article
	for _, text := range []string{"one", "two", "three", "four"} {
		arts = append(arts, &wiretrace.Article{Source: "Outlet", Title: text, Text: "The text of " + text + "."})
	}
	res, err := s.Add(ctx, arts)
	if err != nil {
		t.Fatal(err)
	}
	id := func(i int) int64 { return res[i].ID }
	x := newSession(s)
	bx := newBatchIndex(s, x.docs, x.full, nil)
	if _, err := bx.Docs(ctx, []int64{id(0), id(1)}); err != nil {
		t.Fatal(err)
	}
	clear(x.docs.docs) // full, and started over
	x.docs.put(provenance.Doc{ID: id(2), Text: "cached"})
	batch := []provenance.Doc{{ID: 100, Text: "new"}}
	links := []wiretrace.Link{{From: id(0), To: 100}, {From: id(1), To: 100}, {From: id(2), To: 100}, {From: id(3), To: 100}}
	got := x.texts(batch, links, bx)
	want := map[int64]string{id(0): "The text of one.", id(1): "The text of two.", id(2): "cached", 100: "new"}
	if !maps.Equal(got, want) {
		t.Errorf("texts %v, want %v", got, want)
	}
}
