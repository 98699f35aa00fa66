package archive_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

// TestSearchDuringImport searches continuously from one Store (the app)
// while another Store on the same file (the command line) imports 10,000
// articles in batches: no search may fail (no "database is locked"), the
// counts only grow, and the final counts are exact.
func TestSearchDuringImport(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 2000
	}
	path := filepath.Join(t.TempDir(), "shared.db")
	w, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()

	var done atomic.Bool
	var searches, failures atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			last := 0
			queries := []archive.Query{{Text: "minister"}, {Text: "police OR army", Sources: []string{"Outlet 3"}}, {Sort: archive.SortNewest}}
			for i := 0; !done.Load(); i++ {
				res, err := r.Search(ctx, queries[(i+g)%len(queries)])
				searches.Add(1)
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err)
					continue
				}
				if q := queries[(i+g)%len(queries)]; q.Text == "minister" {
					if res.Total < last {
						failures.Add(1)
						firstErr.CompareAndSwap(nil, fmt.Errorf("total went down from %d to %d", last, res.Total))
					}
					last = res.Total
				}
			}
		}(g)
	}
	const batch = 250
	start := time.Now()
	for i := 0; i < n; i += batch {
		var arts []*wiretrace.Article
		for j := i; j < i+batch && j < n; j++ {
			arts = append(arts, &wiretrace.Article{Source: fmt.Sprintf("Outlet %d", j%10), Title: fmt.Sprintf("Report %d", j),
				Text:      fmt.Sprintf("The minister spoke to police and army officers, report number %d.", j),
				Published: time.Date(2022, 1, 1+j%28, 0, 0, 0, 0, time.UTC), Language: "en"})
		}
		if _, err := w.AddBatch(ctx, arts, nil); err != nil {
			t.Fatalf("import batch %d: %v", i/batch, err)
		}
	}
	elapsed := time.Since(start)
	done.Store(true)
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if f := failures.Load(); f > 0 {
		t.Fatalf("%d of %d searches failed during the import, first: %v", f, searches.Load(), firstErr.Load())
	}
	res, err := r.Search(ctx, archive.Query{Text: "minister"})
	if err != nil || res.Total != n || len(res.Facets.Source) != 10 || res.Facets.Source[0].Count != n/10 {
		t.Fatalf("final: %v total %d sources %v", err, res.Total, res.Facets.Source)
	}
	t.Logf("%d articles imported in %v while %d searches answered, 0 failed", n, elapsed.Round(time.Millisecond), searches.Load())
}
