package linking

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/provenance"
)

// TestSaturatedPostingsMatchArchive imports articles that share a footer
// (more articles than the Linker's limit hold its fingerprints) in
// batches, as a Session does, and checks that every batch's postings read
// through the saturated cache are the archive's own, and that the cache
// was used.
func TestSaturatedPostingsMatchArchive(t *testing.T) {
	ctx := context.Background()
	s, err := archive.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const limit = 101 // the Linker's default
	footer := "Copyright The Daily Example. All rights reserved. This material may not be published, broadcast, rewritten or redistributed in any form without the written permission of the publisher."
	full := newSaturated()
	docs := newDocCache()
	reused := 0
	for batch := range 4 {
		var arts []*wiretrace.Article
		for i := range 60 {
			n := batch*60 + i
			arts = append(arts, &wiretrace.Article{
				Source: "The Daily Example",
				Title:  fmt.Sprintf("Report number %d", n),
				Text:   fmt.Sprintf("Article %d tells of council meeting %d, where %d members voted on budget line %d after a debate of %d hours.\n\n%s", n, n*7, n%13, n*31, n%5, footer),
			})
		}
		res, err := s.Add(ctx, arts)
		if err != nil {
			t.Fatal(err)
		}
		fps := map[int64][]uint64{}
		for i, r := range res {
			fps[r.ID] = provenance.Fingerprints(arts[i].Title, arts[i].Text)
		}
		cached := newBatchIndex(s, docs, full, fps)
		plain := newBatchIndex(s, docs, nil, fps)
		var all []uint64
		for _, f := range fps {
			all = append(all, f...)
		}
		if _, known := full.split(all, limit); len(known) > 0 {
			reused++
		}
		got, err := cached.Postings(ctx, all, limit)
		if err != nil {
			t.Fatal(err)
		}
		want, err := plain.Postings(ctx, all, limit)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got, want, slices.Equal[[]int64]) {
			t.Fatalf("batch %d: postings through the saturated cache differ from the archive's", batch)
		}
		if err := s.SetFingerprints(ctx, fps); err != nil {
			t.Fatal(err)
		}
	}
	if len(full.lists) == 0 || reused == 0 {
		t.Fatalf("the footer's fingerprints were never saturated (%d kept, reused in %d batches)", len(full.lists), reused)
	}
	for fp, ids := range full.lists {
		if len(ids) != limit || !slices.IsSorted(ids) {
			t.Fatalf("fingerprint %d: kept %d ids, sorted %v", fp, len(ids), slices.IsSorted(ids))
		}
	}
}
